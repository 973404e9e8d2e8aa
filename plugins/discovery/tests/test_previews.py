"""Open Graph, X card and JSON-LD tags of the published sample site."""

import json

import pytest
from discovery.previews import as_script
from PIL import Image
from support import PUBLISHED_SITEURL, freebie_pages, html, is_private, pages, tip_pages

LOCALES = {"en": "en_US", "fr": "fr_FR", "pl": "pl_PL", "fi": "fi_FI"}


def own_tip_pages(output, lang):
    """Tips with text of their own: a fallback page (FALLBACK) previews as its source, the canonical page."""
    return ((path, document) for path, document in tip_pages(output, lang) if not document.select_one(".fallback-notice"))


def meta(document, name):
    tag = document.select_one(f'meta[property="{name}"], meta[name="{name}"]')
    return tag["content"] if tag else None


def json_ld(document):
    scripts = document.select('script[type="application/ld+json"]')
    return [json.loads(script.string) for script in scripts]


@pytest.mark.parametrize("lang", LOCALES)
def test_a_tip_tells_previews_its_title_locale_and_versions(published_site, lang):
    output, _ = published_site
    path, document = next(tip_pages(output, lang))
    assert meta(document, "og:type") == "article"
    assert meta(document, "og:title") == document.h1.get_text(strip=True)
    assert meta(document, "og:description") == meta(document, "description")
    assert meta(document, "og:url") == document.select_one('link[rel="canonical"]')["href"]
    assert meta(document, "og:url").startswith(f"{PUBLISHED_SITEURL}/{lang}/")
    assert meta(document, "og:locale") == LOCALES[lang]
    versions = {link["hreflang"] for link in document.select('link[rel="alternate"][hreflang]')} - {lang, "x-default"}
    alternates = {tag["content"] for tag in document.select('meta[property="og:locale:alternate"]')}
    assert alternates == {LOCALES[code] for code in versions}


@pytest.mark.parametrize("lang", LOCALES)
def test_a_tip_shows_its_own_social_card(published_site, lang):
    output, _ = published_site
    for path, document in own_tip_pages(output, lang):
        image = meta(document, "og:image")
        assert image == f"{PUBLISHED_SITEURL}/{path.parent.relative_to(output).as_posix()}/card.png"
        with Image.open(output / image[len(PUBLISHED_SITEURL) + 1 :]) as card:
            assert card.size == (int(meta(document, "og:image:width")), int(meta(document, "og:image:height")))
        assert meta(document, "twitter:card") == "summary_large_image"
        [article] = json_ld(document)
        assert article["image"] == image


@pytest.mark.parametrize("lang", LOCALES)
def test_a_tip_is_an_article_in_its_language(published_site, lang):
    output, _ = published_site
    for path, document in own_tip_pages(output, lang):
        [article] = json_ld(document)
        assert article["@type"] == "Article"
        assert article["headline"] == document.h1.get_text(strip=True)
        assert article["inLanguage"] == lang
        assert article["url"] == meta(document, "og:url")
        assert article["datePublished"].startswith(document.select_one(".tip__meta time")["datetime"])


@pytest.mark.parametrize("lang", LOCALES)
def test_a_home_is_a_website_in_its_language(published_site, lang):
    output, _ = published_site
    document = html(output / lang / "index.html")
    [website] = json_ld(document)
    assert website["@type"] == "WebSite"
    assert website["inLanguage"] == lang
    assert website["url"] == f"{PUBLISHED_SITEURL}/{lang}/"
    assert meta(document, "og:type") == "website"
    search = website["potentialAction"]["target"]["urlTemplate"]
    assert search.startswith(f"{PUBLISHED_SITEURL}/{lang}/") and search.endswith("?q={search_term_string}")
    assert (output / search[len(PUBLISHED_SITEURL) + 1 :].split("?")[0] / "index.html").is_file()


def test_every_public_page_has_preview_tags(published_site):
    output, _ = published_site
    for path in pages(output):
        document = html(path)
        if is_private(document) or "drafts" in path.parts:
            continue
        for name in ("og:title", "og:description", "og:url", "og:locale", "twitter:card"):
            assert meta(document, name), f"{path}: no {name}"


def test_a_delivery_page_gives_previews_nothing(published_site):
    output, _ = published_site
    private = [html(path) for path in pages(output) if is_private(html(path))]
    assert private
    for document in private:
        assert not document.select('meta[property^="og:"]')
        assert not json_ld(document)


def test_a_freebie_landing_page_is_previewed(published_site):
    output, _ = published_site
    path, document = next(freebie_pages(output, "fr"))
    assert meta(document, "og:locale") == "fr_FR"
    assert meta(document, "og:title") == document.h1.get_text(strip=True)


def test_json_ld_text_cannot_close_its_script():
    text = as_script({"headline": "</script><script>alert(1)</script> & more"})
    assert "<" not in text and ">" not in text
    assert json.loads(text)["headline"] == "</script><script>alert(1)</script> & more"
