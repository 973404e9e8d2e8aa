"""One build at a time writes an output folder, so that a live build and a development build never mix.

The lock is a file beside the folder (`.output.lock` for `output/`), held with flock: by `make publish` for the
whole publish, and by a development build (`make html`, `make devserver`) while it writes. The system lets go of it
when its holder ends, however it ends, so a killed build never leaves the folder locked.
"""

import fcntl
import os
from contextlib import contextmanager
from pathlib import Path

from .publish_marker import remove_marker


class OutputBusy(Exception):
    """Another build holds the folder's lock (raised only when asked not to wait)."""


def lock_path(output):
    output = Path(output).resolve()
    return output.with_name(f".{output.name}.lock")


@contextmanager
def holding(output, holder, on_wait=None, wait=True):
    """Hold the lock of `output` for the block; `holder` ("make publish") is what others are told while waiting.

    When another build holds it: call `on_wait(who holds it)` and wait, or raise OutputBusy if `wait` is False.
    """
    path = lock_path(output)
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    with os.fdopen(descriptor, "r+", encoding="utf-8") as file:
        try:
            fcntl.flock(file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            current = file.read().strip() or "another build"
            if not wait:
                raise OutputBusy(current) from None
            if on_wait is not None:
                on_wait(current)
            fcntl.flock(file, fcntl.LOCK_EX)
        _say(file, f"{holder} (process {os.getpid()})")
        try:
            yield
        finally:
            _say(file, "")


@contextmanager
def development_build(output, holder, on_wait=None, wait=True):
    """Hold the lock of `output` for a development build, which first removes the publish marker: the upload
    targets then refuse what it writes."""
    with holding(output, holder, on_wait, wait):
        remove_marker(output)
        yield


def _say(file, text):
    file.seek(0)
    file.truncate()
    file.write(text)
    file.flush()
