"""What a reader does, in a real browser: get a gated freebie, copy a link, and talk to no one but the site."""

import pytest
from browser import SUBSCRIBE_PATH, LocalSite, recording_page
from freebies.links import delivery_links
from playwright.sync_api import expect
from support import DEV_SETTINGS, build, html

SECRET = "the secret of the browser test site"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The sample site with a stand-in provider, served on 127.0.0.1."""
    output = tmp_path_factory.mktemp("served")
    with LocalSite(output) as server:
        settings = build(
            output,
            DEV_SETTINGS,
            SITEURL=server.origin,
            FREEBIE_SECRET=SECRET,
            NEWSLETTER={
                "provider": "generic",
                "action": server.origin + SUBSCRIBE_PATH,
                "email_field": "email",
                "consent_field": "consent",
            },
        )
        server.settings = settings
        yield server, output


@pytest.fixture
def page(browser, served):
    server, _ = served
    with recording_page(browser, accept_downloads=True) as page:
        page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.origin)
        yield page


def assert_only_local(page, server):
    outside = [url for url in page.requests if not url.startswith(server.origin + "/")]
    assert page.requests and not outside, f"requests outside the site: {outside}"


def test_a_gated_freebie_signup_lands_on_the_delivery_page_and_downloads_the_file(page, served):
    server, _ = served
    links = {(freebie.translation_key, freebie.lang): (freebie, url) for freebie, url in delivery_links(server.settings)}
    freebie, delivery_url = links[("review-request-kit", "fi")]
    server.redirect_to = delivery_url  # what the owner pastes into the provider

    page.goto(f"{server.origin}/{freebie.url}")
    page.fill("#freebie-email", "aino@example.fi")
    page.check("#freebie-consent")
    page.click(".freebie-get button[type=submit]")
    page.wait_for_url(delivery_url)

    assert server.submissions[-1]["email"] == ["aino@example.fi"]
    assert server.submissions[-1]["consent"] == ["1"]
    expect(page.locator("h1")).to_have_text(freebie.title)
    with page.expect_download() as download_info:
        page.click("a[download]")
    download = download_info.value
    assert download.suggested_filename == f"{freebie.slug}.pdf"
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    assert_only_local(page, server)


def test_the_form_asks_for_consent_before_anything_is_sent(page, served):
    server, output = served
    before = len(server.submissions)
    gated = next(path for path in output.glob("en/freebies/*/index.html") if html(path).select_one(".freebie-get form"))
    page.goto(server.origin + "/" + gated.parent.relative_to(output).as_posix() + "/")
    page.fill("#freebie-email", "sam@example.com")
    page.click(".freebie-get button[type=submit]")
    assert page.eval_on_selector("#freebie-consent", "box => box.validity.valueMissing")
    assert len(server.submissions) == before


def test_copy_link_puts_the_page_address_on_the_clipboard(page, served):
    server, output = served
    tip = next(output.glob("pl/porady/*/index.html"))
    address = server.origin + "/" + tip.parent.relative_to(output).as_posix() + "/"
    page.goto(address)
    page.click("[data-copy]")
    expect(page.locator("[data-status]")).to_have_text("Link skopiowany")
    assert page.evaluate("navigator.clipboard.readText()") == address
    assert_only_local(page, server)


@pytest.mark.parametrize(
    "path",
    ["", "fr/", "fr/conseils/", "pl/materialy/", "fi/uutiskirje/", "en/contact/"],
)
def test_every_request_goes_to_the_site_itself(page, served, path):
    server, output = served
    page.goto(f"{server.origin}/{path}")
    page.wait_for_load_state("networkidle")
    for link in [page.locator(".card__title a").first, page.locator(".site-nav a").last]:
        if link.count():
            link.click()
            page.wait_for_load_state("networkidle")
    assert_only_local(page, server)
    assert page.context.cookies() == []
