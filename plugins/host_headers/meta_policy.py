"""Each page's policy in a <meta http-equiv>, first in its <head> (after the charset), for hosts that send no headers of their own."""

import html
import re

from hub.files import write_if_changed

from .policy import without_header_only

_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
# the charset must stay in the first 1024 bytes, so the policy comes right after it, before any resource
_CHARSET = re.compile(r"<head\b[^>]*>\s*<meta charset=[^>]*>", re.IGNORECASE)
# the one this plugin put there at an earlier build (the writer may have left the page alone since)
_OURS = re.compile(r'\n?  <meta http-equiv="Content-Security-Policy" content="[^"]*">')


def without_meta(text):
    return _OURS.sub("", text, count=1)


def with_meta(text, csp):
    """`text`, a page's HTML, with its <meta> policy as the first element of its <head>."""
    text = without_meta(text)
    head = _CHARSET.search(text) or _HEAD.search(text)
    if head is None:
        return text
    tag = f'\n  <meta http-equiv="Content-Security-Policy" content="{html.escape(without_header_only(csp))}">'
    return text[: head.end()] + tag + text[head.end():]


def write_meta(path, csp):
    with open(path, encoding="utf-8") as page:
        text = page.read()
    write_if_changed(path, with_meta(text, csp).encode("utf-8"))
