"""Rendered freebie PDFs kept between builds, one file per fingerprint, in a folder under CACHE_PATH."""

import functools
import hashlib
import json
from importlib import metadata

from hub.file_cache import FileCache

from . import pdf
from .pdf import render_pdf

FOLDER = "freebie_pdfs"


class PdfCache:
    """render_pdf, but a PDF whose inputs have not changed comes from the cache. A cache that cannot be
    read or written only costs the rendering: the build goes on."""

    def __init__(self, cache_path):
        # a file cut short (a crash before the disk caught up) is rendered again
        self.files = FileCache(cache_path, FOLDER, ".pdf", lambda data: data.rstrip().endswith(b"%%EOF"))
        self.folder = self.files.folder
        self.rendered = 0
        self.reused = 0
        self.rendered_ahead = set()  # keys a child process rendered for this build: counted as rendered
        self.rendered_keys = []  # the keys of the PDFs this cache rendered and kept
        self.used_keys = set()  # the keys of every PDF asked for
        self._digests = {}  # font path -> hash of its bytes, read once per build

    def render(self, source, *, title, lang, author, footer_text, fonts):
        """The bytes of the PDF made from Markdown `source`; render_pdf's errors pass through unchanged."""
        inputs = {"title": title, "lang": lang, "author": author, "footer_text": footer_text}
        key = self._key(source, inputs, fonts) if self.folder else None
        if key:
            self.used_keys.add(key)
        data = self.files.get(key) if key else None
        if data is not None:
            if key in self.rendered_ahead:
                self.rendered += 1
            else:
                self.reused += 1
            return data
        data = render_pdf(source, fonts=fonts, **inputs)
        self.rendered += 1
        if key:
            self.files.put(key, data)
            self.rendered_keys.append(key)
        return data

    def keep_used_only(self):
        """Remove the cached PDFs that nothing asked for since this cache was made (of a freebie edited or
        deleted since); how many. Call it once every freebie has been read."""
        return self.files.keep_only(self.used_keys)

    def _key(self, source, inputs, fonts):
        try:
            font_digests = {face: self._digest(path) for face, path in fonts.items()}
        except (OSError, TypeError, AttributeError):
            return None  # rendered uncached, so render_pdf reports the bad font as it always has
        return fingerprint(source, inputs, font_digests)

    def _digest(self, path):
        if path not in self._digests:
            with open(path, "rb") as font_file:
                self._digests[path] = hashlib.sha256(font_file.read()).hexdigest()
        return self._digests[path]


# what turns the Markdown into blocks, and the blocks into the PDF's bytes
LIBRARIES = ("fpdf2", "markdown", "beautifulsoup4")


@functools.cache
def library_versions():
    return {name: metadata.version(name) for name in LIBRARIES}


def fingerprint(source, inputs, font_digests):
    """A hash of everything that decides a PDF's bytes."""
    everything = {
        "source": source,
        **inputs,
        "fonts": font_digests,  # the bytes, not the paths: a font replaced in place counts
        "renderer": pdf.RENDERER_VERSION,
        "creation_date": pdf.CREATION_DATE.isoformat(),
        "libraries": library_versions(),
    }
    encoded = json.dumps(everything, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(encoded.encode()).hexdigest()
