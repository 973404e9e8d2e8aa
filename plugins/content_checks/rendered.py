"""What a body becomes once its Markdown is rendered: no link that runs script, and no script of its own
unless the owner allows it. Checked on the HTML, as a browser reads it, not on the Markdown: a reference
definition, an autolink, an entity or a line break all end up as the same href."""

import html
import re

from justhtml import stream

from hub.markdown import to_html
from hub.problems import Problem

# a body that holds none of these (lowercased) and no tag renders to HTML without a script, a script link or
# an event handler: most bodies, which are then not rendered here at all. Plain substrings: one regular
# expression searching for them all took a third of the checks' time.
CANDIDATES = ("script", "&#", "&colon", "data:", "data&", "data\\")
TAG = re.compile(r"<[a-z!/]")

URL_ATTRIBUTES = {
    "href", "src", "action", "formaction", "poster", "cite", "background", "data", "xlink:href", "ping",
    "manifest", "codebase", "longdesc", "lowsrc", "dynsrc", "srcset", "imagesrcset",
}
SCRIPT_SCHEMES = {"javascript", "vbscript", "livescript"}
# data: URLs are fine for pictures a browser never runs; any other (text/html, image/svg+xml…) can hold script
SAFE_DATA = re.compile(r"data:image/(?:png|jpe?g|gif|webp|avif|bmp)[;,]")
SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):")
# what browsers drop from a URL before reading its scheme: C0 controls and spaces, wherever they are
IGNORED_IN_URLS = re.compile(r"[\x00-\x20]+")
# a backslash before ASCII punctuation, which Markdown drops: `data\:` is rendered `data:`
MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
RUNNING_ELEMENTS = ("script", "iframe", "frame", "object", "embed", "base")


def check_rendered(source, allow_scripts=False):
    """Problems of the rendered body of `source` (a content_checks Source), each on the line it comes from."""
    body = "\n".join(source.lines[source.header.body_start :])
    lowered = body.lower()
    if not any(candidate in lowered for candidate in CANDIDATES) and not TAG.search(lowered):
        return []
    lines = _Lines(source)
    found = []
    for tag, attributes in _elements(to_html(body)):
        for name, value in attributes:
            values = [value or ""]
            if name.startswith("on") and not allow_scripts:
                found.append(Problem(
                    source.path, lines.find(f"{name}="),
                    f"an {name}= attribute runs script in the reader's browser: remove it, or set "
                    "CONTENT_ALLOWS_SCRIPTS = True in pelicanconf.py if the site means to run it",
                ))
            elif name in URL_ATTRIBUTES:
                for url in _urls(name, values):
                    scheme = _script_scheme(url)
                    if scheme:
                        found.append(Problem(
                            source.path, lines.find(f"{scheme}:"),
                            f"a {scheme}: link runs script in the reader's browser, or shows a page of its own: "
                            "link to a page or a file instead",
                        ))
        if allow_scripts:
            continue
        if tag in RUNNING_ELEMENTS:
            found.append(Problem(
                source.path, lines.find(f"<{tag}"),
                f"a <{tag}> runs or loads what the site does not check: remove it, or set "
                "CONTENT_ALLOWS_SCRIPTS = True in pelicanconf.py if the site means to run it",
            ))
        elif tag == "meta" and any(name == "http-equiv" for name, _ in attributes):
            found.append(Problem(
                source.path, lines.find("http-equiv"),
                "a <meta http-equiv> can send the reader elsewhere: remove it",
            ))
    return found


def _elements(markup):
    """(tag, [(attribute, value)]) of every start tag, read as browsers read HTML (comments, <noscript> and
    foreign content included, where Python's own parser differs from them), in time linear in the markup."""
    # a tag left open at the end of a body is closed by the page's next `>`: so it is here
    for kind, data in stream(markup + ">"):
        if kind == "start":
            tag, attributes = data
            yield tag, [(name.lower(), value) for name, value in attributes.items()]


def _urls(name, values):
    if name in ("srcset", "imagesrcset"):
        return [candidate.split()[0] for value in values for candidate in value.split(",") if candidate.split()]
    return values


def _script_scheme(url):
    """The scheme of `url` as a browser reads it, when it runs script or makes a page of its own; else None."""
    url = IGNORED_IN_URLS.sub("", url).lower()
    match = SCHEME.match(url)
    if match is None:
        return None
    scheme = match[1]
    if scheme in SCRIPT_SCHEMES or (scheme == "data" and not SAFE_DATA.match(url)):
        return scheme
    return None


class _Lines:
    """Finds where in a body a piece of its rendered HTML came from: the body's text with entities and
    Markdown's escapes read and whitespace dropped, as the HTML has it, searched from where the last find of the same text stopped."""

    def __init__(self, source):
        self.text, self.line_of = [], []
        for number in range(source.header.body_start, len(source.lines)):
            text = html.unescape(MARKDOWN_ESCAPE.sub(r"\1", source.lines[number]))
            for character in IGNORED_IN_URLS.sub("", text).lower():
                self.text.append(character)
                self.line_of.append(number + 1)
        self.text = "".join(self.text)
        self.searched = {}

    def find(self, needle):
        """The line of the next `needle` (0 when it is not found: the whole file is meant)."""
        needle = IGNORED_IN_URLS.sub("", needle).lower()
        start = self.text.find(needle, self.searched.get(needle, 0))
        if start < 0:
            start = self.text.find(needle)
            if start < 0:
                return 0
        self.searched[needle] = start + 1
        return self.line_of[start]
