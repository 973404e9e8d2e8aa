"""A rebuild renders only the pages whose inputs changed, and what it leaves alone is what a build from clean
would write: after each kind of edit, the output is the same, to the byte, as a clean build's."""

import hashlib
import shutil
from pathlib import Path

import pytest
import support
from incremental_writer.writer import LAST_BUILD
from support import ROOT


def fresh_build(output, **overrides):
    return support.fresh_build(output, SEARCH_ENABLED=False, **overrides)


def tree(output):
    return {
        str(path.relative_to(output)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(Path(output).rglob("*")) if path.is_file() and path.name != "robots.txt"
    }


@pytest.fixture
def site(tmp_path):
    """A copy of the sample content, theme and catalogs, built once into `output` with a cache."""
    for name in ("content", "theme", "translations"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("*.mo"))
    settings = {"PATH": str(tmp_path / "content"), "THEME": str(tmp_path / "theme"),
                "UI_TRANSLATIONS_PATH": str(tmp_path / "translations"), "CACHE_PATH": str(tmp_path / "cache")}
    fresh_build(tmp_path / "output", **settings)
    assert LAST_BUILD.rendered > 150
    fresh_build(tmp_path / "output", **settings)
    assert LAST_BUILD.rendered == 0, "nothing changed: nothing rendered"
    return tmp_path, settings


def rebuilt_as_from_clean(folder, settings, **changed):
    """Rebuild into the output, build from clean elsewhere; True if every file of the clean build is there
    with the same bytes. Returns how many pages the rebuild rendered."""
    fresh_build(folder / "output", **{**settings, **changed})
    rendered = LAST_BUILD.rendered
    clean = folder / "clean"
    shutil.rmtree(clean, ignore_errors=True)
    fresh_build(clean, **{**settings, **changed, "CACHE_PATH": str(folder / "clean-cache")})
    expected, found = tree(clean), tree(folder / "output")
    different = sorted(name for name in expected if found.get(name) != expected[name])
    assert not different, f"the rebuild left {len(different)} files unlike a clean build's: {different[:8]}"
    return rendered


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_word_changed_in_a_tips_body_renders_that_tip_and_its_translations_only(site):
    folder, settings = site
    edit(folder / "content" / "tips" / "give-first.en.md", " the ", " one ")
    # the tip, and its three translations, which now say they may be behind it
    assert rebuilt_as_from_clean(folder, settings) == 4


def test_a_word_changed_in_a_translation_renders_that_page_only(site):
    folder, settings = site
    edit(folder / "content" / "tips" / "give-first.fr.md", " et ", " ou ")
    assert rebuilt_as_from_clean(folder, settings) == 1


def test_a_title_changed_shows_everywhere(site):
    folder, settings = site
    edit(folder / "content" / "tips" / "give-first.pl.md", "Title: ", "Title: Nowy tytuł: ")
    assert rebuilt_as_from_clean(folder, settings) > 100


def test_a_template_changed_renders_the_pages_again(site):
    folder, settings = site
    edit(folder / "theme" / "templates" / "base.html", '<a class="skip-link"', '<a data-edited class="skip-link"')
    assert rebuilt_as_from_clean(folder, settings) > 150


def test_a_translation_of_the_interface_changed_renders_the_pages_again(site):
    folder, settings = site
    edit(folder / "translations" / "fr" / "LC_MESSAGES" / "messages.po", 'msgstr "Aller au contenu"',
         'msgstr "Aller directement au contenu"')
    assert rebuilt_as_from_clean(folder, settings) > 40


def test_a_setting_changed_renders_the_pages_again(site):
    folder, settings = site
    assert rebuilt_as_from_clean(folder, settings, SITENAME="Another name") > 150


def test_a_tip_added_or_removed_shows_everywhere(site):
    folder, settings = site
    tips = folder / "content" / "tips"
    shutil.copy(tips / "give-first.en.md", tips / "give-first-again.en.md")
    edit(tips / "give-first-again.en.md", "Slug: ", "Slug: again-")
    assert rebuilt_as_from_clean(folder, settings) > 40
    (tips / "give-first-again.en.md").unlink()
    assert rebuilt_as_from_clean(folder, settings) > 40


def test_a_page_edited_by_hand_in_the_output_is_rendered_again(site):
    folder, settings = site
    page = next((folder / "output" / "en").glob("tips/*/index.html"))
    page.write_text("edited by hand", encoding="utf-8")
    assert rebuilt_as_from_clean(folder, settings) == 1
