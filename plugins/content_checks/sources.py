"""Reading a Markdown source the way Pelican does, but keeping line numbers and saying what is wrong."""

from dataclasses import dataclass

from hub.problems import Problem
from hub.sources import Header, normalized, parse_header


@dataclass
class Source:
    path: str
    lines: list  # the file's lines, without their endings
    header: Header

    def __contains__(self, key):
        return key in self.header.metadata

    def value(self, key):
        return self.header.value(key).strip()

    def line_of(self, key):
        """The line number of the `Key:` line, 0 when there is none."""
        indices = self.header.lines.get(key)
        return indices[0] + 1 if indices else 0

    def body_lines_with(self, *patterns):
        """(line number, text) of each line after the metadata header in which one of `patterns` finds
        something in the lowercased line, found by searching the body once rather than each of its lines
        (patterns must not span lines). Lowercase patterns that start with a literal are searched far quicker
        than case-insensitive ones."""
        # lowercasing may change a line's length, never the number of lines
        body = "\n".join(self.lines[self.header.body_start :]).lower()
        starts = sorted({match.start() for pattern in patterns for match in pattern.finditer(body)})
        found, number, counted = [], self.header.body_start + 1, 0
        for start in starts:
            number += body.count("\n", counted, start)
            counted = start
            if not found or found[-1][0] != number:
                found.append((number, self.lines[number - 1]))
        return found


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
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return Problem(
            str(path), line,
            "is not valid UTF-8 text: save the file as UTF-8 in your editor (the first bad byte is on this line)",
        )
    lines = normalized(text).split("\n")
    return Source(str(path), lines, parse_header(lines))
