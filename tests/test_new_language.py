"""Adding a language takes a catalog and one line of settings."""

import shutil
import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po
from pelican.settings import read_settings
from support import DEV_SETTINGS, ROOT, build, html

SWEDISH_TIP = """Title: Ge först, fråga sedan
Date: 2026-06-02 09:00
Category: Ge först
Tags: gåvor
Summary: En liten tjänst utan motkrav öppnar fler dörrar än en annons.

Bjud på något användbart innan du ber om något.
"""


def swedish_catalog(translations):
    """`pybabel init` for Swedish, with one string translated."""
    pybabel = Path(sys.executable).with_name("pybabel")
    subprocess.run(
        [str(pybabel), "init", "-i", str(translations / "messages.pot"), "-d", str(translations), "-l", "sv"],
        check=True,
        capture_output=True,
    )
    po_path = translations / "sv" / "LC_MESSAGES" / "messages.po"
    with po_path.open("rb") as file:
        catalog = read_po(file, locale="sv")
    catalog["Latest tips"].string = "Senaste tipsen"
    with po_path.open("wb") as file:
        write_po(file, catalog)


def test_a_fifth_language_is_a_catalog_and_one_line_of_settings(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    (content / "tips" / "give-first.sv.md").write_text(SWEDISH_TIP, encoding="utf-8")
    translations = tmp_path / "translations"
    shutil.copytree(ROOT / "translations", translations, ignore=shutil.ignore_patterns("*.mo"))
    swedish_catalog(translations)

    languages = read_settings(str(DEV_SETTINGS))["LANGUAGES"]
    output = tmp_path / "output"
    build(
        output,
        PATH=str(content),
        UI_TRANSLATIONS_PATH=str(translations),
        LANGUAGES={**languages, "sv": {}},  # the one line
    )

    home = html(output / "sv" / "index.html")
    assert home.html["lang"] == "sv"
    assert home.select_one(".section__title").get_text(strip=True) == "Senaste tipsen"
    tip = html(output / "sv" / "tips" / "ge-forst-fraga-sedan" / "index.html")
    assert tip.h1.get_text(strip=True) == "Ge först, fråga sedan"
    assert tip.select_one('link[hreflang="en"]')["href"].startswith("/en/tips/")

    english = html(next((output / "en" / "tips").glob("give-before-you-ask/index.html")))
    assert english.select_one('link[hreflang="sv"]')["href"] == "/sv/tips/ge-forst-fraga-sedan/"
    switch = english.select_one('.switcher a[hreflang="sv"]')
    assert switch["href"] == "/sv/tips/ge-forst-fraga-sedan/"
    assert switch.get_text(strip=True) == "Svenska"
    # a tip not written in Swedish falls back to the Swedish home
    other = html(next((output / "en" / "tips").glob("make-it-right*/index.html")))
    assert other.select_one('.switcher a[hreflang="sv"]')["href"] == "/sv/"
