"""After the build, rewrite every stylesheet under the output's theme folder in minified form."""

import logging
from pathlib import Path

import rcssmin
from pelican import signals

logger = logging.getLogger(__name__)


def minify_file(path):
    """Minify one stylesheet in place; a file already minified is left byte for byte."""
    source = path.read_text(encoding="utf-8")
    minified = rcssmin.cssmin(source)
    if minified != source:
        path.write_text(minified, encoding="utf-8")
    return len(source.encode()), len(minified.encode())


def minify_theme(pelican):
    theme_output = Path(pelican.settings["OUTPUT_PATH"]) / pelican.settings["THEME_STATIC_DIR"]
    for path in sorted(theme_output.rglob("*.css")):
        before, after = minify_file(path)
        logger.debug("Minified %s: %d → %d bytes", path, before, after)


def register():
    signals.finalized.connect(minify_theme)
