"""Which tips, pages and freebies exist in which language, and whether each translation is up to date.

Everything is read from the site's settings and files, as Pelican would find
them: no build, no dates, no version control.
"""

from dataclasses import dataclass
from pathlib import Path

from babel.messages.pofile import read_po

from hub.catalogs import read_catalog
from hub.languages import language_codes
from hub.problems import shown_path
from hub.source_hash import SOURCE_HASH_KEY, SourceError, file_hash, read_header, stored_hash
from hub.sources import Header, freebie_folders, language_in_name, markdown_files, translation_key

KINDS = ("tip", "page", "freebie")
TITLES = {"tip": "Tips", "page": "Pages", "freebie": "Freebies"}

# The status of one version of a tip, page or freebie.
PRESENT = "present"  # the source-language version exists
CURRENT = "current"  # a translation made from the source as it is now
OUTDATED = "outdated"  # a translation made from an older source
UNTRACKED = "untracked"  # a translation that does not say what it was made from
MISSING = "missing"  # no file in that language
NO_SOURCE = "no source"  # a translation whose source-language version does not exist
NEEDS_WORK = (OUTDATED, UNTRACKED, NO_SOURCE)


@dataclass(frozen=True)
class ContentFile:
    """A tip, page or freebie file: what it is a version of, and in which language."""

    path: Path
    kind: str  # "tip", "page" or "freebie"
    key: str  # the translation key
    lang: str
    source_hash: str | None  # its Source_Hash metadata


@dataclass(frozen=True)
class TranslationRecord:
    """One language of one tip, page or freebie."""

    kind: str  # "tip", "page" or "freebie"
    key: str  # the translation key
    lang: str
    status: str  # present, current, outdated, untracked, missing or "no source"
    path: Path | None = None  # None when missing
    recorded_hash: str | None = None  # the translation's Source_Hash
    source_hash: str | None = None  # the hash of the source as it is now


@dataclass(frozen=True)
class CatalogRecord:
    """How much of the UI catalog of one language is translated."""

    lang: str
    path: Path
    translated: int = 0
    total: int = 0
    new_in_template: int = 0  # messages of messages.pot the catalog lacks (not yet updated)
    exists: bool = True
    is_source: bool = False  # the language the theme's strings are written in
    readable: bool = True  # False: the file does not parse, and the site shows that language's UI in English

    @property
    def complete(self):
        return self.is_source or (self.exists and self.translated == self.total and not self.new_in_template)


def languages(settings):
    """The configured language codes; the first is the source language."""
    return language_codes(settings)


def content_root(settings):
    return Path(settings["PATH"])


def folders(settings):
    """(kind, folders under PATH, folders left out) of tips, pages and freebies, as their generators find them."""
    return [
        ("tip", settings.get("ARTICLE_PATHS") or [], settings.get("ARTICLE_EXCLUDES") or []),
        ("page", settings.get("PAGE_PATHS") or [], settings.get("PAGE_EXCLUDES") or []),
        ("freebie", *freebie_folders(settings)),
    ]


def content_files(settings):
    """Every Markdown tip, page and freebie under the settings' PATH, in ARTICLE_PATHS, PAGE_PATHS and
    FREEBIE_PATHS."""
    root = content_root(settings)
    default_lang = languages(settings)[0]
    ignores = settings.get("IGNORE_FILES") or []
    found = []
    for kind, paths, excludes in folders(settings):
        for path in markdown_files(root, paths, excludes, ignores):
            found.append(read_content_file(path, kind, default_lang))
    return found


def read_content_file(path, kind, default_lang):
    try:
        header = read_header(path)
    except SourceError:
        header = Header()  # unreadable: known by its file name only (`make check` says what is wrong)
    key = translation_key(path, header)
    lang = header.value("lang") or language_in_name(path) or default_lang
    recorded = stored_hash(header.metadata.get(SOURCE_HASH_KEY.lower()))
    return ContentFile(path=path, kind=kind, key=key, lang=lang, source_hash=recorded)


def find_versions(settings, path):
    """(the file at `path`, the source-language file it translates or None).

    Raises SourceError when `path` is not a tip, page or freebie of the site.
    """
    if not Path(path).is_file():
        raise SourceError(f"{path}: no such file")
    files = content_files(settings)
    this = next((file for file in files if file.path.resolve() == Path(path).resolve()), None)
    if this is None:
        raise SourceError(
            f"{shown_path(path)}: not a tip, page or freebie of the site (a Markdown file under "
            f"{', '.join(shown_path(folder) for folder in _folders(settings))})"
        )
    source_lang = languages(settings)[0]
    source = next(
        (file for file in files if file.kind == this.kind and file.key == this.key and file.lang == source_lang), None
    )
    return this, source


def _folders(settings):
    root = content_root(settings)
    found = [folder for _, paths, _ in folders(settings) for folder in paths]
    return [str(root / folder) for folder in found] or [str(root)]


def translation_records(settings):
    """A TranslationRecord for every configured language of every tip, then page, then freebie.

    Each kind is ordered by translation key, languages as in LANGUAGES.
    """
    codes = languages(settings)
    source_lang = codes[0]
    files = content_files(settings)
    by_version = {}
    for file in files:
        by_version.setdefault((file.kind, file.key, file.lang), file)  # a duplicate is Pelican's to report
    records = []
    for kind in KINDS:
        for key in sorted({file.key for file in files if file.kind == kind}):
            source = by_version.get((kind, key, source_lang))
            current = None
            if source is not None:
                try:
                    current = file_hash(source.path)
                except SourceError:
                    pass  # unreadable: its translations are reported as having no source
            for lang in codes:
                file = by_version.get((kind, key, lang))
                records.append(_record(kind, key, lang, file, source_lang, current))
    return records


def _record(kind, key, lang, file, source_lang, current):
    if file is None:
        return TranslationRecord(kind, key, lang, MISSING)
    if lang == source_lang:
        return TranslationRecord(kind, key, lang, PRESENT, file.path, source_hash=current)
    if current is None:
        status = NO_SOURCE
    elif file.source_hash is None:
        status = UNTRACKED
    elif file.source_hash == current:
        status = CURRENT
    else:
        status = OUTDATED
    return TranslationRecord(kind, key, lang, status, file.path, file.source_hash, current)


def catalog_records(settings):
    """A CatalogRecord per configured language, from translations/<lang>/LC_MESSAGES/messages.po.

    A fuzzy or empty translation counts as untranslated.
    """
    directory = Path(settings.get("UI_TRANSLATIONS_PATH") or "translations")
    ui_source = settings.get("UI_SOURCE_LANG", "en")
    template_ids = _message_ids(directory / "messages.pot")
    records = []
    for lang in languages(settings):
        path = directory / lang / "LC_MESSAGES" / "messages.po"
        if not path.exists():
            records.append(CatalogRecord(lang, path, exists=False, is_source=lang == ui_source))
            continue
        catalog = read_catalog(path, lang).catalog  # what the site shows: the strings it can use
        if catalog is None:  # does not parse: make check names the line, the site shows that language's UI in English
            records.append(CatalogRecord(lang, path, readable=False, is_source=lang == ui_source))
            continue
        translated = total = 0
        ids = set()
        for message in catalog:
            if not message.id:
                continue
            total += 1
            ids.add(_message_id(message))
            strings = message.string if isinstance(message.string, (list, tuple)) else (message.string,)
            if not message.fuzzy and all(strings):
                translated += 1
        new = len(template_ids - ids) if template_ids is not None else 0
        records.append(CatalogRecord(lang, path, translated, total, new, is_source=lang == ui_source))
    return records


def _message_id(message):
    return message.id[0] if isinstance(message.id, (list, tuple)) else message.id


def _message_ids(path):
    if not path.exists():
        return None
    with path.open("rb") as file:
        return {_message_id(message) for message in read_po(file) if message.id}


def status_report(settings):
    """The plain-text status section: translations of tips, pages and freebies, then UI catalogs."""
    return format_report(translation_records(settings), catalog_records(settings), settings)


def format_report(records, catalogs, settings):
    """The status section from the records of translation_records() and catalog_records()."""
    codes = languages(settings)
    lines = [f"Translations (source language: {codes[0]})", ""]
    for kind in KINDS:
        title = TITLES[kind]
        rows = {}
        for record in records:
            if record.kind == kind:
                rows.setdefault(record.key, {})[record.lang] = record.status
        if not rows:
            continue
        width = max(*map(len, TITLES.values()), *(len(record.key) for record in records)) + 2
        columns = [max(len(code), len(NO_SOURCE)) + 2 for code in codes]
        lines.append(title.ljust(width) + "".join(code.ljust(w) for code, w in zip(codes, columns)).rstrip())
        for key, row in rows.items():
            cells = "".join(row.get(code, "").ljust(w) for code, w in zip(codes, columns))
            lines.append(f"{key.ljust(width)}{cells}".rstrip())
        lines.append("")

    counts = {status: 0 for status in (CURRENT, OUTDATED, UNTRACKED, MISSING, NO_SOURCE)}
    for record in records:
        if record.lang != codes[0] or record.status == MISSING:
            counts[record.status] = counts.get(record.status, 0) + 1
    counts = {status: number for status, number in counts.items() if number or status in (CURRENT, OUTDATED)}
    lines.append("Translations: " + ", ".join(f"{number} {status}" for status, number in counts.items()) + ".")
    attention = [record for record in records if record.status in NEEDS_WORK]
    if attention:
        lines.append("To update, then record as current with `python -m translation_status mark FILE`:")
        for record in attention:
            lines.append(f"  {record.status:<10} {shown_path(record.path)}")
    lines.append("")

    lines.append("UI strings (translations/<lang>/LC_MESSAGES/messages.po)")
    for catalog in catalogs:
        if not catalog.exists:
            note = "the theme's own language" if catalog.is_source else f"no catalog (make translations-init CODE={catalog.lang})"
            lines.append(f"{catalog.lang:<6}{note}")
            continue
        if not catalog.readable:
            lines.append(f"{catalog.lang:<6}does not parse, so the site shows this language's interface in English (make check names the line)")
            continue
        percent = 100 if not catalog.total else catalog.translated * 100 // catalog.total
        line = f"{catalog.lang:<6}{catalog.translated}/{catalog.total} translated ({percent}%)"
        if catalog.new_in_template:
            line += f", {catalog.new_in_template} new in messages.pot: make translations-update"
        lines.append(line)
    return "\n".join(lines)
