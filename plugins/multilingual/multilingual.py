"""Signal receivers that make one Pelican run build every language."""

import logging

from pelican import signals
from pelican.generators import ArticlesGenerator, PagesGenerator

from hub.editions import build_editions, link_unlisted, unlisted_pages, unlisted_tips
from hub.languages import site_languages
from hub.localized import localize
from hub.read_lists import one_per_address

from . import settings
from .fallback import fallback_pages
from .fixed_urls import fix_urls
from .listings import ListingsGenerator

logger = logging.getLogger(__name__)


def configure(pelican):
    settings.apply(pelican.settings)
    pelican.settings.pop("SITE_LANGUAGES", None)
    languages = site_languages(pelican.settings)
    settings.check_fallback(pelican.settings, list(languages.codes))


def add_generator(pelican):
    return ListingsGenerator


def keep_buildable(generator, languages, *lists):
    """Leave out what cannot be built (an unconfigured language, a URL already taken), so the rest still builds."""
    seen = {}
    for name in lists:
        # an unconfigured language was reported when the file was read
        configured = [item for item in getattr(generator, name) if item.lang in languages]
        setattr(generator, name, one_per_address(configured, seen))


def link_editions(generators):
    tips_reader = next(g for g in generators if isinstance(g, ArticlesGenerator))
    pages_reader = next(g for g in generators if isinstance(g, PagesGenerator))
    languages = site_languages(tips_reader.settings)
    keep_buildable(tips_reader, languages, "articles", "translations")
    keep_buildable(pages_reader, languages, "pages", "translations")
    listings = next(g for g in generators if isinstance(g, ListingsGenerator))
    tips = tips_reader.articles + tips_reader.translations
    pages = pages_reader.pages + pages_reader.translations
    other_tips, other_pages = unlisted_tips(tips_reader), unlisted_pages(pages_reader)
    # before linking, which asks every version of a tip for its URL: Pelican would format each anew
    fix_urls([*tips, *pages, *other_tips, *other_pages])
    editions = build_editions(languages, tips, pages)
    link_unlisted(languages, tips, other_tips)
    link_unlisted(languages, pages, other_pages)
    listings.editions = editions
    taken = {item.url for item in [*tips, *pages, *other_tips, *other_pages]}
    listings.fallbacks = fallback_pages(languages, tips_reader.settings["FALLBACK"], tips, taken)
    tips_reader.context["editions"] = editions
    # Pelican's own listings mix languages; the plugin writes them per language.
    tips_reader.categories, tips_reader.tags, tips_reader.authors = [], {}, []


def register():
    signals.initialized.connect(configure)
    signals.get_generators.connect(add_generator)
    signals.content_object_init.connect(localize)
    signals.all_generators_finalized.connect(link_editions)
