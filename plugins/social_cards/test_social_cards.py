"""Social cards: one per tip and language, on brand, always fitting, cached, and loud about missing glyphs."""

import io
import logging
import shutil
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import pytest
from PIL import Image
from pelican import signals
from pelican.log import LimitFilter

from social_cards.cache import FOLDER
from social_cards.drawing import HEIGHT, TITLE_AREA, WIDTH, Fonts, draw_card, fingerprint, fits, plain_title
from social_cards.glyphs import missing_characters
from social_cards.settings import DEFAULTS, SocialCardsConfigError, style_from
from social_cards.social_cards import LAST_BUILD, BuildCount, _check, card_path
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
            assert image.getpixel((4, HEIGHT // 2)) == style.accent, "the brand's accent runs down the left"


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
    assert len(list((cache / FOLDER).glob("*.png"))) == len(first.cards)


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


def test_a_title_too_long_for_the_card_is_a_warning_naming_the_file(tmp_path, caplog, fonts):
    source = tmp_path / "long.en.md"
    title = "Word " * 80
    source.write_text(f"Date: 2026-05-04\nTitle: {title}\n\nText.\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="social_cards"):
        _check(SimpleNamespace(source_path=str(source)), title.strip(), "English", fonts, set())
    [record] = caplog.records
    assert record.getMessage().startswith(f"{source}:2: the title is too long for its social card")


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
