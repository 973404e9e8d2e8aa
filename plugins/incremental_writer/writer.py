"""A Pelican writer that renders each page once every generator has asked for its pages, only when what it is
rendered from changed since its file was written, and writes a file only when its bytes change.

Pelican's writer renders each page as its generator asks for it. This one notes the page and its
variables, as Pelican would pass them to the template. Once every generator has asked for its pages,
`flush()` leaves alone the pages whose digest (hub.page_inputs) is the one their file was written from,
renders the others, writes a file only when its bytes differ from what is there (an unchanged page keeps its
file and its date, and the dev server's browser is not reloaded for it), and sends `content_written` for
each page, as Pelican does, once its file is on disk.
"""

import logging
import os
import traceback
from dataclasses import dataclass

from blinker import signal
from pelican import signals
from pelican.contents import Content
from pelican.utils import get_relative_path, path_to_url, sanitised_join
from pelican.writers import Writer

from hub.files import write_if_changed
from hub.page_inputs import build_digest, item_digests, page_digest, site_digest
from hub.pages import written_page

from .rendered import RenderedPages

logger = logging.getLogger(__name__)


@dataclass
class WriteCount:
    written: int = 0
    unchanged: int = 0
    rendered: int = 0  # the written ones and those rendered to the bytes their file already held


# What the last build did with its pages; changed in place, so an imported name stays current.
LAST_BUILD = WriteCount()

# Sent as the pages of each top folder of the output (`folder`, e.g. "en") are written, in two parts: its
# tips, pages and freebies (part="content"), then everything else, its listings (part="listings"). With
# the paths whose bytes it changed, and whether the writer writes the whole site (a build) or a few pages
# (the dev server's quick path). A plugin can connect to it by name, without importing this one.
page_folder_written = signal("page_folder_written")
CONTENT, LISTINGS = "content", "listings"


class PageRenderError(RuntimeError):
    """A template failed on a page; the message names the page and the template."""


@dataclass
class Pending:
    template: object
    own: dict  # the page's own variables: what its context holds beyond (or instead of) the shared one
    shared: dict  # the generator's context, which content objects read their site URL from

    def context(self):
        return {**self.shared, **self.own}


class IncrementalWriter(Writer):
    """Pelican's writer, but a page without pagination is only noted when a generator asks for it, and
    rendered with the others by flush(), which then sends `content_written` for it, its file on disk.
    Paginated pages and feeds are written at once by Pelican's own code."""

    whole_site = False  # True for the writer a build hands Pelican

    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self.pending = {}  # output path -> Pending, in the order Pelican asked for them
        self.kept = set()  # paths written with override_output: no other page replaces them

    def write_file(self, name, template, context, relative_urls=False, paginated=None, template_name=None,
                   override_output=False, url=None, **kwargs):
        if not name:
            return  # as Pelican: a page whose address setting is empty is not written
        if template_name in self.settings["PAGINATED_TEMPLATES"] and (
            paginated or any(key in kwargs for key in ("articles", "dates"))
        ):
            return super().write_file(name, template, context, relative_urls, paginated, template_name,
                                      override_output, url, **kwargs)
        path = sanitised_join(self.output_path, name)
        if path in self.kept and not override_output:
            logger.info('Skipping "%s", not overwriting', path)
            return
        if path in self.pending and not override_output:
            raise RuntimeError(f"File {path} is to be overwritten")
        own = {"localsiteurl": context.get("localsiteurl"), "output_file": name}
        if relative_urls:
            own["SITEURL"] = own["localsiteurl"] = path_to_url(get_relative_path(name))
        own.update(kwargs)
        if override_output:
            self.kept.add(path)
        self.pending.pop(path, None)
        self.pending[path] = Pending(template, own, context)

    def flush(self):
        """Render and write every noted page, one top folder of the output (a language) after the other, but
        those whose file already holds what rendering them again would give; returns the WriteCount."""
        pages = list(self.pending.items())
        self.pending = {}
        count = WriteCount()
        memo = RenderedPages(self.settings.get("CACHE_PATH") if self.whole_site else None, self.output_path)
        digests = _digests(pages) if memo.path and pages else {}
        # rendered in this process: on two cores the other one is the background work's (the search index, the
        # cards, the PDFs), and renderers forked beside it made clean builds of every corpus shape slower
        for folder, part, group in _in_order(pages, self.output_path):
            written = set()
            for path, pending in group:
                if not memo.holds(path, digests.get(path)):
                    count.rendered += 1
                    if _render_and_write(path, pending, self.output_path):
                        written.add(path)
                        logger.info('Writing "%s"', path)
                    if path in digests:
                        memo.note(path, digests[path])
                signals.content_written.send(path, context=pending.context())
            count.written += len(written)
            count.unchanged += len(group) - len(written)
            # what reads one folder's content (its language's search index) may start while the rest renders
            page_folder_written.send(self, folder=folder, part=part, paths=written, whole_site=self.whole_site)
        memo.save()
        LAST_BUILD.rendered, LAST_BUILD.written, LAST_BUILD.unchanged = count.rendered, count.written, count.unchanged
        return count


def _digests(pages):
    """The digest of what each noted page is rendered from (hub.page_inputs), by output path."""
    shared = pages[0][1].shared
    items = item_digests(shared)
    build, site = build_digest(shared), site_digest(items)
    return {path: page_digest(build, site, items, pending.own) for path, pending in pages}


def _in_order(pages, output_path):
    """The noted pages as (top folder of the output ("" for its top), part, pages): every folder's content
    pages first, then every folder's listings, each in the order noted. A language's search index needs
    its content only, and is made while the listings render."""
    parts = {}
    for page in pages:
        top = os.path.relpath(page[0], output_path).replace(os.sep, "/")
        folder = top.split("/")[0] if "/" in top else ""
        parts.setdefault((CONTENT if _shows_content(page[1]) else LISTINGS, folder), []).append(page)
    # sorted() is stable: within each part, the folders stay in the order first noted
    in_order = sorted(parts.items(), key=lambda item: item[0][0] != CONTENT)
    return [(folder, part, group) for (part, folder), group in in_order]


def _shows_content(pending):
    """Whether a noted page shows a tip, page or freebie (Pelican's Content), not a listing of them."""
    return isinstance(written_page(pending.own), Content)


def _render_and_write(path, pending, output_path):
    """Render one noted page; True if its file was written, False if it already held these bytes."""
    context = pending.context()
    if context.get("localsiteurl"):
        # as Pelican does just before rendering: a page with relative URLs links its content from where it is
        pending.shared["localsiteurl"] = context["localsiteurl"]
    try:
        data = pending.template.render(context).encode("utf-8")
    except Exception as error:
        frames = [frame for frame in traceback.extract_tb(error.__traceback__) if frame.filename.endswith(".html")]
        where = f"{os.path.basename(frames[-1].filename)}:{frames[-1].lineno}" if frames else pending.template.name
        raise PageRenderError(
            f"{os.path.relpath(path, output_path)}: the template {pending.template.name} failed at {where}: "
            f"{type(error).__name__}: {error}; correct the template"
        ) from error
    os.makedirs(os.path.dirname(path), exist_ok=True)
    return write_if_changed(path, data)
