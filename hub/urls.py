"""What may name a folder of the site's URLs: a slug, a word of a language's URLs."""

import re

# one folder of a URL, as Pelican's slugify makes them: letters, digits, "-" and "_" (so no "/", "..", "(" or space)
URL_WORD = re.compile(r"[\w-]+")


def is_url_word(text):
    return isinstance(text, str) and URL_WORD.fullmatch(text) is not None


def reserved_slugs(kind, language):
    """The slugs a tip or page may not take in `language`, since a listing of the site is written there:
    a page lives beside the language's listings (`/fr/conseils/`), a tip beside the archive's pages."""
    if kind == "page":
        return set(language.words.values())
    if kind == "tip":
        return {language.words["page"]}
    return set()
