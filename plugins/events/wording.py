"""When an event happens, as a reader of its language writes it (Babel)."""

from babel.dates import format_date, format_interval, format_time, get_timezone_location


def _time_skeleton(locale):
    # a 12-hour language keeps its clock: "6:30 – 9:00 PM", a 24-hour one its own: "18:30–21:00"
    return "hm" if "h" in locale.time_formats["short"].pattern else "Hm"


def when_text(facts, locale):
    """"jeudi 10 décembre 2026, 18:30 – 21:00", or both days and times when it lasts more than a day."""
    start, end = facts.start, facts.end
    if start.date() == end.date():
        times = format_interval(start, end, _time_skeleton(locale), tzinfo=facts.zone, locale=locale)
        return f"{format_date(start, 'full', locale=locale)}, {times}"
    return (f"{format_date(start, 'full', locale=locale)}, {format_time(start, 'short', tzinfo=facts.zone, locale=locale)}"
            f" – {format_date(end, 'full', locale=locale)}, {format_time(end, 'short', tzinfo=facts.zone, locale=locale)}")


def zone_text(facts, locale):
    """The time zone the times are in: "heure : France"."""
    return get_timezone_location(facts.zone, locale=locale)


def short_date(facts, locale):
    """The day it starts, as a listing shows it."""
    return format_date(facts.start, "medium", locale=locale)
