"""The stories plugin's settings and their defaults, in one place."""

from hub.story_sources import STORY_FOLDERS

DEFAULTS = {
    **STORY_FOLDERS,
    "STORIES": {
        # the form of the invitation page posts to any form endpoint (Formspree, Basin, Netlify Forms, listmonk,
        # Formbricks, a handler of your own), with these field names; empty: no form, the e-mail link only
        "form": {},
        # the address of the mailto: link under the form (or instead of it): works without any form endpoint
        "email": "",
        # the URL word of each language's wall ("*": every other language)
        "wall": {"*": "stories"},
        # how many of the latest stories the home page and a tip show (0: none)
        "on_home": 3,
        "on_tip": 2,
    },
    # what the note "How we publish stories" says, in every language, beside every story
    "STORY_POLICY": {
        # how a story is known to come from a customer: "contact" (we write back to its teller before publishing),
        # "records" (we find the visit or order it tells of in our records), or "none" (not checked: the note says so)
        "verification": "contact",
        # at most how many days pass between receiving a story and publishing it
        "days_to_publish": 14,
    },
}

# what the form sends, by meaning: the field names a provider expects can be set in STORIES["form"]["fields"]
FORM_FIELDS = {
    "name": "name",
    "story": "story",
    "town": "town",
    "experienced": "experienced",
    "consent": "consent",
    "email": "email",
}
VERIFICATIONS = ("contact", "records", "none")

PELICAN_SETTINGS = {
    # a story has no page of its own: it is at its place on the wall
    "STORY_URL": "",
    "STORY_SAVE_AS": "",
    "STORY_LANG_URL": "",
    "STORY_LANG_SAVE_AS": "",
}


def apply(settings):
    for name, value in PELICAN_SETTINGS.items():
        settings.setdefault(name, value)
    for name, value in DEFAULTS.items():
        given = settings.get(name)
        settings[name] = {**value, **given} if isinstance(value, dict) and isinstance(given, dict) else (
            value if given is None else given)
