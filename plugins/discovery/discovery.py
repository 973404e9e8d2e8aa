"""Signal receivers: note every public page as it is written, then write sitemap.xml and robots.txt."""

import logging
import os

from jinja2 import pass_context
from pelican import signals

from multilingual.writing import is_public, written_page

from .pages import SitemapEntry, absolute
from .previews import og_locale, structured_data
from .sitemap import render_robots, render_sitemap

logger = logging.getLogger(__name__)

SITEMAP_NAME = "sitemap.xml"
ROBOTS_NAME = "robots.txt"


class WrittenPages:
    """The public pages of one build, in the order they were written."""

    def __init__(self):
        self.entries = {}

    def note(self, path, context):
        page = written_page(context)
        if page is None or not path.endswith(".html") or not is_public(page):
            return
        self.entries.setdefault(page.url, SitemapEntry.of(page, context.get("tips") or ()))

    def write(self, pelican):
        settings = pelican.settings
        site_url = settings["SITEURL"]
        output = settings["OUTPUT_PATH"]
        sitemap_url = None
        if site_url.startswith(("http://", "https://")):
            sitemap_url = absolute(site_url, SITEMAP_NAME)
            with open(os.path.join(output, SITEMAP_NAME), "wb") as sitemap:
                sitemap.write(render_sitemap(site_url, self.entries.values()))
        else:
            # a sitemap lists absolute addresses: development builds (SITEURL = "") have none to give
            logger.debug("No %s: SITEURL %r is not an absolute address", SITEMAP_NAME, site_url)
        with open(os.path.join(output, ROBOTS_NAME), "w", encoding="utf-8") as robots:
            robots.write(render_robots(sitemap_url))
        self.entries = {}


written = WrittenPages()


def start(pelican):
    written.entries = {}


@pass_context
def structured_data_for(context, page, description, image_url=None):
    return structured_data(context, page, description, image_url)


def install(generator):
    generator.env.globals["structured_data"] = structured_data_for
    generator.env.filters["og_locale"] = og_locale


def register():
    signals.initialized.connect(start)
    signals.generator_init.connect(install)
    signals.content_written.connect(written.note)
    signals.finalized.connect(written.write)
