"""When a freebie's offer ends: its `Expires` date, read the same way by the build and by `make check`.

`Expires` is the last day the offer holds, in the site's TIMEZONE. A static site only changes when it is built,
so an offer is seen as ended by the first build after that day (a daily scheduled `make publish` keeps it exact).
"""

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# how long before its end `make check` starts to say that an offer is ending
WARN_DAYS_BEFORE = 14

DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class ExpiresError(ValueError):
    """An `Expires` value that is not a date."""


def parse_expires(value):
    """The last day of an offer from its `Expires` value (`2027-03-31`); None when there is none."""
    text = str(value or "").strip()
    if not text:
        return None
    if DATE.fullmatch(text):
        try:
            return date.fromisoformat(text)
        except ValueError:  # 2027-02-30
            pass
    raise ExpiresError(
        f"Expires {text!r} is not a date: write the last day the offer holds as YYYY-MM-DD, e.g. Expires: 2027-03-31"
    )


def build_date(settings):
    """Today, in the site's time zone: what an offer's end is compared with."""
    try:
        zone = ZoneInfo(settings.get("TIMEZONE") or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        zone = ZoneInfo("UTC")
    return datetime.now(zone).date()


def has_ended(last_day, today):
    return last_day is not None and today > last_day


def ends_soon(last_day, today, days=WARN_DAYS_BEFORE):
    """True from `days` days before the last day of the offer until that day."""
    return last_day is not None and 0 <= (last_day - today).days <= days
