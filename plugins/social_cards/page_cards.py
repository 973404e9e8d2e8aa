"""Cards for every public page that is not a tip (pages, freebies, homes, listings, and whatever page a plugin
adds): the theme asks for one while it renders a page, with the heading the page shows.

Nothing here knows which plugin made a page: a card is keyed on what it shows (title and language), so the
further pages of a listing share their first page's card, and a page titled like a tip shares the tip's.
"""

import logging
import os
from dataclasses import dataclass

from markupsafe import Markup

from hub.pages import is_public
from hub.sources import where

from .build_count import BuildCount
from .drawing import HEIGHT, WIDTH, fingerprint, plain_title
from .glyphs import describe, missing_characters

logger = logging.getLogger(__name__)

KEY_LENGTH = 32  # of the fingerprint in a card's name: as unlikely to collide, and shorter
FOLDER = "social-cards"  # named by fingerprint: a new title is a new address, which previews fetch anew
BATCH = 64  # cards a background child draws at once while the rendering goes on: each child is a fork


@dataclass(frozen=True)
class Preview:
    """What base.html writes into a page's Open Graph tags."""

    url: str  # under the output folder, without a leading slash
    width: int
    height: int
    alt: str


def page_card_path(key):
    return f"{FOLDER}/{key[:KEY_LENGTH]}.png"


class PageCards:
    """The cards the pages ask for during one build; `drawing` draws and places them."""

    def __init__(self, drawing):
        self.drawing = drawing
        self.asked = set()  # keys asked for this build
        self.pending = {}  # key -> (title, caption, [where]) not drawn yet
        self.count = BuildCount()

    def forget(self):
        self.asked, self.pending, self.count = set(), {}, BuildCount()

    def preview(self, page, heading):
        """The card of `page`, whose heading reads `heading`; None for a page readers cannot find."""
        if getattr(page, "social_card", None):  # a tip, hidden ones too: its card was made before the rendering
            return Preview(page.social_card, page.social_card_width, page.social_card_height, plain_title(page.title))
        if page is None or not is_public(page):
            return None
        drawing = self.drawing
        if drawing.cache is None:
            return None  # rendered outside a build (the dev server's quick path)
        if isinstance(heading, Markup):
            heading = heading.unescape()  # the block came back escaped for HTML; the card shows text
        title = plain_title(heading) or drawing.site_name
        language = getattr(page, "language", None)
        caption = language.name if language is not None else str(getattr(page, "lang", ""))
        key = fingerprint(title, drawing.site_name, caption, drawing.style, drawing.fonts)
        url = page_card_path(key)
        if key not in self.asked:
            self.asked.add(key)
            _check(page, title, drawing.fonts)
            self._obtain(key, title, caption, os.path.join(drawing.output_path, url))
        return Preview(url, WIDTH, HEIGHT, title)

    def _obtain(self, key, title, caption, destination):
        drawing = self.drawing
        if drawing.shown is not None:
            drawing.shown.add(key)
        if key in drawing.drawn or drawing.cache.has(key):
            drawing.after_drawing.append((key, destination))  # copied once the drawing has ended
            self.count.reused += 1
            return
        self.count.drawn += 1
        self.pending[key] = (title, caption, [destination])
        if len(self.pending) >= BATCH:
            self.draw_pending()

    def draw_pending(self):
        pending, self.pending = self.pending, {}
        if pending:
            self.drawing.draw_more(pending)


def _check(page, title, fonts):
    """Warn about characters the card cannot show; it is drawn all the same."""
    missing = missing_characters(title, fonts.characters["bold"])
    if missing:
        source = getattr(page, "source_path", None)
        place = where(source, "Title") if source else f"the heading {title!r} of {page.url or '/'}"
        logger.warning(
            "%s: the social card's font lacks %s, so the card cannot show them; rephrase it or set "
            "SOCIAL_CARDS['bold_font'] to a font that has them", place, describe(missing),
        )
