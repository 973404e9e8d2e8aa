"""An event's schema.org Event, as JSON-LD for its page."""

import json
from urllib.parse import quote

from markupsafe import Markup

ATTENDANCE = {
    "offline": "https://schema.org/OfflineEventAttendanceMode",
    "online": "https://schema.org/OnlineEventAttendanceMode",
    "mixed": "https://schema.org/MixedEventAttendanceMode",
}


def _address(site_url, url):
    return f"{site_url}/{quote(url, safe='/:@!$&()*+,;=-._~%')}"


def event_data(event, site_url, site_name):
    facts = event.facts
    locations = []
    if facts.place:
        locations.append({"@type": "Place", "name": facts.place, "address": facts.place})
    if facts.online:
        locations.append({"@type": "VirtualLocation", "url": facts.online})
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.plain_summary,
        "startDate": facts.start.isoformat(),
        "endDate": facts.end.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": ATTENDANCE[facts.attendance],
        "location": locations[0] if len(locations) == 1 else locations,
        "organizer": {"@type": "Organization", "name": site_name, "url": f"{site_url}/"},
        "inLanguage": event.lang,
        "url": _address(site_url, event.url),
        "isAccessibleForFree": True,
    }
    return data


def as_script(data):
    """JSON for a <script type="application/ld+json">: no text in it can close the script."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
