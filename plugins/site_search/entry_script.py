"""The fingerprinted name of Pagefind's entry script, pagefind.js, known before any page is rendered.

The search page links that name, but Pagefind writes its bundles only at the end of the build; the script is
the same for every index a given Pagefind writes, so the name is taken from the script the installed Pagefind
gives (through its service, which writes nothing), and kept under CACHE_PATH for as long as the same binary is
installed. Once a bundle is written, its pagefind.js is copied under that name beside it (publish_copy).
"""

import asyncio
import json
import logging
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from hub.assets import fingerprinted_name, is_fingerprinted
from hub.files import write_if_changed

from .indexer import PagefindMissing, pagefind_binary

logger = logging.getLogger(__name__)

PLAIN = "pagefind.js"
CACHE_FILE = "site_search_entry.json"


def entry_name(cache_path):
    """pagefind.<hash>.js for the installed Pagefind, or pagefind.js when it cannot say (not installed)."""
    try:
        binary = Path(pagefind_binary())
        stat = binary.stat()
    except (PagefindMissing, OSError):
        return PLAIN
    identity = {"binary": str(binary.resolve()), "size": stat.st_size, "mtime_ns": stat.st_mtime_ns}
    cache = Path(cache_path) / CACHE_FILE if cache_path else None
    try:
        kept = json.loads(cache.read_text(encoding="utf-8"))
        if kept["binary"] == identity and is_fingerprinted(kept["name"]):
            return kept["name"]
    except (AttributeError, OSError, ValueError, KeyError, TypeError):
        pass  # none kept yet, or for another binary
    try:
        name = fingerprinted_name(PLAIN, _run(_entry_script))
    except Exception as error:  # noqa: BLE001 - whatever the service fails with, the plain name still works
        logger.warning("Site search: Pagefind did not give its pagefind.js (%s): the search pages link it by its "
                       "plain name", error)
        return PLAIN
    if cache is not None:
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            cache.write_text(json.dumps({"binary": identity, "name": name}), encoding="utf-8")
        except OSError as error:
            logger.debug("Site search: %s not written: %s", cache, error)
    return name


def _run(coroutine_function):
    """Its result, on an event loop of its own thread: the caller may be running one already."""
    with ThreadPoolExecutor(1) as thread:
        return thread.submit(lambda: asyncio.run(coroutine_function())).result()


async def _entry_script():
    from pagefind.service import PagefindService

    service = await PagefindService().launch()
    try:
        index = await service.create_index(None)
        files = {file["path"]: file["content"] for file in await index.get_files()}
    finally:
        await service.close()
    return files[PLAIN]


def bundle_entry_name(bundle):
    """The fingerprinted name of the pagefind.js a bundle holds, or None if it holds none."""
    try:
        return fingerprinted_name(PLAIN, (Path(bundle) / PLAIN).read_bytes())
    except OSError:
        return None


def publish_copy(bundle, expected, cache_path):
    """Copy a bundle's pagefind.js under its fingerprinted name, and remove any other copy (an earlier
    Pagefind's). True if that name is `expected`, the one the search pages link."""
    bundle = Path(bundle)
    name = bundle_entry_name(bundle)
    if name is None:
        return True  # no index: the search page says search is not available
    write_if_changed(bundle / name, (bundle / PLAIN).read_bytes())
    for other in bundle.glob("pagefind.*.js"):
        if other.name != name and is_fingerprinted(other.name):
            other.unlink()
    if expected in (PLAIN, name):
        return True
    if cache_path:
        (Path(cache_path) / CACHE_FILE).unlink(missing_ok=True)  # the next build asks Pagefind again
    return False
