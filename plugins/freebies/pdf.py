"""Turn a freebie's Markdown source into a printable A4 PDF checklist.

Headings, paragraphs and lists only: list items get an empty box to tick,
because the freebies are checklists people print and fill in by hand.
"""

import datetime

# a fixed date keeps the bytes of an unchanged freebie identical from build to build
CREATION_DATE = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
# bump when the drawing (checklist.py) changes: PDFs cached by the old drawing are then rendered again
RENDERER_VERSION = 2


class FreebieFileError(ValueError):
    """A freebie's source cannot be made into a PDF."""


def render_pdf(source, *, title, lang, author, footer_text, fonts):
    """The bytes of the PDF made from Markdown `source`."""
    # fpdf2 takes a third of a second to import: only the process that draws a PDF pays it
    from .checklist import draw_checklist

    return draw_checklist(source, title=title, lang=lang, author=author, footer_text=footer_text, fonts=fonts)
