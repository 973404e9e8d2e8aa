"""A reader on an event's page, in a real browser: signs up with the stand-in provider, adds the event to a
calendar from its own .ics file, and the page passes axe in every language."""

import shutil

import pytest
from browser import SUBSCRIBE_PATH, LocalSite, recording_page
from icalendar import Calendar
from support import DEV_SETTINGS, ROOT, build

from test_accessibility import axe_violations, describe

EVENT = """Title: Open studio evening
Slug: open-studio-evening
Summary: An evening at the studio to thank our customers.
Start: 2099-03-04 18:00
End: 2099-03-04 20:00
Timezone: Europe/London
Place: 1 High Street, Bristol
Signup: yes
Capacity: 25 places.

Come and say hello.
"""
WORDS = {"en": "events", "fr": "evenements", "pl": "wydarzenia", "fi": "tapahtumat"}


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The sample site with an event far ahead and a stand-in provider, served on 127.0.0.1."""
    content = tmp_path_factory.mktemp("events-content") / "content"
    shutil.copytree(ROOT / "content", content)
    (content / "events" / "open-studio-evening.en.md").write_text(EVENT, encoding="utf-8")
    output = tmp_path_factory.mktemp("events-served")
    with LocalSite(output) as server:
        build(output, DEV_SETTINGS, PATH=str(content), SITEURL=server.origin, NEWSLETTER={
            "provider": "generic", "action": server.origin + SUBSCRIBE_PATH, "email_field": "email",
            "consent_field": "consent",
        })
        yield server, output


@pytest.fixture
def page(browser, served):
    server, _ = served
    with recording_page(browser, accept_downloads=True) as page:
        yield page


def test_signing_up_posts_to_the_provider_only_once_consent_is_given(page, served):
    server, _ = served
    server.redirect_to = "/en/"
    page.goto(f"{server.origin}/en/events/open-studio-evening/")
    page.fill("#event-email", "sam@example.com")
    before = len(server.submissions)
    page.click(".event__signup button[type=submit]")
    assert len(server.submissions) == before, "the form was sent without consent"
    page.check("#event-consent")
    page.click(".event__signup button[type=submit]")
    page.wait_for_url(f"{server.origin}/en/")
    assert server.submissions[-1]["email"] == ["sam@example.com"]
    assert server.submissions[-1]["consent"] == ["1"]
    outside = [url for url in page.requests if not url.startswith(server.origin + "/")]
    assert not outside, f"requests outside the site: {outside}"


def test_add_to_calendar_downloads_the_event_as_ics(page, served):
    server, _ = served
    page.goto(f"{server.origin}/en/events/open-studio-evening/")
    with page.expect_download() as download_info:
        page.click('a[href$=".ics"][download]')
    download = download_info.value
    assert download.suggested_filename == "open-studio-evening.ics"
    with open(download.path(), "rb") as ics:
        [event] = Calendar.from_ical(ics.read()).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Open studio evening"
    assert str(event["URL"]) == f"{server.origin}/en/events/open-studio-evening/"


@pytest.mark.parametrize("code", WORDS)
def test_axe_finds_no_violation_on_the_events_pages(page, served, code):
    server, output = served
    listing = f"{code}/{WORDS[code]}/"
    event = next(path for path in sorted((output / listing).glob("*/index.html")))
    for path in (listing, event.parent.relative_to(output).as_posix() + "/"):
        page.goto(f"{server.origin}/{path}")
        violations = axe_violations(page)
        assert not violations, f"/{path}: {len(violations)} axe violations\n{describe(violations)}"
