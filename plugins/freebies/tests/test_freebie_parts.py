import io
import logging
from pathlib import Path

import pytest
from freebies.pdf import FreebieFileError, render_pdf
from freebies.tokens import SecretError, secret_from
from pypdf import PdfReader

from hub.sources import metadata_line, where

THEME_FONTS = Path(__file__).resolve().parents[3] / "theme" / "fonts"
FONTS = {"regular": str(THEME_FONTS / "NotoSans-Regular.ttf"), "bold": str(THEME_FONTS / "NotoSans-Bold.ttf")}
CHECKLIST = """# Lista: podziękowania

Wstęp z **pogrubieniem** – „cudzysłów”, *kursywą* i ***jednym, i drugim***.

## Dziś

- Zadzwoń do pani Łucji.
- Kiitos ”lainaus” – äö; « merci » !
"""


def render(source=CHECKLIST):
    return render_pdf(source, title="Lista: podziękowania", lang="pl", author="Hub", footer_text="Hub", fonts=FONTS)


def test_the_pdf_keeps_every_letter_and_the_title():
    reader = PdfReader(io.BytesIO(render()))
    text = reader.pages[0].extract_text()
    for words in ("Zadzwoń do pani Łucji.", "äö", "„cudzysłów”", "kursywą", "jednym, i drugim", "« merci »"):
        assert words in text
    assert reader.metadata.title == "Lista: podziękowania"


def test_the_same_source_gives_the_same_bytes():
    assert render() == render()


def test_what_a_checklist_cannot_hold_is_refused():
    with pytest.raises(FreebieFileError, match="<table>|<pre>"):
        render("# T\n\n    code block\n")


def test_metadata_lines_are_found_in_the_header_only(tmp_path):
    source = tmp_path / "x.fr.md"
    source.write_text("Title: X\nGate: maybe\n\nGate: not metadata\n", encoding="utf-8")
    assert metadata_line(source, "gate") == 2
    assert metadata_line(source, "File") is None
    assert where(source, "Gate") == f"{source}:2" and where(source, "File") == str(source)


def test_the_live_site_refuses_a_missing_or_short_secret():
    for secret in ("", "short"):
        with pytest.raises(SecretError, match="FREEBIE_SECRET"):
            secret_from({"FREEBIE_SECRET": secret, "FREEBIE_SECRET_REQUIRED": True})
    long_enough = "x" * 32
    assert secret_from({"FREEBIE_SECRET": long_enough, "FREEBIE_SECRET_REQUIRED": True}) == long_enough


def test_development_builds_get_a_default_secret_and_a_warning(caplog):
    with caplog.at_level(logging.WARNING):
        secret = secret_from({"FREEBIE_SECRET": ""})
    assert secret and "FREEBIE_SECRET is not set" in caplog.text
