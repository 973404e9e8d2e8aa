"""Signal receivers: name the theme's files before any page is rendered, then publish them under those names
once the build is done, and remove the names of earlier builds."""

import logging
from pathlib import Path

from pelican import signals

from hub.asset_links import NAMES_SETTING
from hub.assets import is_fingerprinted
from hub.files import write_if_changed

from . import settings
from .theme_files import fingerprinted_files, theme_files

logger = logging.getLogger(__name__)


def configure(pelican):
    settings.apply(pelican.settings)


def name_assets(generator):
    """The names go in the context every generator shares, which every page is rendered from (and its digest
    made of), once the plugins have registered how they rewrite the files: after every `initialized`."""
    if NAMES_SETTING not in generator.context:
        generator.context[NAMES_SETTING] = {
            path: name for path, (name, _) in fingerprinted_files(generator.settings).items()
        }


def publish_assets(pelican):
    """Write each fingerprinted file beside its plain one; remove those of earlier builds, which no page of
    this build links (every page is rendered again when a name changes: the names are part of its digest)."""
    folder = Path(pelican.settings["OUTPUT_PATH"]) / pelican.settings["THEME_STATIC_DIR"]
    current = fingerprinted_files(pelican.settings)
    for name, data in current.values():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        write_if_changed(target, data)
    kept = {name for name, _ in current.values()} | set(theme_files(pelican.settings))
    for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
        relative = path.relative_to(folder).as_posix()
        if path.is_file() and is_fingerprinted(relative) and relative not in kept:
            path.unlink()
            logger.debug("Asset fingerprints: removed %s, an earlier build's", path)


def register():
    signals.initialized.connect(configure)
    signals.generator_init.connect(name_assets)
    signals.finalized.connect(publish_assets)
