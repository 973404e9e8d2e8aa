"""The drawing of a freebie's PDF checklist with fpdf2: see pdf.render_pdf."""

import markdown
from bs4 import BeautifulSoup
from fpdf import FPDF

from .pdf import CREATION_DATE, FreebieFileError

FONT = "hub"
INK = (34, 34, 34)
ACCENT = (163, 60, 34)


def _inline(element):
    """The element's text with bold in fpdf2's own markup; italics in the upright face, as the fonts have
    no italic (a face of its own in fpdf2 would read the same font file again, for each PDF)."""
    parts = []
    for child in element.children:
        if isinstance(child, str):
            parts.append(child.replace("**", "*\u200b*").replace("__", "_\u200b_"))
        elif child.name in ("strong", "b"):
            parts.append(f"**{_inline(child)}**")
        else:
            parts.append(_inline(child))
    return "".join(parts)


class _Checklist(FPDF):
    def __init__(self, fonts, footer_text):
        super().__init__(format="A4")
        self.footer_text = footer_text
        self.add_font(FONT, "", fonts["regular"])
        self.add_font(FONT, "B", fonts["bold"])
        self.set_margins(20, 20, 20)
        self.set_auto_page_break(True, margin=20)
        self.set_text_color(*INK)

    def footer(self):
        self.set_y(-14)
        self.set_font(FONT, "", 8)
        self.cell(0, 6, self.footer_text, align="L")
        self.cell(0, 6, str(self.page_no()), align="R")


def draw_checklist(source, *, title, lang, author, footer_text, fonts):
    """The bytes of the PDF made from Markdown `source`."""
    body = BeautifulSoup(markdown.markdown(source), "html.parser")
    pdf = _Checklist(fonts, footer_text)
    pdf.set_title(title)
    pdf.set_author(author)
    pdf.set_lang(lang)
    pdf.set_creation_date(CREATION_DATE)
    pdf.add_page()
    width = pdf.epw
    for block in body.find_all(recursive=False):
        if block.name == "h1":
            pdf.set_font(FONT, "B", 20)
            pdf.set_text_color(*ACCENT)
            pdf.multi_cell(width, 9, _inline(block), markdown=True, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.set_text_color(*INK)
            pdf.ln(3)
        elif block.name in ("h2", "h3"):
            pdf.ln(3)
            pdf.set_font(FONT, "B", 13)
            pdf.multi_cell(width, 7, _inline(block), markdown=True, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        elif block.name == "p":
            pdf.set_font(FONT, "", 11)
            pdf.multi_cell(width, 5.5, _inline(block), markdown=True, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(2)
        elif block.name in ("ul", "ol"):
            pdf.set_font(FONT, "", 11)
            for item in block.find_all("li", recursive=False):
                _checkbox_item(pdf, item, width)
            pdf.ln(1)
        else:
            raise FreebieFileError(
                f"<{block.name}> cannot go into the PDF: use headings, paragraphs and lists only"
            )
    return bytes(pdf.output())


def _checkbox_item(pdf, item, width):
    box = 3.6
    if pdf.will_page_break(6):
        pdf.add_page()
    x, y = pdf.l_margin, pdf.get_y()
    pdf.set_draw_color(*INK)
    pdf.rect(x, y + 1, box, box)
    pdf.set_x(x + box + 3)
    pdf.multi_cell(width - box - 3, 5.5, _inline(item), markdown=True, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(1.5)
