"""Every tip and page is at its documented URL, in each of its languages."""

import pytest

from support import expected_slug, html, read_metadata, sources

TIP_SOURCES = sources("tips")
PAGE_SOURCES = sources("pages")


def test_the_sample_has_six_tips_in_every_language_and_one_in_only_some(site):
    _, settings = site
    languages = set(settings["LANGUAGES"])
    by_key = {}
    for key, lang, _ in TIP_SOURCES:
        by_key.setdefault(key, set()).add(lang)
    complete = [key for key, langs in by_key.items() if langs == languages]
    partial = [key for key, langs in by_key.items() if langs < languages]
    assert len(complete) >= 6
    assert partial, "a tip missing from some languages shows the fallback"


@pytest.mark.parametrize("key, lang, source", TIP_SOURCES, ids=lambda v: getattr(v, "name", v))
def test_tip_is_at_its_localized_url(site, key, lang, source):
    output, settings = site
    metadata = read_metadata(source)
    tips_word = settings["SITE_LANGUAGES"][lang].words["tips"]
    page = output / lang / tips_word / expected_slug(metadata) / "index.html"
    assert page.exists(), f"{source.name} should be written to {page.relative_to(output)}"
    document = html(page)
    assert document.html["lang"] == lang
    assert document.h1.get_text(strip=True) == metadata["title"]


def test_tip_urls_use_each_languages_own_words(site):
    output, _ = site
    assert list(output.glob("fr/conseils/*/index.html"))
    assert list(output.glob("pl/porady/*/index.html"))
    assert list(output.glob("fi/vinkit/*/index.html"))
    assert list(output.glob("en/tips/*/index.html"))


@pytest.mark.parametrize("key, lang, source", PAGE_SOURCES, ids=lambda v: getattr(v, "name", v))
def test_page_is_under_its_language(site, key, lang, source):
    output, _ = site
    metadata = read_metadata(source)
    page = output / lang / expected_slug(metadata) / "index.html"
    assert page.exists()
    assert html(page).html["lang"] == lang


def test_each_language_has_home_archives_category_and_tag_pages(site):
    """Every folder of a URL is a page: /fr/, /fr/conseils/, /fr/categorie/, /fr/etiquette/."""
    output, settings = site
    for language in settings["SITE_LANGUAGES"]:
        assert html(output / language.home_url / "index.html").html["lang"] == language.code
        assert (output / language.archives_url / "index.html").exists()
        assert (output / language.categories_url / "index.html").exists()
        assert (output / language.tags_url / "index.html").exists()
        assert list((output / language.code / language.words["category"]).glob("*/index.html"))
        assert list((output / language.code / language.words["tag"]).glob("*/index.html"))


def test_home_is_paginated_with_localized_page_urls(site):
    output, settings = site
    per_page = settings["DEFAULT_PAGINATION"]
    for language in settings["SITE_LANGUAGES"]:
        home = html(output / language.code / "index.html")
        cards = home.select(".card")
        tips_in_language = sum(1 for _, lang, _ in TIP_SOURCES if lang == language.code)
        assert len(cards) == min(per_page, tips_in_language)
        if tips_in_language > per_page:
            second = output / language.code / language.words["page"] / "2" / "index.html"
            assert second.exists()
            assert home.select_one('a[rel="next"]')["href"] == f"/{language.code}/{language.words['page']}/2/"


def test_home_lists_only_its_own_languages_tips(site):
    output, settings = site
    for language in settings["SITE_LANGUAGES"]:
        home = html(output / language.code / "index.html")
        for link in home.select(".card__title a"):
            assert link["href"].startswith(f"/{language.code}/{language.words['tips']}/")


def test_site_root_offers_every_language_and_is_the_x_default(site):
    output, settings = site
    root = html(output / "index.html")
    offered = {link["hreflang"]: link["href"] for link in root.select(".language-card a")}
    assert offered == {code: f"/{code}/" for code in settings["LANGUAGES"]}
    assert root.select_one('link[hreflang="x-default"]')["href"] == "/"
    assert not root.select("[aria-current]"), "the chooser favours no language"
    # each card speaks its own language
    for card in root.select(".language-card"):
        assert card["lang"] in settings["LANGUAGES"]
