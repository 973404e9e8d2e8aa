"""What is not public yet never reaches the live site.

A date in the future makes a tip a draft (Pelican's WITH_FUTURE_DATES); pages and freebies get the same rule here.
With DRAFTS_WRITTEN False (the live build), drafts are forgotten as soon as they are read: no page, card, search
entry, feed item, translation link or freebie offer can then be made of one.
"""

import datetime

from pelican.contents import Article

from hub.read_lists import leave_out, read_lists
from hub.unpublished import in_the_future


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
    leave_out(generator, read_lists(generator, drafts_only=True), lambda draft: True)
