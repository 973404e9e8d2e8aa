"""Where things are in a writer's source file, for messages that point at the right line."""

from multilingual.sources import metadata_line


def where(path, key=None):
    """`path:line` when the line of the `key` metadata is known, else `path`."""
    line = metadata_line(path, key) if key else None
    return f"{path}:{line}" if line else str(path)
