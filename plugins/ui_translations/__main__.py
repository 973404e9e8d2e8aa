"""`make translations`: compile one catalog as the build reads it, without the strings it cannot use.

    python -m ui_translations [-s pelicanconf.py] translations/fr/LC_MESSAGES/messages.po OUT.mo

Its problems are printed, file:line, and never stop `make html`, which compiles the catalogs first: the
build shows the English strings instead, and `make check` is the command that fails on them.
"""

import argparse
import sys
from pathlib import Path

from pelican.settings import read_settings

from hub.catalogs import DEFAULTS, read_catalog

from .catalogs import mo_bytes, save_mo, source_name


def main(argv=None):
    parser = argparse.ArgumentParser(prog="make translations", description="Compile a UI catalog.")
    parser.add_argument("-s", "--settings", help="the site's settings file, for UI_SOURCE_LANG")
    parser.add_argument("po", type=Path, help="translations/<lang>/LC_MESSAGES/messages.po")
    parser.add_argument("mo", type=Path, help="the .mo to write")
    arguments = parser.parse_args(argv)
    settings = read_settings(arguments.settings) if arguments.settings else {}
    source = source_name(settings.get("UI_SOURCE_LANG", DEFAULTS["UI_SOURCE_LANG"]))
    found = read_catalog(arguments.po, arguments.po.parent.parent.name, source)
    for problem in found.problems:
        print(problem, file=sys.stderr)
    if found.catalog is None:
        print(f"{arguments.mo} not written: the build shows this language's interface in {source}",
              file=sys.stderr)
        return 0
    save_mo(mo_bytes(found.catalog), arguments.mo)
    strings = [message for message in found.catalog if message.id]
    translated = sum(1 for message in strings if not message.fuzzy and all(_forms(message)))
    total = len(strings) + len(found.left_out)
    left_out = f", {len(found.left_out)} left out" if found.left_out else ""
    print(f"{arguments.mo}: {translated} of {total} strings translated{left_out}")
    return 0


def _forms(message):
    return message.string if message.pluralizable else (message.string,)


if __name__ == "__main__":
    sys.exit(main())
