"""Give each tip, page and freebie its language, its translation key and localized URLs."""

import logging
import os

from babel.dates import format_date

from hub.languages import Language, site_languages
from hub.taxonomy import LocalizedCategory, LocalizedTag

logger = logging.getLogger(__name__)

def localize(content):
    """Called once per tip, page or freebie read (the multilingual plugin's receiver of content_object_init),
    and again by whatever needs it localized: once it is, nothing more is done."""
    if isinstance(getattr(content, "language", None), Language):
        return
    languages = site_languages(content.settings)
    language = languages.get(content.lang)
    if language is None:
        logger.warning(
            "%s: language %r is not configured (LANGUAGES has %s), so the file is left out of the build; "
            "correct its language or add it to LANGUAGES in pelicanconf.py",
            content.source_path,
            content.lang,
            ", ".join(languages.codes),
        )
        language = languages.default
    content.language = language

    if not getattr(content, "translation_key", None):
        content.translation_key = _file_key(content)
    # URL settings can use every word of the language: {tips_path}, {freebies_path}...
    content.metadata.update({f"{word}_path": value for word, value in language.words.items()})

    if hasattr(content, "category"):
        content.category = LocalizedCategory(content.category.name, content.settings, language)
    if hasattr(content, "tags"):
        content.tags = [LocalizedTag(tag.name, content.settings, language) for tag in content.tags]
    if hasattr(content, "date"):
        content.locale_date = format_date(content.date, format="long", locale=language.locale)


def _file_key(content):
    """The translation key of a file without one: its name without `.lang.md`."""
    name = os.path.basename(content.source_path or content.slug or "")
    name = name.split(".", 1)[0]
    return name or getattr(content, "slug", "")
