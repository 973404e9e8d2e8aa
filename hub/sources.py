"""A writer's Markdown file as Pelican sees it: where the files are, their metadata header with its
line numbers, and the translation key and language their names give.

The header is read the way Python-Markdown's `meta` extension (Pelican's
Markdown reader) reads it: `Key: value` lines, indented continuation lines,
an optional `---` fence, up to the first blank line.
"""

import fnmatch
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from pelican.utils import SafeDatetime

from hub.boundary import inside

BOM = "\ufeff"
MARKDOWN_EXTENSIONS = ("md", "markdown", "mkd", "mdown")
# What a file name says: `give-first.fr.md` is the `fr` version of `give-first`.
FILENAME_METADATA = r"(?P<translation_key>[^.]+)\.(?P<lang>[a-z]{2,3}(?:[_-][A-Za-z]{2,4})?)$"
FILE_NAME = re.compile(FILENAME_METADATA)

# Where the freebies are, as settings with their defaults (the freebies plugin reads them, and so do
# `make check` and the translation status, with or without that plugin).
FREEBIE_FOLDERS = {
    # folders under PATH that hold one Markdown file per freebie and language
    "FREEBIE_PATHS": ["freebies"],
    # the sources of the delivered files, inside each freebie folder; never published as they are
    "FREEBIE_FILES_FOLDER": "files",
}

# The regular expressions of markdown.extensions.meta.
META_RE = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
META_MORE_RE = re.compile(r"^[ ]{4,}(?P<value>.*)")
BEGIN_RE = re.compile(r"^-{3}(\s.*)?")
END_RE = re.compile(r"^(-{3}|\.{3})(\s.*)?")
# The dates writers type, read as Pelican's dateutil parsing reads them, without its cost of 40 µs a date.
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2}(?::\d{2})?)?")


@dataclass
class Header:
    metadata: dict = field(default_factory=dict)  # lowercased key -> [values, one per line]
    lines: dict = field(default_factory=dict)  # lowercased key -> [indices of its `Key:` lines]
    last: int = -1  # index of the last line of the header (continuations included); -1: no metadata
    body_start: int = 0  # index of the first line of the body

    def value(self, key):
        """A metadata value, its continuation lines joined with newlines; "" when absent."""
        return "\n".join(self.metadata.get(key.lower(), []))


def iso_date(value):
    """The SafeDatetime of a date in ISO form (`2024-05-01`, `2024-05-01 09:30`), or None for anything else,
    an impossible date included: Pelican's own date parsing reads (or refuses) the rest."""
    if isinstance(value, str) and ISO_DATE.fullmatch(value):
        try:
            return SafeDatetime.fromisoformat(value)
        except ValueError:  # 2024-02-30
            return None
    return None


def parse_header(lines):
    """The Header of a file given as a list of lines without their endings."""
    header = Header()
    index = 0
    if lines and BEGIN_RE.match(lines[0]):
        index = 1
    key = None
    while index < len(lines):
        line = lines[index]
        if line.strip() == "" or END_RE.match(line):
            index += 1  # the blank line (or fence) that ends the header is not body text
            break
        match = META_RE.match(line)
        if match:
            key = match["key"].lower().strip()
            header.metadata.setdefault(key, []).append(match["value"].strip())
            header.lines.setdefault(key, []).append(index)
            header.last = index
        else:
            more = META_MORE_RE.match(line)
            if not (more and key):
                break  # the body starts without a blank line
            header.metadata[key].append(more["value"].strip())
            header.last = index
        index += 1
    header.body_start = index
    return header


def read_header_lines(path):
    """The Header of the file at `path` (UTF-8, BOM and any line ending), or None if it is not readable text."""
    try:
        text = Path(path).read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    return parse_header(normalized(text).split("\n"))


def metadata_line(path, key):
    """The line number of the `Key:` metadata line of a file, or None."""
    header = read_header_lines(path)
    indices = header.lines.get(key.lower()) if header else None
    return indices[0] + 1 if indices else None


def where(path, key=None):
    """`path:line` when the line of the `key` metadata is known, else `path`: where a message points."""
    line = metadata_line(path, key) if key else None
    return f"{path}:{line}" if line else str(path)


def language_in_name(path):
    """The language a file's name gives (`fr` for `give-first.fr.md`), or None."""
    match = FILE_NAME.match(os.path.splitext(os.path.basename(path))[0])
    return match["lang"] if match else None


def translation_key(path, header):
    """What a file is a version of: its Translation_Key, or its name without `.lang.md`."""
    match = FILE_NAME.match(os.path.splitext(os.path.basename(path))[0])
    named = match["translation_key"] if match else None
    return header.value("translation_key") or named or os.path.basename(path).split(".", 1)[0]


def normalized(text):
    """Text without a BOM, with every line ending as "\\n"."""
    return text.removeprefix(BOM).replace("\r\n", "\n").replace("\r", "\n")


def markdown_files(root, paths, excludes=(), ignores=()):
    """The files Pelican's get_files() finds, limited to Markdown, and to what lies inside `root` once links
    are followed (hub.boundary.links_leaving lists the others)."""
    excluded = {os.path.normpath(root / exclude) for exclude in excludes}
    files = []
    for relative in paths:
        top = root / relative if relative else root
        if not top.is_dir() or not inside(root, top):
            continue
        for dirpath, dirs, names in os.walk(top, followlinks=True):
            dirs[:] = sorted(
                d for d in dirs
                if os.path.normpath(os.path.join(dirpath, d)) not in excluded
                and not any(fnmatch.fnmatch(d, ignore) for ignore in ignores)
                and inside(root, os.path.join(dirpath, d))
            )
            for name in sorted(names):
                if any(fnmatch.fnmatch(name, ignore) for ignore in ignores):
                    continue
                if os.path.splitext(name)[1][1:] in MARKDOWN_EXTENSIONS:
                    path = Path(dirpath) / name
                    if not os.path.islink(path) or inside(root, path):
                        files.append(path)
    return files


def freebie_folders(settings):
    """(the folders under PATH that hold the freebies, the folders among them that hold the sources of their
    files, which are not freebies), as the freebies generator reads them."""
    paths = list(settings.get("FREEBIE_PATHS", FREEBIE_FOLDERS["FREEBIE_PATHS"]) or [])
    files_folder = settings.get("FREEBIE_FILES_FOLDER", FREEBIE_FOLDERS["FREEBIE_FILES_FOLDER"])
    return paths, [os.path.join(path, files_folder) for path in paths]
