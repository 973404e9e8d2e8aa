"""A tip missing in one language, with FALLBACK off: the switcher sends readers to that language's home and says
so (with FALLBACK on, plugins/multilingual/tests/test_fallback_pages.py)."""

import pytest
from support import build, expected_slug, html, read_metadata, sources


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The sample site without fallback pages."""
    output = tmp_path_factory.mktemp("without-fallback")
    return output, build(output, FALLBACK={})


def partially_translated(settings):
    by_key = {}
    for key, lang, path in sources("tips"):
        by_key.setdefault(key, {})[lang] = path
    return {
        key: versions for key, versions in by_key.items() if set(versions) != set(settings["LANGUAGES"])
    }


def tip_page(output, settings, lang, source):
    language = settings["SITE_LANGUAGES"][lang]
    return output / lang / language.words["tips"] / expected_slug(read_metadata(source)) / "index.html"


def test_switcher_falls_back_to_the_missing_languages_home_and_says_so(site):
    output, settings = site
    partial = partially_translated(settings)
    assert partial
    for versions in partial.values():
        missing = [code for code in settings["LANGUAGES"] if code not in versions]
        for lang, source in versions.items():
            document = html(tip_page(output, settings, lang, source))
            for code in missing:
                link = document.select_one(f'.switcher a[hreflang="{code}"]')
                assert link["href"] == f"/{code}/"
                assert "switcher__fallback" in link["class"]
                note = link.select_one(".switcher__note").get_text(strip=True)
                assert note, "the fallback says the tip is not translated"
                assert not document.select(f'link[rel="alternate"][hreflang="{code}"]')


def test_missing_translation_is_neither_written_nor_listed(site):
    output, settings = site
    for versions in partially_translated(settings).values():
        titles = {read_metadata(source)["title"] for source in versions.values()}
        for code in settings["LANGUAGES"]:
            if code in versions:
                continue
            home_titles = {a.get_text(strip=True) for a in html(output / code / "index.html").select(".card__title a")}
            archive = html(output / settings["SITE_LANGUAGES"][code].archives_url / "index.html")
            archive_titles = {a.get_text(strip=True) for a in archive.select(".archive-list a")}
            assert not titles & (home_titles | archive_titles)
