"""`make publish`: build the live site into a fresh folder, check it, and only then put it in place of output/.

On any failure the previous output/ is left exactly as it was, and the reason is printed. A publish holds the
output folder's lock from start to end (a development build waits for it, and it for one), first removes what an
interrupted publish left beside the folder, and marks the site it checked (hub/publish_marker.py) for the uploads.

    python scripts/publish.py [-s publishconf.py] [-o output]
"""

import argparse
import ctypes
import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT))  # the hub's library, hub/

from pelican import Pelican  # noqa: E402
from pelican.settings import read_settings  # noqa: E402

from content_checks.checks import check_site_sources  # noqa: E402
from content_checks.output import check_output  # noqa: E402
from hub.languages import LanguageConfigError, located  # noqa: E402
from hub.output_lock import holding  # noqa: E402
from hub.publish_marker import write_marker  # noqa: E402

RENAME_EXCHANGE = 2
logger = logging.getLogger("publish")


class PublishError(Exception):
    """Why nothing was published."""

    def __init__(self, reason, details=()):
        super().__init__(reason)
        self.details = list(details)


class ErrorCounter(logging.Handler):
    def __init__(self):
        super().__init__(logging.ERROR)
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def publish(settings_file, output, override=None, on_wait=None):
    """Build, check and swap in the site; raises PublishError and leaves `output` untouched on failure.

    While another build holds the output folder, `on_wait(who holds it)` is called, and the publish waits.
    """
    output = Path(output).resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    with holding(output, "make publish", on_wait):
        remove_leftovers(output)
        _publish(settings_file, output, override)
    return output


def leftovers(output):
    """What interrupted publishes left beside `output`: new sites not swapped in, old ones not removed."""
    found = [*output.parent.glob(f".{output.name}-new-*"), output.with_name(f".{output.name}-old")]
    return sorted(path for path in found if path.is_dir() and not path.is_symlink())


def remove_leftovers(output):
    """Only while holding the lock: then no other publish is using them."""
    for path in leftovers(output):
        logger.warning("Removing %s, left by an interrupted publish", path)
        shutil.rmtree(path)


def _publish(settings_file, output, override):
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}-new-", dir=output.parent))
    umask = os.umask(0)
    os.umask(umask)
    staging.chmod(0o777 & ~umask)  # mkdtemp's folder is private; a web server must read the published one
    try:
        settings = read_settings(str(settings_file), override={**(override or {}), "OUTPUT_PATH": str(staging)})
        try:
            problems = check_site_sources(settings)
        except LanguageConfigError as error:
            raise PublishError(located(error, settings_file)) from None
        if problems:
            raise PublishError("the content has problems (make check lists them)", problems)
        _build(settings)
        problems = check_output(str(staging), settings["SITEURL"])
        if problems:
            raise PublishError("the built site has broken links or pages", problems)
        write_marker(staging, settings_file, settings["SITEURL"])  # last: anything written later is newer
        _swap(staging, output)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _build(settings):
    counter = ErrorCounter()
    logging.getLogger().addHandler(counter)
    try:
        Pelican(settings).run()
    except Exception as error:  # whatever stopped the build, the live site stays as it was
        raise PublishError(f"the build stopped: {error}") from None
    finally:
        logging.getLogger().removeHandler(counter)
    if counter.messages:
        raise PublishError("the build reported errors", counter.messages)


def _swap(new, live):
    """Put `new` in place of `live` in one step where the system allows it; `new` then holds the old site."""
    if not live.exists():
        os.rename(new, live)
        return
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is not None:
        at_cwd = -100
        if renameat2(at_cwd, os.fsencode(new), at_cwd, os.fsencode(live), RENAME_EXCHANGE) == 0:
            return
    # no atomic exchange here: two renames, with the old site kept until the new one is in place
    old = live.with_name(f".{live.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    os.rename(live, old)
    try:
        os.rename(new, live)
    except OSError:
        os.rename(old, live)
        raise
    os.rename(old, new)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="make publish", description=__doc__.splitlines()[0])
    parser.add_argument("-s", "--settings", default="publishconf.py")
    parser.add_argument("-o", "--output", default="output")
    arguments = parser.parse_args(argv)
    from pelican.log import init as init_logging

    init_logging(logging.WARNING)

    def waiting(holder):
        print(f"{arguments.output}/ is being written by {holder}: waiting for it to finish.", file=sys.stderr)

    try:
        output = publish(arguments.settings, arguments.output, on_wait=waiting)
    except PublishError as error:
        for detail in error.details:
            print(detail, file=sys.stderr)
        print(f"Nothing was published: {error}. {arguments.output}/ is as it was.", file=sys.stderr)
        return 1
    print(f"Published: {output} is the new site, checked.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
