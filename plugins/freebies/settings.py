"""The freebies plugin's settings and their defaults, in one place."""

import os

from hub.sources import FREEBIE_FOLDERS

DEFAULTS = {
    **FREEBIE_FOLDERS,
    # the secret delivery URLs are derived from; publishconf.py reads it from the environment
    "FREEBIE_SECRET": "",
    # True for the live site: building without a secret is then an error, not a warning
    "FREEBIE_SECRET_REQUIRED": False,
    # per freebie, per language ("*": every other), what to change in NEWSLETTER for its form,
    # e.g. {"review-request-kit": {"*": {"form_id": "1234567"}}}
    "FREEBIE_SIGNUP": {},
    # fonts of the PDFs made from Markdown; None: the theme's fonts/NotoSans-*.ttf
    "FREEBIE_PDF_FONTS": None,
}

PELICAN_SETTINGS = {
    "FREEBIE_URL": "{lang}/{freebies_path}/{slug}/",
    "FREEBIE_SAVE_AS": "{lang}/{freebies_path}/{slug}/index.html",
    "FREEBIE_LANG_URL": "{lang}/{freebies_path}/{slug}/",
    "FREEBIE_LANG_SAVE_AS": "{lang}/{freebies_path}/{slug}/index.html",
}

DEVELOPMENT_SECRET = "development only: anyone can read this secret"
GATES = ("none", "email")


def apply(settings):
    for name, value in {**DEFAULTS, **PELICAN_SETTINGS}.items():
        settings.setdefault(name, value)
    if not settings["FREEBIE_PDF_FONTS"]:
        fonts = os.path.join(settings["THEME"], "fonts")
        settings["FREEBIE_PDF_FONTS"] = {
            "regular": os.path.join(fonts, "NotoSans-Regular.ttf"),
            "bold": os.path.join(fonts, "NotoSans-Bold.ttf"),
        }
