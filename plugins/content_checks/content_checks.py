"""Show the content problems as warnings when the site is built, and build the rest anyway."""

import logging

from pelican import signals
from pelican.log import LimitFilter

from parallel_build.pool import InBackground

from .checks import check_content

logger = logging.getLogger(__name__)


class Checking:
    """The checks, run by another process while this one reads the same files; told once the tips are read."""

    def __init__(self):
        self.work = None

    def start(self, pelican):
        # Pelican shows a warning once per process; a writer in the dev server must see it on every rebuild
        path = pelican.settings["PATH"]
        LimitFilter._raised_messages = {key for key in LimitFilter._raised_messages if not key[1].startswith(path)}
        self._forget()
        self.work = InBackground(check_content, [pelican.settings], 1)

    def _forget(self):
        """Drop the checks of a build that stopped before its tips were read."""
        if self.work is not None:
            self.work.discard()
            self.work = None

    def tell(self, *_):
        if self.work is None:
            return
        work, self.work = self.work, None
        [problems] = work.wait()
        for problem in problems:
            logger.warning("%s", problem)


checking = Checking()


def register():
    signals.initialized.connect(checking.start)
    # after the reading, which takes longer than the checks, so waiting for them costs nothing
    signals.article_generator_finalized.connect(checking.tell)
