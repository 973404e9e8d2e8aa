"""What is not public yet never reaches the live site.

A date in the future makes a tip a draft (Pelican's WITH_FUTURE_DATES); pages and freebies get the same rule here.
With DRAFTS_WRITTEN False (the live build), drafts are forgotten as soon as they are read: no page, card, search
entry, feed item, translation link or freebie offer can then be made of one.
"""

import datetime

from pelican.contents import Article
from pelican.generators import ArticlesGenerator, PagesGenerator

from hub.unpublished import in_the_future

DRAFT_LISTS = (
    (ArticlesGenerator, ("drafts", "drafts_translations")),
    (PagesGenerator, ("draft_pages", "draft_translations")),
)


def hold_back_future(content):
    """Receiver of content_object_init: a page or freebie dated in the future is a draft, as a tip is."""
    if isinstance(content, Article) or content.settings.get("WITH_FUTURE_DATES", True):
        return  # Pelican turns a future tip into a draft itself, right after this signal
    if "draft" not in getattr(content, "allowed_statuses", ()):
        return
    date = getattr(content, "date", None)
    if isinstance(date, datetime.datetime) and in_the_future(date, content.settings.get("TIMEZONE") or "UTC"):
        content.status = "draft"


def forget_drafts(generator):
    """Receiver of article_generator_pretaxonomy and page_generator_finalized."""
    if generator.settings.get("DRAFTS_WRITTEN", True):
        return
    names = next((names for kind, names in DRAFT_LISTS if isinstance(generator, kind)), ())
    for name in names:
        getattr(generator, name)[:] = []  # in place: Pelican's context holds the same lists
