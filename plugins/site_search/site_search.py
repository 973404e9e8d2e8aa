"""Signal receivers: set up the settings, add the search pages, note what is written, then index the site."""

import logging
import shutil
from pathlib import Path

from blinker import signal
from pelican import signals

from . import settings
from .indexer import IndexingError, build_index, indexed_counts
from .pages import SearchPagesGenerator
from .scope import WrittenPages

logger = logging.getLogger(__name__)

written = WrittenPages()


def configure(pelican):
    settings.apply(pelican.settings)
    written.start()


def add_generator(pelican):
    return SearchPagesGenerator


def index_site(pelican):
    """Index the output folder (`make publish` builds into a fresh one), once every page is written."""
    if not pelican.settings["SEARCH_ENABLED"]:
        return
    output = pelican.settings["OUTPUT_PATH"]
    strays = written.strays()
    if strays:
        shutil.rmtree(Path(output) / settings.BUNDLE_FOLDER, ignore_errors=True)
        kinds = ", ".join(f"{kind}: {count}" for kind, count in sorted(strays.items()))
        logger.error(
            "Site search: pages that are not public carry data-pagefind-body (%s), so nothing was indexed: "
            "drafts, hidden pages and freebies' delivery pages must never be found by search. Keep "
            "data-pagefind-body in article.html, page.html and freebie.html, on published content only",
            kinds,
        )
        return
    languages = list(pelican.settings["SITE_LANGUAGES"])
    bundles = {language.code: Path(output) / settings.bundle_folder(language) for language in languages}
    for stale in set((Path(output) / settings.BUNDLE_FOLDER).glob("*")) - set(bundles.values()):
        if stale.is_dir():
            shutil.rmtree(stale, ignore_errors=True)
        else:
            stale.unlink()
    counts, warnings, kept = {}, [], []
    searchable = written.searchable()
    for language in languages:
        indexed = (indexed_counts(bundles[language.code]) or {}).get(language.code)
        if indexed == searchable[language.code] and written.unchanged(language.code):
            counts[language.code] = indexed  # the same pages as the index holds: it stays as it is
            kept.append(language.code)
            continue
        try:
            found, said = build_index(output, settings.bundle_folder(language), settings.pages_of(language))
        except IndexingError as error:
            logger.error(
                "Site search: Pagefind could not index %s (%s), so the search pages cannot find anything. "
                "Install it into this Python environment with `pip install -r requirements.txt` (the "
                "pagefind[bin] package), or set SEARCH_ENABLED = False in pelicanconf.py to build without search",
                output,
                error,
            )
            return
        counts.update(found)
        warnings.extend(said)
    for warning in warnings:
        logger.warning("Site search: Pagefind: %s", warning)
    _compare(counts)
    indexed = ", ".join(f"{count} pages in {code}" for code, count in sorted(counts.items()))
    logger.info("Site search: indexed %s%s", indexed, f" (kept as they were: {', '.join(kept)})" if kept else "")


def _compare(counts):
    """Warn about a language whose index holds more or fewer pages than this build wrote."""
    expected = {code.lower(): count for code, count in written.searchable().items()}
    for code in sorted(set(expected) | set(counts)):
        if counts.get(code, 0) != expected.get(code, 0):
            logger.warning(
                "Site search: the %s index does not match this build (pages indexed: %d; public tips, pages "
                "and freebies written: %d): a template may lack data-pagefind-body, or the output folder may "
                "hold pages of an earlier build (delete it and build again)",
                code, counts.get(code, 0), expected.get(code, 0),
            )


def register():
    signals.initialized.connect(configure)
    signals.get_generators.connect(add_generator)
    signals.content_written.connect(written.note)
    signal("page_files_changed").connect(written.note_changes)
    signals.finalized.connect(index_site)
