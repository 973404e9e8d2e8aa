"""Signal receivers: hand Pelican the parallel writer, and write its pages before any plugin's
`finalized` work reads the output (the sitemap, the search index)."""

import logging

from pelican import signals

from .fragments import remembered
from .memory import keep_freed_memory, skip_last_collection
from .writer import ParallelWriter

logger = logging.getLogger(__name__)

_writers = []  # the writer of the build in progress


def tune_memory(pelican):
    keep_freed_memory()  # for this process and the ones it forks
    skip_last_collection()


def provide_writer(pelican):
    return _Tracked


class _Tracked(ParallelWriter):
    whole_site = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _writers[:] = [self]


def add_template_globals(generator):
    generator.env.globals["remembered"] = remembered


def write_pages(pelican):
    if not _writers:
        return
    writer = _writers.pop()
    count = writer.flush()
    logger.info("Pages: %d written, %d unchanged", count.written, count.unchanged)


def register():
    signals.initialized.connect(tune_memory)
    signals.get_writer.connect(provide_writer)
    signals.generator_init.connect(add_template_globals)
    # receivers run in the order they connect: no plugin listed before this one in PLUGINS connects any
    signals.finalized.connect(write_pages)
