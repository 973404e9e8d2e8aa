"""What a page is rendered from, as one digest: when a page's digest is the one it had when its file was
written, rendering it again would give the same bytes, so a rebuild can leave it alone.

A page's digest covers three things:

- the build: the theme's templates, the hub's and the plugins' code, the UI catalogs, the settings and the
  static files' addresses, any of which can change every page;
- the site: everything each tip, page and freebie shows of itself on other pages (title, summary, address,
  date, category, tags, reading time, its versions...), so that any change a listing, a menu or a related
  tip could show renders every page again;
- the page itself: its own variables and, for a tip, page or freebie, all of it, body and translation status
  included. A one-word edit in a tip's body therefore renders that tip's page again, and those of its
  translations when their "may be behind" notice changes, and no other.

Over-approximate on purpose: a digest that changes when the page does not costs a render, one that stays the
same when the page changes would publish a stale page.
"""

import datetime
import hashlib
import json
import os
from pathlib import Path

from pelican.contents import Content
from pelican.urlwrappers import URLWrapper

from hub.editions import Edition
from hub.languages import Language

HUB = Path(__file__).resolve().parent
# what a page's own digest holds of its tip, page or freebie, but the site's digest not: the body, and what
# only its own page shows
OWN_ONLY = ("_content", "translation_status", "outdated_source")
LEFT_OUT = ("settings", "_context")  # the settings are the build's; the context is every other page's


def _fields(item, left_out):
    """What a tip, page or freebie holds, but `left_out`; its translations in no order (Pelican lists them in
    an order that changes from one run to the next, and the theme shows `alternates`)."""
    fields = {name: value for name, value in vars(item).items() if name not in left_out}
    if "translations" in fields:
        fields["translations"] = sorted(other.source_path for other in fields["translations"])
    return fields


def build_digest(context):
    """The digest of what every page of a build is rendered from, beyond the site's content."""
    digest = hashlib.sha256()
    settings = {name: value for name, value in context.items() if name.isupper()}
    folders = [HUB, *map(Path, settings.get("PLUGIN_PATHS", ()))]
    theme = Path(settings.get("THEME", ""))
    folders += [theme / "templates", *map(Path, settings.get("THEME_TEMPLATES_OVERRIDES", ()))]
    if settings.get("UI_TRANSLATIONS_PATH"):
        folders.append(Path(settings["UI_TRANSLATIONS_PATH"]))
    for folder in folders:
        for path in sorted(_files(folder)):
            digest.update(str(path).encode() + b"\0" + path.read_bytes() + b"\0")
    static = sorted((path, getattr(item, "url", "")) for path, item in context.get("static_content", {}).items())
    try:
        digest.update(_encoded([settings, static]).encode())
    except (TypeError, ValueError):  # a setting json cannot write: a digest no build gives twice
        digest.update(f"{id(context)} {os.getpid()}".encode())
    return digest.hexdigest()


def item_digests(context):
    """The digest of what each tip, page and freebie of the build shows of itself on other pages, by source
    path."""
    digests = {}
    for path, item in context.get("generated_content", {}).items():
        try:
            digests[path] = hashlib.sha256(_encoded(_fields(item, (*LEFT_OUT, *OWN_ONLY))).encode()).hexdigest()
        except (TypeError, ValueError):  # not written as a whole: a digest no build gives twice
            digests[path] = f"{path} {id(item)} {os.getpid()}"
    return digests


def site_digest(items):
    """One digest of every item's (item_digests)."""
    return hashlib.sha256("\0".join(f"{path}={digest}" for path, digest in sorted(items.items())).encode()).hexdigest()


def page_digest(build, site, items, own):
    """The digest of one page, from the build's and the site's digests and the page's own variables: the tip,
    page or freebie it shows in full (its digest in `items`, and what only its own page shows), anything else
    as the site's digest knows it."""
    digest = hashlib.sha256(f"{build}\0{site}".encode())
    try:
        for name, value in sorted(own.items()):
            if isinstance(value, Content):
                value = (items.get(value.source_path) or _fields(value, LEFT_OUT),
                         [getattr(value, field, None) for field in OWN_ONLY])
            digest.update(f"\0{name}={_encoded(value)}".encode())
    except (TypeError, ValueError):  # a variable json cannot write, even as _plain gives it: always rendered
        return None
    return digest.hexdigest()


def _files(folder):
    if not folder.is_dir():
        return []
    return [
        Path(root) / name
        for root, dirs, names in os.walk(folder)
        if "__pycache__" not in root and f"{os.sep}tests" not in root
        for name in names
        if not name.endswith((".pyc", ".mo"))  # a .mo is compiled from the .po beside it
    ]


def _encoded(value):
    """A text that changes whenever `value` would show differently, and the same for equal values in another
    process (no object addresses). A tip, page or freebie inside it is named by its source path: the site's
    digest holds the rest."""
    return json.dumps(value, default=_plain, sort_keys=True, ensure_ascii=False)


def _plain(value):
    """What json cannot write itself, as something it can."""
    if isinstance(value, Content):
        return f"<{type(value).__name__} {value.source_path}>"
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, Language):
        return f"<language {value.code}>"
    if isinstance(value, Edition):
        return f"<edition {value.code}>"  # made of the site's tips and pages
    if isinstance(value, URLWrapper):  # its address follows from its name, its language and the settings
        language = getattr(value, "language", None)
        return f"<{type(value).__name__} {value.name} {language.code if language else ''}>"
    if isinstance(value, (set, frozenset)):
        return sorted(map(_encoded, value))
    if callable(value):
        return f"<{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', type(value).__name__)}>"
    if hasattr(value, "__dict__"):
        return {"<type>": type(value).__name__, **{str(name): item for name, item in vars(value).items()}}
    text = repr(value)
    return f"<{type(value).__name__}>" if " at 0x" in text else text
