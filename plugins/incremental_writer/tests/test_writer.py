"""The parallel writer: the same site as rendering in one process, and unchanged files left alone."""

import os
import shutil
from pathlib import Path

import pytest
from incremental_writer.writer import (
    LAST_BUILD,
    PageRenderError,
    Pending,
    _in_order,
    page_folder_written,
    write_if_changed,
)
from pelican import signals
from pelican.contents import Article, Page
from support import ROOT, fresh_build


def files(output):
    return {path.relative_to(output): path.read_bytes() for path in sorted(Path(output).rglob("*")) if path.is_file()}


def html_files(output):
    return {path: data for path, data in files(output).items() if path.suffix == ".html"}


@pytest.fixture(scope="module")
def content(tmp_path_factory):
    """A copy of the sample content that tests may edit."""
    copy = tmp_path_factory.mktemp("content") / "content"
    shutil.copytree(ROOT / "content", copy)
    return copy


def test_a_second_build_rewrites_no_page_and_an_edit_rewrites_only_what_shows_it(tmp_path, content):
    output = tmp_path / "output"
    fresh_build(output, PATH=str(content))
    total = LAST_BUILD.written
    assert total > 100 and LAST_BUILD.unchanged == 0
    before = {path: path.stat().st_mtime_ns for path in output.rglob("*.html")}

    fresh_build(output, PATH=str(content))
    assert (LAST_BUILD.written, LAST_BUILD.unchanged) == (0, total)
    assert {path: path.stat().st_mtime_ns for path in output.rglob("*.html")} == before

    tip = content / "tips" / "give-first.pl.md"
    text = tip.read_text(encoding="utf-8")
    tip.write_text(text.replace("\n\n", "\n\nZmiana w treści porady.\n\n", 1), encoding="utf-8")
    try:
        fresh_build(output, PATH=str(content))
    finally:
        tip.write_text(text, encoding="utf-8")
    changed = {path for path in output.rglob("*.html") if path.stat().st_mtime_ns != before[path]}
    assert LAST_BUILD.written == len(changed) == 1, changed
    assert "Zmiana w treści porady." in next(iter(changed)).read_text(encoding="utf-8")


def test_write_if_changed_leaves_equal_bytes_alone(tmp_path):
    page = tmp_path / "page.html"
    assert write_if_changed(str(page), b"one") is True
    assert write_if_changed(str(page), b"one") is False
    assert write_if_changed(str(page), b"two") is True
    assert page.read_bytes() == b"two"


def test_a_failing_template_names_the_page(tmp_path):
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    page_template = theme / "templates" / "page.html"
    page_template.write_text(page_template.read_text(encoding="utf-8").replace(
        "{% block content %}", "{% block content %}{{ page.no_such_thing.either }}", 1), encoding="utf-8")
    message = r"/index\.html: the template page\.html failed at page\.html:3: UndefinedError: .*no_such_thing"
    with pytest.raises(PageRenderError, match=message):
        fresh_build(tmp_path / "output", THEME=str(theme), SEARCH_ENABLED=False)


def test_a_tip_edited_between_two_builds_of_one_process_shows_edited_on_the_listings(tmp_path, content):
    # rendered in this process, where the tips' cards are remembered for the listings of one build
    output = tmp_path / "output"
    fresh_build(output, PATH=str(content), SEARCH_ENABLED=False)
    home = output / "en" / "index.html"
    tip = content / "tips" / "ask-for-reviews.en.md"
    text = tip.read_text(encoding="utf-8")
    old_title = next(line for line in text.splitlines() if line.startswith("Title:"))[len("Title:"):].strip()
    assert old_title in home.read_text(encoding="utf-8")
    tip.write_text(text.replace(old_title, "A title edited since the last build", 1), encoding="utf-8")
    try:
        fresh_build(output, PATH=str(content), SEARCH_ENABLED=False)
    finally:
        tip.write_text(text, encoding="utf-8")
    shown = home.read_text(encoding="utf-8")
    assert "A title edited since the last build" in shown and old_title not in shown


def test_every_folders_tips_and_pages_are_rendered_before_any_listing():
    tip, page = object.__new__(Article), object.__new__(Page)  # what the writer asks of them: their class
    listing = object()
    noted = [
        ("out/en/index.html", {"this_page": listing}),
        ("out/en/tips/a/index.html", {"article": tip}),
        ("out/fr/index.html", {"this_page": listing}),
        ("out/fr/conseils/a/index.html", {"article": tip}),
        ("out/en/about/index.html", {"page": page}),
        ("out/index.html", {"this_page": listing}),
    ]
    pages = [(path, Pending(None, own, {})) for path, own in noted]
    parts = [(folder, part, [path for path, _ in group]) for folder, part, group in _in_order(pages, "out")]
    assert parts == [
        ("en", "content", ["out/en/tips/a/index.html", "out/en/about/index.html"]),
        ("fr", "content", ["out/fr/conseils/a/index.html"]),
        ("en", "listings", ["out/en/index.html"]),
        ("fr", "listings", ["out/fr/index.html"]),
        ("", "listings", ["out/index.html"]),
    ]


def test_the_first_languages_content_is_written_first_so_its_index_can_start(tmp_path):
    parts = []

    def note(writer, folder, part, paths, whole_site):
        parts.append((folder, part))

    page_folder_written.connect(note)
    try:
        fresh_build(tmp_path / "output", SEARCH_ENABLED=False)
    finally:
        page_folder_written.disconnect(note)
    contents = [folder for folder, part in parts if part == "content"]
    assert parts[: len(contents)] == [(folder, "content") for folder in contents], "every language's content first"
    assert {"en", "fr", "pl", "fi"} <= set(contents)
    assert ("en", "listings") in parts[len(contents):], "the listings come later"


def test_content_written_comes_once_the_page_is_on_disk_whole(tmp_path):
    seen = {}

    def read_back(path, context):
        seen[path] = (os.path.getsize(path), open(path, "rb").read())

    signals.content_written.connect(read_back)
    try:
        fresh_build(tmp_path / "output", SEARCH_ENABLED=False)
    finally:
        signals.content_written.disconnect(read_back)
    pages = {str(path) for path in (tmp_path / "output").rglob("*.html")}
    assert pages <= set(seen), "every page is announced"
    for path in pages:
        size, data = seen[path]
        assert size > 0 and data == Path(path).read_bytes(), f"{path} was announced before it was written whole"
