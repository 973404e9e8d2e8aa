"""The lists Pelican's generators read tips and pages into, and leaving out of them what the build does not build."""

import logging

from pelican.generators import ArticlesGenerator, PagesGenerator

logger = logging.getLogger(__name__)

# every list each kind of generator reads into, then those that hold its drafts
READ_LISTS = (
    (ArticlesGenerator, ("articles", "translations", "hidden_articles", "hidden_translations"),
     ("drafts", "drafts_translations")),
    (PagesGenerator, ("pages", "translations", "hidden_pages", "hidden_translations"),
     ("draft_pages", "draft_translations")),
)


def read_lists(generator, drafts_only=False):
    """The names of the lists `generator` read its files into (those of its drafts alone, if asked)."""
    for kind, others, drafts in READ_LISTS:
        if isinstance(generator, kind):
            return drafts if drafts_only else others + drafts
    return ()


def items_read(generator, drafts=True):
    """Every tip or page `generator` read, in every language, listed, hidden and (unless drafts=False) drafts;
    for the freebies generator, its published freebies; nothing for another generator."""
    names = [name for name in read_lists(generator) if drafts or name not in read_lists(generator, drafts_only=True)]
    return [item for name in names for item in getattr(generator, name)] + list(getattr(generator, "freebies", ()))


def tips_reader(generators):
    """The generator that read the tips (Pelican's ArticlesGenerator)."""
    return next(generator for generator in generators if isinstance(generator, ArticlesGenerator))


def leave_out(generator, names, left_out):
    """Remove from the lists `names` of `generator` every item `left_out(item)` is true of."""
    for name in names:
        kept = [item for item in getattr(generator, name) if not left_out(item)]
        getattr(generator, name)[:] = kept  # in place: Pelican's context holds the same lists


def one_per_address(items, seen=None):
    """Of items that would be written to the same place, the first by source path, the others logged and left out;
    in the order of their source paths. `seen` (save_as -> item) carries the places taken from one call to the next."""
    seen = {} if seen is None else seen
    kept = []
    for item in sorted(items, key=lambda item: item.source_path):
        first = seen.setdefault(item.save_as, item)
        if first is item:
            kept.append(item)
        else:
            logger.warning(
                "%s: has the same URL as %s (/%s) and is left out of the build; give one of them another Slug",
                item.source_path, first.source_path, item.url,
            )
    return kept
