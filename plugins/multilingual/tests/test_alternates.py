"""hreflang alternates and the language switcher: complete, reciprocal, and pointing at real files."""

from collections import defaultdict

from support import PUBLISHED_SITEURL, file_for, html, is_private, pages


def alternates_of(document):
    return {link["hreflang"]: link["href"] for link in document.select('link[rel="alternate"][hreflang]')}


def own_pages(output):
    """(path, parsed page) of every page with text of its own: a fallback page (FALLBACK) shows another's, and
    test_fallback_pages holds it to its own rules."""
    for path in pages(output):
        document = html(path)
        if document.select_one(".fallback-notice") is None:
            yield path, document


def test_every_page_has_lang_canonical_and_hreflang_including_itself(site):
    output, settings = site
    for path, document in own_pages(output):
        assert document.html.get("lang") in settings["LANGUAGES"], path
        canonical = document.select_one('link[rel="canonical"]')["href"]
        assert file_for(output, canonical) == path, f"{path}: canonical {canonical}"
        if is_private(document):
            assert not alternates_of(document), f"{path}: a private page announces no alternates"
            continue
        alternates = alternates_of(document)
        assert "x-default" in alternates, path
        # a page lists itself under its language; the site root is the x-default
        assert canonical in (alternates.get(document.html["lang"]), alternates["x-default"]), (
            f"{path} must list itself"
        )


def test_every_hreflang_and_switcher_link_points_to_an_existing_file(site):
    output, _ = site
    for path in pages(output):
        document = html(path)
        links = list(alternates_of(document).values())
        links += [a["href"] for a in document.select(".switcher a")]
        for href in links:
            target = file_for(output, href)
            assert target is not None and target.exists(), f"{path}: {href} does not exist"


def test_hreflang_sets_are_reciprocal(site):
    output, _ = site
    declared = {}
    for path, document in own_pages(output):
        canonical = document.select_one('link[rel="canonical"]')["href"]
        declared[canonical] = alternates_of(document)
    for page_url, alternates in declared.items():
        for lang, other_url in alternates.items():
            if lang == "x-default" or other_url == page_url:
                continue
            back = declared[other_url]
            assert page_url in back.values(), f"{other_url} does not link back to {page_url}"
            assert back == alternates, f"{page_url} and {other_url} disagree on their alternates"


def test_switcher_links_to_the_same_tip_in_every_other_language(site):
    output, settings = site
    groups = defaultdict(dict)
    for path in (output).glob("*/*/*/index.html"):
        document = html(path)
        if document.select_one("article.tip") is None or not document.select_one(".tip__meta") or document.select_one(".fallback-notice"):
            continue
        canonical = document.select_one('link[rel="canonical"]')["href"]
        groups[frozenset(alternates_of(document).items())][document.html["lang"]] = (canonical, document)
    assert groups
    for versions in groups.values():
        for lang, (_, document) in versions.items():
            switcher = {a["hreflang"]: a["href"] for a in document.select(".switcher a[hreflang]")}
            for other_lang, (other_url, _) in versions.items():
                if other_lang != lang:
                    assert switcher[other_lang] == other_url
            current = document.select_one('.switcher a[aria-current="page"]')
            assert current["lang"] == lang


def test_published_build_uses_absolute_urls_for_canonical_and_hreflang(published_site):
    output, _ = published_site
    for path in pages(output):
        document = html(path)
        urls = [document.select_one('link[rel="canonical"]')["href"], *alternates_of(document).values()]
        for url in urls:
            assert url.startswith(PUBLISHED_SITEURL + "/"), f"{path}: {url} is not absolute"
            assert file_for(output, url, PUBLISHED_SITEURL).exists(), url
