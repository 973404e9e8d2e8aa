"""The typography of each language's texts, in the content and in the UI catalogs: French « » and no-break spaces
before ; : ! ?, Polish „…” and no-break spaces after one-letter words, Finnish ”…”, no-break spaces inside numbers;
and no catalog entry keeps the msgid it had before (`#| msgid`) once it is translated again."""

import re

import pytest
from babel.messages.pofile import read_po
from support import ROOT

NBSP = "\u00a0"
NARROW_NBSP = "\u202f"
NO_BREAK = NBSP + NARROW_NBSP

# the metadata a reader sees as text; the other fields are dates, names of files and slugs
TEXT_FIELDS = {"title", "summary", "thanks", "menu", "terms"}
URL = re.compile(r"https?://\S+|mailto:\S+")


def markdown_texts(lang):
    """(file:line, text) of every line a reader reads in `lang`'s Markdown sources."""
    for path in sorted((ROOT / "content").rglob(f"*.{lang}.md")):
        in_header = not path.read_text(encoding="utf-8").startswith("#")  # a freebie's file has no metadata
        in_code = False
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            where = f"{path.relative_to(ROOT)}:{number}"
            if in_header:
                if not line.strip():
                    in_header = False
                    continue
                key, _, value = line.partition(":")
                if key.strip().lower() in TEXT_FIELDS:
                    yield where, value.strip()
                continue
            if line.startswith("```"):
                in_code = not in_code
            elif not in_code:
                yield where, URL.sub("", line)


def catalog_texts(lang):
    """(file:line, text) of every msgstr of `lang`'s UI catalog."""
    path = ROOT / "translations" / lang / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as po:
        catalog = read_po(po)
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
        for text in strings:
            yield f"{path.relative_to(ROOT)}:{message.lineno}", text


def texts(lang):
    return [*markdown_texts(lang), *catalog_texts(lang)]


def offences(lang, pattern):
    return [f"{where}: …{text[max(0, m.start() - 25):m.end() + 10]}…" for where, text in texts(lang) for m in pattern.finditer(text)]


# a colon is punctuation only before a space, the end or closing markup (not in 9:00)
FRENCH_SPACING = re.compile(
    rf"(?<![{NO_BREAK};:!?])[;!?](?![:=])|(?<![{NO_BREAK}])[:](?=\s|$|\*|»)|«(?![{NO_BREAK}])|(?<![{NO_BREAK}])»"
)
POLISH_ONE_LETTER = re.compile(r"(?<![\w\-/.@%])[aiouwzAIOUWZ] ")
THOUSANDS_WITH_A_PLAIN_SPACE = re.compile(r"(?<![\d.,])\d{1,3}(?: \d{3})+(?!\d)")
FOREIGN_QUOTES = {"fr": re.compile(r"[\"“”„]"), "pl": re.compile(r"[\"“«»]"), "fi": re.compile(r"[\"“„«»]")}


def test_french_has_a_no_break_space_before_high_punctuation_and_inside_guillemets():
    assert offences("fr", FRENCH_SPACING) == []


def test_polish_one_letter_words_stay_with_the_next_word():
    assert offences("pl", POLISH_ONE_LETTER) == []


@pytest.mark.parametrize("lang", ["fr", "pl", "fi"])
def test_numbers_do_not_break_between_their_groups_of_digits(lang):
    assert offences(lang, THOUSANDS_WITH_A_PLAIN_SPACE) == []


@pytest.mark.parametrize("lang", ["fr", "pl", "fi"])
def test_each_language_uses_its_own_quotation_marks(lang):
    assert offences(lang, FOREIGN_QUOTES[lang]) == []


def test_the_checks_catch_what_they_are_for():
    assert FRENCH_SPACING.search("Utile ? Oui")
    assert FRENCH_SPACING.search("« Bonjour »")
    assert not FRENCH_SPACING.search(URL.sub("", f"Utile{NARROW_NBSP}? «{NBSP}Oui{NBSP}» à 9:00, voir https://x.fr/?a=1"))
    assert POLISH_ONE_LETTER.search("dzwoń i pisz") and POLISH_ONE_LETTER.search("W domu")
    assert not POLISH_ONE_LETTER.search(f"dzwoń i{NBSP}pisz, e-mail a{NBSP}nie SMS")
    assert THOUSANDS_WITH_A_PLAIN_SPACE.search("noin 1 200 tilaajaa")
    assert not THOUSANDS_WITH_A_PLAIN_SPACE.search(f"noin 1{NBSP}200 tilaajaa, 12 kertaa")


def catalog_entries(path):
    """(first line number, lines) of each entry of a .po file, as written: entries are separated by blank lines."""
    entry, start = [], 1
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            if not entry:
                start = number
            entry.append(line)
        elif entry:
            yield start, entry
            entry = []
    if entry:
        yield start, entry


@pytest.mark.parametrize("lang", ["fr", "pl", "fi"])
def test_no_catalog_entry_keeps_a_stale_previous_msgid(lang):
    path = ROOT / "translations" / lang / "LC_MESSAGES" / "messages.po"
    stale = []
    for start, lines in catalog_entries(path):
        fuzzy = any(line.startswith("#,") and "fuzzy" in line for line in lines)
        for line in lines:
            # Babel reads `#| msgid` back as a translator's comment and writes it as `# | msgid`: stale either way
            if line.startswith("# |") or (line.startswith("#|") and not fuzzy):
                stale.append(f"{path.relative_to(ROOT)}:{start}: {line}")
    assert stale == []
