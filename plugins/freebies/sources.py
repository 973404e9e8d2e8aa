"""Where things are in a writer's source file, for messages that point at the right line."""

import re


def metadata_line(path, key):
    """The line number of the `Key:` metadata line in a Markdown file, or None."""
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*:", re.IGNORECASE)
    try:
        with open(path, encoding="utf-8-sig") as source:
            for number, line in enumerate(source, start=1):
                if not line.strip():
                    return None  # the metadata header ends at the first blank line
                if pattern.match(line):
                    return number
    except (OSError, UnicodeDecodeError):
        return None
    return None


def where(path, key=None):
    """`path:line` when the line is known, else `path`."""
    line = metadata_line(path, key) if key else None
    return f"{path}:{line}" if line else str(path)
