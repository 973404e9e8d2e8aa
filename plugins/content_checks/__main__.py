"""`make check`: every problem in the content, one line each, and a non-zero exit when there is one.

    python -m content_checks [-s pelicanconf.py] [--path content]
"""

import argparse
import sys

from pelican.settings import read_settings

from hub.languages import LanguageConfigError, located
from hub.translation_records import status_report

from .checks import check_site_sources, reminders


def main(argv=None):
    parser = argparse.ArgumentParser(prog="make check", description="Check every tip, page and freebie.")
    parser.add_argument("-s", "--settings", default="pelicanconf.py", help="the site's settings file")
    parser.add_argument("--path", help="the content folder, if not the settings' PATH")
    arguments = parser.parse_args(argv)
    override = {"PATH": arguments.path} if arguments.path else {}
    settings = read_settings(arguments.settings, override=override)
    try:
        problems = check_site_sources(settings)
    except LanguageConfigError as error:
        print(located(error, arguments.settings))
        return 1
    for problem in problems:
        print(problem)
    for reminder in reminders(settings):
        print(f"{reminder} (a warning)")
    print(f"\n{status_report(settings)}")
    if problems:
        files = len({problem.path for problem in problems})
        print(f"\n{len(problems)} problem(s) in {files} file(s): fix them, then run make check again.")
        return 1
    print("Content checked: no problems.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
