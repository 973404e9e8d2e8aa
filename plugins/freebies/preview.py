"""The first page of a freebie's PDF as a small PNG, for its landing page: made once per PDF, kept in a folder
under CACHE_PATH by a hash of the PDF's bytes."""

import functools
import hashlib
import io
import json
import re
from dataclasses import dataclass
from importlib import metadata

from hub.file_cache import FileCache

FOLDER = "freebie_previews"
# twice the width the theme shows it at, for sharp text on high-density screens
WIDTH = 480
# sixteen greys keep text and ticks sharp at a third of the full image's weight
GREYS = 16
# bump when the drawing below changes: previews made the old way are then made again
PREVIEW_VERSION = 1
PNG_END = b"IEND\xaeB`\x82"
PREVIEW_NAME = re.compile(r"preview-[0-9a-f]{16}\.png")  # what PreviewCache.preview names a preview


class PreviewError(ValueError):
    """The file cannot be drawn: not a PDF, or one PDFium cannot read."""


@dataclass(frozen=True)
class Preview:
    """The picture of a freebie's first page, ready to be written."""

    data: bytes
    url: str  # relative to SITEURL
    width: int
    height: int


def first_page_png(pdf_bytes, width=WIDTH):
    """The PNG bytes of the first page of the PDF `pdf_bytes`, `width` pixels wide."""
    # PDFium and Pillow are imported by the process that draws, as the PDF's renderer is
    import pypdfium2
    from PIL import Image

    try:
        document = pypdfium2.PdfDocument(pdf_bytes)
    except pypdfium2.PdfiumError as error:
        raise PreviewError(f"PDFium cannot read it ({error})") from error
    try:
        if len(document) == 0:
            raise PreviewError("it has no page")
        page = document[0]
        page_width, _ = page.get_size()
        bitmap = page.render(scale=width / page_width, grayscale=True, may_draw_forms=False)
        image = bitmap.to_pil().convert("L").quantize(GREYS, method=Image.Quantize.MEDIANCUT)
    finally:
        document.close()
    png = io.BytesIO()
    image.save(png, "PNG", optimize=True)
    return png.getvalue()


class PreviewCache:
    """first_page_png, but the preview of a PDF already drawn comes from the cache."""

    def __init__(self, cache_path):
        self.files = FileCache(cache_path, FOLDER, ".png", lambda data: data.endswith(PNG_END))
        self.used_keys = set()  # the keys of every preview asked for

    def preview(self, pdf_bytes, folder_url):
        """The Preview of the PDF `pdf_bytes`, to be written in `folder_url`; PreviewError if it cannot be drawn."""
        key = fingerprint(pdf_bytes)
        self.used_keys.add(key)
        data = self.files.get(key)
        if data is None:
            data = first_page_png(pdf_bytes)
            self.files.put(key, data)
        width, height = png_size(data)
        # named by its content: a browser may keep it for good, and a changed freebie gets a new name
        return Preview(data, f"{folder_url}preview-{key[:16]}.png", width, height)

    def keep_used_only(self):
        """Remove the kept previews of PDFs no freebie delivers any more; how many."""
        return self.files.keep_only(self.used_keys)


def png_size(data):
    """Width and height from a PNG's header chunk."""
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


@functools.cache
def library_versions():
    return {name: metadata.version(name) for name in ("pypdfium2", "pillow")}


def fingerprint(pdf_bytes):
    """A hash of everything that decides a preview's bytes."""
    drawing = json.dumps({"width": WIDTH, "greys": GREYS, "version": PREVIEW_VERSION, **library_versions()}, sort_keys=True)
    return hashlib.sha256(drawing.encode() + b"\0" + pdf_bytes).hexdigest()
