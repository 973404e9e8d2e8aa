"""A translator's string can neither stop the build nor put markup on a page: a bad one is named at its
.po line, by `make check` and by the build, and the pages show the English string instead."""

import logging
import shutil
import subprocess
import sys

import pytest
from babel.support import Translations
from pelican.settings import read_settings
from support import DEV_SETTINGS, PUBLISH_SETTINGS, ROOT, build, html, make_check, pages, settings_file

from hub.catalogs import catalog_problems

FRENCH = "translations/fr/LC_MESSAGES/messages.po"


@pytest.fixture
def translations(tmp_path):
    """A copy of the catalogs, without their compiled .mo files, to break strings in."""
    copy = tmp_path / "translations"
    shutil.copytree(ROOT / "translations", copy, ignore=shutil.ignore_patterns("*.mo"))
    return copy


def replace_msgstr(translations, msgid, msgstr_line, code="fr"):
    """Write `msgstr_line` in place of the msgstr of `msgid`; the line number it is on."""
    po_path = translations / code / "LC_MESSAGES" / "messages.po"
    lines = po_path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = lines.index(f'msgid "{msgid}"\n') + 1
    assert lines[at].startswith("msgstr ")
    lines[at] = msgstr_line + "\n"
    po_path.write_text("".join(lines), encoding="utf-8")
    return at + 1


def build_with(translations, output, caplog):
    with caplog.at_level(logging.WARNING):
        build(output, UI_TRANSLATIONS_PATH=str(translations))
    return [record for record in caplog.records if record.levelno >= logging.WARNING]


def navigation(path):
    """The texts of a page's main navigation links."""
    return [link.get_text(strip=True) for link in html(path).select(".site-nav a")]


def french_pages(output):
    return [path.relative_to(output) for path in pages(output / "fr")]


def settings_with(translations):
    return read_settings(str(DEV_SETTINGS), override={"UI_TRANSLATIONS_PATH": str(translations)})


def test_a_lone_percent_leaves_that_string_in_english_on_every_french_page(tmp_path, site, translations, caplog):
    line = replace_msgstr(translations, "Tips", 'msgstr "Conseils à 100 % gratuits"')
    output = tmp_path / "output"
    logged = build_with(translations, output, caplog)

    assert french_pages(output) == french_pages(site[0])
    with_navigation = [path for path in pages(output / "fr") if navigation(path)]
    assert len(with_navigation) > 10
    for path in with_navigation:
        links = navigation(path)
        assert links[0] == "Tips", path  # the bad string, in English
        assert links[1] == navigation(site[0] / path.relative_to(output))[1] != "All tips", "the rest stays French"
    [error] = [record.getMessage() for record in logged if f"{FRENCH}:{line}:" in record.getMessage()]
    assert "%%" in error, "it says how to write a percent sign"

    [problem] = catalog_problems(settings_with(translations))
    assert str(problem.path).endswith(FRENCH) and problem.line == line and "%%" in problem.message


def test_a_placeholder_the_english_string_lacks_is_named_and_left_out(tmp_path, translations, caplog):
    po_path = translations / "fr" / "LC_MESSAGES" / "messages.po"
    text = po_path.read_text(encoding="utf-8")
    po_path.write_text(text.replace('msgstr[1] "%(number)s résultats"', 'msgstr[1] "%(nombre)s résultats"'), encoding="utf-8")
    line = 1 + text.splitlines().index('msgstr[1] "%(number)s résultats"')
    [problem] = catalog_problems(settings_with(translations))
    assert (problem.line, "%(nombre)s" in problem.message, "%(number)s" in problem.message) == (line, True, True)

    output = tmp_path / "output"
    logged = build_with(translations, output, caplog)
    assert any(f"{FRENCH}:{line}:" in record.getMessage() for record in logged)
    counts = html(output / "fr" / "recherche" / "index.html").select_one("[data-search]")
    assert {counts["data-count-one"], counts["data-count-other"]} <= {"{n} result", "{n} results"}, "in English"


def test_a_catalog_that_does_not_parse_leaves_its_language_in_english_and_the_others_untouched(
    tmp_path, site, translations, caplog
):
    line = replace_msgstr(translations, "Tips", 'msgstr "Conseils')  # the closing quote is missing
    output = tmp_path / "output"
    logged = build_with(translations, output, caplog)

    assert french_pages(output) == french_pages(site[0])
    home = html(output / "fr" / "index.html")
    assert home.html["lang"] == "fr"
    assert home.select_one(".skip-link").get_text(strip=True) == "Skip to content"
    assert navigation(output / "fr" / "index.html")[:2] == ["Tips", "All tips"]
    for code in ("en", "pl", "fi"):
        for path in pages(site[0] / code):
            assert (output / path.relative_to(site[0])).read_bytes() == path.read_bytes(), path
    [error] = [record.getMessage() for record in logged if f"{FRENCH}:{line}:" in record.getMessage()]
    assert '"' in error and "English" in error

    [problem] = catalog_problems(settings_with(translations))
    assert str(problem.path).endswith(FRENCH) and problem.line == line


ATTACKS = [
    ("Tips", '<script>alert(document.domain)</script><img src=x onerror=alert(1)>'),
    ("Main", '\\" onmouseover=\\"alert(1)'),  # a quote, to leave the aria-label attribute it is written in
]


def test_markup_in_a_translation_is_shown_as_text_never_run(tmp_path, translations, caplog):
    lines = [replace_msgstr(translations, msgid, f'msgstr "{attack}"') for msgid, attack in ATTACKS]
    output = tmp_path / "output"
    build_with(translations, output, caplog)

    checked = 0
    for path in pages(output / "fr"):
        document = html(path)
        navigation_bar = document.select_one(".site-nav")
        if navigation_bar is None:
            continue
        assert navigation_bar["aria-label"] == '" onmouseover="alert(1)'
        assert not navigation_bar.has_attr("onmouseover")
        first = navigation_bar.select_one("a")
        assert first.get_text() == "<script>alert(document.domain)</script><img src=x onerror=alert(1)>"
        assert not document.select("img[onerror]"), path
        assert not any("document.domain" in script.get_text() for script in document.select("script")), path
        checked += 1
    assert checked > 10

    [problem] = catalog_problems(settings_with(translations))  # a quote is text, and allowed
    assert problem.line == lines[0] and "shown as text" in problem.message


def test_make_translations_compiles_what_it_can_and_names_what_it_cannot(translations):
    po_path = translations / "fr" / "LC_MESSAGES" / "messages.po"
    text = po_path.read_text(encoding="utf-8")
    po_path.write_text(text.replace('msgstr[1] "%(number)s résultats"', 'msgstr[1] "%(nombre)s résultats"'), encoding="utf-8")
    line = 1 + text.splitlines().index('msgstr[1] "%(number)s résultats"')
    result = subprocess.run(
        ["make", "--no-print-directory", "-C", str(ROOT), "translations", f"CATALOG_DIR={translations}"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr  # so `make html`, which runs it first, goes on
    assert f"fr/LC_MESSAGES/messages.po:{line}:" in result.stderr and "Traceback" not in result.stderr
    with open(translations / "fr" / "LC_MESSAGES" / "messages.mo", "rb") as compiled:
        french = Translations(compiled)
    assert french.ugettext("Tips") == "Conseils"
    assert french.ungettext("%(number)s result", "%(number)s results", 2) == "%(number)s results", "left out"
    for code in ("pl", "fi"):
        assert (translations / code / "LC_MESSAGES" / "messages.mo").is_file()


def test_make_check_names_the_line_of_a_catalog_that_does_not_parse(translations):
    po = translations / "fr" / "LC_MESSAGES" / "messages.po"
    text = po.read_text(encoding="utf-8")
    po.write_text(f'{text}\nmsgid "One more"\nmsgstr[x] "Encore"\n', encoding="utf-8")
    line = len(f"{text}\n".splitlines()) + 2
    returncode, printed = make_check(settings_file(translations.parent, UI_TRANSLATIONS_PATH=str(translations)))
    assert returncode == 1
    assert "Traceback" not in printed
    assert any(row.startswith(f"{po}:{line}: ") for row in printed.splitlines()), printed
    assert "fr    does not parse" in printed


def test_make_publish_refuses_what_make_check_names_in_a_catalog(translations, tmp_path):
    sys.path.insert(0, str(ROOT / "scripts"))
    from publish import PublishError, publish

    line = replace_msgstr(translations, "Tips", 'msgstr "Conseils à 100 % gratuits"')
    with pytest.raises(PublishError) as refused:
        publish(PUBLISH_SETTINGS, tmp_path / "output",
                {"UI_TRANSLATIONS_PATH": str(translations), "FREEBIE_SECRET": "a test secret"})
    assert any(str(problem).startswith(f"{translations / FRENCH.removeprefix('translations/')}:{line}: ")
               for problem in refused.value.details), refused.value.details
    assert not (tmp_path / "output").exists()
