"""A problem found in a writer's file: where it is, and what to do about it."""

import os
from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int  # 0 when the whole file is concerned
    message: str
    # True when the file cannot be built as it is: the build leaves it out, and builds the rest
    leaves_out: bool = field(default=False, compare=False)

    def __str__(self):
        return f"{self.path}:{self.line}: {self.message}" if self.line else f"{self.path}: {self.message}"


def shown_path(path):
    """A path as a writer types it: from the current folder when it is under it."""
    path = os.path.abspath(path)
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


# The key of the build's context under which the content checks leave the real paths of the files they left
# out, for the generators that read files of their own (freebies).
LEFT_OUT_SOURCES = "left_out_sources"
