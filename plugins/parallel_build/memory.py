"""Freed memory kept for reuse by the build's processes, rather than handed back to the system at once.

A build frees and allocates buffers of the same sizes thousands of times: a card's pixels, a page's
text. By default glibc's malloc maps each large one afresh and unmaps it when freed, and trims the
top of its heap, so every reuse costs a page fault per 4 KiB touched (over 400,000 for 4,000 cards,
a third of their drawing time). With fixed thresholds it keeps them, at the cost of holding on to
what a build already used at its peak.
"""

import ctypes
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
