"""Searching as a reader does, in Debian's Chromium, on the site built as `make publish` builds it."""

import gettext
import re

import pytest
from playwright.sync_api import expect
from support import ROOT, read_metadata, sources

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SEARCH_WORDS = {"en": "search", "fr": "recherche", "pl": "szukaj", "fi": "haku"}
# A word of one tip only: the Polish "word of mouth", the Finnish cinnamon bun.
ONE_TIP = {"pl": ("poczta pantoflowa", "tell-a-friend"), "fi": ("korvapuusti", "small-surprise")}


@pytest.fixture
def open_search(browser, served_published_site):
    """open_search(code, query=None, **context options): the search page of a language, its requests recorded."""
    server, _, _ = served_published_site
    contexts = []

    def open_search(code, query=None, **options):
        context = browser.new_context(**options)
        contexts.append(context)
        page = context.new_page()
        page.requests = []
        page.on("request", lambda request: page.requests.append(request.url))
        address = f"{server.origin}/{code}/{SEARCH_WORDS[code]}/"
        page.goto(address if query is None else f"{address}?q={query}")
        return page

    yield open_search
    for context in contexts:
        context.close()


def search(page, words):
    """Type `words` as a reader does and wait for the answer; the addresses the results link to."""
    page.fill("input[name=q]", words)
    expect(page.locator("[data-search-results]")).to_have_attribute("aria-busy", "false")
    return page.locator("[data-search-results] a").evaluate_all("links => links.map(link => link.href)")


def url_of(served_published_site, key, code):
    server, _, settings = served_published_site
    source = next(path for source_key, lang, path in sources("tips") if (source_key, lang) == (key, code))
    word = settings["SITE_LANGUAGES"][code].words["tips"]
    return f"{server.origin}/{code}/{word}/{read_metadata(source)['slug']}/"


@pytest.mark.parametrize("code", ["pl", "fi"])
def test_a_word_of_one_tip_finds_it_and_only_pages_in_the_language(open_search, served_published_site, code):
    server, _, _ = served_published_site
    words, key = ONE_TIP[code]
    page = open_search(code)
    found = search(page, words)
    assert url_of(served_published_site, key, code) in found
    # a word every language uses: the other languages' pages are in indexes of their own
    found += search(page, "Google")
    assert len(found) > 1
    assert all(url.startswith(f"{server.origin}/{code}/") for url in found), found
    assert page.url.endswith(f"?q={'Google'}"), "the address keeps the search, to share or come back to"


def test_the_count_of_results_uses_the_languages_plural_form(open_search):
    page = open_search("pl", "opinie")
    expect(page.locator("[data-search-results]")).to_have_attribute("aria-busy", "false")
    count = page.locator("[data-search-results] > li").count()
    with open(ROOT / "translations" / "pl" / "LC_MESSAGES" / "messages.mo", "rb") as catalog:
        polish = gettext.GNUTranslations(catalog)
    assert 1 < count <= 10
    expected = polish.ngettext("%(number)s result", "%(number)s results", count) % {"number": count}
    expect(page.locator("[data-search-status]")).to_have_text(expected)
    marks = page.locator("[data-search-results] mark")
    assert marks.count() and all(re.match(r"(?i)opin", text) for text in marks.all_inner_texts())


@pytest.mark.parametrize("code", ["en", "fr", "pl", "fi"])
def test_a_freebies_thank_you_text_is_never_found_but_its_landing_page_is(open_search, served_published_site, code):
    server, output, settings = served_published_site
    gated = next(
        path for key, lang, path in sources("freebies")
        if lang == code and path.parent.name == "freebies" and read_metadata(path).get("gate") == "email"
    )
    metadata = read_metadata(gated)
    thanks = metadata["thanks"].split(". ")[0]  # its first sentence, whose words no public page has all of
    freebies = settings["SITE_LANGUAGES"][code].words["freebies"]
    [delivery] = output.glob(f"{code}/{freebies}/{metadata['slug']}/*/index.html")
    assert thanks in delivery.read_text(encoding="utf-8")

    page = open_search(code)
    assert search(page, thanks) == []
    expect(page.locator("[data-search-status]")).to_contain_text(thanks[:20])
    summary = re.split(r"[.(]", metadata["summary"])[0]
    assert f"{server.origin}/{code}/{freebies}/{metadata['slug']}/" in search(page, summary)


def test_without_javascript_the_page_says_so_and_links_to_every_tip(open_search, served_published_site):
    server, _, settings = served_published_site
    page = open_search("fi", "korvapuusti", java_script_enabled=False)
    fallback = page.locator("[data-search-fallback]")
    expect(fallback).to_be_visible()
    expect(fallback).to_contain_text("JavaScript")
    expect(page.locator("form[role=search]")).to_be_hidden()
    fallback.locator("a").click()
    assert page.url == f"{server.origin}/{settings['SITE_LANGUAGES']['fi'].archives_url}"
    expect(page.locator("h1")).to_have_text("Kaikki vinkit")


def test_with_javascript_the_form_replaces_the_message(open_search):
    page = open_search("fr")
    expect(page.locator("form[role=search]")).to_be_visible()
    expect(page.locator("[data-search-fallback]")).to_be_hidden()
    expect(page.get_by_label("Que cherchez-vous\u202f?")).to_be_editable()


def test_more_results_come_on_request_and_the_keyboard_goes_on_from_there(open_search):
    page = open_search("pl", "i")  # "and": on every Polish page
    expect(page.locator("[data-search-results]")).to_have_attribute("aria-busy", "false")
    total = int(page.locator("[data-search-status]").inner_text().split()[0])
    results = page.locator("[data-search-results] > li")
    assert total > 10 and results.count() == 10
    page.get_by_role("button", name="Pokaż więcej wyników").click()
    expect(results).to_have_count(min(total, 20))
    expect(results.nth(10).locator("a")).to_be_focused()
    if total <= 20:
        expect(page.locator("[data-search-more]")).to_be_hidden()


def test_when_the_index_cannot_be_loaded_the_page_says_so_and_links_to_every_tip(open_search, served_published_site):
    server, _, settings = served_published_site
    page = open_search("fr")
    page.route("**/pagefind/**", lambda route: route.abort())  # as if the build could not index the site
    assert search(page, "avis") == []
    status = page.locator("[data-search-status]")
    expect(status).to_contain_text("La recherche n’est pas disponible pour le moment.")
    assert status.locator("a").evaluate("link => link.href") == f"{server.origin}/{settings['SITE_LANGUAGES']['fr'].archives_url}"


def test_every_request_of_a_search_goes_to_the_site_itself(open_search, served_published_site):
    server, _, _ = served_published_site
    page = open_search("fi", "korvapuusti")
    expect(page.locator("[data-search-results] a").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    outside = [url for url in page.requests if not url.startswith(server.origin + "/")]
    assert any("/pagefind/" in url for url in page.requests)
    assert not outside, f"requests outside the site: {outside}"
    assert page.context.cookies() == []


def test_search_loads_pagefinds_script_by_its_fingerprinted_name_and_finds_its_index_beside_it(open_search,
                                                                                                served_published_site):
    server, _, _ = served_published_site
    said = []
    page = open_search("pl")
    page.on("console", lambda message: said.append(f"{message.type}: {message.text}"))
    assert url_of(served_published_site, "tell-a-friend", "pl") in search(page, ONE_TIP["pl"][0])
    scripts = [url for url in page.requests if re.search(r"/pagefind/pl/pagefind[.-]", url) and url.endswith(".js")]
    assert scripts and all(re.search(r"/pagefind\.[0-9a-f]{16}\.js$|/pagefind-worker\.js$", url) for url in scripts), scripts
    assert not any(url.endswith("/pagefind.js") for url in page.requests)
    assert not [line for line in said if line.startswith(("error", "warning"))], said


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violation_on_a_page_of_results(open_search, scheme):
    assert AXE.exists(), f"{AXE.relative_to(ROOT)} is missing: run `make test`, which installs it with npm ci"
    page = open_search("pl", "opinie", color_scheme=scheme)
    expect(page.locator("[data-search-results] a").first).to_be_visible()
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate("axe.run(document, {resultTypes: ['violations']}).then(results => results.violations)")
    assert not violations, [(violation["id"], [node["target"] for node in violation["nodes"]]) for violation in violations]
