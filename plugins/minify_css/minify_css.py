"""After the build, rewrite every stylesheet under the output's theme folder in minified form; the same
minifying is registered with hub.asset_transforms, so a plugin naming files by their published bytes knows
them before this runs."""

import logging
from pathlib import Path

import rcssmin
from pelican import signals

from hub.asset_transforms import add_transform

logger = logging.getLogger(__name__)


def minified(data):
    """A stylesheet's bytes, minified; given minified bytes, the same bytes."""
    return rcssmin.cssmin(data.decode("utf-8")).encode("utf-8")


def minify_file(path):
    """Minify one stylesheet in place; a file already minified is left byte for byte."""
    source = path.read_bytes()
    result = minified(source)
    if result != source:
        path.write_bytes(result)
    return len(source), len(result)


def announce(pelican):
    add_transform(pelican.settings, ".css", "minify_css", minified)


def minify_theme(pelican):
    theme_output = Path(pelican.settings["OUTPUT_PATH"]) / pelican.settings["THEME_STATIC_DIR"]
    for path in sorted(theme_output.rglob("*.css")):
        before, after = minify_file(path)
        logger.debug("Minified %s: %d → %d bytes", path, before, after)


def register():
    signals.initialized.connect(announce)
    signals.finalized.connect(minify_theme)
