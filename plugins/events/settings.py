"""The events plugin's settings and their defaults, in one place."""

DEFAULTS = {
    # folders under PATH that hold one Markdown file per event and language
    "EVENT_PATHS": ["events"],
    # the word of the events' URLs in each language; a language left out uses "events"
    "EVENT_URL_WORDS": {"en": "events", "fr": "evenements", "pl": "wydarzenia", "fi": "tapahtumat"},
    # per event, per language ("*": every other), what to change in NEWSLETTER for its sign-up form,
    # e.g. {"shop-evening": {"*": {"form_id": "1234567"}}}
    "EVENT_SIGNUP": {},
    # what makes each event's calendar UID unique to this site ("": SITENAME made into a slug)
    "EVENT_UID_DOMAIN": "",
    # the moment that decides which events are past, "YYYY-MM-DD" or "YYYY-MM-DD HH:MM" in TIMEZONE;
    # None: when the build runs
    "EVENTS_NOW": None,
    # the name of each language's calendar feed, in its events folder
    "EVENT_FEED_NAME": "calendar.ics",
}

DEFAULT_URL_WORD = "events"


def apply(settings):
    for name, value in DEFAULTS.items():
        settings.setdefault(name, value)


def url_word(settings, lang):
    return (settings.get("EVENT_URL_WORDS") or {}).get(lang, DEFAULT_URL_WORD)
