"""The site search plugin's settings and their defaults, in one place."""

import os
import re

DEFAULTS = {
    # False: no search pages, no link to them, and no index
    "SEARCH_ENABLED": True,
    # how many results the search page shows at once; a button shows as many more
    "SEARCH_RESULTS_SHOWN": 10,
    # how many languages Pagefind indexes at once: each run holds its language's pages in memory (about
    # 200 MB for 1000 tips), so one at a time keeps a build's memory low, and costs little time
    "SEARCH_INDEXING_AT_ONCE": 1,
}

# Where Pagefind writes the indexes and their scripts, under the output folder: one bundle per language,
# each made by a Pagefind run of its own, which holds only that language's pages in memory.
BUNDLE_FOLDER = "pagefind"
# set by the plugin, not the owner: the name of pagefind.js the search pages link, pagefind.<hash>.js
ENTRY_SETTING = "SEARCH_ENTRY_SCRIPT"
# The names a glob of Pagefind's reads as they are, whatever its syntax: letters, digits, '_', '-' and '.'.
# A page with any other character in its path is covered by its language's whole folder.
PLAIN_NAME = re.compile(r"[\w.-]+")


def bundle_folder(language):
    return f"{BUNDLE_FOLDER}/{language.code}"


def pages_of(language, searchable=(), output=""):
    """The pages of a language, for Pagefind's --glob: its searchable pages, with the folder of each
    page as `*` so that one pattern covers every tip, and so no listing (tags, categories, further
    pages), which Pagefind would read for nothing; everything under the language's folder when the
    searchable pages are not known, or a name in their paths is not plain (PLAIN_NAME)."""
    patterns = set()
    for path in searchable:
        parts = os.path.relpath(path, output).replace(os.sep, "/").split("/")
        if len(parts) >= 3:  # language/section/page/index.html: the page's folder; never the language's
            parts[-2] = "*"
        patterns.add("/".join(parts))
    parts = {part for pattern in patterns for part in pattern.split("/")} - {"*"}
    if not patterns or not all(PLAIN_NAME.fullmatch(part) for part in parts):
        return f"{language.home_url}**/*.html"
    return "{" + ",".join(sorted(patterns)) + "}"


class SearchSettingsError(ValueError):
    """A site search setting holds a value the plugin cannot use."""


def apply(settings):
    for name, value in DEFAULTS.items():
        settings.setdefault(name, value)
    at_once = settings["SEARCH_INDEXING_AT_ONCE"]
    if isinstance(at_once, bool) or not isinstance(at_once, int) or at_once < 1:
        raise SearchSettingsError(
            f"SEARCH_INDEXING_AT_ONCE is {at_once!r}: set it to how many languages Pagefind may index at "
            "once, a whole number from 1"
        )
