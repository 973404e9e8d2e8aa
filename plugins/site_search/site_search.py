"""Signal receivers: set up the settings, add the search pages, note what is written, then index the site."""

import json
import logging
import os
import shutil
from pathlib import Path

from blinker import signal
from pelican import signals

from . import settings
from .entry_script import PLAIN, bundle_entry_name, entry_name, publish_copy
from .indexer import IndexingError, IndexRun, PagefindMissing, indexed_counts
from .pages import SearchPagesGenerator
from .scope import WrittenPages

logger = logging.getLogger(__name__)

written = WrittenPages()


def configure(pelican):
    settings.apply(pelican.settings)
    written.start()
    indexing.abandon()  # the runs of a build that failed before its end, if any: they write where this one will
    indexing.at_once = pelican.settings["SEARCH_INDEXING_AT_ONCE"]
    indexing.as_indexed = IndexedPages(pelican.settings.get("CACHE_PATH"), pelican.settings["OUTPUT_PATH"])
    if pelican.settings["SEARCH_ENABLED"]:
        pelican.settings[settings.ENTRY_SETTING] = entry_name(pelican.settings.get("CACHE_PATH"))


def add_generator(pelican):
    return SearchPagesGenerator


class Indexing:
    """The search bundles of one build: a language's is started once its tips, pages and freebies are
    written, so Pagefind indexes it while the next language's pages and the listings are rendered, with
    at most `at_once` (SEARCH_INDEXING_AT_ONCE) runs going at a time; index_site waits for them all."""

    def __init__(self):
        self.at_once = settings.DEFAULTS["SEARCH_INDEXING_AT_ONCE"]
        self.as_indexed = IndexedPages(None, None)
        self.entry = PLAIN  # the name of pagefind.js the search pages link
        self.start()

    def start(self):
        self.runs = {}  # language code -> IndexRun, started
        self.waiting = []  # (language code, IndexRun's arguments) of the runs not started yet, in order
        self.kept = {}  # language code -> pages its bundle holds, kept as it was
        self.fingerprints = {}  # language code -> {path under the output: search fingerprint} of its pages

    def folder_written(self, writer, folder, paths, whole_site, part="content"):
        self.entry = writer.settings.get(settings.ENTRY_SETTING, PLAIN)
        if not whole_site or not writer.settings["SEARCH_ENABLED"]:
            return  # a page written alone (the dev server's quick path): the full build that follows indexes
        self.start_waiting()  # a run may have ended since the last folder was written
        if part != "content":
            return  # listings are not indexed: the language's index started once its content was written
        for language in writer.settings["SITE_LANGUAGES"]:
            if folder and language.home_url.strip("/") == folder:
                self.index_or_keep(language, writer.settings["OUTPUT_PATH"])

    def index_or_keep(self, language, output):
        """Index a language again, unless its bundle holds what search reads of the very pages this build
        wrote: the same pages, each with the fingerprint it had when the bundle was made."""
        if language.code in {*self.runs, *self.kept, *(code for code, _ in self.waiting)}:
            return
        bundle = Path(output) / settings.bundle_folder(language)
        indexed = (indexed_counts(bundle) or {}).get(language.code)
        fingerprints = written.fingerprints(language.code, output)
        self.fingerprints[language.code] = fingerprints
        # a bundle an earlier Pagefind wrote has another pagefind.js than the one the search pages link
        same_script = self.entry == PLAIN or bundle_entry_name(bundle) == self.entry
        if indexed == len(fingerprints) and self.as_indexed.hold(fingerprints) and same_script:
            self.kept[language.code] = indexed
        else:
            pages = settings.pages_of(language, written.searchable_paths.get(language.code, ()), output)
            self.waiting.append((language.code, (output, settings.bundle_folder(language), pages)))
            self.start_waiting()

    def start_waiting(self):
        """Start the waiting runs that fit beside those still going: each holds its language's pages in
        memory (about 200 MB for 1000 tips), and one run already keeps both cores busy most of its time."""
        while self.waiting and sum(run.running() for run in self.runs.values()) < self.at_once:
            code, arguments = self.waiting.pop(0)
            self.runs[code] = IndexRun(*arguments)

    def results(self):
        """Pages indexed per language code, Pagefind's warnings, and the IndexingError of each language
        that has no index, once every run has ended. The next build starts afresh."""
        counts, warnings, failures, ended = dict(self.kept), [], {}, set()
        while True:
            self.start_waiting()
            going = [code for code in self.runs if code not in ended]
            if not going:
                break
            ended.add(going[0])
            try:
                found, said = self.runs[going[0]].result()
            except IndexingError as error:
                failures[going[0]] = error
                continue
            counts.update(found)
            warnings.extend(said)
        self.start()
        return counts, warnings, failures

    def abandon(self):
        """Wait for the runs started, whatever they made; the next build starts afresh."""
        self.results()


class IndexedPages:
    """The search fingerprint of every page as the bundles of an output folder last indexed it, kept under
    CACHE_PATH between builds (none without it, or for another output folder: every language is then
    indexed again)."""

    FILE = "site_search_pages.json"

    def __init__(self, cache_path, output):
        self.path = Path(cache_path) / self.FILE if cache_path else None
        self.output = os.path.abspath(output) if output else None
        self.fingerprints = self._read()

    def _read(self):
        try:
            found = json.loads(self.path.read_text(encoding="utf-8"))
            return dict(found["pages"]) if found["output"] == self.output else {}
        except (AttributeError, OSError, ValueError, KeyError, TypeError):
            return {}

    def hold(self, fingerprints):
        """Whether every one of these pages was indexed as it is now."""
        return all(self.fingerprints.get(path) == fingerprint for path, fingerprint in fingerprints.items())

    def save(self, fingerprints):
        """Keep these fingerprints for the next build. A file cut short reads as none: every language is then
        indexed again, so it needs no writing aside."""
        if self.path is None:
            return
        self.fingerprints = dict(fingerprints)
        stored = json.dumps({"output": self.output, "pages": self.fingerprints}, sort_keys=True)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_text(stored, encoding="utf-8")
        except OSError as error:
            logger.debug("Site search: %s not written: %s", self.path, error)


indexing = Indexing()


def index_site(pelican):
    """Index the output folder (`make publish` builds into a fresh one), once every page is written."""
    if not pelican.settings["SEARCH_ENABLED"]:
        return
    output = pelican.settings["OUTPUT_PATH"]
    languages = list(pelican.settings["SITE_LANGUAGES"])
    strays = written.strays()
    if strays:
        indexing.abandon()
        shutil.rmtree(Path(output) / settings.BUNDLE_FOLDER, ignore_errors=True)
        kinds = ", ".join(f"{kind}: {count}" for kind, count in sorted(strays.items()))
        logger.error(
            "Site search: pages that are not public carry data-pagefind-body (%s), so nothing was indexed: "
            "drafts, hidden pages and freebies' delivery pages must never be found by search. Keep "
            "data-pagefind-body in article.html, page.html and freebie.html, on published content only",
            kinds,
        )
        return
    entry = indexing.entry = pelican.settings.get(settings.ENTRY_SETTING, PLAIN)
    for language in languages:  # those whose pages are not in a folder of their own
        indexing.index_or_keep(language, output)
    kept, fingerprints = sorted(indexing.kept), indexing.fingerprints
    counts, warnings, failures = indexing.results()
    _report(failures, output)
    # every bundle made now holds these pages as they are; a language without one is indexed by the next build
    indexing.as_indexed.save(
        {path: digest for code, pages in fingerprints.items() if code not in failures for path, digest in pages.items()}
    )
    bundles = {Path(output) / settings.bundle_folder(language) for language in languages}
    for stale in set((Path(output) / settings.BUNDLE_FOLDER).glob("*")) - bundles:
        if stale.is_dir():
            shutil.rmtree(stale, ignore_errors=True)
        else:
            stale.unlink()
    for language in languages:
        if not publish_copy(Path(output) / settings.bundle_folder(language), entry, pelican.settings.get("CACHE_PATH")):
            logger.error(
                "Site search: the %s search page links %s, but Pagefind wrote another pagefind.js into %s, so "
                "search fails there until the next build, which asks Pagefind for its script again",
                language.code, entry, settings.bundle_folder(language),
            )
    for warning in warnings:
        logger.warning("Site search: Pagefind: %s", warning)
    _compare(counts, failures)
    indexed = ", ".join(f"{count} pages in {code}" for code, count in sorted(counts.items()))
    logger.info("Site search: indexed %s%s", indexed, f" (kept as they were: {', '.join(kept)})" if kept else "")


def _report(failures, output):
    """One error per cause: Pagefind missing, which every language needs, or what a run of it said."""
    by_cause = {}
    for code, error in sorted(failures.items()):
        by_cause.setdefault((isinstance(error, PagefindMissing), str(error)), []).append(code)
    for (missing, cause), codes in by_cause.items():
        if missing:
            logger.error(
                "Site search: Pagefind could not index %s (%s), so the search pages cannot find anything. "
                "Install it into this Python environment with `pip install -r requirements.txt` (the "
                "pagefind[bin] package), or set SEARCH_ENABLED = False in pelicanconf.py to build without "
                "search",
                output,
                cause,
            )
        else:
            logger.error(
                "Site search: Pagefind could not index the pages of %s in %s, so search finds nothing in %s "
                "until this is fixed. Pagefind said: %s (SEARCH_ENABLED = False in pelicanconf.py builds "
                "without search)",
                ", ".join(codes),
                output,
                "that language" if len(codes) == 1 else "those languages",
                cause,
            )


def _compare(counts, failures=()):
    """Warn about a language whose index holds more or fewer pages than this build wrote (one that has no
    index has had its error)."""
    expected = {code.lower(): count for code, count in written.searchable().items()}
    for code in sorted((set(expected) | set(counts)) - {code.lower() for code in failures}):
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
    signal("page_folder_written").connect(indexing.folder_written)
    signals.finalized.connect(index_site)
