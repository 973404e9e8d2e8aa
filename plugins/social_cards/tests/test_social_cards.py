"""Social cards in a build: one per tip and language, on brand, cached, and loud about missing glyphs and
titles too long; settings that cannot be used stop the build with what to change."""

import io
import logging
import os
import shutil
import sqlite3
import subprocess
import time
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from pelican import signals
from PIL import Image
from social_cards.cache import FILE
from social_cards.drawing import HEIGHT, TITLE_AREA, WIDTH, fingerprint, plain_title
from social_cards.glyphs import missing_characters
from social_cards.settings import DEFAULTS, SocialCardsConfigError, style_from
from social_cards.page_cards import FOLDER
from social_cards.social_cards import LAST_BUILD, LAST_PAGES_BUILD, BuildCount, card_path
from support import ROOT, build, fresh_build, read_metadata, sources, tip_pages

THEME = str(ROOT / "theme")
EDITED = ("give-first.pl.md", "Najpierw daj, potem proś", "Najpierw daj, dopiero potem proś")
NO_GLYPHS = ("thank-you-notes.fr.md", "qui sonnent juste", "qui sonnent juste, ありがとう")


# --- full builds -----------------------------------------------------------------------------------------


@dataclass
class Built:
    output: Path
    count: BuildCount
    warnings: list  # the plugin's warning messages
    attributes: dict  # save_as -> (social_card, width, height), as the templates saw them
    cards: dict  # card path under output -> PNG bytes
    modified: dict  # card path under output -> its file's modification time (ns)
    pages_count: BuildCount  # the cards of the pages that are not tips
    page_cards: dict  # their paths under output -> PNG bytes


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
    attributes = {}

    def seen(generator, content):
        attributes[content.save_as] = (
            content.social_card, content.social_card_width, content.social_card_height
        )

    signals.article_generator_write_article.connect(seen)
    overrides = {"CACHE_PATH": str(cache), **({"PATH": str(content)} if content else {})}
    try:
        with plugin_warnings() as records:
            fresh_build(output, **overrides)
    finally:
        signals.article_generator_write_article.disconnect(seen)
    found = {path.relative_to(output).as_posix(): path for path in output.rglob("card.png")}
    cards = {name: path.read_bytes() for name, path in found.items()}
    modified = {name: path.stat().st_mtime_ns for name, path in found.items()}
    count = BuildCount(LAST_BUILD.drawn, LAST_BUILD.reused)
    pages_count = BuildCount(LAST_PAGES_BUILD.drawn, LAST_PAGES_BUILD.reused)
    page_cards = {path.relative_to(output).as_posix(): path.read_bytes() for path in (output / FOLDER).glob("*.png")}
    modified.update({name: (output / name).stat().st_mtime_ns for name in page_cards})
    return Built(output, count, [record.getMessage() for record in records], attributes, cards, modified,
                 pages_count, page_cards)


def content_with(tmp_path, file, old, new, folder="tips"):
    """A copy of the sample content with one tip's (or page's) title changed."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    path = content / folder / file
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
    for name in [*first.cards, *first.page_cards]:
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
    tips = [(path, page) for path, page in tip_pages(first.output) if not page.select_one(".fallback-notice")]
    assert len(tips) == len(sources("tips")) == len(first.cards)
    assert {path.relative_to(first.output).parts[0] for path, _ in tips} == {"en", "fr", "pl", "fi"}
    for path, _ in tips:
        card = path.parent / "card.png"
        assert card.relative_to(first.output).as_posix() in first.cards, f"{path} has no card"
        with Image.open(card) as image:
            assert image.format == "PNG" and image.size == (1200, 630) == (WIDTH, HEIGHT)
            assert image.mode == "P", "a few colours: a palette PNG is far cheaper to write than an RGB one"
    pngcheck = shutil.which("pngcheck")
    assert pngcheck, "pngcheck is missing: install Debian's pngcheck package (apt-get install pngcheck)"
    checked = subprocess.run([pngcheck, "-q", *(first.output / name for name in first.cards)],
                             capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr


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
        keys, cards = zip(*database.execute("SELECT key, png FROM cards"))
    assert first.pages_count == BuildCount(drawn=len(first.page_cards), reused=0) and first.page_cards
    assert len(keys) == len(first.cards) + len(first.page_cards)
    card_files = [path for path in cache.rglob("*.png") if path.read_bytes() in set(cards)]
    assert not card_files, "one file for every card, not a file each"


def test_a_second_build_redraws_nothing_and_leaves_the_same_bytes_alone(builds, cache):
    first, second = builds
    assert second.count == BuildCount(drawn=0, reused=len(first.cards))
    assert second.cards == first.cards and second.page_cards == first.page_cards
    assert second.pages_count.drawn == 0
    assert len(cache_keys(cache)) == len(first.cards) + len(first.page_cards), "pages left unrendered keep theirs"
    assert set(second.modified.values()) == {A_YEAR_AGO}, "a card file holding the same bytes is not written again"


def test_changing_one_title_redraws_exactly_that_card(builds, edited):
    first, _ = builds
    edited, _, _ = edited
    assert edited.count == BuildCount(drawn=1, reused=len(first.cards) - 1)
    assert edited.pages_count == BuildCount(drawn=0, reused=len(first.page_cards)), "no listing shows that title"
    changed = [path for path in first.cards if edited.cards[path] != first.cards[path]]
    assert changed == ["pl/porady/najpierw-daj-potem-pros/card.png"]
    assert edited.warnings == []


def test_the_cache_keeps_only_the_cards_the_site_shows(builds, edited, style, fonts):
    first, _ = builds
    _, before, after = edited
    old, new = (fingerprint(title, "Reciprocity Hub", "Polski", style, fonts) for title in EDITED[1:])
    assert old in before and new not in before
    assert after == before - {old} | {new}, "the card of the title as it was is removed, and only that one"
    assert len(after) == len(first.cards) + len(first.page_cards)


def test_a_title_with_characters_the_font_lacks_is_a_warning_naming_the_file(tmp_path, cache, builds):
    built = build_with_cards(tmp_path / "output", cache, content_with(tmp_path, *NO_GLYPHS))
    [warning] = built.warnings
    assert "thank-you-notes.fr.md:1:" in warning
    assert "'あ' (U+3042)" in warning and "U+3068" in warning and "cannot show them" in warning
    assert built.count.drawn == 1, "the card is drawn all the same"


def test_a_page_title_the_font_cannot_show_is_a_warning_naming_the_file(tmp_path, cache, builds):
    first, _ = builds
    source = ROOT / "content" / "pages" / "about.fr.md"
    title = read_metadata(source)["title"]
    content = content_with(tmp_path, source.name, f"Title: {title}", f"Title: {title} ありがとう", folder="pages")
    built = build_with_cards(tmp_path / "output", cache, content)
    [warning] = built.warnings
    assert "about.fr.md:1:" in warning and "'あ' (U+3042)" in warning and "cannot show them" in warning
    assert built.pages_count.drawn == 1, "the page's card is drawn all the same, and only that one"
    assert len(built.page_cards) == len(first.page_cards)


def test_a_bad_setting_stops_the_build_with_one_line_saying_what_to_do(tmp_path):
    expected = r"^SOCIAL_CARDS: unknown key\(s\) \['colour'\]; the keys it can set are \['accent'"
    with pytest.raises(SocialCardsConfigError, match=expected):
        build(tmp_path, CACHE_PATH=str(tmp_path / "cache"), SOCIAL_CARDS={"colour": "#000000"})
    assert not (tmp_path / "en").exists()


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
