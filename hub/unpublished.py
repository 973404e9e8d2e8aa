"""What the live site leaves out: drafts, and any tip, page or freebie dated in the future (a draft until then)."""

import datetime

from pelican.utils import set_date_tzinfo


def in_the_future(date, timezone="UTC"):
    """Whether `date` is still to come; a date without a zone is read in `timezone` (TIMEZONE), as Pelican does."""
    if date.tzinfo is None:
        date = set_date_tzinfo(date, timezone)
    return date > datetime.datetime.now(datetime.UTC)


def why_unpublished(status, date, timezone="UTC"):
    """Why the live site leaves a file out ("a draft", "dated in the future"), or None when it publishes it."""
    if (status or "").strip().lower() == "draft":
        return "a draft (Status: draft)"
    if date is not None and in_the_future(date, timezone):
        return f"dated {date:%Y-%m-%d %H:%M}, in the future"
    return None
