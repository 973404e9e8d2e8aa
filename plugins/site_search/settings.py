"""The site search plugin's settings and their defaults, in one place."""

DEFAULTS = {
    # False: no search pages, no link to them, and no index
    "SEARCH_ENABLED": True,
    # how many results the search page shows at once; a button shows as many more
    "SEARCH_RESULTS_SHOWN": 10,
}

# Where Pagefind writes the index and its script, under the output folder.
BUNDLE_FOLDER = "pagefind"


def apply(settings):
    for name, value in DEFAULTS.items():
        settings.setdefault(name, value)
