"""The plugin's settings and their defaults, in one place (the URL words of a language: hub.languages)."""

from hub.sources import FILENAME_METADATA

DEFAULTS = {
    # language code -> its URL words, in the order the switcher shows them
    "LANGUAGES": {"en": {}},
    "LANGUAGE_FEED_NAME": "atom.xml",
    "LANGUAGE_FEED_MAX_ITEMS": 20,
    # language code -> the language whose text its missing tips show, e.g. {"fi": "en"}; none by default
    "FALLBACK": {},
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


class FallbackConfigError(ValueError):
    """FALLBACK names a language the site does not have, or one that falls back on itself."""


def check_fallback(settings, codes):
    """Stop the build with one line if FALLBACK cannot be followed."""
    fallback = settings["FALLBACK"]
    if not isinstance(fallback, dict):
        raise FallbackConfigError(
            f"FALLBACK must be a dict of language codes, such as {{\"fi\": \"en\"}}, not {fallback!r}"
        )
    for code, source in fallback.items():
        for named in (code, source):
            if named not in codes:
                raise FallbackConfigError(
                    f"FALLBACK: {named!r} is not one of the site's languages ({', '.join(codes)}); "
                    "use codes from LANGUAGES in pelicanconf.py"
                )
        if code == source:
            raise FallbackConfigError(f"FALLBACK: {code!r} cannot fall back on itself; name another language")
