"""Signal receivers: links leading out of the content folder are never read, and a file outside it named by a
`{static}` or `{attach}` link is never copied into the site (`make check` names the line of such links)."""

import glob
import logging
import os

from pelican import signals

from hub.boundary import inside, links_leaving

logger = logging.getLogger(__name__)


def ignore_links_leaving(pelican):
    """Every generator lists its files through Pelican's get_files, which honours IGNORE_FILES for files and
    folders alike: a link out of the content folder is ignored there by its exact name."""
    settings = pelican.settings
    ignored = list(settings.get("IGNORE_FILES") or [])
    for link, target in links_leaving(settings["PATH"]):
        pattern = glob.escape(os.path.basename(link))
        if pattern not in ignored:
            ignored.append(pattern)
        logger.info("%s leads to %s, outside the content folder: left out of the build", link, target)
    settings["IGNORE_FILES"] = ignored


def keep_static_files_inside(generator):
    root = generator.settings["PATH"]
    kept = []
    for static in generator.staticfiles:
        if inside(root, static.source_path):
            kept.append(static)
        else:
            logger.error(
                "%s is outside the content folder %s, so it is not published: a {static} or {attach} link names it "
                "(make check shows which file and line); put the file in the content folder and link to it there",
                os.path.normpath(static.source_path), root,
            )
    generator.staticfiles[:] = kept  # in place: Pelican's context holds the same list


def register():
    signals.initialized.connect(ignore_links_leaving)
    signals.static_generator_finalized.connect(keep_static_files_inside)
