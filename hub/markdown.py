"""Markdown text to HTML with cmark-gfm, as the hub reads it (the cmark_reader plugin, and `make check`, which
looks at what a body becomes), then the two things Pelican expects from its own Markdown reader: intrasite
links it can replace, and code highlighted with Pygments."""

import ctypes
import html
import re
from urllib.parse import unquote

from cmarkgfm import _cmark
from cmarkgfm.cmark import (
    Options,
    core_extensions_ensure_registered,
    find_syntax_extension,
    markdown_to_html_with_extensions,
    parser_attach_syntax_extension,
    parser_feed,
    parser_finish,
    parser_free,
    parser_get_syntax_extensions,
    parser_new,
)
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound

OPTIONS = (
    Options.CMARK_OPT_UNSAFE  # raw HTML passes through, as with Python-Markdown
    | Options.CMARK_OPT_FOOTNOTES
    | Options.CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE  # "~5 min … ~10 min" must stay text
    | Options.CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES  # `align` is obsolete in HTML5
)
EXTENSIONS = ("table", "strikethrough")


class _Memory(ctypes.Structure):
    _fields_ = [
        ("calloc", ctypes.c_void_p),
        ("realloc", ctypes.c_void_p),
        ("free", ctypes.CFUNCTYPE(None, ctypes.c_void_p)),
    ]


def _cmark_freeing():
    """cmark's functions that free a document tree and a rendered string, or None without them.

    cmarkgfm's wrappers free neither (about 50 kB a file: 200 MB for 4000 tips, again on every rebuild of a
    long-running server), and its cffi declarations leave these functions out: they are taken from the
    library itself, which the interpreter has already loaded.
    """
    try:
        library = ctypes.CDLL(_cmark.__file__)
        library.cmark_node_free.argtypes = [ctypes.c_void_p]
        library.cmark_get_default_mem_allocator.restype = ctypes.POINTER(_Memory)
        return library.cmark_node_free, library.cmark_get_default_mem_allocator().contents.free
    except (OSError, AttributeError):
        return None


_FREEING = _cmark_freeing()
core_extensions_ensure_registered()
_EXTENSIONS = [find_syntax_extension(name) for name in EXTENSIONS]


def _address(pointer):
    return int(_cmark.ffi.cast("uintptr_t", pointer))


def to_html(text):
    """cmark-gfm's HTML for Markdown `text`, with OPTIONS and EXTENSIONS."""
    if _FREEING is None:
        return markdown_to_html_with_extensions(text, OPTIONS, EXTENSIONS)
    free_tree, free_string = _FREEING
    parser = parser_new(OPTIONS)
    try:
        for extension in _EXTENSIONS:
            parser_attach_syntax_extension(parser, extension)
        parser_feed(parser, text)
        root = parser_finish(parser)
        try:
            rendered = _cmark.lib.cmark_render_html(root, OPTIONS, parser_get_syntax_extensions(parser))
            try:
                return _cmark.ffi.string(rendered).decode("utf-8")
            finally:
                free_string(_address(rendered))
        finally:
            free_tree(_address(root))
    finally:
        parser_free(parser)


# cmark percent-encodes the braces (and bars) of `{filename}/x.md` in link destinations, where
# Pelican's INTRASITE_LINK_REGEX would no longer find them.
ENCODED_INTRASITE = re.compile(r'="%7[BC](?P<what>\w+)%7[CD](?P<value>[^"]*)"')  # a literal start: quick
URL_ATTRIBUTES = (" href", " src")
# Pelican slugifies these values as they are, so they must read as the writer wrote them (`{tag}ystävät`).
NAMED_BY_TEXT = {"category", "tag", "author"}

CODE_BLOCK = re.compile(r'<pre><code class="language-(?P<lang>[^"]+)">(?P<code>.*?)</code></pre>', re.S)


def _restore_intrasite(match):
    if not match.string.endswith(URL_ATTRIBUTES, 0, match.start()):
        return match[0]
    what, value = match["what"], match["value"]
    if what in NAMED_BY_TEXT:
        value = html.escape(unquote(html.unescape(value)))
    return f'="{{{what}}}{value}"'


class Renderer:
    """Renders Markdown for one site: the Pygments formatter and lexers are made once."""

    def __init__(self, css_class="highlight"):
        # wrapcode: the <pre><code> markup codehilite writes
        self.formatter = HtmlFormatter(cssclass=css_class, wrapcode=True)
        self.lexers = {}

    def __call__(self, text):
        output = to_html(text)
        if "%7" in output:
            output = ENCODED_INTRASITE.sub(_restore_intrasite, output)
        if '<pre><code class="language-' in output:
            output = CODE_BLOCK.sub(self._highlighted, output)
        # no final newline, as with Python-Markdown: pages and feeds stay byte-for-byte the same
        return output.rstrip("\n")

    def _lexer(self, lang):
        if lang not in self.lexers:
            try:
                self.lexers[lang] = get_lexer_by_name(lang)
            except ClassNotFound:
                self.lexers[lang] = None
        return self.lexers[lang]

    def _highlighted(self, match):
        lexer = self._lexer(html.unescape(match["lang"]))
        if lexer is None:
            return match[0]
        return highlight(html.unescape(match["code"]), lexer, self.formatter)
