"""The response headers of the built site, in the files the hosts read: a Content-Security-Policy per page
(its inline scripts allowed by their hashes), caching, and the security headers every file gets."""

import logging
import os
import time

from pelican import signals

from hub.files import write_if_changed

from . import settings as defaults
from .formats import FORMATS
from .meta_policy import write_meta
from .site_rules import build_rules

logger = logging.getLogger(__name__)


class ThisBuild:
    """The pages this build wrote or kept as they were: an earlier build's page still in the output folder
    (of a tip since removed) gets no rule."""

    def __init__(self):
        self.start()

    def start(self):
        self.started = time.time()
        self.pages = set()

    def note(self, path, context=None):
        self.pages.add(os.path.abspath(path))

    def is_current(self, output):
        def current(relative):
            path = os.path.abspath(os.path.join(output, relative))
            try:
                # a page written another way than through the writer is this build's if it is as new
                return path in self.pages or os.stat(path).st_mtime >= self.started - 1
            except OSError:
                return False
        return current


this_build = ThisBuild()


def configure(pelican):
    defaults.apply(pelican.settings)
    this_build.start()
    # connected now, after every plugin's register(): the files are written once every other plugin has
    # written its own at `finalized` (the search bundle, the sitemap, minified stylesheets), in any order
    signals.finalized.connect(write_headers)


def write_headers(pelican):
    settings = pelican.settings
    output = settings["OUTPUT_PATH"]
    started = time.perf_counter()
    rules = build_rules(output, settings, this_build.is_current(output))
    if rules.in_meta:
        for page in rules.pages:
            write_meta(os.path.join(output, page.path), page.csp)
        for private in rules.private:
            for path in private.matched:
                if path.endswith(".html"):
                    write_meta(os.path.join(output, path), private.csp)
    for kind, name in settings["HOST_HEADERS_FILES"].items():
        if name:
            write_if_changed(os.path.join(output, name), FORMATS[kind](rules).encode("utf-8"))
    logger.debug("host_headers: %d pages in %.2f s", len(rules.pages), time.perf_counter() - started)


def register():
    signals.initialized.connect(configure)
    signals.content_written.connect(this_build.note)
