"""Memory as a build uses it: freed memory kept for reuse, and no last walk through it at exit.

A build frees and allocates buffers of the same sizes thousands of times: a card's pixels, a page's
text. By default glibc's malloc maps each large one afresh and unmaps it when freed, and trims the
top of its heap, so every reuse costs a page fault per 4 KiB touched (over 400,000 for 4,000 cards,
a third of their drawing time). With fixed thresholds it keeps them, at the cost of holding on to
what a build already used at its peak.

When the build ends, Python's last garbage collection walks every object it still holds (about half a
second for 1000 tips in four languages) only for the system to take the whole memory back a moment later.
"""

import atexit
import ctypes
import gc
import os

# mallopt(3) parameters
M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3

MMAP_THRESHOLD = 32 << 20  # blocks under it come from the heap, which keeps them once freed
TRIM_THRESHOLD = 256 << 20  # free memory at the top of the heap kept up to this


def keep_freed_memory():
    """Set glibc's malloc to keep freed memory; True if it did (False on another C library)."""
    if not _glibc():
        return False
    mallopt = ctypes.CDLL(None).mallopt  # the C library this process runs on
    mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    return bool(mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD)) and bool(mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD))


def _glibc():
    try:
        return (os.confstr("CS_GNU_LIBC_VERSION") or "").startswith("glibc")
    except (ValueError, OSError, AttributeError):  # no such name here: not glibc
        return False


def skip_last_collection():
    """Have the process, when it exits, leave its objects out of Python's last garbage collection (once per
    process, however many builds it runs). Objects in reference cycles are then not finalized at exit,
    which Python never promised anyway."""
    atexit.unregister(gc.freeze)  # the registration of an earlier build, if any: one is enough
    atexit.register(gc.freeze)  # runs before the interpreter's own clean-up
