"""The page that offers every language suggests the browser's language with a banner, in Debian's Chromium:
never a redirect, and nothing at all without JavaScript."""

import pytest

from browser import LocalSite


@pytest.fixture(scope="module")
def root(site):
    output, _ = site
    with LocalSite(output) as server:
        yield server.origin + "/"


def open_root(browser, root, **context_options):
    context = browser.new_context(**context_options)
    page = context.new_page()
    page.goto(root)
    page.wait_for_load_state("load")
    return context, page


def visible_banners(page):
    return page.locator("[data-language-suggestion]:visible")


@pytest.mark.parametrize("locale, code, home", [("fi-FI", "fi", "/fi/"), ("pl-PL", "pl", "/pl/")])
def test_the_browsers_language_is_suggested_and_can_be_dismissed(browser, root, locale, code, home):
    context, page = open_root(browser, root, locale=locale)
    try:
        banner = visible_banners(page)
        banner.wait_for()
        assert banner.count() == 1 and banner.get_attribute("lang") == code
        assert page.url == root, "a suggestion, never a redirect"
        assert banner.locator("a").get_attribute("href") == home
        banner.locator("[data-dismiss]").click()
        assert visible_banners(page).count() == 0
        page.reload()
        page.wait_for_load_state("load")
        assert visible_banners(page).count() == 0, "a dismissed suggestion stays dismissed"
    finally:
        context.close()


def test_following_the_suggestion_opens_that_languages_home(browser, root):
    context, page = open_root(browser, root, locale="fi-FI")
    try:
        visible_banners(page).locator("a").click()
        page.wait_for_url(root + "fi/")
        assert page.locator("html").get_attribute("lang") == "fi"
    finally:
        context.close()


@pytest.mark.parametrize("options", [{"locale": "de-DE"}, {"locale": "en-GB"}], ids=["de-DE", "en-GB"])
def test_no_banner_for_a_language_the_site_lacks_or_the_pages_own(browser, root, options):
    context, page = open_root(browser, root, **options)
    try:
        assert page.locator("script[src*='/language-suggestion.']").count() == 1
        assert visible_banners(page).count() == 0
        assert page.url == root
    finally:
        context.close()


def test_without_javascript_nothing_changes(browser, root):
    context, page = open_root(browser, root, locale="fi-FI", java_script_enabled=False)
    try:
        assert visible_banners(page).count() == 0
        assert page.locator(".language-card a").count() == 4, "the language cards still offer every language"
        assert page.url == root
    finally:
        context.close()
