"""Signal receivers: hand Pelican the incremental writer, and have it write its pages once every generator has
asked for theirs, before the `finalized` signal, whose receivers read the output (the sitemap, the search index).

Without this plugin Pelican's own writer renders every page as it is asked for: the same files, every time.
"""

import logging

from pelican import signals

from .writer import IncrementalWriter

logger = logging.getLogger(__name__)

_writers = []  # the writer of the build in progress


def start(pelican):
    # connected now that every plugin has registered: Pelican runs the generators in the order their plugins
    # connected, so this one, which writes the noted pages, comes after every plugin's
    signals.get_generators.connect(add_page_writer)


def provide_writer(pelican):
    return _Tracked


class _Tracked(IncrementalWriter):
    whole_site = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _writers[:] = [self]


def add_page_writer(pelican):
    return PageWriting


class PageWriting:
    """A generator that reads nothing: its output is every page the generators before it asked for."""

    def __init__(self, *args, **kwargs):
        pass

    def generate_output(self, writer):
        write_pages()


def write_pages(*_):
    """Write what the build's writer holds; again at `finalized`, for a page a plugin asks for that late."""
    if not _writers or not _writers[0].pending:
        return
    count = _writers[0].flush()
    logger.info("Pages: %d rendered, %d written, %d unchanged", count.rendered, count.written, count.unchanged)


def forget_writer(*_):
    _writers.clear()


def register():
    signals.initialized.connect(start)
    signals.get_writer.connect(provide_writer)
    signals.finalized.connect(write_pages)
    signals.finalized.connect(forget_writer)
