"""Site search: a search page per language, and a Pagefind index per language of the public pages only."""

import json
import logging
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path, PurePosixPath
from types import SimpleNamespace

import pytest
from babel import Locale
from blinker import signal
from pelican import signals
from pelican.settings import read_settings
from site_search import settings, site_search
from site_search.indexer import IndexingError, IndexRun, pagefind_binary
from site_search.plurals import plural_samples
from site_search.scope import WrittenPages, is_marked, search_fingerprint
from support import ROOT, build, html, read_metadata, sources, tip_source

from hub.assets import fingerprinted_name, is_fingerprinted
from hub.editions import Listing
from hub.languages import Languages

CODES = ["en", "fr", "pl", "fi"]
SEARCH_WORDS = {"en": "search", "fr": "recherche", "pl": "szukaj", "fi": "haku"}


def public_pages(code):
    """How many tips, pages, events and freebie landing pages of a language readers can find."""
    found = sources("tips") + sources("pages") + sources("events") + [entry for entry in sources("freebies") if entry[2].parent.name == "freebies"]
    return sum(
        1
        for _, lang, path in found
        if lang == code and read_metadata(path).get("status", "published") == "published"
    )


@pytest.mark.parametrize("code", CODES)
def test_every_language_has_a_search_page_linked_to_the_others(site, code):
    output, _ = site
    url = f"/{code}/{SEARCH_WORDS[code]}/"
    document = html(output / code / SEARCH_WORDS[code] / "index.html")
    assert document.html["lang"] == code
    alternates = {link["hreflang"]: link["href"] for link in document.select('link[rel="alternate"][hreflang]')}
    assert alternates == {**{other: f"/{other}/{SEARCH_WORDS[other]}/" for other in CODES}, "x-default": "/en/search/"}
    assert document.select_one('link[rel="canonical"]')["href"] == url

    form = document.select_one('form[role="search"]')
    assert form["method"] == "get" and form["action"] == url
    field = form.select_one('input[name="q"]')
    assert form.select_one(f'label[for="{field["id"]}"]').get_text(strip=True)
    assert document.select_one("[data-search-status]")["aria-live"] == "polite"
    assert document.find("script", src=re.compile(r"^/theme/js/search\.[0-9a-f]{16}\.js$"))


@pytest.mark.parametrize("code", CODES)
def test_the_navigation_of_every_page_links_to_its_languages_search_page(site, code):
    output, _ = site
    for path in [output / code / "index.html", *list((output / code).glob("*/*/index.html"))[:5]]:
        links = [a["href"] for a in html(path).select(".site-nav a")]
        assert f"/{code}/{SEARCH_WORDS[code]}/" in links, path


def test_without_javascript_the_page_offers_every_tip_instead(site):
    output, settings = site
    for code in CODES:
        document = html(output / code / SEARCH_WORDS[code] / "index.html")
        fallback = document.select_one("[data-search-fallback]")
        assert not fallback.has_attr("hidden")
        archives = settings["SITE_LANGUAGES"][code].archives_url
        assert fallback.select_one("a")["href"] == f"/{archives}"
        assert (output / archives / "index.html").is_file()
        assert document.select_one("[data-search-form]").has_attr("hidden"), "a form that cannot work is not shown"


@pytest.mark.parametrize("built", ["site", "published_site"])
def test_one_index_per_language_with_every_public_tip_page_and_freebie(request, built):
    output, _ = request.getfixturevalue(built)  # `make publish` builds into a folder of its own: indexed there
    assert bundle_counts(output) == {code: public_pages(code) for code in CODES}
    for code in CODES:  # each language's search page loads its own bundle
        script = html(output / code / SEARCH_WORDS[code] / "index.html").select_one("[data-search]")["data-script"]
        assert re.search(rf"(^|/)pagefind/{code}/pagefind\.[0-9a-f]{{16}}\.js$", script), script
        assert (output / "pagefind" / code / script.rsplit("/", 1)[1]).is_file()


def test_only_published_tips_pages_and_freebie_landing_pages_are_marked_for_indexing(site):
    output, _ = site
    marked = {path for path in output.rglob("*.html") if is_marked(path)}
    assert len(marked) == sum(public_pages(code) for code in CODES)
    for path in marked:
        document = html(path)
        assert document.select_one("article.tip"), path
        assert not document.select_one('meta[name="robots"][content*="noindex"]'), path
        assert "drafts" not in path.relative_to(output).parts


def test_the_search_page_carries_each_plural_form_of_its_count():
    assert plural_samples(Locale.parse("pl")) == [("many", 0), ("one", 1), ("few", 2)]
    assert plural_samples(Locale.parse("fr")) == [("one", 0), ("other", 2)]
    assert dict(plural_samples(Locale.parse("fi"))) == {"one": 1, "other": 0}


def test_polish_search_page_has_its_three_plural_forms(site):
    output, _ = site
    results = html(output / "pl" / "szukaj" / "index.html").select_one("[data-search]")
    assert (results["data-count-one"], results["data-count-few"], results["data-count-many"]) == (
        "{n} wynik",
        "{n} wyniki",
        "{n} wyników",
    )
    assert "{q}" in results["data-none"]


def test_search_can_be_turned_off(tmp_path):
    output = tmp_path / "site"
    build(output, SEARCH_ENABLED=False)
    assert not (output / "pagefind").exists()
    assert not (output / "pl" / "szukaj").exists()
    assert "/pl/szukaj/" not in [a["href"] for a in html(output / "pl" / "index.html").select(".site-nav a")]


# What goes wrong is said in one error, and the build goes on.


@pytest.fixture
def written(monkeypatch):
    pages = WrittenPages()
    monkeypatch.setattr(site_search, "written", pages)
    return pages


def indexed(output, codes=("fi", "pl")):
    languages = Languages({code: {} for code in codes})
    site_search.index_site(SimpleNamespace(settings={
        "SEARCH_ENABLED": True, "OUTPUT_PATH": str(output), "SITE_LANGUAGES": languages,
    }))


def bundle_counts(output):
    """Pages indexed per language, from each language's own bundle."""
    counts = {}
    for entry_file in sorted((Path(output) / "pagefind").glob("*/pagefind-entry.json")):
        entry = json.loads(entry_file.read_text(encoding="utf-8"))
        counts.update({code: language["page_count"] for code, language in entry["languages"].items()})
    return counts


def marked_page(folder, lang="fi"):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "index.html"
    path.write_text(f'<!doctype html><html lang="{lang}"><body><main data-pagefind-body><p>Salaisuus</p></main></body></html>')
    return path


def test_a_marked_page_that_is_not_public_stops_the_indexing(tmp_path, written, caplog):
    language = Languages({"fi": {}})["fi"]
    delivery = Listing.alone(language, "fi/freebies/kit/0123456789abcdef/")
    written.note(str(marked_page(tmp_path / "fi" / "freebies" / "kit" / "0123456789abcdef")), {"this_page": delivery})
    with caplog.at_level(logging.ERROR):
        indexed(tmp_path)
    assert not (tmp_path / "pagefind").exists()
    [error] = [record.getMessage() for record in caplog.records if record.levelno == logging.ERROR]
    assert "not public carry data-pagefind-body" in error and "nothing was indexed" in error
    assert "0123456789abcdef" not in error, "a delivery page's address is its secret: never in a log"


def test_a_fingerprint_leaves_out_only_what_is_marked_as_not_searched(tmp_path):
    page = tmp_path / "index.html"

    def fingerprint(text):
        page.write_text(text, encoding="utf-8")
        return search_fingerprint(page)

    plain = fingerprint("<main data-pagefind-body>Salaisuus</main>")
    notice = "<!-- not searched --><p data-pagefind-ignore=all>Voi olla vanha</p>\n<!-- /not searched -->"
    assert fingerprint(f"<main data-pagefind-body>Salaisuus</main>{notice}") == plain
    assert fingerprint(f"{notice}<main data-pagefind-body>Salaisuus</main>{notice}") == plain
    assert fingerprint("<main data-pagefind-body>Salaisuudet</main>") != plain
    assert fingerprint("<main data-pagefind-body>Salaisuus</main><!-- not searched --><p>") != plain, "no end: kept"


def test_escaped_text_about_the_attribute_is_not_a_mark(tmp_path):
    path = tmp_path / "index.html"
    path.write_text("<p>Add &lt;main data-pagefind-body&gt; to the template.</p>")
    assert not is_marked(path)


@pytest.mark.parametrize("pagefind", ["fails", "missing", "not installed"])
def test_a_failing_pagefind_is_one_clear_error(tmp_path, written, caplog, monkeypatch, pagefind):
    marked_page(tmp_path / "fi")
    if pagefind == "fails":
        fake = tmp_path / "pagefind"
        fake.write_text("#!/bin/sh\necho 'Error: could not read the site' >&2\nexit 1\n")
        fake.chmod(0o755)
        monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(fake))
    elif pagefind == "missing":
        monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "no-such-pagefind"))
    else:
        monkeypatch.setitem(sys.modules, "pagefind.service", None)  # as if the package were not there
    with caplog.at_level(logging.ERROR):
        indexed(tmp_path)
    [error] = [record for record in caplog.records if record.levelno == logging.ERROR]
    assert error.exc_info is None
    message = error.getMessage()
    assert "Pagefind could not index" in message and "SEARCH_ENABLED = False" in message
    assert {
        "fails": "Error: could not read the site",
        "missing": "no-such-pagefind could not be started",
        "not installed": "cannot import the pagefind package",
    }[pagefind] in message


def test_pagefind_indexes_only_marked_pages_per_language(tmp_path, written, caplog):
    marked_page(tmp_path / "fi", "fi")
    marked_page(tmp_path / "pl", "pl")
    (tmp_path / "list.html").write_text('<!doctype html><html lang="pl"><body><p>lista</p></body></html>')
    with caplog.at_level(logging.WARNING):
        indexed(tmp_path)
    assert bundle_counts(tmp_path) == {"fi": 1, "pl": 1}
    # this build noted no public page: the index holds pages it did not write, and says so
    assert any("the fi index does not match this build (pages indexed: 1;" in record.getMessage() for record in caplog.records)



def test_a_rebuild_indexes_again_only_the_languages_whose_pages_changed(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    output = tmp_path / "output"

    def entries():
        return {code: (output / "pagefind" / code / "pagefind-entry.json").stat().st_mtime_ns for code in CODES}

    build(output, PATH=str(content))
    first = entries()
    build(output, PATH=str(content))
    assert entries() == first, "nothing changed: every index stays"

    tip = content / "tips" / "give-first.fr.md"
    tip.write_text(tip.read_text(encoding="utf-8").replace("\n\n", "\n\nUne phrase toute neuve.\n\n", 1), encoding="utf-8")
    build(output, PATH=str(content))
    after = entries()
    assert {code for code in CODES if after[code] != first[code]} == {"fr"}
    assert bundle_counts(output) == {code: public_pages(code) for code in CODES}


def entry_times(output):
    return {code: (output / "pagefind" / code / "pagefind-entry.json").stat().st_mtime_ns for code in CODES}


def test_editing_a_source_indexes_its_language_only_though_its_translations_now_say_they_may_be_behind(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    output = tmp_path / "output"
    build(output, PATH=str(content))
    first = entry_times(output)
    translation = output / "fr" / "conseils" / "donnez-d-abord-demandez-ensuite" / "index.html"
    assert "outdated-notice" not in translation.read_text(encoding="utf-8")

    source = content / "tips" / "give-first.en.md"
    source.write_text(source.read_text(encoding="utf-8").replace("\n\n", "\n\nA brand-new sentence.\n\n", 1), encoding="utf-8")
    build(output, PATH=str(content))
    assert "outdated-notice" in translation.read_text(encoding="utf-8"), "the French page did change"
    after = entry_times(output)
    assert {code for code in CODES if after[code] != first[code]} == {"en"}
    assert bundle_counts(output) == {code: public_pages(code) for code in CODES}


class _StoppedRun:
    """An IndexRun that never starts: a build stopped between writing its pages and indexing them."""

    def __init__(self, *args, **kwargs):
        pass

    def running(self):
        return False

    def result(self):
        raise IndexingError("stopped")


def test_pages_a_stopped_build_wrote_are_indexed_by_the_next_though_their_bytes_are_the_same(tmp_path, monkeypatch):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    output = tmp_path / "output"
    build(output, PATH=str(content))
    first = entry_times(output)

    tip = content / "tips" / "give-first.pl.md"
    tip.write_text(tip.read_text(encoding="utf-8").replace("\n\n", "\n\nZupełnie nowe zdanie.\n\n", 1), encoding="utf-8")
    with monkeypatch.context() as patched:
        patched.setattr(site_search, "IndexRun", _StoppedRun)
        build(output, PATH=str(content))  # the Polish page is written; its index is the old one
    assert entry_times(output) == first

    build(output, PATH=str(content))  # writes nothing new: the same content
    after = entry_times(output)
    assert {code for code in CODES if after[code] != first[code]} == {"pl"}


@pytest.mark.parametrize("at_once", [1, 4])
def test_a_language_is_indexed_once_its_content_is_written_while_the_rest_renders(tmp_path, at_once):
    """Pagefind works on one language while the tips of the next, and then the listings, are rendered;
    never more runs at a time than SEARCH_INDEXING_AT_ONCE, as each holds its language in memory."""
    output = tmp_path / "output"
    started = []  # (folder, part just written, languages whose index was started by then, runs going)

    def runs():
        return sorted(site_search.indexing.runs), sum(run.running() for run in site_search.indexing.runs.values())

    def note(writer, folder, part, paths, whole_site):
        started.append((folder, part, *runs()))

    def at_the_end(pelican):
        started.append(("finalized", None, *runs()))

    signal("page_folder_written").connect(note)
    signals.finalized.connect(at_the_end)  # after the search plugin's receiver: the runs are over by then
    try:
        build(output, SEARCH_INDEXING_AT_ONCE=at_once)
    finally:
        signal("page_folder_written").disconnect(note)
        signals.finalized.disconnect(at_the_end)
    parts = [(folder, part) for folder, part, _, _ in started if folder in CODES]
    order = [folder for folder, part in parts if part == "content"]
    assert sorted(order) == sorted(CODES)
    listings = [folder for folder, part in parts if part == "listings"]
    assert parts == [(code, "content") for code in order] + [(code, "listings") for code in listings], (
        "every language's content first, then the listings"
    )
    assert sorted(listings) == sorted(CODES)
    assert max(going for *_, going in started) <= at_once
    running = {(folder, part): languages for folder, part, languages, _ in started}
    # (whether the folder just written is among them depends on which receiver blinker calls first)
    assert order[0] in running[(order[1], "content")], "the first language's index started before the next was written"
    if at_once >= len(CODES):
        assert set(order) <= set(running[(order[0], "listings")]), "every index started before the listings render"
    assert running[("finalized", None)] == [], "every run waited for once the build is done"
    assert bundle_counts(output) == {code: public_pages(code) for code in CODES}


def test_runs_wait_for_a_free_place_and_start_in_the_order_their_languages_were_written(
    tmp_path, written, monkeypatch
):
    languages = Languages({code: {} for code in ("fi", "pl")})
    writer = SimpleNamespace(settings={"SEARCH_ENABLED": True, "SITE_LANGUAGES": languages, "OUTPUT_PATH": str(tmp_path / "site")})
    for code in ("fi", "pl"):
        marked_page(tmp_path / "site" / code, lang=code)
    # Pagefind, held back until the test lets it go
    go = tmp_path / "go"
    held = tmp_path / "pagefind"
    held.write_text(f'#!/bin/sh\nwhile [ ! -e "{go}" ]; do sleep 0.02; done\nexec "{pagefind_binary()}" "$@"\n')
    held.chmod(0o755)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(held))
    site_search.indexing.at_once = 1
    try:
        for code in ("fi", "pl"):
            site_search.indexing.folder_written(writer, code, {str(tmp_path / "site" / code / "index.html")}, whole_site=True)
        assert list(site_search.indexing.runs) == ["fi"]
        assert [code for code, _ in site_search.indexing.waiting] == ["pl"]
        # a place frees only once the run in it has ended
        site_search.indexing.folder_written(writer, "fi", set(), whole_site=True, part="listings")
        assert list(site_search.indexing.runs) == ["fi"]
        go.touch()
        deadline = time.monotonic() + 30
        while site_search.indexing.runs["fi"].running() and time.monotonic() < deadline:
            time.sleep(0.02)
        # the next folder written finds the place free
        site_search.indexing.folder_written(writer, "pl", set(), whole_site=True, part="listings")
        assert list(site_search.indexing.runs) == ["fi", "pl"] and site_search.indexing.waiting == []
        counts, _, failures = site_search.indexing.results()
        assert (counts, failures) == ({"fi": 1, "pl": 1}, {})
        assert site_search.indexing.runs == {} and site_search.indexing.waiting == []
    finally:
        site_search.indexing.at_once = settings.DEFAULTS["SEARCH_INDEXING_AT_ONCE"]
        go.touch()
        site_search.indexing.abandon()


@pytest.mark.parametrize("value", [0, -1, 1.5, "2", True, None])
def test_indexing_at_once_must_be_a_whole_number_from_one(value):
    with pytest.raises(settings.SearchSettingsError, match="SEARCH_INDEXING_AT_ONCE is .*a whole number from 1"):
        settings.apply({"SEARCH_INDEXING_AT_ONCE": value})


def test_pages_written_alone_by_the_dev_server_start_no_indexing(tmp_path, written):
    writer = SimpleNamespace(settings={"SEARCH_ENABLED": True, "SITE_LANGUAGES": Languages({"fi": {}}),
                                       "OUTPUT_PATH": str(tmp_path)})
    marked_page(tmp_path / "fi")
    site_search.indexing.folder_written(writer, "fi", {str(tmp_path / "fi" / "index.html")}, whole_site=False)
    assert site_search.indexing.runs == {}
    site_search.indexing.folder_written(writer, "fi", {str(tmp_path / "fi" / "index.html")}, whole_site=True)
    assert list(site_search.indexing.runs) == ["fi"]
    site_search.indexing.abandon()
    assert site_search.indexing.runs == {}


@pytest.mark.parametrize("code", CODES)
def test_pagefind_is_given_the_searchable_pages_of_a_language_and_no_listing(site, code):
    output, _ = site
    pages = sorted((output / code).rglob("*.html"))
    marked = [path for path in pages if is_marked(path)]
    pattern = settings.pages_of(SimpleNamespace(home_url=f"/{code}/"), [str(path) for path in marked], str(output))
    assert pattern.startswith("{") and pattern.endswith("}")
    alternatives = pattern[1:-1].split(",")
    assert all(alternative.startswith(f"{code}/") for alternative in alternatives), "no other language's pages"

    def given(path):  # as Pagefind's glob: `*` stays within one folder
        relative = PurePosixPath(path.relative_to(output).as_posix())
        return any(relative.match(alternative) and len(relative.parts) == alternative.count("/") + 1
                   for alternative in alternatives)

    assert marked and all(given(path) for path in marked)
    listings = [path for path in pages if len(path.relative_to(output / code).parts) >= 3 and not is_marked(path)
                and not html(path).select_one(".fallback-notice")]  # a fallback page (FALLBACK) is no listing
    assert listings and not any(given(path) for path in listings), "tag, category and further listing pages"


def test_pages_whose_names_glob_would_misread_are_given_as_the_whole_language():
    language = SimpleNamespace(home_url="/fr/")
    assert settings.pages_of(language, ["/site/fr/con{seils,x}/a/index.html"], "/site") == "/fr/**/*.html"
    assert settings.pages_of(language, ["/site/fr/[a]/index.html"], "/site") == "{fr/*/index.html}", "the page folder is *"
    assert settings.pages_of(language, [], "/site") == "/fr/**/*.html"


# A page's address never stops its language's indexing, whatever characters its slug holds.

ODD_NAMES = sorted(set("!\"#$%&'()*+,:;<=>?@[\\]^`{|}~ é"))


@pytest.mark.parametrize("character", ODD_NAMES)
def test_pagefind_reads_the_pattern_it_is_given_whatever_a_folder_is_called(tmp_path, character):
    folder = tmp_path / "fr" / f"con{character}seils" / "tip"
    page = marked_page(folder, "fr")
    pattern = settings.pages_of(SimpleNamespace(home_url="fr/"), [str(page)], str(tmp_path))
    run = IndexRun(tmp_path, "pagefind/fr", pattern)
    assert run.result()[0] == {"fr": 1}, pattern


def test_a_tip_whose_slug_globs_misread_is_indexed_with_the_rest_of_its_language(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    # slugs the content checks refuse: built without them, as an owner may choose to, in a process of its own
    # (a plugin registered by an earlier build of this one stays registered)
    (content / "tips" / "odd.fr.md").write_bytes(tip_source("Un guide (en deux parties)", "Slug: guide-(partie-1)/suite"))
    (content / "tips" / "odd.en.md").write_bytes(tip_source("A guide [in two parts]", "Slug: guide-[part-1]/{more,x}"))
    plugins = [name for name in read_settings(str(ROOT / "pelicanconf.py"))["PLUGINS"] if name != "content_checks"]
    output = tmp_path / "output"
    result = subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-o", str(output), "-s", str(ROOT / "pelicanconf.py"),
         "-e", f"PLUGINS={json.dumps(plugins)}", "CACHE_CONTENT=false"],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (output / "fr" / "conseils" / "guide-(partie-1)" / "suite" / "index.html").is_file()
    assert bundle_counts(output) == {code: public_pages(code) + (code in ("fr", "en")) for code in CODES}
    assert "Site search" not in result.stdout + result.stderr


def test_a_pagefind_run_that_fails_says_what_pagefind_said_for_that_language_only(tmp_path, caplog):
    output = tmp_path / "output"
    (output / "pagefind").mkdir(parents=True)
    (output / "pagefind" / "fr").write_text("a file where the French index goes")
    with caplog.at_level(logging.WARNING):
        build(output)
    [error] = [record.getMessage() for record in caplog.records if "Site search" in record.getMessage()]
    # Pagefind meets the file first as a folder to make or as one to write in, whichever of its threads is first
    assert "could not index the pages of fr in" in error, error
    assert "File exists" in error or "Not a directory" in error, error
    assert "install" not in error.lower(), "Pagefind is there: it ran and said why it failed"
    assert bundle_counts(output) == {code: public_pages(code) for code in ("en", "pl", "fi")}, "the others are indexed"


def test_the_search_page_loads_a_copy_of_pagefinds_script_named_by_its_bytes(site):
    output, _ = site
    for code in CODES:
        bundle = output / "pagefind" / code
        script = html(output / code / SEARCH_WORDS[code] / "index.html").select_one("[data-search]")["data-script"]
        assert script.startswith(f"/pagefind/{code}/pagefind.") and is_fingerprinted(script)
        data = (bundle / "pagefind.js").read_bytes()  # kept: Pagefind's own files may ask for it by name
        assert (output / script.lstrip("/")).read_bytes() == data
        assert script == f"/pagefind/{code}/{fingerprinted_name('pagefind.js', data)}"
        assert [path.name for path in bundle.glob("pagefind.*.js")] == [script.rsplit("/", 1)[1]]


def test_a_bundle_an_earlier_pagefind_wrote_is_indexed_again_and_loses_its_old_copy(tmp_path):
    output = tmp_path / "output"
    build(output, CACHE_PATH=str(tmp_path / "cache"))
    bundle = output / "pagefind" / "fi"
    linked = html(output / "fi" / "haku" / "index.html").select_one("[data-search]")["data-script"].rsplit("/", 1)[1]
    older = (bundle / "pagefind.js").read_bytes().replace(b"pagefind_version=", b"pagefind_version_was=")
    (bundle / "pagefind.js").write_bytes(older)
    (bundle / fingerprinted_name("pagefind.js", older)).write_bytes(older)
    times = entry_times(output)
    build(output, CACHE_PATH=str(tmp_path / "cache"))
    assert {code for code, time in entry_times(output).items() if time != times[code]} == {"fi"}
    assert [path.name for path in bundle.glob("pagefind.*.js")] == [linked]
    assert (bundle / linked).read_bytes() == (bundle / "pagefind.js").read_bytes() != older
