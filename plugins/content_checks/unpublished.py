"""A published file must not lean on one the live site leaves out: a draft, a file dated in the future, or a freebie
that is not published. `make publish` would stop at a broken link or a missing freebie; `make check` names the line.
"""

import os
import re
from collections import defaultdict

from pelican.utils import get_date

from hub.problems import Problem
from hub.sources import iso_date
from hub.unpublished import why_unpublished

FILENAME_LINK = re.compile(r"[{|]filename[}|](?P<target>[^)\s\"'#?]+)")


def unpublished_targets(read, root, settings, key_of):
    """The problems of the files in `read` ([(Kind, Source)], as check_content reads them) that the live site
    publishes; `key_of(source)` is a file's translation key."""
    timezone = settings.get("TIMEZONE") or "UTC"
    left_out = {}  # real path -> why the live site leaves the file out
    freebie_versions = defaultdict(list)  # name -> why each version is left out (None: published)
    for kind, source in read:
        reason = _why_left_out(kind, source, timezone)
        if reason:
            left_out[os.path.normpath(source.path)] = reason
        if kind.name == "freebie":
            freebie_versions[key_of(source)].append(reason)
    if not left_out:
        return []  # most of the time: nothing to lean on
    not_built = {name for name, reasons in freebie_versions.items() if all(reasons)}

    found = []
    for kind, source in read:
        if os.path.normpath(source.path) in left_out:
            continue  # not published: it links to nothing on the live site
        found += _links_to_left_out(source, root, left_out)
        name = source.value("freebie") if kind.name == "tip" else ""
        if name in not_built:
            found.append(Problem(
                source.path, source.line_of("freebie"),
                f"offers the freebie {name!r}, which is not published in any language (a draft, hidden or dated in "
                "the future): publish it, or remove the Freebie line until it is",
            ))
    return found


def _why_left_out(kind, source, timezone):
    status = source.value("status").lower()
    text = source.value("date")
    try:
        date = (iso_date(text) or get_date(text)) if text else None
    except (ValueError, OverflowError):
        date = None  # a problem of its own, named by the date check
    reason = why_unpublished(status, date, timezone)
    if reason is None and kind.name == "freebie" and status == "hidden":
        reason = "hidden (Status: hidden): a freebie is built only when published"
    return reason


def _links_to_left_out(source, root, left_out):
    found = []
    for number, line in source.body_lines_with(FILENAME_LINK):
        for link in FILENAME_LINK.finditer(line):
            target = link["target"]
            base = root if target.startswith("/") else os.path.dirname(source.path)
            reason = left_out.get(os.path.normpath(os.path.join(base, target.lstrip("/"))))
            if reason:
                found.append(Problem(
                    source.path, number,
                    f"links to {{filename}}{target}, which is {reason}: the live site has no page there; "
                    "publish it first, or add the link when it is published",
                ))
    return found
