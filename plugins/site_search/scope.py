"""Which pages search may index: the published tips, pages and freebie landing pages, nothing else.

The templates mark what Pagefind indexes with data-pagefind-body, and only on
published content. As each page is written, the pages that may be indexed are
counted and the others noted; once the files are on disk, any of those that
carries the mark is a stray: a draft, a hidden page or a freebie's secret
delivery page must never be found by search.
"""

import hashlib
import os
import re
from collections import Counter

from pelican.contents import Content

from hub.pages import is_fallback, is_public, written_page

# An element with the attribute; escaped text (&lt;div data-pagefind-body&gt;) does not match.
MARK = re.compile(r"<[a-zA-Z][^<>]*\sdata-pagefind-body[\s=/>]")


# A part of a page search never reads (outside data-pagefind-body, and data-pagefind-ignore="all") is set
# between these comments: a change there, such as a translation's "may be behind" notice, leaves the
# language's index as it was.
NOT_SEARCHED = (b"<!-- not searched -->", b"<!-- /not searched -->")


def search_fingerprint(path):
    """A digest of what search may read of a page: its bytes, less the parts marked as not searched."""
    with open(path, "rb") as written:
        data = written.read()
    start, end = NOT_SEARCHED
    digest = hashlib.blake2b(digest_size=16)
    at = 0
    while (opening := data.find(start, at)) != -1 and (closing := data.find(end, opening)) != -1:
        digest.update(data[at:opening])
        at = closing + len(end)
    digest.update(data[at:])
    return digest.hexdigest()


def searchable(page):
    """A tip, page or freebie readers may find (listings are not indexed)."""
    return isinstance(page, Content) and is_public(page) and not is_fallback(page)


def is_marked(path):
    with open(path, "rb") as written:
        data = written.read()
    # most pages (every listing) lack the very words: a search for them is quicker than one for the element
    if b"data-pagefind-body" not in data:
        return False
    return MARK.search(data.decode("utf-8")) is not None


class WrittenPages:
    """What one build wrote: the searchable pages by language, and the other pages marked for indexing."""

    def __init__(self):
        self.start()

    def start(self):
        self.searchable_paths = {}  # language code -> [path of each of its searchable pages]
        self.others = []  # (path, what kind of page) of every other page written

    def searchable(self):
        """Language code -> how many searchable pages were written."""
        return Counter({code: len(paths) for code, paths in self.searchable_paths.items()})

    def fingerprints(self, code, output):
        """{path under `output`: search fingerprint} of a language's searchable pages, once they are written."""
        return {
            os.path.relpath(path, output).replace(os.sep, "/"): search_fingerprint(path)
            for path in self.searchable_paths.get(code, ())
        }

    def strays(self):
        """What kind of page -> pages marked for indexing that must not be; never their paths, as a
        delivery page's path is its secret. Read once the pages are on disk."""
        return Counter(kind for path, kind in self.others if is_marked(path))

    def note(self, path, context):
        if not path.endswith(".html"):
            return
        page = written_page(context)
        if searchable(page):
            self.searchable_paths.setdefault(page.lang, []).append(path)
        else:
            self.others.append((path, _kind(page)))


def _kind(page):
    if getattr(page, "private", False):
        return "behind a secret address"
    status = getattr(page, "status", None)
    return status if status in ("draft", "hidden") else "listing"
