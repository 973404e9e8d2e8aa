"""The headers a host that reads a `_headers` file (Netlify, Cloudflare Pages) sends for a path, read from the
file a build wrote: what `make serve` and `make devserver` send too, so that a writer previews the site under
the live site's policy and sees a violation before publishing, not after."""

import functools
import re
from dataclasses import dataclass
from pathlib import Path

HEADERS_FILE = "_headers"
NOT_FOUND_PAGE = "404.html"  # the page a host sends for a missing file
# on 127.0.0.1 it would make the browser insist on https for every later local server
LEFT_OUT_OF_PREVIEWS = {"strict-transport-security"}
POLICY_HEADERS = ("content-security-policy", "content-security-policy-report-only")
# a path pattern may name the site's own address first, as Netlify allows
SITE_ADDRESS = re.compile(r"^[a-z][a-z0-9+.-]*://[^/]*")
PLACEHOLDER = re.compile(r":[A-Za-z_][A-Za-z0-9_]*")


@dataclass(frozen=True)
class Rule:
    pattern: str
    headers: tuple  # ((name, value), …) in the order the file gives them
    line: int

    def matches(self, path):
        return pattern_matches(self.pattern, path)


class HeadersFileError(ValueError):
    """A line of a `_headers` file that is neither a path, a header nor a comment."""


def read_rules(text, name=HEADERS_FILE):
    """The rules of a `_headers` file's `text`: a path pattern at the start of a line, then its headers
    indented, `Name: value` one a line; `#` starts a comment."""
    rules, pattern, headers, start = [], None, [], 0
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if not line[0].isspace():
            if pattern is not None:
                rules.append(Rule(pattern, tuple(headers), start))
            pattern, headers, start = SITE_ADDRESS.sub("", stripped) or "/", [], number
            continue
        header, colon, value = stripped.partition(":")
        if pattern is None or not colon or not header.strip():
            raise HeadersFileError(f"{name}:{number}: expected a path, or an indented `Name: value` after one")
        headers.append((header.strip(), value.strip()))
    if pattern is not None:
        rules.append(Rule(pattern, tuple(headers), start))
    return rules


def rules_in(folder):
    """The rules of the `_headers` file at the root of `folder`; none when the build wrote none."""
    path = Path(folder) / HEADERS_FILE
    if not path.is_file():
        return []
    return read_rules(path.read_text(encoding="utf-8"), str(path))


def headers_for(rules, path):
    """[(name, value)] for a request of `path` (without its query): the headers of every rule that matches
    it, combined as Netlify does, a header that several rules give sending their values joined by commas."""
    combined = {}
    for rule in rules:
        if rule.matches(path):
            for name, value in rule.headers:
                key = name.lower()
                if key in combined:
                    combined[key] = (combined[key][0], f"{combined[key][1]}, {value}")
                else:
                    combined[key] = (name, value)
    return list(combined.values())


def preview_headers(headers, script_url=None, socket_url=None):
    """`headers` as a local server sends them: without what binds the browser beyond the preview (HSTS),
    and, for a dev server that reloads the page, its policies allowing exactly its script and its socket."""
    previewed = []
    for name, value in headers:
        if name.lower() in LEFT_OUT_OF_PREVIEWS:
            continue
        if name.lower() in POLICY_HEADERS:
            if script_url:
                value = allowing(value, "script-src", script_url)
            if socket_url:
                value = allowing(value, "connect-src", socket_url)
        previewed.append((name, value))
    return previewed


def allowing(policies, directive, source):
    """Content-Security-Policy `policies` (comma-separated, each enforced) each allowing `source` in
    `directive` too; a directive a policy lacks starts from its default-src, as the browser would read it."""
    return ", ".join(_allowing(policy.strip(), directive, source) for policy in policies.split(","))


def _allowing(policy, directive, source):
    directives = [part.split() for part in policy.split(";") if part.strip()]
    names = [words[0].lower() for words in directives]
    if directive in names:
        words = directives[names.index(directive)]
    else:
        default = directives[names.index("default-src")][1:] if "default-src" in names else []
        words = [directive, *default]
        directives.append(words)
    words[1:] = [word for word in words[1:] if word.lower() != "'none'"] + [source]
    return "; ".join(" ".join(words) for words in directives)


def pattern_matches(pattern, path):
    """Whether a `_headers` path pattern matches `path`."""
    return _matcher(pattern).fullmatch(path) is not None


def is_host_file(path):
    """Whether `path`, from the site's root, names a file a host reads and never sends: its `_headers` or
    `_redirects` at the root, or any dotfile (`.htaccess`)."""
    parts = [part for part in path.split("/") if part not in ("", ".")]
    return parts in ([HEADERS_FILE], ["_redirects"]) or any(part.startswith(".") for part in parts)


def not_found_page(folder):
    """The bytes of the site's 404 page in `folder`, or None when it has none."""
    try:
        return (Path(folder) / NOT_FOUND_PAGE).read_bytes()
    except OSError:
        return None


@functools.lru_cache(maxsize=None)
def _matcher(pattern):
    """A `*` matches anything, slashes included; a `:name` one segment of the path."""
    expression = []
    for piece in re.split(r"(\*|:[A-Za-z_][A-Za-z0-9_]*)", pattern):
        if piece == "*":
            expression.append(".*")
        elif PLACEHOLDER.fullmatch(piece):
            expression.append("[^/]+")
        else:
            expression.append(re.escape(piece))
    return re.compile("".join(expression))


class ServedHeaders:
    """The preview headers of each path of an output folder, from its `_headers` file as the last build wrote it
    (read again whenever it changes: the dev server rebuilds under a running server)."""

    def __init__(self, folder):
        self.path = Path(folder) / HEADERS_FILE
        self.stamp, self.rules = None, []

    def for_path(self, path, script_url=None, socket_url=None):
        return preview_headers(headers_for(self._rules(), path), script_url, socket_url)

    def _rules(self):
        try:
            stat = self.path.stat()
            stamp = (stat.st_mtime_ns, stat.st_size)
        except OSError:
            stamp = None
        if stamp != self.stamp:
            self.rules = rules_in(self.path.parent) if stamp else []
            self.stamp = stamp
        return self.rules
