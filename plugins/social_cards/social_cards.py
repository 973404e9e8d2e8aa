"""Signal receivers: check the settings, then give every tip its card before the pages are written."""

import logging
import os
import posixpath
from dataclasses import dataclass

from pelican import signals
from pelican.generators import ArticlesGenerator

from multilingual.sources import where
from parallel_build.pool import InBackground, build_processes

from .cache import CardCache
from .drawing import HEIGHT, TITLE_SIZES, WIDTH, Fonts, draw_card, fingerprint, fits, plain_title
from .glyphs import describe, missing_characters
from .settings import style_from

logger = logging.getLogger(__name__)

CARD_NAME = "card.png"


@dataclass
class BuildCount:
    drawn: int = 0
    reused: int = 0


# What the last build did with its cards; changed in place, so an imported name stays current.
LAST_BUILD = BuildCount()


def configure(pelican):
    # checked before Pelican empties the output folder, so a bad setting costs nothing
    pelican.settings["SOCIAL_CARD_STYLE"] = style_from(pelican.settings)


def card_path(save_as):
    """Where a tip's card goes, beside its page: `en/tips/x/index.html` -> `en/tips/x/card.png`."""
    save_as = save_as.replace(os.sep, "/")
    folder, name = posixpath.split(save_as)
    if name == "index.html":
        return posixpath.join(folder, CARD_NAME)
    return f"{posixpath.splitext(save_as)[0]}.{CARD_NAME}"  # `tips/x.html` -> `tips/x.card.png`


def make_cards(generators):
    tips_reader = next(g for g in generators if isinstance(g, ArticlesGenerator))
    settings = tips_reader.settings
    style = settings["SOCIAL_CARD_STYLE"]
    fonts = Fonts(style)
    cache = CardCache(settings["CACHE_PATH"])
    site_name = str(settings["SITENAME"])
    count = BuildCount()

    missing = missing_characters(site_name, fonts.characters["bold"])
    if missing:
        logger.warning(
            "SITENAME: the social cards' font lacks %s, so the cards cannot show them; "
            "set SOCIAL_CARDS['bold_font'] to a font that has them", describe(missing),
        )
    captions_checked = set()
    tips = [
        *tips_reader.articles, *tips_reader.translations,
        *tips_reader.hidden_articles, *tips_reader.hidden_translations,
    ]
    placed = []  # (key, where in the output) of every card
    length_checks = []  # (tip, key) of the cards still to draw
    missing_cards = {}  # key -> (title, caption) of the cards no cache holds yet
    for tip in tips:
        if not tip.save_as:
            continue  # a tip that is not written has no page to share
        title = plain_title(tip.title)
        language = getattr(tip, "language", None)
        caption = language.name if language is not None else tip.lang
        key = fingerprint(title, site_name, caption, style, fonts)
        if key in missing_cards or cache.has(key):
            count.reused += 1
        else:
            missing_cards[key] = (title, caption)
        _check(tip, title, caption, fonts, captions_checked)
        if key in missing_cards:
            length_checks.append((tip, key))  # the drawing says whether the title fitted
        elif cache.too_long(key, lambda: not fits(title, fonts)):
            _warn_too_long(tip)
        path = card_path(tip.save_as)
        tip.social_card = path
        tip.social_card_width, tip.social_card_height = WIDTH, HEIGHT
        placed.append((key, os.path.join(settings["OUTPUT_PATH"], path)))

    jobs = [(key, title, caption) for key, (title, caption) in missing_cards.items()]
    count.drawn = len(jobs)
    # drawn beside the pages and the search index, on whatever core they leave free
    work = InBackground(drawer(cache, site_name, style, fonts), jobs, 1)
    drawing.start(work, cache, placed, length_checks)
    LAST_BUILD.drawn, LAST_BUILD.reused = count.drawn, count.reused
    logger.info("Social cards: %d to draw, %d reused from %s", count.drawn, count.reused, cache.folder)


class Drawing:
    """The cards being drawn while the pages are written; put in place once they are all there."""

    def __init__(self):
        self.work, self.cache, self.placed, self.length_checks = None, None, [], []

    def start(self, work, cache, placed, length_checks):
        self.work, self.cache, self.placed, self.length_checks = work, cache, placed, length_checks

    def finish(self, pelican=None):
        if self.work is None:
            return
        work, self.work = self.work, None
        work.wait()
        for tip, key in self.length_checks:
            if self.cache.too_long(key, lambda: True):  # noted by the drawing; a missing note is a failure
                _warn_too_long(tip)
        for key, destination in self.placed:
            self.cache.copy_to(key, destination)


drawing = Drawing()


def drawer(cache, site_name, style, fonts):
    """What draws one card, (key, title, caption), into the cache: it may run in a forked child."""

    def draw(job):
        key, title, caption = job
        card = draw_card(title, site_name=site_name, caption=caption, style=style, fonts=fonts)
        cache.note_too_long(key, card.layout.shortened)
        cache.put(key, card.png)  # written by the child itself: only None travels back

    return draw


def _check(tip, title, caption, fonts, captions_checked):
    """Warn about characters the card cannot show; the card is drawn all the same."""
    missing = missing_characters(title, fonts.characters["bold"])
    if missing:
        logger.warning(
            "%s: the social card's font lacks %s of the title, so the card cannot show them; "
            "rephrase the title or set SOCIAL_CARDS['bold_font'] to a font that has them",
            where(tip.source_path, "Title"), describe(missing),
        )
    if caption not in captions_checked:
        captions_checked.add(caption)
        missing = missing_characters(caption, fonts.characters["regular"])
        if missing:
            logger.warning(
                "LANGUAGES: the social cards' font lacks %s of the language name %r, so the cards cannot "
                "show them; set SOCIAL_CARDS['font'] to a font that has them", describe(missing), caption,
            )


def _warn_too_long(tip):
    logger.warning(
        "%s: the title is too long for its social card even at %d px, so the card shows it cut short "
        "(ending in …) or with a long word broken; shorten the title",
        where(tip.source_path, "Title"), TITLE_SIZES[-1],
    )


def register():
    signals.initialized.connect(configure)
    # receivers run in PLUGINS order: after the multilingual plugin has left out what it cannot build
    signals.all_generators_finalized.connect(make_cards)
    signals.finalized.connect(drawing.finish)
