"""Text measured and drawn from glyphs loaded once: the boxes and pixels Pillow's basic layout gives."""

import io
import random

import pytest
from fontTools.ttLib import TTFont, newTable
from fontTools.ttLib.tables._k_e_r_n import KernTable_format_0
from PIL import Image, ImageChops, ImageDraw, ImageFont
from social_cards import drawing, typesetting
from social_cards.drawing import Box, Fonts, draw_card
from social_cards.typesetting import Typeface, has_kern_table

LINES = [
    "Jak ułatwić klientom polecanie twojej firmy",
    "Żółć, gęślą jaźń – ĄĆĘŁŃÓŚŹŻ",
    "Asiakaspalvelukokemuksen parantaminen: käytännön opas",
    "Jyväskylä, Äänekoski ja Öljy vvvv yyyy",
    "«\u00a0Merci\u00a0» : pourquoi les petits mots comptent…",
    "Qu’être à l’écoute, ça s’apprend ? Où, déjà…",
]
ANCHORS = ("ls", "lm", "rm", "la", "rs", "mt", "ld")


def pillow_drawing(font, canvas, xy, text, anchor="ls", background=None):
    """The coverage of `text` drawn by Pillow on an empty image of size `canvas`, or on `background`."""
    image = background.copy() if background else Image.new("L", canvas, 0)
    ImageDraw.Draw(image).text(xy, text, font=font, fill=255, anchor=anchor)
    return image


def glyph_drawing(typeface, canvas, xy, text, anchor="ls", background=None):
    """The same, drawn from the typeface's glyphs."""
    image = background.copy() if background else Image.new("L", canvas, 0)
    typeface.draw(image, xy, text, anchor)
    return image


SETS = [("bold", 88), ("bold", 66), ("bold", 44), ("bold", 36), ("regular", 28)]  # titles, site name, caption


@pytest.mark.parametrize(("face", "size"), SETS)
def test_a_line_drawn_from_loaded_glyphs_is_the_line_pillow_draws(face, size, fonts):
    typeface = fonts.at(face, size)
    for text in LINES:
        for anchor in ANCHORS:
            assert typeface.bbox(text, anchor) == typeface.font.getbbox(text, anchor=anchor), (text, anchor)
        for xy, anchor in (((40, 150), "ls"), ((2360, 100), "rm")):
            expected = pillow_drawing(typeface.font, (2400, 220), xy, text, anchor)
            drawn = glyph_drawing(typeface, (2400, 220), xy, text, anchor)
            assert drawn.tobytes() == expected.tobytes(), (text, anchor)
            left, top, right, bottom = typeface.bbox(text, anchor)
            measured = Box(xy[0] + left, xy[1] + top, xy[0] + right, xy[1] + bottom)
            assert measured.contains(Box(*drawn.getbbox())), (text, anchor)


def glyph_overlaps(font, canvas, xy, text):
    """255 where two or more glyphs of `text` drawn by Pillow one at a time have ink (no kerning)."""
    count = Image.new("L", canvas, 0)
    for at, character in enumerate(text):
        # the basic layout puts a glyph at the pen's position rounded, the advances before it summed
        x = xy[0] + int(font.getlength(text[:at]) + 0.5)
        inked = pillow_drawing(font, canvas, (x, xy[1]), character).point([0] + [1] * 255)
        count = ImageChops.add(count, inked)
    return count.point([0, 0] + [255] * 254)


@pytest.mark.parametrize("size", [88, 61, 44])
def test_over_other_ink_a_line_is_a_level_off_pillows_at_most_and_only_where_its_glyphs_overlap(size, fonts):
    """Pillow adds up a line's glyphs, then adds the line to what is under it; glyph by glyph, the two sums
    round apart by a level where two glyphs and something under them meet."""
    typeface = fonts.at("bold", size)
    background = Image.linear_gradient("L").resize((2000, 200))
    for text in LINES + ["vvvv yyyy VWVWYY AxxA fYfV jJ ąJ kv"]:
        expected = pillow_drawing(typeface.font, background.size, (40, 140), text, background=background)
        drawn = glyph_drawing(typeface, background.size, (40, 140), text, background=background)
        difference = ImageChops.difference(drawn, expected)
        assert difference.getextrema()[1] <= 1, text
        outside = ImageChops.subtract(difference.point([0] + [255] * 255), glyph_overlaps(
            typeface.font, background.size, (40, 140), text))
        assert outside.getbbox() is None, f"{text}: off where no two glyphs overlap"
        on_empty = glyph_drawing(typeface, background.size, (40, 140), text)
        assert on_empty.tobytes() == pillow_drawing(typeface.font, background.size, (40, 140), text).tobytes()


def test_a_lines_measured_box_holds_its_ink_at_every_size(fonts):
    words = " ".join(LINES).split(" ")
    rng = random.Random(13)
    lines = [" ".join(rng.choices(words, k=rng.randint(1, 6))) for _ in range(12)]
    for size in [*drawing.TITLE_SIZES[::3], *drawing.SITE_NAME_SIZES[::4]]:
        typeface = fonts.at("bold", size)
        for text in lines:
            left, top, right, bottom = typeface.bbox(text)
            assert (left, top, right, bottom) == typeface.font.getbbox(text, anchor="ls"), (size, text)
            ink = glyph_drawing(typeface, (2400, 300), (200, 200), text).getbbox()
            assert Box(200 + left, 200 + top, 200 + right, 200 + bottom).contains(Box(*ink)), (size, text)


def with_kern_table(font_data, pairs):
    """The font with a legacy `kern` table of `pairs` ("AV": font units) added."""
    font = TTFont(io.BytesIO(font_data))
    names = font.getBestCmap()
    subtable = KernTable_format_0()
    subtable.coverage = 1  # horizontal
    subtable.kernTable = {(names[ord(a)], names[ord(b)]): value for (a, b), value in pairs.items()}
    table = newTable("kern")
    table.version, table.kernTables = 0, [subtable]
    font["kern"] = table
    kerned = io.BytesIO()
    font.save(kerned)
    return kerned.getvalue()


def test_a_font_with_a_kern_table_is_kerned_as_pillow_kerns_it(fonts):
    pairs = {"AV": -300, "VA": -300, "To": -250, "Ty": -250, "LT": -200, "«T": -150, "o…": -400, "ła": -90}
    data = with_kern_table(fonts.data["bold"], pairs)
    assert has_kern_table(data)
    texts = ["AVAVAVAVAV To Ty LT", "«\u00a0To\u00a0» Tył…", "AVA VAV AV AVAVAVA Too…", "LTLTLT ToToTo"]
    for size in (88, 61, 44):
        font = ImageFont.truetype(io.BytesIO(data), size, layout_engine=ImageFont.Layout.BASIC)
        typeface, unkerned = Typeface(font, kerned=True), Typeface(font, kerned=False)
        assert font.getlength("AVAVAV") < 6 * font.getlength("A"), "Pillow kerns the pairs: there is kerning"
        for text in texts:
            for anchor in ("ls", "rs", "mm"):
                expected = font.getbbox(text, anchor=anchor)
                left, top, right, bottom = typeface.bbox(text, anchor)
                # advances kerned a fraction of a pixel: the box may reach a pixel further right, never less
                assert (left, top, bottom) == (expected[0], expected[1], expected[3]), (size, text, anchor)
                assert expected[2] <= right <= expected[2] + 1, (size, text, anchor)
            drawn = glyph_drawing(typeface, (1600, 200), (40, 140), text)
            pillows = pillow_drawing(font, (1600, 200), (40, 140), text)
            assert drawn.tobytes() == pillows.tobytes(), (size, text)
            left, top, right, bottom = typeface.bbox(text)
            assert Box(40 + left, 140 + top, 40 + right, 140 + bottom).contains(Box(*drawn.getbbox()))
        assert unkerned.bbox(texts[0], "rs") != font.getbbox(texts[0], anchor="rs"), "unkerned, it is wider"


def test_fonts_without_a_kern_table_are_set_without_measuring_pairs(fonts):
    for face in ("bold", "regular"):
        assert not has_kern_table(fonts.data[face]) and not fonts.at(face, 88).kerned
    font = fonts.at("bold", 88).font
    for pair in ("AV", "To", "Ty", "LT", "«\u00a0", "o…", "ła", "ży"):
        assert font.getlength(pair) == font.getlength(pair[0]) + font.getlength(pair[1]), pair


class NoFreeType:
    """Stands in for a typeface's Pillow font: any use of it is a glyph loaded again."""

    def __getattr__(self, name):
        raise AssertionError(f"FreeType asked again: font.{name}")


def test_each_glyph_is_loaded_from_freetype_once_per_process(style, monkeypatch):
    drawing.TYPEFACES.clear()
    fonts, same_files = Fonts(style), Fonts(style)
    first = draw_card(LINES[0], site_name="Reciprocity Hub", caption="Polski", style=style, fonts=fonts)
    size = first.layout.size
    assert same_files.at("bold", size) is fonts.at("bold", size), "one typeface per font file and size"
    for typeface in drawing.TYPEFACES.values():
        monkeypatch.setattr(typeface, "font", NoFreeType())
    # other words of the same letters, measured and drawn at the same size: from the glyphs loaded already
    shuffled = " ".join(reversed(LINES[0].split(" ")))
    card = draw_card(shuffled, site_name="Reciprocity Hub", caption="Polski", style=style, fonts=same_files)
    assert card.layout.size == first.layout.size and card.png != first.png


def test_what_typefaces_keep_is_bounded(fonts):
    typeface = fonts.at("bold", 50)
    for number in range(2 * typesetting.RUNS_KEPT):
        typeface.bbox(f"Tip {number}")
    assert len(typeface._runs) <= typesetting.RUNS_KEPT
    for code in range(0x100, 0x100 + typesetting.INKS_KEPT + 50):
        typeface.draw(Image.new("L", (200, 200)), (50, 150), chr(code))
    assert len(typeface._inks) <= typesetting.INKS_KEPT and len(typeface._glyphs) <= typesetting.GLYPHS_KEPT
    assert len(drawing.TYPEFACES) <= drawing.TYPEFACES_KEPT
