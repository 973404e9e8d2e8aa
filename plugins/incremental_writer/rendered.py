"""The pages a build rendered, each with the digest of what it was rendered from (hub.page_inputs) and the
size and date its file had then, kept under CACHE_PATH for the next build: a page whose digest is the same,
and whose file nobody touched since, is left as it is instead of rendered again."""

import json
import logging
import os
from pathlib import Path

logger = logging.getLogger(__name__)

FILE = "rendered_pages.json"


class RenderedPages:
    def __init__(self, cache_path, output_path):
        self.path = Path(cache_path) / FILE if cache_path else None
        self.output = os.path.abspath(output_path)
        self.pages = self._read()  # output path -> [digest, size, mtime_ns]

    def _read(self):
        try:
            stored = json.loads(self.path.read_text(encoding="utf-8"))
            return dict(stored["pages"]) if stored["output"] == self.output else {}
        except (AttributeError, OSError, ValueError, KeyError, TypeError):
            return {}  # none kept, or for another output folder: every page is rendered

    def holds(self, path, digest):
        """Whether the file at `path` is what rendering this digest gave, as the last build left it."""
        kept = self.pages.get(path)
        if not kept or kept[0] != digest:
            return False
        try:
            found = os.stat(path)
        except OSError:
            return False
        return [found.st_size, found.st_mtime_ns] == kept[1:]

    def note(self, path, digest):
        try:
            found = os.stat(path)
        except OSError:
            self.pages.pop(path, None)
            return
        self.pages[path] = [digest, found.st_size, found.st_mtime_ns]

    def save(self):
        """Kept for the next build; a file cut short reads as none, so every page is then rendered."""
        if self.path is None:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_text(json.dumps({"output": self.output, "pages": self.pages}), encoding="utf-8")
        except OSError as error:
            logger.debug("%s not written: %s", self.path, error)
