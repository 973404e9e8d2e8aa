"""The reader of Markdown files, and its registration for Pelican's Markdown extensions."""

import logging
from pathlib import Path

from pelican.plugins import signals
from pelican.readers import DUPLICATES_DEFINITIONS_ALLOWED, BaseReader

from hub.markdown import Renderer
from hub.sources import MARKDOWN_EXTENSIONS, iso_date, normalized, parse_header

from .unsupported import unsupported

logger = logging.getLogger(__name__)

CODEHILITE = "markdown.extensions.codehilite"
# read without dateutil when written in ISO form, as writers do
DATE_FIELDS = ("date", "modified")


class SourceEncodingError(ValueError):
    """A Markdown file that is not UTF-8 text."""


class _Unlisted(BaseReader):
    # Readers() gives every direct subclass of BaseReader the extensions it declares, on every site, as soon
    # as its module is imported; a reader one level down is used only where register() puts it.
    file_extensions = []


class CmarkReader(_Unlisted):
    """Markdown files through cmark-gfm, with the metadata header of Python-Markdown's meta extension."""

    file_extensions = list(MARKDOWN_EXTENSIONS)

    def __init__(self, settings):
        super().__init__(settings)
        markdown = settings.get("MARKDOWN") or {}
        codehilite = (markdown.get("extension_configs") or {}).get(CODEHILITE) or {}
        self.tab_length = markdown.get("tab_length", 4)
        self.render = Renderer(css_class=codehilite.get("css_class", "highlight"))

    def read(self, source_path):
        lines = normalized(_text(source_path)).split("\n")
        header = parse_header(self._header_lines(lines))
        body = "\n".join(lines[header.body_start :])
        for finding in unsupported(body, header.body_start + 1):
            logger.warning("%s", finding.message(source_path))
        return self.render(body), self._metadata(header, source_path)

    def _header_lines(self, lines):
        # Python-Markdown expands tabs before its meta extension reads the header: a tab-indented
        # line continues the value above.
        if not any("\t" in line for line in lines):
            return lines
        return [line.expandtabs(self.tab_length) for line in lines]

    def _metadata(self, header, source_path):
        """The header's values as Pelican's Markdown reader gives them."""
        formatted_fields = self.settings["FORMATTED_FIELDS"]
        metadata = {}
        for name, values in header.metadata.items():
            name = name.lower()
            if name in formatted_fields:
                value = self.render("\n".join(values))
            elif not DUPLICATES_DEFINITIONS_ALLOWED.get(name, True):
                if len(values) > 1:
                    _warn_duplicate(source_path, header, name)
                value = values[0]
            elif len(values) > 1:
                value = values
            else:
                value = values[0]
            plain_date = iso_date(value) if name in DATE_FIELDS else None
            metadata[name] = plain_date or self.process_metadata(name, value)
        return metadata


def _warn_duplicate(source_path, header, name):
    keys = header.lines[name]
    first = keys[0] + 1
    if len(keys) > 1:
        logger.warning(
            "%s:%d: `%s` is given a second time; the first one (line %d) is used and this one is ignored",
            source_path, keys[1] + 1, name, first,
        )
    else:
        logger.warning(
            "%s:%d: `%s` continues on this line, but only its first line (line %d) is used; "
            "put the whole value on one line",
            source_path, first + 1, name, first,
        )


def _text(source_path):
    data = Path(source_path).read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        message = (
            f"{source_path}:{line}: is not UTF-8 text (byte 0x{data[error.start]:02x} cannot be read): "
            "save the file as UTF-8 in your editor"
        )
        # Pelican reports a reader's exception as "Could not process <file>" only, without its message
        logger.error("%s", message)
        raise SourceEncodingError(message) from error


def use_cmark(readers):
    """readers_init: read the Markdown extensions with CmarkReader; one turned off in READERS stays off."""
    for extension in CmarkReader.file_extensions:
        if extension in readers.reader_classes and readers.reader_classes[extension] is None:
            continue
        # Readers() makes its reader instances from reader_classes after this signal
        readers.reader_classes[extension] = CmarkReader


def register():
    signals.readers_init.connect(use_cmark)
