"""Rendered freebie PDFs kept between builds, one file per fingerprint, in a folder under CACHE_PATH."""

import contextlib
import functools
import hashlib
import json
import logging
import os
from importlib import metadata

from . import pdf
from .pdf import render_pdf

FOLDER = "freebie_pdfs"

logger = logging.getLogger(__name__)


class PdfCache:
    """render_pdf, but a PDF whose inputs have not changed comes from the cache. A cache that cannot be
    read or written only costs the rendering: the build goes on."""

    def __init__(self, cache_path):
        self.folder = os.path.join(cache_path, FOLDER) if cache_path else None
        self.rendered = 0
        self.reused = 0
        self.rendered_ahead = set()  # keys a child process rendered for this build: counted as rendered
        self.rendered_keys = []  # the keys of the PDFs this cache rendered and kept
        self.used_keys = set()  # the keys of every PDF asked for
        self._digests = {}  # font path -> hash of its bytes, read once per build

    def path(self, key):
        return os.path.join(self.folder, f"{key}.pdf")

    def render(self, source, *, title, lang, author, footer_text, fonts):
        """The bytes of the PDF made from Markdown `source`; render_pdf's errors pass through unchanged."""
        inputs = {"title": title, "lang": lang, "author": author, "footer_text": footer_text}
        key = self._key(source, inputs, fonts) if self.folder else None
        if key:
            self.used_keys.add(key)
        data = self._get(key) if key else None
        if data is not None:
            if key in self.rendered_ahead:
                self.rendered += 1
            else:
                self.reused += 1
            return data
        data = render_pdf(source, fonts=fonts, **inputs)
        self.rendered += 1
        if key:
            self._put(key, data)
            self.rendered_keys.append(key)
        return data

    def keep_used_only(self):
        """Remove the cached PDFs that nothing asked for since this cache was made (of a freebie edited or
        deleted since); how many. Call it once every freebie has been read."""
        try:
            names = os.listdir(self.folder) if self.folder else []
        except OSError:
            return 0
        removed = 0
        for name in names:
            key, extension = os.path.splitext(name)
            if extension == ".pdf" and key not in self.used_keys:
                with contextlib.suppress(OSError):
                    os.remove(os.path.join(self.folder, name))
                    removed += 1
        return removed

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

    def _get(self, key):
        try:
            with open(self.path(key), "rb") as cached:
                data = cached.read()
        except OSError:
            return None
        # a file cut short (a crash before the disk caught up) is rendered again
        return data if data.rstrip().endswith(b"%%EOF") else None

    def _put(self, key, data):
        partial = f"{self.path(key)}.{os.getpid()}.partial"
        try:
            os.makedirs(self.folder, exist_ok=True)
            # written aside, then renamed: a build that stops half-way, or one running beside it,
            # never finds half a PDF under the final name
            with open(partial, "wb") as cached:
                cached.write(data)
            os.replace(partial, self.path(key))
        except OSError as error:
            logger.debug("Freebie PDF not cached in %s: %s", self.folder, error)
            with contextlib.suppress(OSError):
                os.remove(partial)


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
