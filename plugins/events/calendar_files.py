"""The iCalendar files: one per event, and one feed of every event per language (RFC 5545, with icalendar)."""

from datetime import timedelta

from icalendar import Calendar, Event

PRODUCT = "-//{site}//Events//{lang}"


def _calendar(site_name, lang, name):
    calendar = Calendar()
    calendar.add("prodid", PRODUCT.format(site=site_name, lang=lang.upper()))
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    return calendar


def _vevent(event, site_url):
    facts = event.facts
    vevent = Event()
    vevent.add("uid", event.uid)
    vevent.add("dtstamp", facts.stamp)
    vevent.add("dtstart", facts.start)
    vevent.add("dtend", facts.end)
    vevent.add("summary", event.title, parameters={"LANGUAGE": event.lang})
    vevent.add("description", event.plain_description, parameters={"LANGUAGE": event.lang})
    if facts.place:
        vevent.add("location", facts.place, parameters={"LANGUAGE": event.lang})
    # the event's own page when the site has an address; an online event's link otherwise
    page = f"{site_url}/{event.url}" if site_url.startswith(("http://", "https://")) else ""
    if page or facts.online:
        vevent.add("url", page or facts.online)
    if facts.online and not facts.place:
        vevent.add("location", facts.online)
    return vevent


def calendar_bytes(events, site_name, site_url, lang, name):
    """The bytes of a calendar holding `events`, with the VTIMEZONE of each zone they use: the same bytes for
    the same events, whenever they are built."""
    calendar = _calendar(site_name, lang, name)
    for event in events:
        calendar.add_component(_vevent(event, site_url))
    if events:
        # only the years the events need, not every rule since 1970
        first = min(event.facts.start for event in events) - timedelta(days=366)
        last = max(event.facts.end for event in events) + timedelta(days=366)
        calendar.add_missing_timezones(first_date=first.date(), last_date=last.date())
    return calendar.to_ical()
