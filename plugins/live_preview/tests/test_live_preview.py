"""The dev server's quick path: a saved tip's page is written again from the last build, alone."""

import shutil
from pathlib import Path

import pytest
from live_preview.live_preview import last_build
from support import ROOT, build, html


@pytest.fixture
def site(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    output = tmp_path / "output"
    settings = build(output, PATH=str(content), SEARCH_ENABLED=False)
    build(output, PATH=str(content), SEARCH_ENABLED=False,
          PLUGINS=[*settings["PLUGINS"], "live_preview"])
    return content, output


def mtimes(output):
    return {path: path.stat().st_mtime_ns for path in Path(output).rglob("*") if path.is_file()}


def test_a_saved_tip_has_its_page_rewritten_and_nothing_else(site):
    content, output = site
    before = mtimes(output)
    tip = content / "tips" / "thank-you-notes.fi.md"
    text = tip.read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("Title:"))
    tip.write_text(
        text.replace(title, "Title: Kiitos, joka jää mieleen").replace("\n\n", "\n\nUusi kappale, *heti* näkyvissä.\n\n", 1),
        encoding="utf-8",
    )

    written = last_build.rewrite_page(str(tip))

    page = output / written
    document = html(page)
    assert document.h1.get_text() == "Kiitos, joka jää mieleen"
    assert "Uusi kappale, heti näkyvissä." in document.select_one(".prose").get_text(" ", strip=True)
    assert document.select_one(".prose em").get_text() == "heti"
    # the rest of the page still knows the build: its language versions and its card
    assert len(document.select('link[rel="alternate"][hreflang]')) == 5
    assert document.select_one('meta[property="og:image"]')["content"].endswith("/card.png")
    assert {path for path, stamp in mtimes(output).items() if before.get(path) != stamp} == {page}


def test_a_page_is_rewritten_too(site):
    content, output = site
    about = content / "pages" / "about.pl.md"
    about.write_text(about.read_text(encoding="utf-8") + "\nDopisek na końcu strony.\n", encoding="utf-8")
    written = last_build.rewrite_page(str(about))
    assert "Dopisek na końcu strony." in (output / written).read_text(encoding="utf-8")


def test_a_new_file_or_a_new_address_is_left_to_the_full_rebuild(site):
    content, output = site
    new = content / "tips" / "brand-new.en.md"
    new.write_text("Title: Brand new\nDate: 2024-01-01\n\nText.\n", encoding="utf-8")
    assert last_build.rewrite_page(str(new)) is None

    tip = content / "tips" / "give-first.en.md"
    tip.write_text(tip.read_text(encoding="utf-8").replace("Title:", "Slug: moved-elsewhere\nTitle:", 1), encoding="utf-8")
    before = mtimes(output)
    assert last_build.rewrite_page(str(tip)) is None
    assert mtimes(output) == before


@pytest.mark.parametrize("line", ["Save_as: theme/css/hub.css", "URL: en/", "Template: ../../../etc/passwd"])
def test_a_line_that_places_the_page_elsewhere_is_left_to_the_full_rebuild_and_its_checks(site, line):
    content, output = site
    tip = content / "tips" / "small-surprise.en.md"
    original = tip.read_text(encoding="utf-8")
    tip.write_text(original.replace("Title:", f"{line}\nTitle:", 1), encoding="utf-8")
    before = mtimes(output)
    try:
        assert last_build.rewrite_page(str(tip)) is None
        assert mtimes(output) == before
    finally:
        tip.write_text(original, encoding="utf-8")
