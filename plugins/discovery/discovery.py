"""Signal receivers: note every public page as it is written, then write sitemap.xml and robots.txt; keep what
is not public yet out of the live build."""

import logging
import os
from urllib.parse import urlsplit

from jinja2 import pass_context
from pelican import signals

from hub.pages import is_fallback, is_public, written_page

from .pages import SitemapEntry, absolute
from .previews import structured_data
from .settings import apply as apply_settings
from .sitemap import render_robots, render_sitemap
from .unpublished import forget_drafts, hold_back_future

logger = logging.getLogger(__name__)

SITEMAP_NAME = "sitemap.xml"
ROBOTS_NAME = "robots.txt"


class WrittenPages:
    """The public pages of one build, in the order they were written."""

    def __init__(self):
        self.entries = {}

    def note(self, path, context):
        page = written_page(context)
        if page is None or not path.endswith(".html") or not is_public(page) or is_fallback(page):
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
            robots.write(render_robots(sitemap_url, drafts_folder(settings)))
        self.entries = {}


def drafts_folder(settings):
    """The site's folder of drafts, "/drafts/" (from DRAFT_URL, under SITEURL's path), or None."""
    prefixes = [settings.get(name, "").split("{", 1)[0] for name in ("DRAFT_URL", "DRAFT_PAGE_URL")]
    folder = os.path.commonprefix(prefixes).rpartition("/")[0]
    if not folder:
        return None
    site_path = urlsplit(settings["SITEURL"]).path.rstrip("/")
    return f"{site_path}/{folder}/"


written = WrittenPages()


def start(pelican):
    apply_settings(pelican.settings)
    written.entries = {}


@pass_context
def structured_data_for(context, page, description, image_url=None):
    return structured_data(context, page, description, image_url)


def install(generator):
    generator.env.globals["structured_data"] = structured_data_for


def register():
    signals.initialized.connect(start)
    signals.content_object_init.connect(hold_back_future)
    signals.article_generator_pretaxonomy.connect(forget_drafts)
    signals.page_generator_finalized.connect(forget_drafts)
    signals.generator_init.connect(install)
    signals.content_written.connect(written.note)
    signals.finalized.connect(written.write)
