"""Translation status of the site's tips, pages and freebies, from the command line.

    python -m translation_status status              every tip, page and freebie, per language; then the UI catalogs
    python -m translation_status mark FILE [FILE...] record that translations are up to date with their source
    python -m translation_status new-tip KEY         create content/tips/KEY.<lang>.md for every language, as drafts

Each command takes `-s SETTINGS` (default pelicanconf.py) and `--path CONTENT`
(default: the settings' PATH).
"""

import argparse
import sys

from pelican.settings import read_settings

from hub.source_hash import SOURCE_HASH_KEY, SourceError, file_hash, record_hash
from hub.translation_records import find_versions, languages, shown_path, status_report

from .scaffold import new_tip


def mark(settings, paths):
    """Record the current hash of its source in each translation at `paths`.

    Every file is checked before any is written: on an error, none is.
    Returns [(path, previous hash or None, new hash)].
    """
    source_lang = languages(settings)[0]
    planned = []
    for path in paths:
        this, source = find_versions(settings, path)
        if this.lang == source_lang:
            raise SourceError(
                f"{shown_path(path)}: is the {source_lang} source, not a translation; "
                f"mark its translations ({this.key}.<lang>.md) once they are updated"
            )
        if source is None:
            raise SourceError(
                f"{shown_path(path)}: has no {source_lang} source (no {this.kind} with translation key "
                f"{this.key!r} in {source_lang}), so there is nothing to record"
            )
        planned.append((this.path, file_hash(source.path)))
    return [(path, record_hash(path, digest), digest) for path, digest in planned]


def parser():
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("-s", "--settings", default="pelicanconf.py", help="the site's settings file")
    common.add_argument("--path", help="the content folder, if not the settings' PATH")
    main_parser = argparse.ArgumentParser(
        prog="python -m translation_status", description="Which translations are up to date with their source."
    )
    commands = main_parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parser(
        "status", parents=[common], help="show every tip, page and freebie per language, then the UI catalogs"
    )
    mark_parser = commands.add_parser(
        "mark", parents=[common], help=f"record the source's current hash ({SOURCE_HASH_KEY}) in translations"
    )
    mark_parser.add_argument("files", nargs="+", metavar="FILE", help="a translation (e.g. content/tips/x.fr.md)")
    new_parser = commands.add_parser(
        "new-tip", parents=[common], help="create a draft tip in every language"
    )
    new_parser.add_argument("key", metavar="KEY", help="the tip's name (translation key), e.g. thank-you-cards")
    return main_parser


def main(argv=None):
    arguments = parser().parse_args(sys.argv[1:] if argv is None else argv)
    override = {"PATH": arguments.path} if arguments.path else {}
    settings = read_settings(arguments.settings, override=override)
    try:
        if arguments.command == "status":
            print(status_report(settings))
        elif arguments.command == "mark":
            for path, previous, digest in mark(settings, arguments.files):
                change = "unchanged" if previous == digest else f"was {previous or 'untracked'}"
                print(f"{shown_path(path)}: {SOURCE_HASH_KEY} {digest} ({change})")
        elif arguments.command == "new-tip":
            paths = new_tip(settings, arguments.key)
            print(f"Created the draft tip {arguments.key!r} (Status: draft) in {len(paths)} languages:")
            for path in paths:
                print(f"  {shown_path(path)}")
            print(
                f"Write the {languages(settings)[0]} version first; once a translation is written, "
                "run `python -m translation_status mark` on it, then remove `Status: draft` to publish."
            )
    except SourceError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0
