"""A Markdown source's metadata header, the hash of its meaningful text, and its Source_Hash line.

The header itself is read by hub.sources, as Pelican's Markdown reader reads it.
"""

import hashlib
import os
import re
from pathlib import Path

from hub.sources import BOM, normalized, parse_header

SOURCE_HASH_KEY = "Source_Hash"
HASH_LENGTH = 12

# A line and its own ending, whatever the ending is: "\n", "\r\n", "\r" or none (the last line).
LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")
VALUE_RE = re.compile(r"^(?P<key>[ ]{0,3}[A-Za-z0-9_-]+:)(?P<space>\s*)(?P<value>.*)$")


class SourceError(ValueError):
    """A file that cannot be read or marked; the message names the file."""


def meaningful_text(text):
    """What a translation is made from: the title, the summary and the body.

    Line endings, a BOM, trailing whitespace (at the end of lines and of the
    file) and blank lines around the body do not count; the other metadata
    (dates, tags, slug...) does not either.
    """
    lines = normalized(text).split("\n")
    header = parse_header(lines)
    body = [line.rstrip() for line in lines[header.body_start :]]
    while body and not body[0]:
        body.pop(0)
    while body and not body[-1]:
        body.pop()
    parts = [f"Title: {header.value('title')}", f"Summary: {header.value('summary')}", "", *body]
    return "\n".join(parts)


def text_hash(text):
    """The first 12 hex digits of the SHA-256 of a source's meaningful text."""
    return hashlib.sha256(meaningful_text(text).encode("utf-8")).hexdigest()[:HASH_LENGTH]


def read_text(path):
    try:
        return Path(path).read_bytes().decode("utf-8-sig")
    except OSError as error:
        raise SourceError(f"{path}: cannot be read ({error.strerror})") from None
    except UnicodeDecodeError:
        raise SourceError(f"{path}: is not UTF-8 text") from None


def file_hash(path):
    """The Source_Hash a translation of the file at `path` records."""
    return text_hash(read_text(path))


def read_header(path):
    return parse_header(normalized(read_text(path)).split("\n"))


def stored_hash(value):
    """A Source_Hash metadata value (a string, or a list when repeated) as a lowercase string, or None."""
    if isinstance(value, (list, tuple)):
        value = value[0] if value else None
    value = str(value or "").strip().lower()
    return value or None


def record_hash(path, digest):
    """Write `Source_Hash: <digest>` into the metadata header of the file at `path`.

    An existing Source_Hash line gets the new value; otherwise the line is
    added after the last metadata line. Every other byte of the file stays as
    it was (BOM and line endings included). Returns the previous value (None
    if there was none); the file is not rewritten when it already has `digest`.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise SourceError(f"{path}: cannot be read ({error.strerror})") from None
    bom = BOM.encode("utf-8") if raw.startswith(BOM.encode("utf-8")) else b""
    try:
        text = raw[len(bom) :].decode("utf-8")
    except UnicodeDecodeError:
        raise SourceError(f"{path}: is not UTF-8 text") from None

    lines = LINE_RE.findall(text)
    contents = [line.rstrip("\r\n") for line in lines]
    header = parse_header(contents)
    if header.last < 0:
        raise SourceError(f"{path}: has no metadata header (Title:, Summary:…) to add {SOURCE_HASH_KEY} to")

    existing = header.lines.get(SOURCE_HASH_KEY.lower(), [])
    previous = stored_hash(header.metadata.get(SOURCE_HASH_KEY.lower()))
    if existing:
        if all(VALUE_RE.match(contents[i])["value"].strip() == digest for i in existing):
            return previous
        for index in existing:
            match = VALUE_RE.match(contents[index])
            ending = lines[index][len(contents[index]) :]
            lines[index] = f"{match['key']}{match['space'] or ' '}{digest}{ending}"
    else:
        last = lines[header.last]
        ending = last[len(contents[header.last]) :]
        if not ending:  # the header is the whole file and its last line has no ending
            ending = _first_ending(lines)
            lines[header.last] = last + ending
        lines.insert(header.last + 1, f"{SOURCE_HASH_KEY}: {digest}{ending}")

    _replace(path, bom + "".join(lines).encode("utf-8"))
    return previous


def _first_ending(lines):
    for line in lines:
        for ending in ("\r\n", "\n", "\r"):
            if line.endswith(ending):
                return ending
    return "\n"


def _replace(path, data):
    """Write the file in one step, keeping its permissions."""
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        temporary.write_bytes(data)
        os.chmod(temporary, path.stat().st_mode & 0o7777)
        os.replace(temporary, path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise SourceError(f"{path}: cannot be written ({error.strerror})") from None
