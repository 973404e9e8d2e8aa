"""Reading a Markdown source the way Pelican does, but keeping line numbers and saying what is wrong."""

import re
from dataclasses import dataclass, field

from .problems import Problem

METADATA_LINE = re.compile(r"^(?P<key>[A-Za-z][A-Za-z0-9_-]*)\s*:\s?(?P<value>.*)$")


@dataclass
class Source:
    path: str
    text: str = ""
    metadata: dict = field(default_factory=dict)  # lowercased key -> (value, line)
    body_start: int = 1  # line number where the body begins

    def value(self, key):
        return self.metadata.get(key, ("", 0))[0]

    def line_of(self, key):
        return self.metadata.get(key, ("", 0))[1]

    def body_lines(self):
        """(line number, text) of every line after the metadata header."""
        lines = self.text.split("\n")
        return [(number, lines[number - 1]) for number in range(self.body_start, len(lines) + 1)]


def read_source(path):
    """A Source, or a Problem when the file cannot be read as text."""
    try:
        with open(path, "rb") as file:
            data = file.read()
    except OSError as error:
        return Problem(str(path), 0, f"cannot be read ({error.strerror})")
    if not data.strip():
        return Problem(str(path), 0, "is empty: write the metadata and text, or delete the file")
    if b"\0" in data:
        return Problem(str(path), 0, "is a binary file, not Markdown text: move it to content/images/ or delete it")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return Problem(
            str(path), line,
            "is not valid UTF-8 text: save the file as UTF-8 in your editor (the first bad byte is on this line)",
        )
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _split(str(path), text)


def _split(path, text):
    source = Source(path, text)
    lines = text.split("\n")
    last_key = None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            source.body_start = number + 1
            return source
        match = METADATA_LINE.match(line)
        if match:
            last_key = match["key"].lower()
            source.metadata[last_key] = (match["value"].strip(), number)
        elif last_key and line[:1] in (" ", "\t"):  # a value continued on the next line
            value, first = source.metadata[last_key]
            source.metadata[last_key] = (f"{value} {line.strip()}", first)
        else:
            source.body_start = number  # no header, or it ended without a blank line
            return source
    source.body_start = len(lines) + 1
    return source
