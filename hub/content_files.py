"""Reading the files of a kind of content a plugin's own generator owns (freebies, stories, events)."""

import logging
import os

from .localized import localize
from .problems import LEFT_OUT_SOURCES

logger = logging.getLogger(__name__)


def files_to_read(generator, paths):
    """`paths` (relative to the content folder) but those the content checks left out, having said why."""
    left_out = generator.context.get(LEFT_OUT_SOURCES, set())
    return [path for path in paths if os.path.realpath(os.path.join(generator.path, path)) not in left_out]


def read_item(generator, path, content_class):
    """The file read by Pelican's readers as a `content_class`, given its language and the words of its URL
    (with or without the multilingual plugin); None, with a line naming the file, if a reader fails."""
    try:
        item = generator.readers.read_file(
            base_path=generator.path, path=path, content_class=content_class, context=generator.context
        )
    except Exception as error:  # a reader's error: say which file, build the rest
        logger.error("%s: could not be read (%s); fix it or move it out of %s", path, error, generator.path)
        return None
    localize(item)
    return item
