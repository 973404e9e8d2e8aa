"""A customer sends a story from the invitation page, in a real browser, to a stand-in for the owner's form
endpoint: nothing leaves before consent is ticked, the fields arrive under the names the owner set, and the
honeypot stays empty."""

import pytest
from browser import SUBSCRIBE_PATH, LocalSite
from playwright.sync_api import expect
from support import DEV_SETTINGS, ROOT, build

from pelicanconf import STORIES

FIELDS = {"name": "entry.name", "story": "entry.story", "town": "entry.town", "experienced": "entry.date",
          "consent": "entry.consent", "email": "entry.email"}


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    output = tmp_path_factory.mktemp("served-stories")
    with LocalSite(output) as server:
        build(output, DEV_SETTINGS, SITEURL=server.origin, STORIES={
            **STORIES,
            "form": {"action": server.origin + SUBSCRIBE_PATH, "fields": FIELDS, "honeypot": "_gotcha",
                     "hidden": {"_subject": "Story ({lang})"}},
        })
        yield server


@pytest.fixture
def page(browser, served):
    context = browser.new_context()
    page = context.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    yield page
    context.close()


def fill_in(page):
    page.fill("#story-name", "Aino L.")
    page.fill("#story-town", "Tampere")
    page.fill("#story-experienced", "2026-06-30")
    page.fill("#story-text", "Otsatukan siistiminen toi asiakkaat takaisin.")
    page.fill("#story-email", "aino@example.fi")


def test_nothing_is_sent_before_consent_is_ticked(page, served):
    before = len(served.submissions)
    page.goto(f"{served.origin}/fi/kerro-tarinasi/")
    fill_in(page)
    page.click(".story-form button[type=submit]")
    assert page.eval_on_selector("#story-consent", "box => box.validity.valueMissing")
    assert len(served.submissions) == before


def test_a_story_reaches_the_endpoint_under_the_owners_field_names(page, served):
    served.redirect_to = "/fi/tarinat/"  # where the owner's endpoint sends the customer afterwards
    page.goto(f"{served.origin}/fi/kerro-tarinasi/")
    expect(page.locator("#story-consent")).not_to_be_checked()
    fill_in(page)
    page.check("#story-consent")
    page.click(".story-form button[type=submit]")
    page.wait_for_url(f"{served.origin}/fi/tarinat/")
    sent = served.submissions[-1]
    assert sent["entry.name"] == ["Aino L."] and sent["entry.town"] == ["Tampere"]
    assert sent["entry.date"] == ["2026-06-30"] and sent["entry.email"] == ["aino@example.fi"]
    assert sent["entry.consent"] == ["yes"] and sent["_subject"] == ["Story (fi)"] and sent["lang"] == ["fi"]
    assert "_gotcha" not in sent  # parse_qs leaves out blank values: the honeypot arrived empty
    outside = [url for url in page.requests if not url.startswith(served.origin + "/")]
    assert not outside, outside


def test_the_honeypot_cannot_be_reached_with_the_keyboard(page, served):
    page.goto(f"{served.origin}/fi/kerro-tarinasi/")
    assert page.get_attribute("input[name=_gotcha]", "tabindex") == "-1"
    assert not page.locator("input[name=_gotcha]").is_visible() or page.evaluate(
        "document.querySelector('input[name=_gotcha]').getBoundingClientRect().right < 0")


AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_OPTIONS = "{resultTypes: ['violations'], rules: {'target-size': {enabled: true}}}"
STORY_PAGES = {
    "en": ["en/stories/", "en/your-story/"],
    "fr": ["fr/temoignages/", "fr/votre-histoire/"],
    "pl": ["pl/historie/", "pl/twoja-historia/"],
    "fi": ["fi/tarinat/", "fi/kerro-tarinasi/"],
}


@pytest.mark.parametrize("dark_phone", [False, True], ids=["desktop", "dark-phone"])
@pytest.mark.parametrize("path", [path for paths in STORY_PAGES.values() for path in paths])
def test_axe_finds_no_violation_on_the_wall_and_the_invitation(browser, served, path, dark_phone):
    options = {"color_scheme": "dark", "viewport": {"width": 390, "height": 844}, "is_mobile": True} if dark_phone else {}
    context = browser.new_context(**options)
    try:
        page = context.new_page()
        assert page.goto(f"{served.origin}/{path}").ok
        assert AXE.exists(), f"{AXE.relative_to(ROOT)} is missing: run `make test`, which installs it with npm ci"
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate(f"axe.run(document, {AXE_OPTIONS}).then(results => results.violations)")
        assert not violations, [(v["id"], [node["target"] for node in v["nodes"]]) for v in violations]
    finally:
        context.close()
