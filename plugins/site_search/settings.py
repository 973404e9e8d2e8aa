"""The site search plugin's settings and their defaults, in one place."""

DEFAULTS = {
    # False: no search pages, no link to them, and no index
    "SEARCH_ENABLED": True,
    # how many results the search page shows at once; a button shows as many more
    "SEARCH_RESULTS_SHOWN": 10,
}

# Where Pagefind writes the indexes and their scripts, under the output folder: one bundle per language,
# each made by a Pagefind run of its own, which holds only that language's pages in memory.
BUNDLE_FOLDER = "pagefind"


def bundle_folder(language):
    return f"{BUNDLE_FOLDER}/{language.code}"


def pages_of(language):
    """The pages of a language, for Pagefind's --glob: everything under its own folder."""
    return f"{language.home_url}**/*.html"


def apply(settings):
    for name, value in DEFAULTS.items():
        settings.setdefault(name, value)
