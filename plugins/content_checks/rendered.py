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
# why the file is left out, and how to show such markup rather than run it: the rendered HTML of code is text
BLOCKED = "the site's policy blocks them in the reader's browser, so the file is left out of the build"
AS_AN_EXAMPLE = "show it as an example in `backticks` or a fenced code block"


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
                    f"an {name}= attribute runs script, and scripts are not allowed in content: {BLOCKED}; "
                    f"remove it, {AS_AN_EXAMPLE}, or set CONTENT_ALLOWS_SCRIPTS = True in pelicanconf.py "
                    "if the site means to run it",
                    leaves_out=True,
                ))
            elif name in URL_ATTRIBUTES:
                for url in _urls(name, values):
                    scheme = _script_scheme(url)
                    if scheme:
                        found.append(Problem(
                            source.path, lines.find(f"{scheme}:"),
                            f"a {scheme}: link runs script, or shows a page of its own, and scripts are not "
                            f"allowed in content: {BLOCKED}; link to a page or a file instead, or {AS_AN_EXAMPLE}",
                            leaves_out=True,
                        ))
        if allow_scripts:
            continue
        if tag in RUNNING_ELEMENTS:
            found.append(Problem(
                source.path, lines.find(f"<{tag}"),
                f"a <{tag}> runs or loads what the site does not check, and scripts are not allowed in content: "
                f"{BLOCKED}; remove it, {AS_AN_EXAMPLE}, or set CONTENT_ALLOWS_SCRIPTS = True in pelicanconf.py "
                "if the site means to run it",
                leaves_out=True,
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
    Markdown's escapes read and whitespace dropped, as the HTML has it, searched from where the last find of the
    same text stopped; first in the body without its code and comments, where the same words are only text."""

    def __init__(self, source):
        lines = source.lines[source.header.body_start :]
        self.texts = [_searchable(_without_code(lines), source.header.body_start), _searchable(lines, source.header.body_start)]
        self.searched = {}

    def find(self, needle):
        """The line of the next `needle` (0 when it is not found: the whole file is meant)."""
        needle = IGNORED_IN_URLS.sub("", needle).lower()
        for index, (text, line_of) in enumerate(self.texts):
            key = (index, needle)
            start = text.find(needle, self.searched.get(key, 0))
            if start < 0:
                start = text.find(needle)
            if start >= 0:
                self.searched[key] = start + 1
                return line_of[start]
        return 0


FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)")
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
MASK = "\x7f"  # kept by the search, and in no needle


def _without_code(lines):
    """`lines` with their fenced code, code spans and HTML comments masked, each line as long as it was."""
    body = COMMENT.sub(lambda match: re.sub(r"[^\n]", MASK, match[0]), "\n".join(lines))
    masked, fence = [], None
    for line in body.split("\n"):
        opening = FENCE.match(line)
        if fence is None and opening:
            fence = opening[1]
            masked.append(MASK * len(line))
        elif fence is not None:
            if opening and opening[1][0] == fence[0] and len(opening[1]) >= len(fence) and not line.strip(" `~"):
                fence = None
            masked.append(MASK * len(line))
        else:
            masked.append(CODE_SPAN.sub(lambda match: MASK * len(match[0]), line))
    return masked


def _searchable(lines, first_index):
    """(text, the line number of each of its characters) of `lines`, the first being line `first_index` + 1."""
    text, line_of = [], []
    for number, line in enumerate(lines, start=first_index + 1):
        for character in IGNORED_IN_URLS.sub("", html.unescape(MARKDOWN_ESCAPE.sub(r"\1", line))).lower():
            text.append(character)
            line_of.append(number)
    return "".join(text), line_of
