"""Events: a page each, an events page per language with the past ones kept, calendar files that read back,
Event JSON-LD, and a clear file:line for an event that cannot be built."""

import json
import shutil
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from babel.dates import format_date
from icalendar import Calendar

from support import ROOT, build, html, pelican_run, read_metadata, settings_file, sources

WORDS = {"en": "events", "fr": "evenements", "pl": "wydarzenia", "fi": "tapahtumat"}
LOCALES = {"en": "en", "fr": "fr", "pl": "pl", "fi": "fi"}

def evening(year, summary, body):
    """An English event file: an evening on 1 June of `year`."""
    return f"""Title: A thank-you evening in {year}
Slug: evening-{year}
Summary: {summary}
Start: {year}-06-01 18:00
End: {year}-06-01 20:00
Timezone: Europe/London
Place: 1 High Street, Bristol
Signup: yes
Capacity: 20 places.

{body}
"""


FUTURE_EVENT = evening(2099, "Drinks and thanks, far ahead.", "An evening to come.")
PAST_EVENT = evening(2001, "Drinks and thanks, long ago.", "An evening that was.")


def event_sources():
    return sources("events")


def page_of(output, lang, source):
    return output / lang / WORDS[lang] / read_metadata(source)["slug"] / "index.html"


def json_ld(document):
    [script] = [s for s in document.select('script[type="application/ld+json"]') if '"Event"' in s.string]
    return json.loads(script.string)


def read_calendar(path):
    return Calendar.from_ical(path.read_bytes())


@pytest.fixture
def events_content(tmp_path):
    """A copy of the sample content whose English events are one long past and one far ahead."""
    copy = tmp_path / "content"
    shutil.copytree(ROOT / "content", copy)
    for path in (copy / "events").glob("*.en.md"):
        path.unlink()
    (copy / "events" / "evening-2099.en.md").write_text(FUTURE_EVENT, encoding="utf-8")
    (copy / "events" / "evening-2001.en.md").write_text(PAST_EVENT, encoding="utf-8")
    return copy


def test_the_sample_has_two_events_per_language_and_a_draw_with_rules():
    found = event_sources()
    for lang in WORDS:
        assert len([1 for _, code, _ in found if code == lang]) >= 2, lang
    draws = [path for _, _, path in found if "Rules:" in path.read_text(encoding="utf-8")]
    assert draws, "no sample event is a contest or draw"


@pytest.mark.parametrize("key,lang,source", event_sources(), ids=lambda value: str(getattr(value, "name", value)))
def test_each_event_has_a_page_in_its_language_with_babel_dates_and_json_ld(site, key, lang, source):
    output, _ = site
    metadata = read_metadata(source)
    document = html(page_of(output, lang, source))
    assert document.html["lang"] == lang
    assert document.h1.get_text(strip=True) == metadata["title"]
    zone = ZoneInfo(metadata["timezone"])
    start = datetime.fromisoformat(metadata["start"]).replace(tzinfo=zone)
    end = datetime.fromisoformat(metadata["end"]).replace(tzinfo=zone)
    when = document.select_one(".event__facts time")
    assert when["datetime"] == start.isoformat()
    assert format_date(start, "full", locale=LOCALES[lang]) in when.get_text()

    data = json_ld(document)
    assert data["@type"] == "Event" and data["name"] == metadata["title"] and data["inLanguage"] == lang
    assert datetime.fromisoformat(data["startDate"]) == start and data["startDate"].endswith(start.strftime("%z")[:3] + ":00")
    assert datetime.fromisoformat(data["endDate"]) == end
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["organizer"]["@type"] == "Organization"
    if "online" in metadata:
        assert data["eventAttendanceMode"].endswith("OnlineEventAttendanceMode")
        assert data["location"] == {"@type": "VirtualLocation", "url": metadata["online"]}
    else:
        assert data["eventAttendanceMode"].endswith("OfflineEventAttendanceMode")
        assert data["location"]["@type"] == "Place" and data["location"]["address"] == metadata["place"]


@pytest.mark.parametrize("key,lang,source", event_sources(), ids=lambda value: str(getattr(value, "name", value)))
def test_each_event_has_an_ics_file_that_parses_back(site, key, lang, source):
    output, _ = site
    metadata = read_metadata(source)
    document = html(page_of(output, lang, source))
    ics = output / lang / WORDS[lang] / metadata["slug"] / f"{metadata['slug']}.ics"
    calendar = read_calendar(ics)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    [event] = calendar.walk("VEVENT")
    [timezone] = calendar.walk("VTIMEZONE")
    assert str(timezone["TZID"]) == metadata["timezone"]
    assert event["DTSTART"].params["TZID"] == metadata["timezone"]
    assert event["DTSTART"].dt == datetime.fromisoformat(metadata["start"]).replace(tzinfo=ZoneInfo(metadata["timezone"]))
    assert event["DTEND"].dt > event["DTSTART"].dt
    assert str(event["SUMMARY"]) == metadata["title"] and event["SUMMARY"].params["LANGUAGE"] == lang
    assert str(event["UID"]) == f"{key}-{lang}@reciprocity-hub"
    assert event["DTSTAMP"].dt.utcoffset().total_seconds() == 0
    assert str(event["DESCRIPTION"]).strip()
    assert str(event.get("LOCATION")) == metadata.get("place", metadata.get("online"))
    link = document.select_one('a[href$=".ics"][download]')
    if link is not None:  # past events offer none
        assert link["href"] == f"/{ics.relative_to(output).as_posix()}"


@pytest.mark.parametrize("lang", WORDS)
def test_each_language_has_an_events_page_in_the_menu_and_a_calendar_feed(site, lang):
    output, _ = site
    mine = [(key, source) for key, code, source in event_sources() if code == lang]
    listing = html(output / lang / WORDS[lang] / "index.html")
    links = {a["href"] for a in listing.select(".event-card a")}
    assert links == {f"/{lang}/{WORDS[lang]}/{read_metadata(source)['slug']}/" for _, source in mine}
    home = html(output / lang / "index.html")
    assert home.select_one(f'.site-nav a[href="/{lang}/{WORDS[lang]}/"]') is not None
    feed = read_calendar(output / lang / WORDS[lang] / "calendar.ics")
    assert {str(event["UID"]) for event in feed.walk("VEVENT")} == {f"{key}-{lang}@reciprocity-hub" for key, _ in mine}
    assert listing.select_one(f'a[href="/{lang}/{WORDS[lang]}/calendar.ics"]') is not None


def test_a_draw_shows_its_rules_and_never_ties_entry_to_a_review(site):
    output, _ = site
    for key, lang, source in event_sources():
        if "Rules:" not in source.read_text(encoding="utf-8"):
            continue
        rules = html(page_of(output, lang, source)).select_one(".event__rules")
        assert rules is not None and len(rules.select("li")) >= 3
        assert rules.select_one(".event__promise").get_text(strip=True)


def test_the_calendar_files_are_the_same_bytes_in_a_second_build(site, tmp_path):
    output, _ = site
    build(tmp_path)
    files = sorted(path.relative_to(output) for path in output.rglob("*.ics"))
    assert len(files) == len(event_sources()) + len(WORDS)
    for name in files:
        assert (tmp_path / name).read_bytes() == (output / name).read_bytes(), name


def test_past_events_stay_under_past_say_they_are_over_and_offer_no_signup(events_content, tmp_path):
    build(tmp_path, PATH=str(events_content))
    listing = html(tmp_path / "en" / "events" / "index.html")
    upcoming = [a["href"] for a in listing.select("#upcoming-title ~ .grid a")]
    past = [a["href"] for a in listing.select("#past-title ~ .grid a")]
    assert upcoming == ["/en/events/evening-2099/"] and past == ["/en/events/evening-2001/"]

    over = html(tmp_path / "en" / "events" / "evening-2001" / "index.html")
    assert over.select_one(".event__over") is not None
    assert over.select_one("form") is None and over.select_one('a[href$=".ics"][download]') is None
    ahead = html(tmp_path / "en" / "events" / "evening-2099" / "index.html")
    assert ahead.select_one(".event__over") is None
    consent = ahead.select_one('.event__signup input[type="checkbox"]')
    assert consent.has_attr("required") and not consent.has_attr("checked")
    assert "20 places." in ahead.select_one(".event__facts").get_text()
    # the feed keeps both: a past event in a subscribed calendar stays where it was
    feed = read_calendar(tmp_path / "en" / "events" / "calendar.ics")
    assert len(feed.walk("VEVENT")) == 2


def test_the_moment_of_the_build_decides_what_is_past(events_content, tmp_path):
    build(tmp_path, PATH=str(events_content), EVENTS_NOW="2100-01-01")
    listing = html(tmp_path / "en" / "events" / "index.html")
    assert listing.select("#upcoming-title ~ .grid a") == []
    assert listing.select_one(".events__none") is not None
    assert len(listing.select("#past-title ~ .grid a")) == 2


BROKEN = {
    "end-before-start": ("End: 2099-06-01 20:00", "End: 2099-06-01 17:00", "End", "is not after Start"),
    "unknown-zone": ("Timezone: Europe/London", "Timezone: Europe/Atlantis", "Timezone", "is not a time zone"),
    "bad-date": ("Start: 2099-06-01 18:00", "Start: 2099-13-45 18:00", "Start", "is not a date and time"),
    "no-place": ("Place: 1 High Street, Bristol", "Capacity: 2", "Title", "say where the event happens"),
}


@pytest.mark.parametrize("case", BROKEN)
def test_bad_metadata_is_named_by_file_and_line_and_the_rest_is_built(events_content, tmp_path, case):
    good, bad, key, message = BROKEN[case]
    source = events_content / "events" / "evening-2099.en.md"
    text = FUTURE_EVENT.replace(good, bad)
    source.write_text(text, encoding="utf-8")
    line = next(number for number, row in enumerate(text.splitlines(), 1) if row.startswith(f"{key}:"))
    output = tmp_path / "output"
    status, log = pelican_run(events_content, output, settings_file(tmp_path, PATH=str(events_content)))
    assert status == 0, log
    assert f"{source}:{line}: " in log and message in log, log
    assert "Traceback" not in log
    assert not (output / "en" / "events" / "evening-2099").exists()
    assert (output / "en" / "events" / "evening-2001" / "index.html").is_file()
    assert (output / "fr" / "evenements" / "index.html").is_file()
