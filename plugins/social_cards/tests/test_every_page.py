"""Every public page of the published site shows a card in its link previews: a file of the output, 1200×630,
showing the page's own title or heading and its language's name; one card for each title and language."""

from collections import defaultdict

import pytest
from PIL import Image
from social_cards.drawing import Fonts, fingerprint
from social_cards.page_cards import FOLDER, KEY_LENGTH
from social_cards.settings import style_from
from support import PUBLISHED_SITEURL, file_for, html, is_private, pages

from hub.languages import site_languages


def meta(document, name):
    tag = document.select_one(f'meta[property="{name}"], meta[name="{name}"]')
    return tag["content"] if tag else None


@pytest.fixture(scope="module")
def public_pages(published_site):
    """(path, parsed page) of every page readers and search engines may find."""
    output, _ = published_site
    found = []
    for path in pages(output):
        document = html(path)
        if not is_private(document) and "drafts" not in path.parts:
            found.append((path, document))
    return found


def card_of(output, document):
    return file_for(output, meta(document, "og:image"), PUBLISHED_SITEURL)


def further_page(output, path):
    """Whether `path` is the second or a later page of a listing (`…/page/2/index.html`)."""
    return path.parent.name.isdigit() and path.parent.name != "1"


def test_every_public_page_shows_a_large_card_that_the_output_holds(published_site, public_pages):
    output, _ = published_site
    assert len(public_pages) > 150
    kinds = {path.relative_to(output).parts[1] for path, _ in public_pages if len(path.relative_to(output).parts) > 2}
    assert {"tips", "freebies", "category", "tag", "search", "page"} <= kinds  # of the English pages, among others
    for path, document in public_pages:
        image = meta(document, "og:image")
        assert image and image.startswith(f"{PUBLISHED_SITEURL}/"), f"{path}: no card"
        card = card_of(output, document)
        assert card.is_file(), f"{path}: {image} is not in the output"
        with Image.open(card) as picture:
            assert picture.format == "PNG"
            assert picture.size == (int(meta(document, "og:image:width")), int(meta(document, "og:image:height")))
            assert picture.size == (1200, 630)
        assert meta(document, "og:image:alt"), f"{path}: the card has no text alternative"
        assert meta(document, "twitter:card") == "summary_large_image", path


def test_a_card_shows_the_heading_of_its_page_in_the_page_language(published_site, public_pages):
    output, settings = published_site
    names = {language.code: language.name for language in site_languages(settings)}
    style = style_from(settings)
    fonts = Fonts(style)
    for path, document in public_pages:
        alt, lang = meta(document, "og:image:alt"), document.html["lang"]
        if not further_page(output, path):
            assert alt == document.h1.get_text(" ", strip=True), f"{path}: the card is not of its heading"
        card = card_of(output, document)
        if card.parent.name == FOLDER:  # a tip's card is tested beside it (test_social_cards.py)
            key = fingerprint(alt, settings["SITENAME"], names[lang], style, fonts)
            assert card.stem == key[:KEY_LENGTH], f"{path}: its card is not of {alt!r} in {names[lang]}"


def test_further_pages_of_a_listing_share_the_first_page_card(published_site, public_pages):
    output, _ = published_site
    by_path = {path: document for path, document in public_pages}
    further = [path for path in by_path if further_page(output, path)]
    assert any(path.relative_to(output).parts[0] == "en" and len(path.relative_to(output).parts) == 4
               for path in further), "the English home has a second page"
    for path in further:
        first = path.parent.parent.parent / "index.html"
        assert meta(by_path[path], "og:image") == meta(by_path[first], "og:image"), path


def test_one_card_for_each_title_and_language_and_none_unused(published_site, public_pages):
    output, _ = published_site
    shown = defaultdict(set)  # card -> (title, language) of the pages that show it
    for _, document in public_pages:
        if document.select_one(".fallback-notice"):
            continue  # a tip shown in another language's frame shows its source's card
        shown[card_of(output, document)].add((meta(document, "og:image:alt"), document.html["lang"]))
    assert all(len(titles) == 1 for titles in shown.values()), "pages with different headings share a card"
    assert len({title for titles in shown.values() for title in titles}) == len(shown), "a heading has two cards"
    homes = {card_of(output, document) for path, document in public_pages if path.relative_to(output).parts[1:] == ("index.html",)}
    assert len(homes) == 4, "each language's home has its own card"
    assert set((output / FOLDER).glob("*.png")) <= set(shown), "every card written is shown by a page"
