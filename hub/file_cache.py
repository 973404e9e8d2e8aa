"""Bytes kept between builds, one file per key in a folder under CACHE_PATH.

A folder that cannot be read or written only costs the work of making the bytes again: the build goes on.
"""

import contextlib
import logging
import os

logger = logging.getLogger(__name__)


class FileCache:
    def __init__(self, cache_path, folder, extension, is_whole=lambda data: True):
        """`is_whole(data)` tells a complete file from one cut short (a crash before the disk caught up)."""
        self.folder = os.path.join(cache_path, folder) if cache_path else None
        self.extension = extension
        self.is_whole = is_whole

    def path(self, key):
        return os.path.join(self.folder, f"{key}{self.extension}")

    def get(self, key):
        """The bytes kept under `key`, or None."""
        if not self.folder:
            return None
        try:
            with open(self.path(key), "rb") as cached:
                data = cached.read()
        except OSError:
            return None
        return data if self.is_whole(data) else None

    def put(self, key, data):
        if not self.folder:
            return
        partial = f"{self.path(key)}.{os.getpid()}.partial"
        try:
            os.makedirs(self.folder, exist_ok=True)
            # written aside, then renamed: a build that stops half-way, or one running beside it,
            # never finds half a file under the final name
            with open(partial, "wb") as cached:
                cached.write(data)
            os.replace(partial, self.path(key))
        except OSError as error:
            logger.debug("%s not cached in %s: %s", key, self.folder, error)
            with contextlib.suppress(OSError):
                os.remove(partial)

    def keep_only(self, keys):
        """Remove the kept files whose key is not in `keys`; how many."""
        try:
            names = os.listdir(self.folder) if self.folder else []
        except OSError:
            return 0
        removed = 0
        for name in names:
            key, extension = os.path.splitext(name)
            if extension == self.extension and key not in keys:
                with contextlib.suppress(OSError):
                    os.remove(os.path.join(self.folder, name))
                    removed += 1
        return removed
