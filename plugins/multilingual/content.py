"""Give each tip and page its language, its translation key and localized URLs."""

import html
import logging
import math
import os
import re

from babel.dates import format_date

from hub.languages import site_languages
from .taxonomy import LocalizedCategory, LocalizedTag

logger = logging.getLogger(__name__)

WORDS_PER_MINUTE = 200
MARKUP = re.compile(r"<!--.*?-->|<[^>]*>", re.DOTALL)  # comments and tags: what striptags leaves out


def localize(content):
    """Receiver of content_object_init: called once per tip or page read."""
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


def reading_minutes(content):
    """Minutes a reader needs, from the words of the rendered text."""
    # the text as read: the same words as `content.content`, whose links Pelican would resolve for
    # nothing here (the pages are rendered later, in other processes)
    return max(1, math.ceil(word_count(content._content or "") / WORDS_PER_MINUTE))


def word_count(markup):
    """The words of HTML as Jinja's striptags leaves them (tags and comments out, entities read)."""
    return len(html.unescape(MARKUP.sub("", markup)).split())


def _file_key(content):
    """The translation key of a file without one: its name without `.lang.md`."""
    name = os.path.basename(content.source_path or content.slug or "")
    name = name.split(".", 1)[0]
    return name or getattr(content, "slug", "")
