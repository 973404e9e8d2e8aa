"""`new-tip KEY`: the files of a new tip, one per language, as drafts to be written."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from hub.source_hash import SOURCE_HASH_KEY, SourceError, text_hash
from hub.translation_records import content_files, content_root, languages, shown_path

KEY_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
PLACEHOLDER = "TODO"


def tip_text(key, date, source_hash=None):
    """The Markdown of a new, unwritten tip; a translation also records the hash of its source."""
    metadata = [
        f"Title: {PLACEHOLDER}",
        f"Date: {date}",
        f"Category: {PLACEHOLDER}",
        "Tags:",
        f"Summary: {PLACEHOLDER}",
        f"Slug: {key}",
        "Status: draft",
    ]
    if source_hash:
        metadata.append(f"{SOURCE_HASH_KEY}: {source_hash}")
    return "\n".join(metadata) + f"\n\n{PLACEHOLDER}\n"


def now(settings):
    """The current time in the site's TIMEZONE, as `YYYY-MM-DD HH:MM`."""
    try:
        zone = ZoneInfo(settings.get("TIMEZONE") or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        zone = None
    return datetime.now(zone).strftime("%Y-%m-%d %H:%M")


def tips_folder(settings):
    paths = settings.get("ARTICLE_PATHS") or [""]
    return content_root(settings) / paths[0]


def new_tip(settings, key, date=None):
    """Create `<key>.<lang>.md` in the tips folder for every language; returns their paths.

    Raises SourceError, and creates nothing, when the key is not a valid file
    name or a tip with that key already exists.
    """
    if not KEY_RE.match(key or ""):
        raise SourceError(
            f"{key!r} is not a usable tip name: use letters, digits and hyphens, e.g. 'thank-you-cards'"
        )
    folder = tips_folder(settings)
    codes = languages(settings)
    paths = [folder / f"{key}.{code}.md" for code in codes]
    taken = [path for path in paths if path.exists()]
    taken += [file.path for file in content_files(settings) if file.kind == "tip" and file.key == key]
    if taken:
        raise SourceError(f"{shown_path(taken[0])}: a tip named {key!r} already exists; nothing was created")

    date = date or now(settings)
    source = tip_text(key, date)
    texts = [source] + [tip_text(key, date, text_hash(source)) for _ in codes[1:]]
    folder.mkdir(parents=True, exist_ok=True)
    for path, text in zip(paths, texts):
        with open(path, "x", encoding="utf-8", newline="\n") as file:
            file.write(text)
    return paths
