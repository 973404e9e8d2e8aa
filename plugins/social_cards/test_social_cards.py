"""Social cards: one per tip and language, on brand, always fitting, cached, and loud about missing glyphs."""

import io
import logging
import os
import random
import shutil
import sqlite3
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageDraw, ImageStat
from pelican import signals
from pelican.log import LimitFilter

from parallel_build.pool import SMALLEST_SHARED, can_fork, fork_map
from social_cards import drawing
from social_cards.cache import FILE, CardCache
from social_cards.drawing import HEIGHT, TITLE_AREA, WIDTH, Fonts, draw_card, fingerprint, fits, plain_title
from social_cards.glyphs import missing_characters
from social_cards.settings import DEFAULTS, SocialCardsConfigError, style_from
from social_cards.social_cards import LAST_BUILD, BuildCount, card_path, drawer
from support import ROOT, build, read_metadata, sources, tip_pages

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
    cards = {path.relative_to(output).as_posix(): path.read_bytes() for path in output.rglob("card.png")}
    count = BuildCount(LAST_BUILD.drawn, LAST_BUILD.reused)
    return Built(output, count, [record.getMessage() for record in records], attributes, cards)


def content_with(tmp_path, file, old, new):
    """A copy of the sample content with one tip's title changed."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    path = content / "tips" / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return content


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(scope="module")
def builds(tmp_path_factory, cache):
    """The sample site built twice into the same folder, with the same cache."""
    output = tmp_path_factory.mktemp("site")
    first = build_with_cards(output, cache)
    second = build_with_cards(output, cache)
    return first, second


@pytest.fixture(scope="module")
def edited(tmp_path_factory, cache, builds):
    """The sample site with one title changed, built with the cache of `builds`."""
    folder = tmp_path_factory.mktemp("edited")
    return build_with_cards(folder / "output", cache, content_with(folder, *EDITED))


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


def test_a_second_build_redraws_nothing_and_writes_the_same_bytes(builds):
    first, second = builds
    assert second.count == BuildCount(drawn=0, reused=len(first.cards))
    assert second.cards == first.cards


def test_changing_one_title_redraws_exactly_that_card(builds, edited):
    first, _ = builds
    assert edited.count == BuildCount(drawn=1, reused=len(first.cards) - 1)
    changed = [path for path in first.cards if edited.cards[path] != first.cards[path]]
    assert changed == ["pl/porady/najpierw-daj-potem-pros/card.png"]
    assert edited.warnings == []


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
    """The card of `plan` drawn the plain way, in RGB: what the palette card must look like."""
    image = Image.new("RGB", (WIDTH, HEIGHT), style.background)
    draw = ImageDraw.Draw(image)
    for box, colour in plan.rectangles:
        draw.rectangle(box, fill=colour)
    mark = drawing.brand_mark(drawing.MARK_SIZE, style.accent_soft, style.accent)
    image.paste(mark, drawing.MARK_CORNER, mark)
    for colour, texts in plan.blocks:
        for origin, text, font, anchor in texts:
            draw.text(origin, text, font=font, fill=colour, anchor=anchor)
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
    boxes = [drawing._placed(font, text, anchor, origin) for origin, text, font, anchor in texts]
    left, top = min(box.left for box in boxes), min(box.top for box in boxes)
    right, bottom = max(box.right for box in boxes), max(box.bottom for box in boxes)
    coverage = Image.new("L", (right - left, bottom - top), 0)
    for (x, y), text, font, anchor in texts:
        ImageDraw.Draw(coverage).text((x - left, y - top), text, font=font, fill=255, anchor=anchor)
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
    draw_forked = drawer(forked, "Reciprocity Hub", style, fonts)
    # the children start with nothing measured, no palette and no background, as in a build's first fork
    drawing._bbox.cache_clear()
    drawing._palette.cache_clear()
    drawing._background.cache_clear()
    processes = fork_map(lambda job: (draw_forked(job), os.getpid())[1], jobs, 2)
    assert len(set(processes)) == 2 and os.getpid() not in processes
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


def test_plain_title_drops_markup_and_keeps_no_break_spaces():
    assert plain_title("<em>Bonjour</em> &amp; «\u00a0merci\u00a0»\n ") == "Bonjour & «\u00a0merci\u00a0»"
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
