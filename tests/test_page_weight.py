"""What reading the site costs a reader, in Debian's Chromium: no request leaves the site and no cookie is set on
any kind of page, and a tip stays light.

The weight is measured on the live build (publishconf.py's own SITEURL, since the length of every absolute address
counts), served to the browser from the built folder by Playwright, which sends nothing to the network.
"""

from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from pelican.settings import read_settings
from support import DEV_SETTINGS, PUBLISH_SETTINGS, PUBLISHED_SECRET, build, tip_pages

# Everything a tip page loads, uncompressed: HTML, CSS, scripts, fonts, icons; not the article's own images.
TIP_PAGE_BUDGET = 30 * 1024
NOT_COUNTED = {"image", "media"}
LANGUAGE_CODES = list(read_settings(str(DEV_SETTINGS))["LANGUAGES"])
KINDS = ["home", "tip", "page", "freebie", "search", "listing"]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_every_request_goes_to_the_site_and_no_cookie_is_set(browser, served_published_site, served_pages, code, kind):
    server, _, _ = served_published_site
    path = served_pages[code][kind]
    context = browser.new_context()
    requests = []
    context.on("request", lambda request: requests.append(request.url))
    try:
        page = context.new_page()
        page.goto(f"{server.origin}/{path}")
        page.wait_for_load_state("networkidle")
        outside = [url for url in requests if not url.startswith(server.origin + "/")]
        assert requests and not outside, f"/{path} sent requests outside the site: {outside}"
        assert context.cookies() == [], f"/{path} set cookies: {context.cookies()}"
        assert page.evaluate("document.cookie") == ""
    finally:
        context.close()


@pytest.fixture(scope="module")
def live_site(tmp_path_factory):
    """The site as `make publish` builds it, with the live SITEURL."""
    output = tmp_path_factory.mktemp("live")
    settings = build(output, PUBLISH_SETTINGS, FREEBIE_SECRET=PUBLISHED_SECRET)
    return output, settings


def serve_from(folder, site_url):
    """A Playwright route handler answering the site's URLs with the built files."""

    def serve(route):
        path = unquote(urlsplit(route.request.url).path)[len(urlsplit(site_url).path):].lstrip("/")
        target = Path(folder) / path
        if target.is_dir():
            target = target / "index.html"
        if target.is_file():
            route.fulfill(path=str(target))
        else:
            route.fulfill(status=404, body="")

    return serve


def weigh(browser, output, site_url, url):
    """(bytes counted, {url: bytes} of every response, URLs outside the site) for one page load."""
    context = browser.new_context()  # routed requests bypass the cache: every page pays for its assets
    outside = []
    context.route(f"{site_url}/**", serve_from(output, site_url))
    context.route(lambda address: not address.startswith(site_url + "/"),
                  lambda route: (outside.append(route.request.url), route.abort()))
    responses = []
    try:
        page = context.new_page()
        page.on("response", lambda response: responses.append(response))
        page.goto(url)
        page.wait_for_load_state("networkidle")
        sizes = {
            response.url: len(response.body())
            for response in responses
            if response.request.resource_type not in NOT_COUNTED and response.ok
        }
    finally:
        context.close()
    return sum(sizes.values()), sizes, outside


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_the_heaviest_tip_page_stays_within_the_budget(browser, live_site, code):
    """Every tip loads the same stylesheet, scripts and fonts: the tip with the most HTML is the heaviest."""
    output, settings = live_site
    site_url = settings["SITEURL"]
    heaviest = max((path for path, _ in tip_pages(output, code)), key=lambda path: path.stat().st_size)
    url = f"{site_url}/{heaviest.parent.relative_to(output).as_posix()}/"
    total, sizes, outside = weigh(browser, output, site_url, url)
    assert not outside, f"{url} asked for {outside}"
    assert url in sizes, f"{url} did not load"
    breakdown = "\n".join(f"  {size:>7} {address}" for address, size in sorted(sizes.items(), key=lambda item: -item[1]))
    assert total <= TIP_PAGE_BUDGET, f"{url} weighs {total} bytes, over the budget of {TIP_PAGE_BUDGET}:\n{breakdown}"
