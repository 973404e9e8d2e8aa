"""Load the gettext catalogs of the theme's UI strings, compiling stale ones with Babel."""

import logging
import os
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

logger = logging.getLogger(__name__)

DOMAIN = "messages"


class CatalogError(RuntimeError):
    """A catalog that exists but cannot be read."""


def catalog_paths(directory, code):
    folder = Path(directory) / code / "LC_MESSAGES"
    return folder / f"{DOMAIN}.po", folder / f"{DOMAIN}.mo"


def compile_if_stale(po_path, mo_path):
    """Write the .mo beside a .po that is newer, as `pybabel compile` would."""
    if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
        return
    try:
        with po_path.open("rb") as po_file:
            catalog = read_po(po_file, locale=po_path.parent.parent.name, abort_invalid=True)
    except Exception as error:  # Babel raises several kinds on a bad catalog
        raise CatalogError(f"{po_path}: cannot be read ({error}); fix the file and build again") from error
    tmp_path = mo_path.with_suffix(".mo.tmp")
    with tmp_path.open("wb") as mo_file:
        write_mo(mo_file, catalog)
    os.replace(tmp_path, mo_path)
    logger.info("Compiled %s", mo_path)


def load_catalogs(directory, codes, source_code):
    """A Translations object per language code.

    The source language (the one the templates are written in) needs no
    catalog; any other language without one falls back to it, with a warning.
    """
    catalogs = {}
    for code in codes:
        po_path, mo_path = catalog_paths(directory, code)
        if po_path.exists():
            compile_if_stale(po_path, mo_path)
        if mo_path.exists():
            with mo_path.open("rb") as mo_file:
                catalogs[code] = Translations(mo_file, domain=DOMAIN)
        else:
            if code != source_code:
                logger.warning(
                    "No UI catalog for %r (expected %s): its pages show the theme's %s strings; "
                    "run `make translations-init CODE=%s`",
                    code,
                    po_path,
                    source_code,
                    code,
                )
            catalogs[code] = NullTranslations()
    return catalogs
