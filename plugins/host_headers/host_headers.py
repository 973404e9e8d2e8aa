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


def configure(pelican):
    defaults.apply(pelican.settings)
    # connected now, after every plugin's register(): the files are written once every other plugin has
    # written its own at `finalized` (the search bundle, the sitemap, minified stylesheets), in any order
    signals.finalized.connect(write_headers)


def write_headers(pelican):
    settings = pelican.settings
    output = settings["OUTPUT_PATH"]
    started = time.perf_counter()
    rules = build_rules(output, settings)
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
