"""The plugin's settings and their defaults, in one place (the URL words of a language: hub.languages)."""

from hub.sources import FILENAME_METADATA

DEFAULTS = {
    # language code -> its URL words, in the order the switcher shows them
    "LANGUAGES": {"en": {}},
    "LANGUAGE_FEED_NAME": "atom.xml",
    "LANGUAGE_FEED_MAX_ITEMS": 20,
}

# How Pelican itself must be set up so that every language lives under its own
# prefix and the plugin, not Pelican, writes the listings.
PELICAN_OVERRIDES = {
    "ARTICLE_URL": "{lang}/{tips_path}/{slug}/",
    "ARTICLE_SAVE_AS": "{lang}/{tips_path}/{slug}/index.html",
    "ARTICLE_LANG_URL": "{lang}/{tips_path}/{slug}/",
    "ARTICLE_LANG_SAVE_AS": "{lang}/{tips_path}/{slug}/index.html",
    "PAGE_URL": "{lang}/{slug}/",
    "PAGE_SAVE_AS": "{lang}/{slug}/index.html",
    "PAGE_LANG_URL": "{lang}/{slug}/",
    "PAGE_LANG_SAVE_AS": "{lang}/{slug}/index.html",
    "DRAFT_URL": "drafts/{lang}/{slug}/",
    "DRAFT_SAVE_AS": "drafts/{lang}/{slug}/index.html",
    "DRAFT_LANG_URL": "drafts/{lang}/{slug}/",
    "DRAFT_LANG_SAVE_AS": "drafts/{lang}/{slug}/index.html",
    "DRAFT_PAGE_URL": "drafts/{lang}/{slug}/",
    "DRAFT_PAGE_SAVE_AS": "drafts/{lang}/{slug}/index.html",
    "DRAFT_PAGE_LANG_URL": "drafts/{lang}/{slug}/",
    "DRAFT_PAGE_LANG_SAVE_AS": "drafts/{lang}/{slug}/index.html",
    # `give-first.fr.md` is the French version of the tip `give-first`
    "FILENAME_METADATA": FILENAME_METADATA,
    "ARTICLE_TRANSLATION_ID": "translation_key",
    "PAGE_TRANSLATION_ID": "translation_key",
    "USE_FOLDER_AS_CATEGORY": False,
    # listings and feeds are written per language by the plugin
    "DIRECT_TEMPLATES": [],
    "CATEGORY_SAVE_AS": "",
    "TAG_SAVE_AS": "",
    "AUTHOR_SAVE_AS": "",
    "FEED_ATOM": None,
    "FEED_RSS": None,
    "FEED_ALL_ATOM": None,
    "FEED_ALL_RSS": None,
    "CATEGORY_FEED_ATOM": None,
    "CATEGORY_FEED_RSS": None,
    "TAG_FEED_ATOM": None,
    "TAG_FEED_RSS": None,
    "AUTHOR_FEED_ATOM": None,
    "AUTHOR_FEED_RSS": None,
    "TRANSLATION_FEED_ATOM": None,
    "TRANSLATION_FEED_RSS": None,
}


def apply(settings):
    """Fill in the plugin's defaults and the Pelican settings it relies on."""
    for name, value in DEFAULTS.items():
        settings.setdefault(name, value)
    settings.update(PELICAN_OVERRIDES)
    settings["DEFAULT_LANG"] = next(iter(settings["LANGUAGES"]))
