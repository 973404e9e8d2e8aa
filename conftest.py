"""Fixtures shared by the site tests (tests/) and the plugins' own tests (plugins/*/tests/)."""

import os
import shutil

import pytest
from pelican.log import LimitFilter

from browser import CHROMIUM, CHROMIUM_ARGS, LocalSite
from support import PUBLISH_SETTINGS, PUBLISHED_SECRET, PUBLISHED_SITEURL, ROOT, build, typical_pages


@pytest.fixture
def content(tmp_path):
    """A copy of the sample content, to add or break files in."""
    copy = tmp_path / "content"
    shutil.copytree(ROOT / "content", copy)
    return copy


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The sample site built with the development settings."""
    output = tmp_path_factory.mktemp("site")
    settings = build(output)
    return output, settings


@pytest.fixture(scope="session")
def published_site(tmp_path_factory):
    """The sample site built as `make publish` builds it, with absolute URLs."""
    output = tmp_path_factory.mktemp("published")
    settings = build(
        output, PUBLISH_SETTINGS, SITEURL=PUBLISHED_SITEURL, FEED_DOMAIN=PUBLISHED_SITEURL, FREEBIE_SECRET=PUBLISHED_SECRET
    )
    return output, settings


@pytest.fixture(scope="session")
def served_published_site(tmp_path_factory):
    """The site built as `make publish` builds it, with its SITEURL on the local server that serves it."""
    output = tmp_path_factory.mktemp("served-published")
    with LocalSite(output) as server:
        settings = build(
            output, PUBLISH_SETTINGS, SITEURL=server.origin, FEED_DOMAIN=server.origin, FREEBIE_SECRET=PUBLISHED_SECRET
        )
        yield server, output, settings


@pytest.fixture(scope="session")
def served_pages(served_published_site):
    """{language code: {kind of page: its path}} of the served site (support.typical_pages)."""
    _, output, settings = served_published_site
    return {language.code: typical_pages(output, settings, language.code) for language in settings["SITE_LANGUAGES"]}


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium, driven by Playwright: one per test module."""
    from playwright.sync_api import sync_playwright

    assert os.path.exists(CHROMIUM), f"{CHROMIUM} is missing: install Debian's chromium package (apt-get install chromium)"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def fresh_log_limits():
    """Pelican shows each warning once per process; every test expects to see its own."""
    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()
