"""FALLBACK: a tip missing in a language gets a page in that language's frame with the source's text, which no
listing, feed, hreflang set, sitemap or search index knows, until a translation replaces it."""


import pytest
from site_search.indexer import indexed_counts
from support import ROOT, build, html, pages


SOURCE_URL = "en/tips/make-it-right-when-things-go-wrong/"
FALLBACK_URL = "fi/vinkit/make-it-right-when-things-go-wrong/"
FINNISH_TIP = """Title: Korjaa asia, kun jokin menee pieleen
Date: 2026-06-20 09:00
Category: Palaute
Summary: Valitus on asiakkaan antama toinen mahdollisuus: kiitä, vastaa nopeasti ja korjaa asia.
Slug: korjaa-asia

Kun asiakas valittaa, hän antaa sinulle vielä yhden tilaisuuden.
"""


def fallback_page(output):
    return html(output / FALLBACK_URL / "index.html")


def test_the_finnish_page_shows_the_english_text_in_the_finnish_frame(site):
    output, _ = site
    document = fallback_page(output)
    english = html(output / SOURCE_URL / "index.html")
    assert document.html["lang"] == "fi"
    assert document.select_one(".site-nav a")["href"] == "/fi/"  # the Finnish menu, switcher and footer
    assert document.select_one('.switcher a[aria-current="page"]')["lang"] == "fi"
    assert document.select_one(".site-footer__links")
    title = document.select_one("h1.tip__title")
    assert title["lang"] == "en" and title.get_text() == english.select_one("h1").get_text()
    prose = document.select_one(".prose")
    assert prose["lang"] == "en"
    assert prose.get_text(strip=True) == english.select_one(".prose").get_text(strip=True)
    note = document.select_one(".fallback-notice")
    assert "käännetty" in note.get_text()  # said in Finnish
    assert note.select_one("a")["href"] == "/" + SOURCE_URL


def test_its_canonical_is_the_source_and_no_hreflang_set_names_it(site):
    output, _ = site
    document = fallback_page(output)
    assert document.select_one('link[rel="canonical"]')["href"] == "/" + SOURCE_URL
    assert not document.select('link[rel="alternate"][hreflang]')
    assert not document.select_one('meta[name="robots"]')  # its canonical says where the text lives
    for path in pages(output):
        for link in html(path).select('link[rel="alternate"][hreflang]'):
            assert link["href"] != "/" + FALLBACK_URL, path


def test_the_other_versions_switchers_lead_to_it(site):
    output, _ = site
    for url in (SOURCE_URL, "fr/conseils/faire-d-une-reclamation-une-seconde-chance/"):
        link = html(output / url / "index.html").select_one('.switcher a[hreflang="fi"]')
        assert link["href"] == "/" + FALLBACK_URL
        assert "switcher__fallback" in link["class"] and link.get("rel") is None


def test_it_is_in_no_listing_feed_sitemap_or_search_index(site, published_site):
    output, _ = site
    assert not fallback_page(output).select("[data-pagefind-body]")
    for path in (output / "fi").rglob("index.html"):
        if "vinkit/make-it-right" not in str(path):
            assert "/" + FALLBACK_URL not in [a.get("href") for a in html(path).select("main a")], path
    assert FALLBACK_URL not in (output / "fi" / "atom.xml").read_text(encoding="utf-8")
    published, settings = published_site
    sitemap = (published / "sitemap.xml").read_text(encoding="utf-8")
    assert SOURCE_URL in sitemap and FALLBACK_URL not in sitemap
    english_and_finnish = indexed_counts(published / "pagefind" / "fi"), indexed_counts(published / "pagefind" / "en")
    assert english_and_finnish[1]["en"] == english_and_finnish[0]["fi"] + 1  # make-it-right is English only


def test_a_translation_replaces_it(tmp_path, content):
    (content / "tips" / "make-it-right.fi.md").write_text(FINNISH_TIP, encoding="utf-8")
    output = tmp_path / "output"
    build(output, PATH=str(content))
    assert not (output / FALLBACK_URL).exists()
    finnish = html(output / "fi" / "vinkit" / "korjaa-asia" / "index.html")
    assert not finnish.select_one(".fallback-notice") and finnish.select_one(".prose").get("lang") is None
    english = html(output / SOURCE_URL / "index.html")
    assert english.select_one('link[rel="alternate"][hreflang="fi"]')["href"] == "/fi/vinkit/korjaa-asia/"


def test_off_by_default(tmp_path):
    output = tmp_path / "output"
    build(output, FALLBACK={})
    assert not (output / FALLBACK_URL).exists()
    assert not any(html(path).select_one(".fallback-notice") for path in (output / "fi").rglob("*.html"))


@pytest.mark.parametrize("setting, named", [({"fi": "de"}, "'de'"), ({"se": "en"}, "'se'"), ({"fi": "fi"}, "'fi'")])
def test_a_wrong_setting_stops_the_build_with_one_line(tmp_path, setting, named):
    from support import pelican_run, settings_file

    status, log = pelican_run(ROOT / "content", tmp_path / "output", settings_file(tmp_path, FALLBACK=setting))
    lines = [line for line in log.splitlines() if "FALLBACK" in line]
    assert status != 0 and len(lines) == 1 and named in lines[0], log
    assert "Traceback" not in log
