"""What an event's header says about when and where it happens, read with the line of each field, so a
mistake is named where the writer made it."""

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from hub.problems import Problem
from hub.sources import iso_date

YES = ("yes", "true", "1", "oui", "tak", "kyllä")
NO = ("", "no", "false", "0", "non", "nie", "ei")


@dataclass(frozen=True)
class EventFacts:
    start: datetime  # aware, in the event's time zone
    end: datetime
    zone: ZoneInfo
    place: str  # "" when online only
    online: str  # the link of an online event, "" when in a place only
    signup: bool
    capacity: str
    rules: str  # Markdown; "" when the event is not a contest or draw
    stamp: datetime  # when the event was last changed, in UTC: the calendar's DTSTAMP

    @property
    def attendance(self):
        if self.place and self.online:
            return "mixed"
        return "online" if self.online else "offline"


class BadEvent(ValueError):
    def __init__(self, problem):
        super().__init__(str(problem))
        self.problem = problem


def read_facts(path, header, default_zone):
    """The EventFacts of the event at `path` whose header is `header` (hub.sources.Header); raises BadEvent."""

    def line(key):
        indices = header.lines.get(key)
        return indices[0] + 1 if indices else 0

    def bad(key, message):
        return BadEvent(Problem(str(path), line(key), message, leaves_out=True))

    zone_name = header.value("timezone") or default_zone
    try:
        zone = ZoneInfo(zone_name)
    except (ZoneInfoNotFoundError, ValueError):
        raise bad("timezone", f"Timezone {zone_name!r} is not a time zone: write one such as Europe/Paris, "
                              "Europe/Warsaw or Europe/Helsinki") from None
    moments = {}
    for key in ("start", "end"):
        text = header.value(key)
        if not text:
            raise bad("title", f"add `{key.capitalize()}: YYYY-MM-DD HH:MM`, in the event's Timezone")
        moment = iso_date(text)
        if moment is None:
            raise bad(key, f"{key.capitalize()} {text!r} is not a date and time: write YYYY-MM-DD HH:MM")
        moments[key] = datetime(*moment.timetuple()[:6], tzinfo=zone)
    if moments["end"] <= moments["start"]:
        raise bad("end", f"End {header.value('end')} is not after Start {header.value('start')}: correct one of them")

    place, online = header.value("place"), header.value("online")
    if online and urlsplit(online).scheme not in ("https", "http"):
        raise bad("online", f"Online {online!r} is not a web address: write the https:// link of the event")
    if not (place or online):
        raise bad("title", "say where the event happens: `Place: <address>` or `Online: https://…` (or both)")

    signup = header.value("signup").lower()
    if signup not in YES + NO:
        raise bad("signup", f"Signup must be 'yes' (a sign-up form) or 'no', not {header.value('signup')!r}")

    modified = header.value("modified")
    stamp = iso_date(modified) if modified else None
    if modified and stamp is None:
        raise bad("modified", f"Modified {modified!r} is not a date: write YYYY-MM-DD or YYYY-MM-DD HH:MM")
    stamp = datetime(*stamp.timetuple()[:6], tzinfo=zone) if stamp else moments["start"]

    return EventFacts(
        start=moments["start"],
        end=moments["end"],
        zone=zone,
        place=place,
        online=online,
        signup=signup in YES,
        capacity=header.value("capacity"),
        rules=header.value("rules"),
        stamp=stamp.astimezone(ZoneInfo("UTC")),
    )
