"""sitemap.xml and robots.txt of real builds of the sample site."""

from pathlib import Path
from xml.etree import ElementTree

from discovery.pages import SitemapEntry
from discovery.sitemap import render_sitemap
from support import PUBLISHED_SITEURL, file_for, html, is_private, pages

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def sitemap_of(output):
    root = ElementTree.parse(Path(output) / "sitemap.xml").getroot()
    return {
        url.findtext("s:loc", namespaces=NS): url
        for url in root.findall("s:url", NS)
    }


def test_robots_txt_points_to_the_sitemap(published_site):
    output, _ = published_site
    robots = (output / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {PUBLISHED_SITEURL}/sitemap.xml" in robots.splitlines()
    assert "Disallow: /" not in robots.splitlines()


def test_every_public_page_is_listed_and_nothing_else(published_site):
    output, _ = published_site
    listed = sitemap_of(output)
    public = set()
    for path in pages(output):
        document = html(path)
        if is_private(document) or path.parts[len(output.parts)] == "drafts":
            continue
        public.add(document.select_one('link[rel="canonical"]')["href"])
    assert public == set(listed)
    for loc in listed:
        assert file_for(output, loc, PUBLISHED_SITEURL).is_file(), loc


def test_no_delivery_page_or_gated_file_is_listed(published_site):
    output, _ = published_site
    sitemap = (output / "sitemap.xml").read_text(encoding="utf-8")
    robots = (output / "robots.txt").read_text(encoding="utf-8")
    private = [path for path in pages(output) if is_private(html(path))]
    assert private, "the sample site has gated freebies"
    for path in private:
        folder = path.parent.relative_to(output).as_posix()
        assert folder not in sitemap and folder not in robots
        token = path.parent.name
        assert token not in sitemap and token not in robots


def test_alternates_match_the_pages_own_hreflang_links(published_site):
    output, _ = published_site
    for loc, url in sitemap_of(output).items():
        in_sitemap = {link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link", NS)}
        document = html(file_for(output, loc, PUBLISHED_SITEURL))
        on_page = {link["hreflang"]: link["href"] for link in document.select('link[rel="alternate"][hreflang]')}
        if len(on_page) > 2:  # more than itself and x-default: a page with translations
            assert in_sitemap == on_page, loc
            assert loc in in_sitemap.values()
        else:
            assert in_sitemap == {}, loc


def test_a_tip_is_dated_by_its_date(published_site):
    output, _ = published_site
    tip = sitemap_of(output)[f"{PUBLISHED_SITEURL}/fi/vinkit/anna-ensin-pyyda-vasta-sitten/"]
    document = html(output / "fi/vinkit/anna-ensin-pyyda-vasta-sitten/index.html")
    day = document.select_one(".tip__meta time")["datetime"]
    assert tip.findtext("s:lastmod", namespaces=NS).startswith(day)


def test_development_builds_have_no_sitemap_but_a_robots_txt(site):
    output, _ = site
    assert not (output / "sitemap.xml").exists()
    assert "Sitemap:" not in (output / "robots.txt").read_text(encoding="utf-8")


def test_addresses_outside_ascii_are_percent_encoded_and_xml_escaped():
    entry = SitemapEntry("pl/porady/łatwe-&-szybkie/", (("pl", "pl/porady/łatwe-&-szybkie/"), ("x-default", "x/")))
    document = render_sitemap("https://hub.test", [entry]).decode()
    assert "<loc>https://hub.test/pl/porady/%C5%82atwe-&amp;-szybkie/</loc>" in document
    assert ElementTree.fromstring(document) is not None
