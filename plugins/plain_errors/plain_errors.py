"""Show an error that one of the site's plugins raised on purpose (a wrong setting, a template that failed on a
page) as its message alone: the message names what is wrong and what to do, and Pelican's traceback of it
would only bury those lines under a screenful of the plugin's code. `pelican --debug` still shows the trace.
"""

import logging
import sys
from pathlib import Path

# every plugin of the site is a package in this folder, and what they share is in the hub's library beside it
PLUGINS_FOLDER = Path(__file__).resolve().parent.parent
HUB_FOLDERS = (PLUGINS_FOLDER, PLUGINS_FOLDER.parent / "hub")


def raised_by_a_plugin(error):
    """Whether `error` is of a class that one of the site's plugins (or the hub's library) defines, not Python's
    or another library's."""
    module = sys.modules.get(type(error).__module__)
    path = getattr(module, "__file__", None)
    return path is not None and any(Path(path).resolve().is_relative_to(folder) for folder in HUB_FOLDERS)


class WithoutTraceback(logging.Filter):
    """Drops the traceback of a plugin's own error from what Pelican logs about it."""

    def filter(self, record):
        error = record.exc_info[1] if record.exc_info else None
        if error is not None and raised_by_a_plugin(error):
            record.exc_info = record.exc_text = None
        return True


def register():
    # Pelican logs the error that ends a build on its own logger, with the traceback attached
    pelican_logger = logging.getLogger("pelican")
    if not any(isinstance(installed, WithoutTraceback) for installed in pelican_logger.filters):
        pelican_logger.addFilter(WithoutTraceback())
