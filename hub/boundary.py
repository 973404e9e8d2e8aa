"""The folders the build may touch: it reads only inside the content folder, after following links."""

import os


def inside(folder, path):
    """True when `path` (relative to the working folder, or absolute) is `folder` or lies under it once every
    link on the way is followed."""
    folder = os.path.realpath(folder)
    resolved = os.path.realpath(path)
    return resolved == folder or resolved.startswith(folder.rstrip(os.sep) + os.sep)


def written_inside(folder, path):
    """True when `path`, as written, stays in `folder` (`..` read, links not followed: links_leaving finds those)."""
    relative = os.path.relpath(os.path.normpath(path), os.path.normpath(folder))
    return relative != os.pardir and not relative.startswith(os.pardir + os.sep)


def links_leaving(folder):
    """(path, where it leads) of every symbolic link under `folder` whose target lies outside it, without
    following any link on the way: what the build must neither read nor copy."""
    found = []
    for directory, dirs, files in os.walk(folder):
        for name in sorted(dirs + files):
            path = os.path.join(directory, name)
            if os.path.islink(path) and not inside(folder, path):
                found.append((path, os.path.realpath(path)))
    return found
