"""Show the content problems as warnings when the site is built, and build the rest anyway: a file that
cannot be built as it is (see Problem.leaves_out) is left out, so that it never stops the whole site."""

import logging
import os

from pelican import signals
from pelican.log import LimitFilter

from hub.pool import InBackground
from hub.problems import LEFT_OUT_SOURCES
from hub.read_lists import leave_out, read_lists

from .checks import check_content

logger = logging.getLogger(__name__)


class Checking:
    """The checks, run by another process while this one reads the same files; told once the tips are read."""

    def __init__(self):
        self.work = None
        self.left_out = set()

    def start(self, pelican):
        # Pelican shows a warning once per process; a writer in the dev server must see it on every rebuild
        path = pelican.settings["PATH"]
        LimitFilter._raised_messages = {key for key in LimitFilter._raised_messages if not key[1].startswith(path)}
        self._forget()
        self.left_out = set()
        self.work = InBackground(check_content, [pelican.settings])

    def _forget(self):
        """Drop the checks of a build that stopped before its tips were read."""
        if self.work is not None:
            self.work.discard()
            self.work = None

    def tell(self, generator):
        """Report the problems, once; then leave out of `generator` what cannot be built."""
        if self.work is not None:
            work, self.work = self.work, None
            [problems] = work.wait()
            for problem in problems:
                if problem.leaves_out:
                    logger.error("%s (the file is left out of the build)", problem)
                    self.left_out.add(os.path.realpath(problem.path))
                else:
                    logger.warning("%s", problem)
            generator.context[LEFT_OUT_SOURCES] = self.left_out
        leave_out(generator, read_lists(generator), lambda item: os.path.realpath(item.source_path) in self.left_out)


checking = Checking()


def register():
    signals.initialized.connect(checking.start)
    # after the reading, which takes longer than the checks, so waiting for them costs nothing; before the tips
    # are sorted into topics and tags, and the pages into the menu
    signals.article_generator_pretaxonomy.connect(checking.tell)
    signals.page_generator_finalized.connect(checking.tell)
