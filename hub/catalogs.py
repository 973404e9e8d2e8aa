"""The UI catalogs, translations/<lang>/LC_MESSAGES/messages.po, read with Babel: every string that would stop
a page from rendering, or put a translator's markup on it, is a Problem at its .po line.

The build leaves such a string out (the page shows the English one), and a catalog that does not parse leaves
its language's interface in English; `make check` prints the same problems.
"""

import codecs
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from io import BytesIO
from pathlib import Path

from babel.messages.catalog import PYTHON_FORMAT
from babel.messages.pofile import PoFileError, read_po

from .languages import language_codes
from .problems import Problem, shown_path

DEFAULTS = {
    "UI_TRANSLATIONS_PATH": "translations",
    # the language the theme's strings are written in: it needs no catalog
    "UI_SOURCE_LANG": "en",
}
DOMAIN = "messages"

# What makes a string HTML rather than text: a tag, or an entity.
ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
TAG = re.compile(r"<[A-Za-z/!?][^<>]*>?")
# A line of a .po file, as gettext's own msgfmt reads it: a keyword and a string, or a string continuing one.
KEYWORD = re.compile(r"(?:msgctxt|msgid|msgid_plural|msgstr|msgstr\[[0-9]+\])(?=[\s\"])")
STRING = re.compile(r'"(?:[^"\\]|\\.)*"')


@lru_cache(maxsize=4096)  # a page asks for the same few hundred strings
def holds_markup(english):
    """Whether a template's string is HTML (it has a `<` or an entity): only then may its translation be."""
    return "<" in english or ENTITY.search(english) is not None


def catalog_paths(directory, code):
    """The .po and .mo of a language."""
    folder = Path(directory) / code / "LC_MESSAGES"
    return folder / f"{DOMAIN}.po", folder / f"{DOMAIN}.mo"


@dataclass
class ReadCatalog:
    """A language's catalog as the site may use it, and what is wrong with the file."""

    catalog: object  # a Babel Catalog without the strings left out; None when the file does not parse
    problems: list = field(default_factory=list)
    left_out: list = field(default_factory=list)  # the (msgid, msgctxt) of each string left out


def read_catalog(po_path, code, source_name="English"):
    """The catalog of language `code` at `po_path`, without the strings that cannot be used, and a Problem
    for each: the file's line, and what to write instead."""
    shown = shown_path(po_path)
    try:
        data = Path(po_path).read_bytes().removeprefix(codecs.BOM_UTF8)
    except OSError as error:
        return ReadCatalog(None, [_unreadable(shown, 0, error.strerror, source_name)])
    syntax = _syntax_problems(shown, data, source_name)
    if syntax:
        return ReadCatalog(None, syntax)
    try:
        catalog = read_po(BytesIO(data), locale=code.replace("-", "_"), abort_invalid=True)
    except PoFileError as error:
        reason = str(error).rsplit(" on ", 1)[0]
        return ReadCatalog(None, [_unreadable(shown, error.lineno + 1, reason, source_name)])
    except Exception as error:  # Babel's parser raises whatever its line handling meets
        return ReadCatalog(None, [_unreadable(shown, 0, f"{type(error).__name__}: {error}", source_name)])
    lines = data.decode("utf-8").split("\n")  # numbered as Babel numbers them
    read = ReadCatalog(catalog)
    for message in list(catalog):
        if not message.id or message.fuzzy:  # the header; a fuzzy string is never shown
            continue
        found = _message_problems(shown, lines, message, source_name)
        if any(problem.leaves_out for problem in found):
            catalog.delete(message.id, context=message.context)
            read.left_out.append((message.id, message.context))
        read.problems += found
    return read


def catalog_problems(settings):
    """Every problem of the site's UI catalogs, for `make check`, sorted by file and line."""
    directory = settings.get("UI_TRANSLATIONS_PATH", DEFAULTS["UI_TRANSLATIONS_PATH"])
    codes = language_codes(settings)
    problems = []
    for code in codes:
        po_path, _ = catalog_paths(directory, code)
        if po_path.exists():
            problems += read_catalog(po_path, code).problems
    return sorted(problems)


def _unreadable(shown, line, reason, source_name):
    said = (f"{reason}: the file cannot be read, so this language's interface is shown in {source_name} "
            "until it is fixed")
    return Problem(shown, line, said, leaves_out=True)


def _syntax_problems(shown, data, source_name):
    """The lines Babel would misread without a word: a string without its closing quote, a keyword that is
    not one, bytes that are not UTF-8."""
    problems = []
    for number, raw in enumerate(data.split(b"\n"), start=1):
        try:
            line = raw.decode("utf-8").strip()
        except UnicodeDecodeError:
            problems.append(_unreadable(shown, number, "this line is not UTF-8 (save the file as UTF-8)",
                                        source_name))
            continue
        if line.startswith("#~"):  # an obsolete string, still read
            line = line[2:].strip()
        elif line.startswith("#") or not line:
            continue
        keyword = KEYWORD.match(line)
        rest = line[keyword.end():].strip() if keyword else line
        if not keyword and not rest.startswith('"'):
            reason = (f"{line.split()[0]!r} is not a keyword of a .po file: a line starts with msgid, "
                      "msgid_plural, msgctxt, msgstr or msgstr[N] (N a number), or goes on with a string "
                      "in '\"'")
        elif not STRING.fullmatch(rest):
            reason = "a string must start and end with '\"' on its line (a '\"' inside it is written \\\")"
        else:
            continue
        problems.append(_unreadable(shown, number, reason, source_name))
    return problems


def _message_problems(shown, lines, message, source_name):
    english = message.id if isinstance(message.id, tuple) else (message.id,)
    translations = message.string if isinstance(message.string, tuple) else (message.string,)
    placeholders = {found for text in english for found in _placeholders(text) if found}
    markup = any(holds_markup(text) for text in english)
    tags = [Counter(TAG.findall(text)) for text in english]
    instead = f"the {source_name} string is shown until then"
    problems = []
    for form, translation in enumerate(translations):
        if not translation:
            continue
        line = _msgstr_line(lines, message.lineno, form if message.pluralizable else None)

        def problem(what, leaves_out=True):
            said = f"the translation of {_excerpt(english[0])!r} {what}"
            problems.append(Problem(shown, line, said, leaves_out=leaves_out))

        for found in _placeholders(translation):
            if found is None or (found not in placeholders and not found.startswith("%(")):
                seen = f" ({found!r} reads as a placeholder)" if found else ""
                problem(f"has a lone '%'{seen}: write '%%' for a percent sign; {instead}")
            elif found not in placeholders:
                expected = ", ".join(sorted(placeholders)) or "none"
                problem(f"has the placeholder {found!r}, which the {source_name} string does not (its "
                        f"placeholders: {expected}): write them as they are, or '%%' for a percent sign; "
                        f"{instead}")
        if markup and Counter(TAG.findall(translation)) not in tags:
            allowed = ", ".join(dict.fromkeys(TAG.findall(english[0]))) or "none"
            problem(f"does not have the HTML tags of the {source_name} string: use its tags only, each as "
                    f"often ({allowed}); {instead}")
        elif not markup and (TAG.search(translation) or ENTITY.search(translation)):
            problem(f"holds HTML, which the {source_name} string does not: it is shown as text, tags and "
                    "all; write plain text (a character itself, not its entity)", leaves_out=False)
    return problems


def _placeholders(text):
    """Each %-placeholder of a string as written ('%(number)s'), or None for a '%' that starts none; '%%' is
    a percent sign, as Jinja's gettext formats every string."""
    found, at = [], text.find("%")
    while at != -1:
        match = PYTHON_FORMAT.match(text, at)
        if match is None or (match.group(3) == "%" and match.group() != "%%"):
            found.append(None)
            at = text.find("%", at + 1)
            continue
        if match.group() != "%%":
            found.append(match.group())
        at = text.find("%", match.end())
    return found


def _msgstr_line(lines, msgid_line, form):
    """The line of a message's msgstr (its msgstr[form] when plural), below its msgid's line."""
    keyword = "msgstr" if form is None else f"msgstr[{form}]"
    for number in range(msgid_line, len(lines) + 1):
        text = lines[number - 1].strip()
        if text.startswith("#~"):
            text = text[2:].strip()
        if text.startswith(keyword) and text[len(keyword):][:1] in (" ", '"', "\t"):
            return number
    return msgid_line


def _excerpt(text, length=40):
    return text if len(text) <= length else text[: length - 1] + "…"
