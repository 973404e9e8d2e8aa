from types import SimpleNamespace

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po
from translation_status.cli import main, mark
from translation_status.plugin import annotate
from translation_status.scaffold import new_tip

from hub.source_hash import SourceError, file_hash, read_header, text_hash
from hub.translation_records import catalog_records, status_report, translation_records

SOURCE = "Title: {title}\nSummary: Short.\n{extra}\nBody text.\n"


def site(tmp_path):
    return {
        "PATH": str(tmp_path / "content"),
        "ARTICLE_PATHS": ["tips"],
        "PAGE_PATHS": ["pages"],
        "ARTICLE_EXCLUDES": ["pages"],
        "PAGE_EXCLUDES": ["tips"],
        "IGNORE_FILES": ["**/.*"],
        "LANGUAGES": {"en": {}, "fr": {}, "pl": {}},
        "UI_TRANSLATIONS_PATH": str(tmp_path / "translations"),
        "TIMEZONE": "Europe/Paris",
    }


def write(folder, name, title="A tip", extra=""):
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(SOURCE.format(title=title, extra=extra), encoding="utf-8")
    return path


@pytest.fixture
def content(tmp_path):
    tips = tmp_path / "content" / "tips"
    pages = tmp_path / "content" / "pages"
    source = write(tips, "gift.en.md", title="A gift")
    digest = file_hash(source)
    write(tips, "gift.fr.md", title="Un cadeau", extra=f"Source_Hash: {digest}\n")  # current
    write(tips / "polski", "gift.pl.md", title="Prezent", extra="Source_Hash: 000000000000\n")  # outdated
    write(tips, "reviews.en.md", title="Reviews")
    write(tips, "avis.fr.md", title="Avis", extra="Translation_Key: reviews\n")  # untracked; pl missing
    write(tips, "orphan.fr.md", title="Orphelin", extra="Source_Hash: 000000000000\n")  # no source
    write(pages, "about.en.md", title="About")
    write(pages, "about.fr.md", title="À propos", extra=f"Source_Hash: {file_hash(pages / 'about.en.md')}\n")
    return tmp_path


def statuses(settings):
    return {(record.kind, record.key, record.lang): record.status for record in translation_records(settings)}


def test_each_language_of_each_tip_and_page_has_a_status(content):
    assert statuses(site(content)) == {
        ("tip", "gift", "en"): "present",
        ("tip", "gift", "fr"): "current",
        ("tip", "gift", "pl"): "outdated",
        ("tip", "orphan", "en"): "missing",
        ("tip", "orphan", "fr"): "no source",
        ("tip", "orphan", "pl"): "missing",
        ("tip", "reviews", "en"): "present",
        ("tip", "reviews", "fr"): "untracked",
        ("tip", "reviews", "pl"): "missing",
        ("page", "about", "en"): "present",
        ("page", "about", "fr"): "current",
        ("page", "about", "pl"): "missing",
    }


def test_editing_the_source_makes_its_translations_outdated(content):
    settings = site(content)
    source = content / "content" / "tips" / "gift.en.md"
    source.write_text(source.read_text(encoding="utf-8").replace("Body text.", "Body text, revised."), encoding="utf-8")
    assert statuses(settings)[("tip", "gift", "fr")] == "outdated"


def test_mark_records_the_source_hash_and_makes_translations_current(content):
    settings = site(content)
    tips = content / "content" / "tips"
    results = mark(settings, [tips / "polski" / "gift.pl.md", tips / "avis.fr.md"])
    assert [(path.name, previous) for path, previous, _digest in results] == [
        ("gift.pl.md", "000000000000"),
        ("avis.fr.md", None),
    ]
    assert read_header(tips / "avis.fr.md").value("source_hash") == file_hash(tips / "reviews.en.md")
    found = statuses(settings)
    assert found[("tip", "gift", "pl")] == found[("tip", "reviews", "fr")] == "current"


@pytest.mark.parametrize(
    "name, message",
    [("gift.en.md", "is the en source, not a translation"), ("orphan.fr.md", "has no en source")],
)
def test_mark_refuses_a_source_or_a_translation_without_source_and_writes_nothing(content, name, message):
    tips = content / "content" / "tips"
    before = (tips / "avis.fr.md").read_bytes()
    with pytest.raises(SourceError, match=message):
        mark(site(content), [tips / "avis.fr.md", tips / name])
    assert (tips / "avis.fr.md").read_bytes() == before


def test_mark_command_exits_2_with_a_one_line_message(content, capsys, tmp_path):
    settings_file = tmp_path / "conf.py"
    settings_file.write_text("LANGUAGES = {'en': {}, 'fr': {}}\nARTICLE_PATHS = ['tips']\nPAGE_PATHS = ['pages']\n")
    source = content / "content" / "tips" / "gift.en.md"
    assert main(["mark", "-s", str(settings_file), "--path", str(content / "content"), str(source)]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "gift.en.md: is the en source, not a translation" in error


def test_freebies_have_a_status_and_the_sources_of_their_files_do_not(content):
    freebies = content / "content" / "freebies"
    source = write(freebies, "kit.en.md", title="A kit")
    write(freebies, "kit.fr.md", title="Un kit", extra="Source_Hash: 000000000000\n")
    write(freebies, "kit.pl.md", title="Zestaw", extra=f"Source_Hash: {file_hash(source)}\n")
    write(freebies / "files", "kit.en.md", title="The kit itself")  # made into the PDF, not a page
    found = {key: status for key, status in statuses(site(content)).items() if key[0] == "freebie"}
    assert found == {
        ("freebie", "kit", "en"): "present",
        ("freebie", "kit", "fr"): "outdated",
        ("freebie", "kit", "pl"): "current",
    }
    lines = [line.split() for line in status_report(site(content)).splitlines()]
    assert ["Freebies", "en", "fr", "pl"] in lines and ["kit", "present", "outdated", "current"] in lines


def test_status_report_is_a_plain_text_table(content):
    report = status_report(site(content))
    lines = report.splitlines()
    assert lines[0] == "Translations (source language: en)"
    assert any(line.split() == ["gift", "present", "current", "outdated"] for line in lines)
    assert any(line.split() == ["reviews", "present", "untracked", "missing"] for line in lines)
    assert any(line.split() == ["about", "present", "current", "missing"] for line in lines)
    assert "2 current, 1 outdated, 1 untracked, 4 missing, 1 no source" in report


def test_catalog_completeness_counts_fuzzy_and_empty_strings_as_untranslated(tmp_path):
    settings = site(tmp_path)
    folder = tmp_path / "translations" / "fr" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    catalog = Catalog(locale="fr")
    catalog.add("Tips", "Conseils")
    catalog.add("Home", "Accueil", flags=["fuzzy"])
    catalog.add("Tags", "")
    catalog.add(("%(n)s tip", "%(n)s tips"), ("%(n)s conseil", "%(n)s conseils"))
    with (folder / "messages.po").open("wb") as file:
        write_po(file, catalog)
    records = {record.lang: record for record in catalog_records(settings)}
    assert (records["fr"].translated, records["fr"].total) == (2, 4)
    assert records["en"].is_source and records["en"].complete
    assert not records["pl"].exists and not records["pl"].complete


def test_new_tip_creates_a_draft_per_language_with_the_source_hash(tmp_path):
    settings = site(tmp_path)
    paths = new_tip(settings, "thank-you-cards", date="2026-07-01 10:00")
    assert [path.name for path in paths] == ["thank-you-cards.en.md", "thank-you-cards.fr.md", "thank-you-cards.pl.md"]
    source = read_header(paths[0])
    assert source.value("status") == "draft"
    assert source.value("date") == "2026-07-01 10:00"
    assert source.value("slug") == "thank-you-cards"
    assert "source_hash" not in source.metadata
    for path in paths[1:]:
        assert read_header(path).value("source_hash") == text_hash(paths[0].read_text(encoding="utf-8"))
    assert statuses(settings)[("tip", "thank-you-cards", "fr")] == "current"


def test_new_tip_refuses_an_existing_tip_and_a_bad_name(content):
    settings = site(content)
    with pytest.raises(SourceError, match="a tip named 'reviews' already exists"):
        new_tip(settings, "reviews")  # avis.fr.md has that translation key
    with pytest.raises(SourceError, match="not a usable tip name"):
        new_tip(settings, "../escape")
    assert not list((content / "content").rglob("escape*"))


def item(lang, key, path="", hash_=None, status="published"):
    metadata = {"source_hash": hash_} if hash_ else {}
    return SimpleNamespace(lang=lang, translation_key=key, source_path=path, metadata=metadata, status=status)


def test_the_build_links_outdated_translations_to_their_source():
    english = item("en", "gift", "gift.en.md")
    current = item("fr", "gift", hash_="aaaaaaaaaaaa")
    outdated = item("pl", "gift", hash_="bbbbbbbbbbbb")
    untracked = item("fi", "gift")
    orphan = item("fr", "other", hash_="aaaaaaaaaaaa")
    found = annotate([english, current, outdated, untracked, orphan], "en", hash_of=lambda path: "aaaaaaaaaaaa")
    assert found == [(outdated, english)]
    assert outdated.outdated_source is english
    assert [x.outdated_source for x in (english, current, untracked, orphan)] == [None] * 4
    assert [x.translation_status for x in (english, current, outdated, untracked, orphan)] == [
        "source", "current", "outdated", "untracked", "no source"
    ]


def test_a_draft_source_is_not_linked():
    english = item("en", "gift", "gift.en.md", status="draft")
    outdated = item("fr", "gift", hash_="bbbbbbbbbbbb")
    annotate([english, outdated], "en", hash_of=lambda path: "aaaaaaaaaaaa")
    assert outdated.translation_status == "outdated" and outdated.outdated_source is None
