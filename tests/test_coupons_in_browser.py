"""A reader copies a coupon's code in a real browser; without JavaScript the code is there to select."""

import re
import shutil
from datetime import timedelta

import pytest
from browser import LocalSite
from playwright.sync_api import expect
from support import DEV_SETTINGS, ROOT, build, read_metadata

from hub.offer_end import build_date

KEY = "first-workshop-offer"
SECRET = "the secret of the coupon browser test"
DONE = {"en": "Code copied", "fr": "Code copié", "pl": "Kod skopiowany", "fi": "Koodi kopioitu"}


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The sample, its coupon on offer for two more months whatever the day, served on 127.0.0.1."""
    folder = tmp_path_factory.mktemp("coupon-browser")
    content = folder / "content"
    shutil.copytree(ROOT / "content", content)
    last_day = (build_date({"TIMEZONE": "Europe/Paris"}) + timedelta(days=60)).isoformat()
    for source in (content / "freebies").glob(f"{KEY}.*.md"):
        source.write_text(re.sub(r"(?m)^Expires: .*$", f"Expires: {last_day}", source.read_text(encoding="utf-8")),
                          encoding="utf-8")
    output = folder / "output"
    with LocalSite(output) as server:
        build(output, DEV_SETTINGS, PATH=str(content), SITEURL=server.origin, FREEBIE_SECRET=SECRET)
        yield server, output, content


def delivery_url(served, lang):
    server, output, content = served
    slug = read_metadata(content / "freebies" / f"{KEY}.{lang}.md")["slug"]
    [page] = output.glob(f"{lang}/*/{slug}/*/index.html")
    return f"{server.origin}/{page.parent.relative_to(output).as_posix()}/"


def code_of(served, lang):
    return read_metadata(served[2] / "freebies" / f"{KEY}.{lang}.md")["code"]


@pytest.mark.parametrize("lang", ["fr", "pl"])
def test_the_copy_button_copies_the_code_and_says_so_in_the_page_language(browser, served, lang):
    server = served[0]
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.origin)
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    try:
        page.goto(delivery_url(served, lang))
        button = page.locator("button[data-copy-code]")
        expect(button).to_be_visible()
        button.click()
        expect(page.locator(".coupon [data-status]")).to_have_text(DONE[lang])
        assert page.evaluate("navigator.clipboard.readText()") == code_of(served, lang)
        assert requests and all(url.startswith(server.origin + "/") for url in requests)
    finally:
        context.close()


def test_without_javascript_the_code_is_shown_and_no_dead_button(browser, served):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(delivery_url(served, "fi"))
        expect(page.locator(".coupon__code")).to_have_text(code_of(served, "fi"))
        expect(page.locator(".coupon__code")).to_be_visible()
        expect(page.locator("button[data-copy-code]")).to_be_hidden()
    finally:
        context.close()
