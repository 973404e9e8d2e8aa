"""Show the content problems as warnings when the site is built, and build the rest anyway."""

import logging

from pelican import signals
from pelican.log import LimitFilter

from .checks import check_content

logger = logging.getLogger(__name__)


def warn(pelican):
    # Pelican shows a warning once per process; a writer in the dev server must see it on every rebuild
    LimitFilter._raised_messages = {key for key in LimitFilter._raised_messages if not key[1].startswith(pelican.settings["PATH"])}
    for problem in check_content(pelican.settings):
        logger.warning("%s", problem)


def register():
    signals.initialized.connect(warn)
