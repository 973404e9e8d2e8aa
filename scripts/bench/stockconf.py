"""Plain one-pass Pelican for the benchmark: the same content, no plugins, the default theme.

A tip's versions are linked as Pelican links translations: the file name gives the translation key and the
language (`give-first.fr.md`), and ARTICLE_TRANSLATION_ID groups the versions by that key. PATH is given on
the command line (`pelican CONTENT -s scripts/bench/stockconf.py`).
"""

import os

HERE = os.path.dirname(os.path.abspath(__file__))

SITENAME = "Reciprocity Hub"
AUTHOR = "Reciprocity Hub"
SITEURL = ""
TIMEZONE = "Europe/Paris"
DEFAULT_LANG = "en"

PATH = "content"
ARTICLE_PATHS = ["tips"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]
PLUGINS = []  # none: left unset, Pelican would load every plugin installed beside it (i18n_subsites too)

FILENAME_METADATA = r"(?P<translation_key>[^.]+)\.(?P<lang>[a-z]{2})$"
ARTICLE_TRANSLATION_ID = "translation_key"
PAGE_TRANSLATION_ID = "translation_key"
USE_FOLDER_AS_CATEGORY = False

# The hub's pages name their own layouts (Template: contact, Template: newsletter): here they are plain pages.
THEME_TEMPLATES_OVERRIDES = [os.path.join(HERE, "stock_templates")]

DEFAULT_PAGINATION = 6
SUMMARY_MAX_LENGTH = 40

# One feed per language, as the hub has; no site-wide, category or author feeds.
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = "feeds/all-{lang}.atom.xml"

RELATIVE_URLS = False
LOAD_CONTENT_CACHE = False
