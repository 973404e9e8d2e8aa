"""A card as PNG bytes: an image of palette indices and its colours, deflated by zlib-ng.

Pillow's own PNG writing (Image.save(..., "PNG", compress_level=1)) deflates with the zlib its wheel links
(the system's), which takes about four times as long as zlib-ng on the same rows. Measured on 4000 cards
of the benchmark corpus (scripts/bench/cards.py), it takes 0.8 ms a card more: 3.1-3.3 CPU-s, 16-17 % of a
clean build of 1000 tips in four languages (about 19.5 CPU-s); built so, that build took 4.5 CPU-s more,
and its files are a quarter larger. A palette image needs no more of PNG than four chunks, each row's
filter byte left at 0 (none), as Pillow writes them too.
"""

import struct

from PIL import Image
from zlib_ng import zlib_ng

SIGNATURE = b"\x89PNG\r\n\x1a\n"
LEVEL = 2  # per card, level 1: 0.20 ms/21 KB, 2: 0.26 ms/13 KB, 3: 0.42 ms/15 KB, 6: 0.91 ms/11 KB
INDEXED_COLOUR = 3  # the IHDR colour type


def palette_png(indices, colours):
    """The PNG of an "L" image of palette indices and the palette's RGB bytes; the same input gives the
    same bytes: no date or other metadata."""
    if indices.mode != "L":
        raise ValueError(f"an image of palette indices (mode L) is needed, not mode {indices.mode}")
    if not colours or len(colours) % 3 or len(colours) > 3 * 256:
        raise ValueError(f"a palette is 1 to 256 RGB colours, not {len(colours)} bytes")
    # column 0 holds each row's filter byte (0: none), so the image's bytes are the rows PNG deflates
    rows = Image.new("L", (indices.width + 1, indices.height), 0)
    rows.paste(indices, (1, 0))
    return b"".join([
        SIGNATURE,
        _chunk(b"IHDR", struct.pack(">IIBBBBB", indices.width, indices.height, 8, INDEXED_COLOUR, 0, 0, 0)),
        _chunk(b"PLTE", bytes(colours)),
        _chunk(b"IDAT", zlib_ng.compress(rows.tobytes(), LEVEL)),
        _chunk(b"IEND", b""),
    ])


def _chunk(kind, data):
    check = zlib_ng.crc32(data, zlib_ng.crc32(kind))  # of the kind and the data, without joining them first
    return b"".join([struct.pack(">I", len(data)), kind, data, struct.pack(">I", check)])
