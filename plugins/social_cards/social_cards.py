"""Signal receivers: check the settings, give every tip its card before the pages are written, and every other
public page the card the theme asks for while it renders the page."""

import logging
import os
import posixpath

from pelican import signals
from pelican.generators import ArticlesGenerator

from hub.pool import InBackground
from hub.sources import where

from .build_count import BuildCount
from .cache import CardCache, write_card
from .drawing import HEIGHT, TITLE_SIZES, WIDTH, Fonts, draw_card, fingerprint, plain_title
from .glyphs import describe, missing_characters
from .memory import keep_freed_memory
from .page_cards import FOLDER, KEY_LENGTH, PageCards
from .settings import style_from

logger = logging.getLogger(__name__)

CARD_NAME = "card.png"


# What the last build did with its cards, the tips' and the other pages'; changed in place, so an imported
# name stays current.
LAST_BUILD = BuildCount()
LAST_PAGES_BUILD = BuildCount()


def configure(pelican):
    # checked before Pelican empties the output folder, so a bad setting costs nothing
    style = pelican.settings["SOCIAL_CARD_STYLE"] = style_from(pelican.settings)
    drawing.fonts = Fonts(style)  # read once a build: every fingerprint of the build hashes the same bytes


def card_path(save_as):
    """Where a tip's card goes, beside its page: `en/tips/x/index.html` -> `en/tips/x/card.png`."""
    save_as = save_as.replace(os.sep, "/")
    folder, name = posixpath.split(save_as)
    if name == "index.html":
        return posixpath.join(folder, CARD_NAME)
    return f"{posixpath.splitext(save_as)[0]}.{CARD_NAME}"  # `tips/x.html` -> `tips/x.card.png`


def _tips(tips_reader):
    return [
        *tips_reader.articles, *tips_reader.translations,
        *tips_reader.hidden_articles, *tips_reader.hidden_translations,
    ]


def _card_of(tip, site_name, style, fonts):
    """The plain title, caption and fingerprint of a tip's card."""
    title = plain_title(tip.title)
    language = getattr(tip, "language", None)
    caption = language.name if language is not None else tip.lang
    return title, caption, fingerprint(title, site_name, caption, style, fonts)


def start_drawing(tips_reader):
    """Start drawing the cards no cache holds as soon as the tips are read, on the core reading left idle;
    each goes into the cache and beside its tip's page (Pelican emptied the output folder already).
    (A child drawing them while the tips were still read saved nothing measurable: clean builds of 1000
    tips in four languages took as long, and 0.6 CPU-s more.)"""
    settings = tips_reader.settings
    style = settings["SOCIAL_CARD_STYLE"]
    fonts = drawing.fonts
    cache = CardCache(settings["CACHE_PATH"])
    site_name = str(settings["SITENAME"])
    jobs = {}  # key -> (title, caption, [where in the output])
    for tip in _tips(tips_reader):
        if tip.save_as:
            title, caption, key = _card_of(tip, site_name, style, fonts)
            if key in jobs or not cache.has(key):
                jobs.setdefault(key, (title, caption, []))[2].append(_destination(tip, settings))
    drawing.start(style, fonts, cache, site_name, jobs, settings["OUTPUT_PATH"])


def _destination(tip, settings):
    return os.path.join(settings["OUTPUT_PATH"], card_path(tip.save_as))


def make_cards(generators):
    """Give every tip its card's address, once the multilingual plugin has linked the tips and fixed their URLs."""
    tips_reader = next(g for g in generators if isinstance(g, ArticlesGenerator))
    settings = tips_reader.settings
    style, fonts, cache, site_name = drawing.style, drawing.fonts, drawing.cache, drawing.site_name

    missing = missing_characters(site_name, fonts.characters["bold"])
    if missing:
        logger.warning(
            "SITENAME: the social cards' font lacks %s, so the cards cannot show them; "
            "set SOCIAL_CARDS['bold_font'] to a font that has them", describe(missing),
        )
    captions_checked = set()
    reused = []  # (key, where in the output) of the cards the cache holds
    after_drawing = []  # (key, where in the output) of cards being drawn, for an address not known then
    length_checks = []  # (tip, key) of the cards being drawn
    late = {}  # key -> (title, caption, [where]) of cards neither the cache nor the drawing started holds
    shown = set()  # the key of every card this build places
    for tip in _tips(tips_reader):
        if not tip.save_as:
            continue  # a tip that is not written has no page to share
        title, caption, key = _card_of(tip, site_name, style, fonts)
        shown.add(key)
        destination = _destination(tip, settings)
        if key in drawing.drawn:
            if destination not in drawing.drawn[key]:
                after_drawing.append((key, destination))
        elif cache.has(key):
            reused.append((key, destination))
            if cache.too_long(key):
                _warn_too_long(tip)
        else:
            late.setdefault(key, (title, caption, []))[2].append(destination)
        if key in drawing.drawn or key in late:
            length_checks.append((tip, key))  # the drawing says whether the title fitted
        _check(tip, title, caption, fonts, captions_checked)
        tip.social_card = card_path(tip.save_as)
        tip.social_card_width, tip.social_card_height = WIDTH, HEIGHT

    drawing.place(reused, after_drawing, length_checks, late, shown)
    LAST_BUILD.drawn, LAST_BUILD.reused = len(length_checks), len(reused)
    logger.info("Social cards: %d to draw, %d reused from %s", LAST_BUILD.drawn, LAST_BUILD.reused, cache.path)


class Drawing:
    """The cards being drawn and put in place while the build goes on; finish() waits for them."""

    def __init__(self):
        self.style = self.fonts = self.cache = self.site_name = self.output_path = None
        self.work, self.drawn, self.after_drawing, self.length_checks = [], {}, [], []
        self.jobs = []  # (key, title, caption, [where]) of every card drawn in the background
        self.shown = None  # keys of the cards this build places, once known
        self.pages = PageCards(self)  # the cards of the pages that are not tips

    def start(self, style, fonts, cache, site_name, jobs, output_path):
        self._forget()
        self.style, self.fonts, self.cache, self.site_name = style, fonts, cache, site_name
        self.output_path = output_path
        self.drawn = {key: destinations for key, (_, _, destinations) in jobs.items()}
        self._draw(jobs)

    def _draw(self, jobs):
        work = [(key, *job) for key, job in jobs.items()]
        self.jobs += work
        self.work.append(InBackground(self._drawer(), work))

    def draw_more(self, jobs):
        """Draw `jobs` in another child while the pages go on rendering."""
        self._draw(jobs)

    def _drawer(self):
        return drawer(self.cache, self.site_name, self.style, self.fonts)

    def place(self, reused, after_drawing, length_checks, late, shown):
        self.after_drawing, self.length_checks, self.shown = after_drawing, length_checks, shown
        self._draw(late)
        # copying thousands of files is slow on some disks: done beside the rendering too
        self.work.append(InBackground(lambda placing: self.cache.copy_to(*placing), reused))

    def finish(self, pelican=None):
        self.pages.draw_pending()
        work, self.work = self.work, []
        if not work:
            return
        self._help()
        for part in work:
            part.wait()
        for tip, key in self.length_checks:
            if self.cache.too_long(key):  # noted by the drawing
                _warn_too_long(tip)
        for key, destination in self.after_drawing:
            self.cache.copy_to(key, destination)
        shown, self.shown = self.shown, None
        LAST_PAGES_BUILD.drawn, LAST_PAGES_BUILD.reused = self.pages.count.drawn, self.pages.count.reused
        logger.info("Social cards of the other pages: %d drawn, %d reused", *vars(LAST_PAGES_BUILD).values())
        if shown is not None:  # a title edited since, or a tip deleted: its old card is not needed again
            removed = self.cache.keep_only(shown, self._pages_left_unrendered(), KEY_LENGTH)
            if removed:
                logger.info("Social cards: %d no longer shown removed from %s", removed, self.cache.path)

    def _pages_left_unrendered(self):
        """The names of the page cards in the output, whose pages may be ones a rebuild did not render again
        (nothing changed in them), so did not ask for their card: those cards stay in the cache."""
        folder = os.path.join(self.output_path, FOLDER)
        return {os.path.splitext(name)[0] for name in os.listdir(folder)} if os.path.isdir(folder) else set()

    def _help(self):
        """Draw cards from the end of the list while the drawing process goes on from its start, until the
        two meet: by now this process has nothing else to do, and the other core may be free too."""
        draw = self._drawer()
        for job in reversed(self.jobs):
            if self.cache.has(job[0]):
                break  # drawn by the other process, and so is everything before it (or it is drawing it)
            draw(job)
        self.jobs = []

    def _forget(self):
        """Wait for the work of a build that stopped before it was finished (its cards stay cached)."""
        for part in self.work:
            part.discard()
        self.work, self.jobs, self.shown = [], [], None
        self.pages.forget()


drawing = Drawing()


def drawer(cache, site_name, style, fonts):
    """What draws one card, (key, title, caption, [where in the output]), into the cache and those places,
    unless another process drew it meanwhile and put it in place: it may run in a forked child."""
    kept_memory = []

    def draw_one(key, title, caption, destinations=()):
        if cache.has(key):
            return
        if not kept_memory:
            kept_memory.append(keep_freed_memory())  # in the process that draws: the forked child
        card = draw_card(title, site_name=site_name, caption=caption, style=style, fonts=fonts)
        cache.put(key, card.png, card.layout.shortened)  # written by the child itself: nothing travels back
        for destination in destinations:
            write_card(card.png, destination)

    return lambda job: draw_one(*job)


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


def social_card(page, heading):
    """base.html: the card of the page it renders, whose heading reads `heading`."""
    return drawing.pages.preview(page, heading)


def install(generator):
    generator.env.globals["social_card"] = social_card


def register():
    signals.initialized.connect(configure)
    signals.generator_init.connect(install)
    # receivers run in PLUGINS order: after the multilingual plugin has left out what it cannot build
    signals.article_generator_finalized.connect(start_drawing)
    signals.all_generators_finalized.connect(make_cards)
    signals.finalized.connect(drawing.finish)
