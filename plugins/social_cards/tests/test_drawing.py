"""A card drawn without a build: its title as large as it fits inside the margins, the same pixels as the
plain RGB drawing, the same bytes every time and in every process, and a fingerprint of all it shows."""

import io
import os
import random

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageStat
from social_cards import drawing
from social_cards.cache import CardCache
from social_cards.drawing import HEIGHT, TITLE_AREA, WIDTH, Fonts, draw_card, fingerprint, fits, plain_title
from social_cards.settings import style_from
from social_cards.social_cards import drawer
from support import ROOT

from hub.pool import InBackground, can_fork

THEME = str(ROOT / "theme")
TITLES = [
    "Give before you ask",
    "Jak ułatwić klientom polecanie twojej firmy",
    "Pourquoi un petit geste inattendu, offert sans rien demander en retour, fidélise vos clients "
    "bien mieux qu’une remise de vingt pour cent",
    "Asiakaspalvelukokemuksen parantaminen pienyrityksen markkinointiviestinnässä – käytännön opas",
    "«\u00a0Merci\u00a0» : pourquoi les petits mots comptent",
]
TOO_LONG = [
    "Żółć " + "word " * 80,
    "Lentokonesuihkuturbiinimoottoriapumekaanikkoaliupseerioppilas" * 3,
]


@pytest.mark.parametrize("title", TITLES + TOO_LONG)
def test_titles_wrap_and_shrink_to_stay_inside_the_margins(title, style, fonts):
    layout = draw_card(title, site_name="Reciprocity Hub", caption="Polski", style=style, fonts=fonts).layout
    assert layout.boxes and len(layout.boxes) == len(layout.lines)
    for box in layout.boxes:
        assert TITLE_AREA.contains(box), f"{box} is outside {TITLE_AREA}"
    assert TITLE_AREA.left >= 80 and TITLE_AREA.right <= WIDTH - 80
    if title in TITLES:
        assert not layout.shortened and fits(title, fonts)
        assert " ".join(layout.lines) == title, "every word whole, none left out"
    else:
        assert layout.shortened and not fits(title, fonts), "a cut title is reported, never silent"


def test_longer_titles_are_drawn_smaller(style, fonts):
    sizes = [
        draw_card(title, site_name="Reciprocity Hub", caption="", style=style, fonts=fonts).layout.size
        for title in TITLES[:3]
    ]
    assert sizes[0] >= sizes[1] > sizes[2]


def test_the_same_card_is_the_same_bytes_and_carries_no_date(style, fonts):
    first, second = (
        draw_card(TITLES[1], site_name="Reciprocity Hub", caption="Polski", style=style, fonts=fonts).png
        for _ in range(2)
    )
    assert first == second and first.startswith(b"\x89PNG\r\n\x1a\n")
    assert b"tIME" not in first and b"tEXt" not in first


def rgb_drawing(plan, style):
    """The card of `plan` drawn the plain way, in RGB, text by Pillow: what the palette card must look like."""
    image = Image.new("RGB", (WIDTH, HEIGHT), style.background)
    draw = ImageDraw.Draw(image)
    for box, colour in plan.rectangles:
        draw.rectangle(box, fill=colour)
    mark = drawing.brand_mark(drawing.MARK_SIZE, style.accent_soft, style.accent)
    image.paste(mark, drawing.MARK_CORNER, mark)
    for colour, texts in plan.blocks:
        for origin, text, typeface, anchor in texts:
            draw.text(origin, text, font=typeface.font, fill=colour, anchor=anchor)
    return image


def exactly(image, colour):
    """255 where `image` is exactly `colour`, 0 elsewhere."""
    difference = ImageChops.difference(image, Image.new("RGB", image.size, colour))
    bands = [band.point([255] + [0] * 255) for band in difference.split()]
    return ImageChops.darker(ImageChops.darker(bands[0], bands[1]), bands[2])


@pytest.mark.parametrize(
    ("title", "caption"), [(TITLES[1], "Polski"), (TITLES[3], "Suomi"), (TOO_LONG[0], "")]
)
def test_the_palette_card_looks_like_the_same_card_drawn_in_rgb(title, caption, style, fonts):
    card = draw_card(title, site_name="Reciprocity Hub", caption=caption, style=style, fonts=fonts)
    with Image.open(io.BytesIO(card.png)) as image:
        assert (image.format, image.mode, image.size) == ("PNG", "P", (WIDTH, HEIGHT))
        palette = image.convert("RGB")
    plan = drawing.plan_card(title, "Reciprocity Hub", caption, style, fonts)
    assert plan.layout.lines == card.layout.lines and plan.layout.boxes == card.layout.boxes
    reference = rgb_drawing(plan, style)

    difference = ImageChops.difference(palette, reference)
    assert max(ImageStat.Stat(difference).mean) < 1.5
    # anti-aliased edges take the nearest of the ramp's shades: half a step off at most, plus rounding
    step = max(abs(a - b) for a, b in zip(style.foreground, style.background)) / (drawing.RAMP - 1)
    assert max(high for _, high in difference.getextrema()) <= min(step / 2 + 1, 6)

    assert palette.getpixel((WIDTH - 1, 0)) == palette.getpixel((WIDTH - 1, HEIGHT - 1)) == style.background
    assert palette.getpixel((drawing.EDGE - 1, HEIGHT // 2)) == style.accent
    (rule_left, rule_top, _, _), _ = plan.rectangles[1]
    assert palette.getpixel((rule_left + 1, rule_top + 1)) == style.highlight
    # where the text fully covers a pixel, the pixel is the text's own colour
    solid = exactly(reference, style.foreground)
    assert solid.histogram()[255] > 2000, "the title has solid strokes to compare"
    assert ImageChops.subtract(solid, exactly(palette, style.foreground)).getbbox() is None


def masked_paste(image, texts, ramp):
    """Texts of one colour pasted through a mask of their ink, whatever is under them."""
    boxes = [drawing._placed(typeface, text, anchor, origin) for origin, text, typeface, anchor in texts]
    left, top = min(box.left for box in boxes), min(box.top for box in boxes)
    right, bottom = max(box.right for box in boxes), max(box.bottom for box in boxes)
    coverage = Image.new("L", (right - left, bottom - top), 0)
    for (x, y), text, typeface, anchor in texts:
        typeface.draw(coverage, (x - left, y - top), text, anchor)
    image.paste(coverage.point(ramp), (left, top), coverage.point([0] + [255] * 255))


def palette_drawing(plan, style):
    """The palette indices of the card of `plan`, all of it drawn on one image in the plan's order."""
    palette = drawing._palette(style)
    image = Image.new("L", (WIDTH, HEIGHT), 0)
    draw = ImageDraw.Draw(image)
    for box, colour in plan.rectangles:
        draw.rectangle(box, fill=palette.flat[colour])
    image.paste(palette.mark, drawing.MARK_CORNER, palette.mark_mask)
    for colour, texts in plan.blocks:
        masked_paste(image, texts, palette.ramps[colour])
    return image


LONG_SITE_NAME = "The Reciprocity Hub for Small Businesses and Their Loyal Customers"


@pytest.mark.parametrize("site_name", ["Reciprocity Hub", LONG_SITE_NAME])
def test_cards_drawn_on_a_shared_background_have_the_pixels_of_cards_drawn_whole(site_name, style, fonts):
    words = " ".join(TITLES).split(" ")
    rng = random.Random(11)
    titles = TITLES + TOO_LONG + [" ".join(rng.choices(words, k=rng.randint(1, 40))) for _ in range(12)]
    for caption in ("English", "Suomi", ""):
        for title in titles:
            card = draw_card(title, site_name=site_name, caption=caption, style=style, fonts=fonts)
            plan = drawing.plan_card(title, site_name, caption, style, fonts)
            with Image.open(io.BytesIO(card.png)) as image:
                assert image.mode == "P" and bytes(image.getpalette()) == drawing._palette(style).colours
                assert image.tobytes() == palette_drawing(plan, style).tobytes(), (title, caption)
            assert (card.layout.lines, card.layout.boxes) == (plan.layout.lines, plan.layout.boxes)


def test_a_card_is_the_same_bytes_with_its_background_drawn_already_or_not(style, fonts):
    drawing._background.cache_clear()
    first, second = (
        draw_card(TITLES[2], site_name="Reciprocity Hub", caption="Suomi", style=style, fonts=fonts).png
        for _ in range(2)
    )
    assert first == second
    assert drawing._background.cache_info().hits == 1


def test_drawing_a_card_leaves_the_shared_background_as_it_was_even_when_it_fails(style, fonts, monkeypatch):
    background = drawing._background("Reciprocity Hub", "Polski", style, fonts)
    before = background.tobytes()
    for title in (TITLES[0], TOO_LONG[0]):
        draw_card(title, site_name="Reciprocity Hub", caption="Polski", style=style, fonts=fonts)
        assert background.tobytes() == before, title

    def fail(*args):
        raise RuntimeError("no room left on the device")

    monkeypatch.setattr(drawing, "palette_png", fail)  # after the title is drawn
    with pytest.raises(RuntimeError):
        draw_card(TITLES[1], site_name="Reciprocity Hub", caption="Polski", style=style, fonts=fonts)
    assert background.tobytes() == before
    monkeypatch.undo()
    assert draw_card(TITLES[1], site_name="Reciprocity Hub", caption="Polski", style=style, fonts=fonts).png == (
        draw_card(TITLES[1], site_name="Reciprocity Hub", caption="Polski", style=style, fonts=fonts).png)


def test_text_over_something_drawn_leaves_it_where_the_text_has_no_ink(style, fonts):
    ramp = drawing._palette(style).ramps[style.foreground]
    texts = [((20, 70), "Żółć, Jyväskylä", fonts.at("bold", 60), "ls")]
    image, expected = (Image.new("L", (600, 100), 0) for _ in range(2))
    for each in (image, expected):
        ImageDraw.Draw(each).rectangle((0, 40, 599, 99), fill=200)  # under the lower half of the text
    drawing._paste_text(image, texts, ramp)
    masked_paste(expected, texts, ramp)
    assert image.tobytes() == expected.tobytes()
    assert image.histogram()[200] > 0 and image.getpixel((30, 10)) == 0


def test_cards_drawn_in_a_forked_process_are_the_same_bytes_as_drawn_in_this_one(tmp_path, style, fonts):
    assert can_fork()
    titles = [f"{title} {number}" for number in range(13) for title in TITLES]
    jobs = [(f"card{number}", title, "Suomi") for number, title in enumerate(titles[:64])]
    serial, forked = CardCache(tmp_path / "serial"), CardCache(tmp_path / "forked")
    draw_serially = drawer(serial, "Reciprocity Hub", style, fonts)
    # the child starts with no glyph loaded, no palette and no background, as in a build's first fork
    drawing.TYPEFACES.clear()
    draw_forked = drawer(forked, "Reciprocity Hub", style, Fonts(style))
    drawing._palette.cache_clear()
    drawing._background.cache_clear()
    processes = InBackground(lambda job: (draw_forked(job), os.getpid())[1], jobs).wait()
    assert set(processes) - {os.getpid()} and len(set(processes)) == 1, "a forked child drew them"
    for job in jobs:
        draw_serially(job)
    for key, _, _ in jobs:
        assert forked.has(key) and serial.has(key), key
        forked.copy_to(key, tmp_path / "forked" / "out" / f"{key}.png")
        serial.copy_to(key, tmp_path / "serial" / "out" / f"{key}.png")
        assert (tmp_path / "forked" / "out" / f"{key}.png").read_bytes() == (
            tmp_path / "serial" / "out" / f"{key}.png").read_bytes(), key


def test_titles_fit_as_when_every_size_is_measured_in_full(fonts):
    """fit_title stops measuring a size once the title has too many lines for it; the outcome is the same."""
    words = " ".join(TITLES).split(" ")
    rng = random.Random(7)
    titles = [" ".join(rng.choice(words) for _ in range(rng.randint(1, 30))) for _ in range(24)]
    width, height = TITLE_AREA.right - TITLE_AREA.left, TITLE_AREA.bottom - TITLE_AREA.top

    def fits_at(title, size):
        font = fonts.at("bold", size)
        lines = drawing._wrap(title.split(" "), font, width)
        return lines is not None and drawing._block_height(font, len(lines)) <= height

    for title in titles:
        largest = next((size for size in drawing.TITLE_SIZES if fits_at(title, size)), None)
        layout = drawing.fit_title(title, fonts)
        expected = (largest, False) if largest else (drawing.TITLE_SIZES[-1], True)
        assert (layout.size, layout.shortened) == expected, title
        assert fits(title, fonts) == fits_at(title, drawing.TITLE_SIZES[-1]), title
    assert any(fits(title, fonts) for title in titles) and not all(fits(title, fonts) for title in titles)


def test_everything_drawn_is_in_the_fingerprint(style, fonts):
    base = ("A title", "Reciprocity Hub", "English")
    key = fingerprint(*base, style, fonts)
    assert key == fingerprint(*base, style, fonts)
    others = {
        fingerprint("A title!", *base[1:], style, fonts),
        fingerprint(base[0], "Another Hub", base[2], style, fonts),
        fingerprint(*base[:2], "Suomi", style, fonts),
        fingerprint(*base, style_from({"THEME": THEME, "SOCIAL_CARDS": {"accent": "#7a2e8f"}}), fonts),
    }
    assert key not in others and len(others) == 4


def test_plain_title_is_the_text_of_the_heading_and_keeps_no_break_spaces():
    assert plain_title("<em>Bonjour</em> &amp; «\u00a0merci\u00a0»\n ") == "<em>Bonjour</em> &amp; «\u00a0merci\u00a0»"
    assert plain_title("Pyyda\u0308") == "Pyydä"
