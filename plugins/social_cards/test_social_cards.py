"""Social cards: one per tip and language, on brand, always fitting, cached, and loud about missing glyphs."""

import io
import logging
import os
import random
import shutil
import sqlite3
import time
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont, newTable
from fontTools.ttLib.tables._k_e_r_n import KernTable_format_0
from pelican import signals
from pelican.log import LimitFilter
from PIL import Image, ImageChops, ImageDraw, ImageFont, ImageStat
from support import ROOT, build, read_metadata, sources, tip_pages

from hub.pool import SMALLEST_SHARED, can_fork, fork_map
from social_cards import ahead, drawing, typesetting
from social_cards.cache import FILE, CardCache
from social_cards.drawing import (
    HEIGHT,
    TITLE_AREA,
    WIDTH,
    Box,
    Fonts,
    draw_card,
    fingerprint,
    fits,
    plain_title,
)
from social_cards.glyphs import missing_characters
from social_cards.settings import DEFAULTS, SocialCardsConfigError, style_from
from social_cards.social_cards import LAST_BUILD, BuildCount, card_path, drawer
from social_cards.typesetting import Typeface, has_kern_table

THEME = str(ROOT / "theme")
EDITED = ("give-first.pl.md", "Najpierw daj, potem proś", "Najpierw daj, dopiero potem proś")
NO_GLYPHS = ("thank-you-notes.fr.md", "qui sonnent juste", "qui sonnent juste, ありがとう")


@pytest.fixture(scope="module")
def style():
    return style_from({"THEME": THEME})


@pytest.fixture(scope="module")
def fonts(style):
    return Fonts(style)


# --- full builds -----------------------------------------------------------------------------------------


@dataclass
class Built:
    output: Path
    count: BuildCount
    warnings: list  # the plugin's warning messages
    attributes: dict  # save_as -> (social_card, width, height), as the templates saw them
    cards: dict  # card path under output -> PNG bytes
    modified: dict  # card path under output -> its file's modification time (ns)


@contextmanager
def plugin_warnings():
    records = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = records.append
    logger = logging.getLogger("social_cards")
    logger.addHandler(handler)
    try:
        yield records
    finally:
        logger.removeHandler(handler)


def build_with_cards(output, cache, content=None):
    """Build the site into `output`, its cards cached under `cache`, and say what happened to the cards."""
    # Pelican shows each warning once per process; each build must show its own
    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()
    attributes = {}

    def seen(generator, content):
        attributes[content.save_as] = (
            content.social_card, content.social_card_width, content.social_card_height
        )

    signals.article_generator_write_article.connect(seen)
    overrides = {"CACHE_PATH": str(cache), **({"PATH": str(content)} if content else {})}
    try:
        with plugin_warnings() as records:
            build(output, **overrides)
    finally:
        signals.article_generator_write_article.disconnect(seen)
    found = {path.relative_to(output).as_posix(): path for path in output.rglob("card.png")}
    cards = {name: path.read_bytes() for name, path in found.items()}
    modified = {name: path.stat().st_mtime_ns for name, path in found.items()}
    count = BuildCount(LAST_BUILD.drawn, LAST_BUILD.reused)
    return Built(output, count, [record.getMessage() for record in records], attributes, cards, modified)


def content_with(tmp_path, file, old, new):
    """A copy of the sample content with one tip's title changed."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    path = content / "tips" / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return content


A_YEAR_AGO = time.time_ns() - 365 * 24 * 3600 * 10**9


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(scope="module")
def builds(tmp_path_factory, cache):
    """The sample site built twice into the same folder, with the same cache; between the two, the cards
    are dated a year back, so that a card the second build writes shows."""
    output = tmp_path_factory.mktemp("site")
    first = build_with_cards(output, cache)
    for name in first.cards:
        os.utime(output / name, ns=(A_YEAR_AGO, A_YEAR_AGO))
    second = build_with_cards(output, cache)
    return first, second


def cache_keys(cache):
    with closing(sqlite3.connect(cache / FILE)) as database:
        return {key for key, in database.execute("SELECT key FROM cards")}


@pytest.fixture(scope="module")
def edited(tmp_path_factory, cache, builds):
    """The sample site with one title changed, built with a copy of the cache of `builds`; (the build, the
    keys the cache held before it, the keys it holds after)."""
    folder = tmp_path_factory.mktemp("edited")
    shutil.copytree(cache, folder / "cache")
    before = cache_keys(folder / "cache")
    built = build_with_cards(folder / "output", folder / "cache", content_with(folder, *EDITED))
    return built, before, cache_keys(folder / "cache")


def test_every_tip_in_every_language_has_a_1200x630_png_card_beside_its_page(builds):
    first, _ = builds
    tips = list(tip_pages(first.output))
    assert len(tips) == len(sources("tips")) == len(first.cards)
    assert {path.relative_to(first.output).parts[0] for path, _ in tips} == {"en", "fr", "pl", "fi"}
    for path, _ in tips:
        card = path.parent / "card.png"
        assert card.relative_to(first.output).as_posix() in first.cards, f"{path} has no card"
        with Image.open(card) as image:
            assert image.format == "PNG" and image.size == (1200, 630) == (WIDTH, HEIGHT)
            assert image.mode == "P", "a few colours: a palette PNG is far cheaper to write than an RGB one"


def test_templates_get_the_cards_url_and_size_before_the_pages_are_written(builds):
    first, _ = builds
    assert len(first.attributes) == len(first.cards)
    for save_as, (url, width, height) in first.attributes.items():
        assert url == card_path(save_as) and not url.startswith("/")
        assert url in first.cards
        assert (width, height) == (1200, 630)
    english = first.attributes["en/tips/give-before-you-ask/index.html"]
    assert english[0] == "en/tips/give-before-you-ask/card.png"


def test_cards_show_a_dark_title_on_the_light_brand_background(builds, style):
    first, _ = builds
    for path, data in first.cards.items():
        with Image.open(io.BytesIO(data)) as image:
            area = (TITLE_AREA.left, TITLE_AREA.top, TITLE_AREA.right, TITLE_AREA.bottom)
            histogram = image.convert("L").crop(area).histogram()
            dark, light = sum(histogram[:80]) / sum(histogram), sum(histogram[200:]) / sum(histogram)
            assert dark > 0.03 and light > 0.5, f"{path}: {dark:.1%} dark and {light:.1%} light by the title"
            edge = image.convert("RGB").getpixel((4, HEIGHT // 2))
            assert edge == style.accent, "the brand's accent runs down the left"


def test_titles_with_diacritics_give_no_warning(builds, fonts):
    first, _ = builds
    titles = [read_metadata(path)["title"] for _, lang, path in sources("tips") if lang in ("fr", "pl", "fi")]
    assert any(set(title) & set("ąćęłńóśźż") for title in titles) and any("ä" in title for title in titles)
    for title in titles:
        assert missing_characters(plain_title(title), fonts.characters["bold"]) == [], title
    assert first.warnings == []


def test_the_first_build_draws_every_card_and_caches_it_under_cache_path(builds, cache):
    first, _ = builds
    assert first.count == BuildCount(drawn=len(first.cards), reused=0)
    with closing(sqlite3.connect(cache / FILE)) as database:
        keys = [key for key, in database.execute("SELECT key FROM cards")]
    assert len(keys) == len(first.cards)
    assert not list(cache.rglob("*.png")), "one file for every card, not a file each"


def test_a_second_build_redraws_nothing_and_leaves_the_same_bytes_alone(builds):
    first, second = builds
    assert second.count == BuildCount(drawn=0, reused=len(first.cards))
    assert second.cards == first.cards
    assert set(second.modified.values()) == {A_YEAR_AGO}, "a card file holding the same bytes is not written again"


def test_changing_one_title_redraws_exactly_that_card(builds, edited):
    first, _ = builds
    edited, _, _ = edited
    assert edited.count == BuildCount(drawn=1, reused=len(first.cards) - 1)
    changed = [path for path in first.cards if edited.cards[path] != first.cards[path]]
    assert changed == ["pl/porady/najpierw-daj-potem-pros/card.png"]
    assert edited.warnings == []


def test_the_cache_keeps_only_the_cards_the_site_shows(builds, edited, style, fonts):
    first, _ = builds
    _, before, after = edited
    old, new = (fingerprint(title, "Reciprocity Hub", "Polski", style, fonts) for title in EDITED[1:])
    assert old in before and new not in before
    assert after == before - {old} | {new}, "the card of the title as it was is removed, and only that one"
    assert len(after) == len(first.cards)


def test_cards_drawn_while_the_tips_are_read_count_as_drawn_and_are_the_same_bytes(tmp_path, builds, monkeypatch):
    first, _ = builds
    monkeypatch.setattr(ahead, "BATCH", 1)  # every tip offered at once: the sample site has few
    offered = []
    monkeypatch.setattr(ahead.DrawingAhead, "offer", record_calls(ahead.DrawingAhead.offer, offered))
    built = build_with_cards(tmp_path / "output", tmp_path / "cache")
    assert len(offered) >= len(first.cards), "every published or hidden tip is offered as it is read"
    assert built.count == BuildCount(drawn=len(first.cards), reused=0)
    assert built.cards == first.cards


def record_calls(function, calls):
    def recorded(*args):
        calls.append(args[1:])
        return function(*args)
    return recorded


def test_a_title_with_characters_the_font_lacks_is_a_warning_naming_the_file(tmp_path, cache, builds):
    built = build_with_cards(tmp_path / "output", cache, content_with(tmp_path, *NO_GLYPHS))
    [warning] = built.warnings
    assert "thank-you-notes.fr.md:1:" in warning
    assert "'あ' (U+3042)" in warning and "U+3068" in warning and "cannot show them" in warning
    assert built.count.drawn == 1, "the card is drawn all the same"


def test_a_bad_setting_stops_the_build_with_one_line_saying_what_to_do(tmp_path):
    expected = r"^SOCIAL_CARDS: unknown key\(s\) \['colour'\]; the keys it can set are \['accent'"
    with pytest.raises(SocialCardsConfigError, match=expected):
        build(tmp_path, CACHE_PATH=str(tmp_path / "cache"), SOCIAL_CARDS={"colour": "#000000"})
    assert not (tmp_path / "en").exists()


# --- the drawing, without a build ------------------------------------------------------------------------

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


def test_a_title_too_long_for_the_card_is_a_warning_naming_the_file_on_every_build(tmp_path):
    long_title = " ".join(["Najdłuższy"] * 40)
    content = content_with(tmp_path, EDITED[0], EDITED[1], long_title)
    source = content / "tips" / EDITED[0]
    line = next(number for number, text in enumerate(source.read_text(encoding="utf-8").splitlines(), 1)
                if text.startswith("Title:"))
    expected = f"{source}:{line}: the title is too long for its social card"
    cache = tmp_path / "cache"
    for build_number in (1, 2):  # drawn, then reused from the cache: the writer is told both times
        built = build_with_cards(tmp_path / "output", cache, content)
        assert [message for message in built.warnings if message.startswith(expected)], (build_number, built.warnings)
    assert built.count.drawn == 0


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


def test_a_title_reaching_into_the_rows_deflated_once_is_deflated_whole(style, fonts, monkeypatch):
    spliced, rows_png = [], drawing.rows_png
    monkeypatch.setattr(drawing, "rows_png", lambda rows, colours, unchanging: (
        spliced.append(unchanging is not None), rows_png(rows, colours, unchanging))[1])
    draw_card(TITLES[0], site_name="Reciprocity Hub", caption="Suomi", style=style, fonts=fonts)
    # the rows the background deflates once reach into the title's area: this card cannot use them
    drawing._background.cache_clear()
    monkeypatch.setattr(drawing, "TOP", drawing.TITLE_AREA.bottom - 40)
    card = draw_card(TITLES[0], site_name="Reciprocity Hub", caption="Suomi", style=style, fonts=fonts)
    drawing._background.cache_clear()
    assert spliced == [True, False]
    plan = drawing.plan_card(TITLES[0], "Reciprocity Hub", "Suomi", style, fonts)
    with Image.open(io.BytesIO(card.png)) as image:
        assert image.tobytes() == palette_drawing(plan, style).tobytes()


def test_a_card_is_the_same_bytes_with_its_background_drawn_already_or_not(style, fonts):
    drawing._background.cache_clear()
    first, second = (
        draw_card(TITLES[2], site_name="Reciprocity Hub", caption="Suomi", style=style, fonts=fonts).png
        for _ in range(2)
    )
    assert first == second
    assert drawing._background.cache_info().hits == 1


def test_drawing_a_card_leaves_the_shared_background_as_it_was_even_when_it_fails(style, fonts, monkeypatch):
    background = drawing._background("Reciprocity Hub", "Polski", style, fonts).rows
    before = background.tobytes()
    for title in (TITLES[0], TOO_LONG[0]):
        draw_card(title, site_name="Reciprocity Hub", caption="Polski", style=style, fonts=fonts)
        assert background.tobytes() == before, title

    def fail(*args):
        raise RuntimeError("no room left on the device")

    monkeypatch.setattr(drawing, "rows_png", fail)  # after the title is drawn on the background
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


def test_cards_drawn_in_forked_processes_are_the_same_bytes_as_drawn_in_one(tmp_path, style, fonts):
    assert can_fork()
    titles = [f"{title} {number}" for number in range(13) for title in TITLES]
    jobs = [(f"card{number}", title, "Suomi") for number, title in enumerate(titles[: 2 * SMALLEST_SHARED])]
    assert len(jobs) == 2 * SMALLEST_SHARED, "enough cards for fork_map to use both processes"
    serial, forked = CardCache(tmp_path / "serial"), CardCache(tmp_path / "forked")
    draw_serially = drawer(serial, "Reciprocity Hub", style, fonts)
    # the children start with no glyph loaded, no palette and no background, as in a build's first fork
    drawing.TYPEFACES.clear()
    draw_forked = drawer(forked, "Reciprocity Hub", style, Fonts(style))
    drawing._palette.cache_clear()
    drawing._background.cache_clear()
    processes = fork_map(lambda job: (draw_forked(job), os.getpid())[1], jobs, 2)
    assert len(set(processes)) == 2, "this process and a forked child each drew their share"
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


# --- text set from glyphs loaded once ---------------------------------------------------------------------

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
    words = " ".join(TITLES + LINES).split(" ")
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
    first = draw_card(TITLES[1], site_name="Reciprocity Hub", caption="Polski", style=style, fonts=fonts)
    size = first.layout.size
    assert same_files.at("bold", size) is fonts.at("bold", size), "one typeface per font file and size"
    for typeface in drawing.TYPEFACES.values():
        monkeypatch.setattr(typeface, "font", NoFreeType())
    # other words of the same letters, measured and drawn at the same size: from the glyphs loaded already
    shuffled = " ".join(reversed(TITLES[1].split(" ")))
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


def start_ahead(drawing_ahead, tmp_path, style, fonts, processes=2):
    settings = {"CACHE_PATH": str(tmp_path), "BUILD_PROCESSES": processes}
    drawing_ahead.start(settings, drawer(CardCache(tmp_path), "Reciprocity Hub", style, fonts))


def offers(count, style, fonts):
    for number in range(count):
        title = f"{TITLES[number % len(TITLES)]} {number}"
        yield title, "Suomi", fingerprint(title, "Reciprocity Hub", "Suomi", style, fonts)


def test_cards_offered_are_drawn_into_the_cache_by_another_process_until_stopped(tmp_path, style, fonts):
    drawing_ahead, cache = ahead.DrawingAhead(), CardCache(tmp_path)
    start_ahead(drawing_ahead, tmp_path, style, fonts)
    assert drawing_ahead.taking_offers and drawing_ahead.child.pid != os.getpid()
    jobs = list(offers(2 * ahead.BATCH, style, fonts))
    for job in jobs:
        drawing_ahead.offer(*job)
    deadline = time.monotonic() + 60
    while not all(cache.has(key) for _, _, key in jobs) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert drawing_ahead.stop() == {key for _, _, key in jobs}
    assert not drawing_ahead.taking_offers
    title, caption, key = jobs[-1]
    copy = tmp_path / "card.png"
    cache.copy_to(key, copy)
    expected = draw_card(title, site_name="Reciprocity Hub", caption=caption, style=style, fonts=fonts).png
    assert copy.read_bytes() == expected


def test_stopping_leaves_what_was_not_drawn_to_the_build(tmp_path, style, fonts):
    drawing_ahead, cache = ahead.DrawingAhead(), CardCache(tmp_path)
    start_ahead(drawing_ahead, tmp_path, style, fonts)
    jobs = list(offers(20 * ahead.BATCH, style, fonts))
    for job in jobs:
        drawing_ahead.offer(*job)
    started = time.monotonic()
    drawn = drawing_ahead.stop()
    assert time.monotonic() - started < 5, "stopped after the card in hand, not after every card offered"
    assert len(drawn) < len(jobs)
    assert {key for _, _, key in jobs if cache.has(key)} == drawn, "what it drew, it says, and nothing else"
    drawing_ahead.offer(*jobs[0])  # offers after the stop are not taken
    assert drawing_ahead.stop() == set()


def test_one_process_draws_nothing_ahead(tmp_path, style, fonts):
    drawing_ahead = ahead.DrawingAhead()
    start_ahead(drawing_ahead, tmp_path, style, fonts, processes=1)
    assert not drawing_ahead.taking_offers and drawing_ahead.stop() == set()


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


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ({"accent": "teal-ish"}, r"^SOCIAL_CARDS\['accent'\]: 'teal-ish' is not a colour; use '#rrggbb'"),
        ({"bold_font": "no/such.ttf"}, r"^SOCIAL_CARDS\['bold_font'\]: there is no font file at \S+; give"),
        ({"font": __file__}, r"^SOCIAL_CARDS\['font'\]: .* is not a font Pillow can read"),
        (["accent"], r"^SOCIAL_CARDS must be a dict"),
    ],
)
def test_bad_settings_name_the_setting_and_what_to_do(setting, message):
    with pytest.raises(SocialCardsConfigError, match=message) as error:
        style_from({"THEME": THEME, "SOCIAL_CARDS": setting})
    assert "\n" not in str(error.value)


def test_every_default_can_be_set(style):
    assert style_from({"THEME": THEME, "SOCIAL_CARDS": dict(DEFAULTS)}) == style


def test_cards_go_beside_their_page():
    assert card_path("en/tips/give-before-you-ask/index.html") == "en/tips/give-before-you-ask/card.png"
    assert card_path("tips/give-first.html") == "tips/give-first.card.png"
