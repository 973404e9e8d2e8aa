"""Translation status: readers of an outdated translation are told, `status` reports it, `new-tip` scaffolds drafts."""

import shutil

import pytest
from babel.messages.pofile import read_po
from pelican.settings import read_settings
from support import DEV_SETTINGS, ROOT, build, file_for, html, pages
from translation_status.cli import main

from hub.translation_records import translation_records

NOTICE = "This translation may be behind the %(language)s version (updated since)."
EDITED_TIP = "give-first"  # English URL: /en/tips/give-before-you-ask/
EDITED_PAGE = "about"  # English URL: /en/about/
EDITED_FREEBIE = "thank-you-checklist"  # English URL: /en/freebies/thank-you-checklist/


def localized_notice(code):
    with open(ROOT / "translations" / code / "LC_MESSAGES" / "messages.po", "rb") as file:
        string = read_po(file, locale=code)[NOTICE].string
    return " ".join((string % {"language": "English"}).split())


def edit_one_word(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture(scope="module")
def edited_site(tmp_path_factory):
    """The sample site, with one word changed in an English tip, page and freebie."""
    folder = tmp_path_factory.mktemp("edited")
    content = folder / "content"
    shutil.copytree(ROOT / "content", content)
    edit_one_word(content / "tips" / f"{EDITED_TIP}.en.md", "good manners, scaled up", "good manners, scaled out")
    edit_one_word(content / "pages" / f"{EDITED_PAGE}.en.md", "short, practical marketing", "short, useful marketing")
    edit_one_word(content / "freebies" / f"{EDITED_FREEBIE}.en.md", "a stack of plain cards", "a pile of plain cards")
    output = folder / "output"
    build(output, PATH=str(content))
    return content, output


def notices(output):
    """{page path: its outdated-translation notice} for every page that has one."""
    found = {}
    for path in pages(output):
        notice = html(path).select_one(".outdated-notice")
        if notice is not None:
            found[str(path.relative_to(output))] = notice
    return found


@pytest.mark.parametrize("code", ["fr", "pl", "fi"])
def test_the_translations_of_an_edited_tip_page_and_freebie_tell_readers_and_link_to_the_english(edited_site, code):
    _, output = edited_site
    found = notices(output / code)
    tip_words = {"fr": "conseils", "pl": "porady", "fi": "vinkit"}[code]
    freebie_words = {"fr": "cadeaux", "pl": "materialy", "fi": "materiaalit"}[code]
    tips = [path for path in found if path.startswith(f"{tip_words}/")]
    freebies = [path for path in found if path.startswith(f"{freebie_words}/")]
    others = [path for path in found if path not in tips + freebies]
    assert len(tips) == len(freebies) == len(others) == 1, f"only the edited tip, page and freebie: {sorted(found)}"
    for path, english_url in (
        (tips[0], "/en/tips/give-before-you-ask/"),
        (others[0], "/en/about/"),
        (freebies[0], "/en/freebies/thank-you-checklist/"),
    ):
        notice = found[path]
        assert " ".join(notice.get_text().split()) == localized_notice(code)
        assert "This translation" not in notice.get_text()
        link = notice.select_one("a")
        assert link["href"] == english_url and link["hreflang"] == "en"
        assert link.get_text(strip=True) == "English"
        # the notice is at the top, right after the header
        assert notice.find_previous_sibling().name == "header"


def test_only_the_translations_of_the_edited_tip_page_and_freebie_have_the_notice(edited_site):
    _, output = edited_site
    expected = set()
    for english_url in ("/en/tips/give-before-you-ask/", "/en/about/", "/en/freebies/thank-you-checklist/"):
        english = html(file_for(output, english_url))
        for link in english.select('link[rel="alternate"][hreflang]'):
            if link["hreflang"] not in ("en", "x-default"):
                expected.add(str(file_for(output, link["href"]).relative_to(output)))
    assert len(expected) == 9
    assert set(notices(output)) == expected


def test_the_sample_site_shows_no_notice(site):
    output, _ = site
    assert not notices(output)


def test_status_reports_the_edited_tip_as_outdated_and_the_untranslated_one_as_missing(edited_site, capsys):
    content, _ = edited_site
    settings = read_settings(str(DEV_SETTINGS), override={"PATH": str(content)})
    records = {(record.kind, record.key, record.lang): record.status for record in translation_records(settings)}
    for code in ("fr", "pl", "fi"):
        assert records[("tip", EDITED_TIP, code)] == "outdated"
        assert records[("page", EDITED_PAGE, code)] == "outdated"
        assert records[("freebie", EDITED_FREEBIE, code)] == "outdated"
    assert records[("tip", "make-it-right", "fi")] == "missing"
    assert records[("tip", EDITED_TIP, "en")] == "present"
    edited = (EDITED_TIP, EDITED_PAGE, EDITED_FREEBIE, "make-it-right")
    others = {key: status for key, status in records.items() if key[1] not in edited}
    assert set(others.values()) == {"present", "current"}
    assert ("freebie", "review-request-kit", "fr") in others, "the freebies are listed"
    assert not [key for key in records if key[1].startswith("files")], "not the sources of their PDFs"

    assert main(["status", "-s", str(DEV_SETTINGS), "--path", str(content)]) == 0
    printed = capsys.readouterr().out
    lines = [line.split() for line in printed.splitlines()]
    assert [EDITED_TIP, "present", "outdated", "outdated", "outdated"] in lines
    assert ["make-it-right", "present", "current", "current", "missing"] in lines
    assert ["Freebies", "en", "fr", "pl", "fi"] in lines
    assert [EDITED_FREEBIE, "present", "outdated", "outdated", "outdated"] in lines
    assert "UI strings" in printed and "fr    " in printed


def test_new_tip_scaffolds_four_drafts_that_build_and_refuses_to_overwrite(content, tmp_path, caplog, capsys):
    command = ["new-tip", "-s", str(DEV_SETTINGS), "--path", str(content), "thank-you-cards"]
    assert main(command) == 0
    created = sorted(content.glob("tips/thank-you-cards.*.md"))
    assert [path.name for path in created] == [f"thank-you-cards.{code}.md" for code in ("en", "fi", "fr", "pl")]
    for path in created:
        assert "\nStatus: draft\n" in path.read_text(encoding="utf-8")

    output = tmp_path / "output"
    with caplog.at_level("ERROR"):
        build(output, PATH=str(content))
    assert not [record.getMessage() for record in caplog.records if record.levelname in ("ERROR", "CRITICAL")]
    for code in ("en", "fr", "pl", "fi"):
        assert (output / "drafts" / code / "thank-you-cards" / "index.html").exists()
        assert not list(output.glob(f"{code}/*/thank-you-cards/index.html")), "a draft is not published"
        assert not list(output.glob(f"{code}/*/todo/index.html"))
    assert not notices(output / "drafts")

    before = {path: path.read_bytes() for path in created}
    capsys.readouterr()
    assert main(command) == 2
    assert "already exists" in capsys.readouterr().err
    assert {path: path.read_bytes() for path in created} == before
