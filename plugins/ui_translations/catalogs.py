"""Load the gettext catalogs of the theme's UI strings from their .po files, without the strings that cannot
be used (hub.catalogs names them), and keep each .mo beside its .po up to date."""

import logging
import os
from io import BytesIO

from babel import Locale
from babel.messages.mofile import write_mo
from babel.support import NullTranslations, Translations

from hub.catalogs import DOMAIN, catalog_paths, read_catalog

logger = logging.getLogger(__name__)


def source_name(source_code):
    """The name of the templates' language, in English, as the problems name it."""
    return Locale.parse(source_code.replace("-", "_")).get_display_name("en")


def mo_bytes(catalog):
    """A catalog compiled, as `pybabel compile` would (fuzzy strings left out)."""
    buffer = BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def save_mo(data, mo_path):
    tmp_path = mo_path.with_suffix(".mo.tmp")
    tmp_path.write_bytes(data)
    os.replace(tmp_path, mo_path)


def compiled(catalog, mo_path, po_path):
    """Translations of a catalog; its .mo is written again when older than its .po."""
    data = mo_bytes(catalog)
    if not mo_path.exists() or mo_path.stat().st_mtime < po_path.stat().st_mtime:
        try:
            save_mo(data, mo_path)
        except OSError as error:  # the build reads the .po: only other tools see a .mo out of date
            logger.debug("%s not written: %s", mo_path, error)
    return Translations(BytesIO(data), domain=DOMAIN)


def report(problems):
    for problem in problems:
        (logger.error if problem.leaves_out else logger.warning)("%s", problem)


def load_catalogs(directory, codes, source_code):
    """A Translations object per language code.

    The source language (the one the templates are written in) needs no catalog; any other language without
    one, or with one that does not parse, falls back to it, with a warning or an error.
    """
    catalogs = {}
    name = source_name(source_code)
    for code in codes:
        po_path, mo_path = catalog_paths(directory, code)
        if po_path.exists():
            found = read_catalog(po_path, code, name)
            report(found.problems)
            if found.catalog is not None:
                catalogs[code] = compiled(found.catalog, mo_path, po_path)
                continue
        elif code != source_code:
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
