"""Freed memory kept for reuse while cards are drawn.

Each card allocates and frees buffers of the same few sizes (its pixels, their rows for PNG, the deflated
bytes), each larger than glibc's malloc maps afresh or trims off the top of its heap by default: every
card then faults in those pages again, one per 4 KiB. Measured on 1000 cards of the benchmark corpus
(`scripts/bench/cards.py --memory`), the drawing spent 0.46-0.77 s in the kernel so, 0.08-0.10 s with
these thresholds, for the same user time.
"""

import ctypes
import os

# mallopt(3) parameters
M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3

MMAP_THRESHOLD = 32 << 20  # blocks under it come from the heap, which keeps them once freed
TRIM_THRESHOLD = 64 << 20  # free memory at the top of the heap kept up to this


def keep_freed_memory():
    """Set glibc's malloc of this process to keep freed memory; True if it did (False on another C
    library). Called in the process that draws, so the build's own keeps its defaults."""
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
