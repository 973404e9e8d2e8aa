"""Hand the theme the gettext catalogs of its UI strings, one per language of the site, as the build starts.

The theme's Jinja extension (hub.theme_text) renders the strings; without this plugin it shows the templates'
own English in every language.
"""

import os

from pelican import signals

from hub.catalogs import DEFAULTS
from hub.languages import language_codes
from hub.theme_text import use_catalogs

from .catalogs import load_catalogs


def load(pelican):
    settings = pelican.settings
    for name, value in DEFAULTS.items():
        settings.setdefault(name, value)
    directory = os.path.abspath(settings["UI_TRANSLATIONS_PATH"])
    catalogs = load_catalogs(directory, language_codes(settings), settings["UI_SOURCE_LANG"])
    use_catalogs(catalogs, catalogs.get(settings["UI_SOURCE_LANG"]) or next(iter(catalogs.values())))


def register():
    signals.initialized.connect(load)
