"""UI strings: complete catalogs, no English left on other languages' pages, localized dates."""

import re
import subprocess
from datetime import date

import pytest
from babel.dates import format_date
from babel.messages.pofile import read_po

from support import ROOT, html, pages

CATALOG_DIR = ROOT / "translations"
TRANSLATED = ["fr", "pl", "fi"]
# Strings that are the same word in English and in the language; any other
# msgstr equal to its msgid is an untranslated copy.
# The international unit kB reads the same in Polish.
SAME_AS_ENGLISH = {"fr": {"Page %(number)s", "Places"}, "pl": {"Tag", "%(kind)s, %(size)s kB", "Online"}, "fi": set()}


def catalog(code):
    with open(CATALOG_DIR / code / "LC_MESSAGES" / "messages.po", "rb") as file:
        return read_po(file, locale=code)


def template_messages():
    with open(CATALOG_DIR / "messages.pot", "rb") as file:
        return [message for message in read_po(file) if message.id]


@pytest.mark.parametrize("code", TRANSLATED)
def test_catalog_is_complete_and_valid(code):
    translations = catalog(code)
    expected = {message.id if isinstance(message.id, str) else message.id[0] for message in template_messages()}
    present = {message.id if isinstance(message.id, str) else message.id[0] for message in translations if message.id}
    assert expected == present, "run `make translations-update` and translate the new strings"
    for message in translations:
        if not message.id:
            continue
        assert not message.fuzzy, f"{code}: fuzzy translation of {message.id!r}"
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings), f"{code}: {message.id!r} is not translated"
        assert len(strings) == (translations.num_plurals if message.pluralizable else 1)
        copied = {english for english in (message.id if message.pluralizable else (message.id,)) if english in strings}
        assert copied <= SAME_AS_ENGLISH[code], f"{code}: {message.id!r} is left in English"
    result = subprocess.run(
        ["msgfmt", "--check", "-o", "/dev/null", str(CATALOG_DIR / code / "LC_MESSAGES" / "messages.po")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def test_polish_has_three_plural_forms():
    assert catalog("pl").num_plurals == 3


def english_patterns(code):
    """Regexes of the English UI strings that `code` translates differently."""
    translated = {}
    for message in catalog(code):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        # no-break spaces are typography, not translation
        same = {" ".join(string.split()) for string in strings if string}
        for english in ids:
            if " ".join(english.split()) not in same:
                translated[english] = message
    patterns = []
    for english in translated:
        pieces = re.split(r"%\(\w+\)s", english)
        body = r".+?".join(re.escape(piece) for piece in pieces)
        patterns.append((english, re.compile(rf"(?<!\w){body}(?!\w)")))
    return patterns


def ui_texts(document):
    """Text a reader sees or hears, apart from the writers' own text (tip bodies and summaries)."""
    for content in document.select(".prose, .card__summary, .tip__lede, meta[name=description]"):
        content.decompose()
    texts = [" ".join(text.split()) for text in document.find_all(string=True)]
    for element in document.find_all(True):
        for attribute in ("aria-label", "title", "alt", "placeholder", "content"):
            if element.get(attribute):
                texts.append(element[attribute])
    return [text for text in texts if text]


@pytest.mark.parametrize("code", TRANSLATED)
def test_no_english_ui_string_on_translated_pages(site, code):
    output, _ = site
    patterns = english_patterns(code)
    checked = 0
    for path in pages(output / code):
        for text in ui_texts(html(path)):
            for english, pattern in patterns:
                assert not pattern.search(text), f"{path.relative_to(output)}: English {english!r} in {text!r}"
        checked += 1
    assert checked > 10


@pytest.mark.parametrize("code", ["en", *TRANSLATED])
def test_dates_are_formatted_for_the_pages_locale(site, code):
    output, settings = site
    tips_word = settings["SITE_LANGUAGES"][code].words["tips"]
    times = [time for path in (output / code / tips_word).glob("*/index.html") for time in html(path).select(".tip__meta time")]
    assert times
    for time in times:
        day = date.fromisoformat(time["datetime"])
        assert time.get_text(strip=True) == format_date(day, "long", locale=code)
        if code != "en":
            assert time.get_text(strip=True) != format_date(day, "long", locale="en")


def test_french_page_reads_french(site):
    output, _ = site
    home = html(output / "fr" / "index.html")
    assert home.select_one(".skip-link").get_text(strip=True) == "Aller au contenu"
    assert "sans inscription" in home.select_one(".hero__count").get_text()


def polish_form(number):
    """Polish grammar: 1 porada, 2–4 (not 12–14) porady, otherwise porad."""
    if number == 1:
        return 0
    return 1 if number % 10 in (2, 3, 4) and number % 100 not in (12, 13, 14) else 2


@pytest.mark.parametrize(
    "number, expected", [(1, "1 darmowa porada"), (3, "3 darmowe porady"), (5, "5 darmowych porad"), (22, "22 darmowe porady")]
)
def test_polish_catalog_has_the_right_word_for_each_plural_form(number, expected):
    message = catalog("pl").get(("%(number)s free tip, no sign-up needed", "%(number)s free tips, no sign-up needed"))
    assert (message.string[polish_form(number)] % {"number": number}).startswith(expected)


def test_polish_listings_use_the_plural_form_of_their_count(site):
    output, _ = site
    message = catalog("pl").get(("%(number)s tip", "%(number)s tips"))
    counts = []
    for path in (output / "pl").glob("*/*/index.html"):
        document = html(path)
        count = document.select_one(".listing-header__count")
        if count is None or not document.select(".card"):
            continue
        number = len(document.select(".card"))
        counts.append(number)
        assert count.get_text(strip=True) == message.string[polish_form(number)] % {"number": number}
    assert len(set(polish_form(number) for number in counts)) >= 2, "the sample shows more than one form"
