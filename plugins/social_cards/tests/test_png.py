"""The PNG writer of the cards: what Pillow and pngcheck read back is what was drawn."""

import io
import shutil
import struct
import subprocess
import zlib

import pytest
from PIL import Image, ImageDraw
from social_cards.png import palette_png

COLOURS = bytes([250, 248, 243, 30, 35, 45, 180, 70, 30, 12, 94, 88])


def indices():
    image = Image.new("L", (301, 157), 0)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 7, 156), fill=3)
    draw.rectangle((40, 30, 200, 38), fill=2)
    draw.text((40, 60), "Merci !", fill=1)
    return image


def test_pillow_reads_back_the_same_indices_and_colours():
    drawn = indices()
    with Image.open(io.BytesIO(palette_png(drawn, COLOURS))) as image:
        assert (image.format, image.mode, image.size) == ("PNG", "P", drawn.size)
        assert image.tobytes() == drawn.tobytes()
        assert bytes(image.getpalette("RGB")) == COLOURS
        assert image.convert("RGB").getpixel((2, 2)) == (12, 94, 88)


def idat(png):
    length = struct.unpack(">I", png[png.index(b"IDAT") - 4 : png.index(b"IDAT")])[0]
    return png[png.index(b"IDAT") + 4 :][:length]


def test_each_row_starts_with_filter_byte_none_and_zlib_checks_the_stream():
    drawn = indices()
    rows = zlib.decompress(idat(palette_png(drawn, COLOURS)))  # checks the stream's Adler-32 and its end
    width = drawn.width + 1
    assert len(rows) == width * drawn.height
    assert all(rows[row * width] == 0 for row in range(drawn.height))
    pixels = b"".join(rows[row * width + 1 : (row + 1) * width] for row in range(drawn.height))
    assert pixels == drawn.tobytes()


def test_the_same_image_gives_the_same_bytes_and_no_metadata():
    first, second = palette_png(indices(), COLOURS), palette_png(indices(), COLOURS)
    assert first == second
    for name in (b"tIME", b"tEXt", b"iTXt", b"zTXt", b"pHYs"):
        assert name not in first


def test_pngcheck_finds_nothing_wrong(tmp_path):
    pngcheck = shutil.which("pngcheck")
    assert pngcheck, "pngcheck is missing: install Debian's pngcheck package (apt-get install pngcheck)"
    png = palette_png(indices(), COLOURS)

    def check(data):
        path = tmp_path / "card.png"
        path.write_bytes(data)
        return subprocess.run([pngcheck, "-v", str(path)], capture_output=True, text=True)

    checked = check(png)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "No errors detected" in checked.stdout and "4 palette entries" in checked.stdout
    # the control: one byte changed in the compressed rows, and pngcheck says so
    damaged = bytearray(png)
    damaged[png.index(b"IDAT") + 20] ^= 0xFF
    assert check(bytes(damaged)).returncode != 0


@pytest.mark.parametrize("image, colours, message", [
    (Image.new("RGB", (4, 4)), COLOURS, "mode L"),
    (Image.new("L", (4, 4)), COLOURS[:-1], "RGB colours"),
    (Image.new("L", (4, 4)), bytes(3 * 257), "RGB colours"),
])
def test_what_it_cannot_write_is_refused(image, colours, message):
    with pytest.raises(ValueError, match=message):
        palette_png(image, colours)
