"""A freebie's landing page shows the first page of the PDF it delivers: drawn at build time, kept by a hash of
the PDF, public even when the PDF is gated, and described in the page's language."""

import io
import re

import pytest
from babel.messages.pofile import read_po
from PIL import Image

from freebies import preview
from freebies.preview import WIDTH, PreviewCache, PreviewError, first_page_png, png_size
from hub.offer_end import build_date, has_ended, parse_expires
from support import ROOT, build, expected_slug, file_for, freebie_pages, html, read_metadata, sources

TOKEN = re.compile(r"/[0-9a-f]{32}/")


@pytest.fixture(scope="module")
def checklist_pdf(site):
    output, _ = site
    return next(output.glob("en/*/*/*.pdf")).read_bytes()


@pytest.fixture
def drawings(monkeypatch):
    """The PDFs really drawn, through the cache."""
    drawn = []
    real = preview.first_page_png

    def counted(pdf_bytes, *args, **kwargs):
        drawn.append(pdf_bytes)
        return real(pdf_bytes, *args, **kwargs)

    monkeypatch.setattr(preview, "first_page_png", counted)
    return drawn


def test_the_first_page_is_drawn_as_a_small_grey_png(checklist_pdf):
    data = first_page_png(checklist_pdf)
    image = Image.open(io.BytesIO(data))
    assert image.format == "PNG" and image.size == png_size(data)
    width, height = image.size
    assert abs(width - WIDTH) <= 1 and 1.38 < height / width < 1.45, "an A4 page, WIDTH pixels wide"
    greys = image.convert("L")
    darkest, lightest = greys.getextrema()
    assert lightest == 255 and darkest < 100, "dark text on a white page"
    assert sum(greys.histogram()[:128]) > width * height / 100, "a page with text on it"
    assert len(data) < 40 * 1024
    assert first_page_png(checklist_pdf) == data, "the same PDF gives the same bytes"


@pytest.mark.parametrize("not_a_pdf", [b"", b"%PDF-1.7\nhalf a file", "Plain text, named .pdf".encode()])
def test_what_pdfium_cannot_read_is_a_preview_error(not_a_pdf):
    with pytest.raises(PreviewError):
        first_page_png(not_a_pdf)


def test_a_pdf_already_drawn_comes_from_the_cache(tmp_path, checklist_pdf, drawings):
    first = PreviewCache(tmp_path).preview(checklist_pdf, "en/freebies/list/")
    again = PreviewCache(tmp_path).preview(checklist_pdf, "en/freebies/list/")
    assert again == first and len(drawings) == 1
    assert re.fullmatch(r"en/freebies/list/preview-[0-9a-f]{16}\.png", first.url)


def test_a_changed_pdf_gets_a_new_preview_and_name_and_the_old_one_is_removed(tmp_path, site, drawings):
    output, _ = site
    one, other = (path.read_bytes() for path in sorted(output.glob("*/*/*/*.pdf"))[:2])
    PreviewCache(tmp_path).preview(one, "a/")
    cache = PreviewCache(tmp_path)
    changed = cache.preview(other, "a/")
    assert len(drawings) == 2 and changed.url != PreviewCache(None).preview(one, "a/").url
    assert cache.keep_used_only() == 1, "the preview of the PDF no longer delivered"
    (kept,) = (tmp_path / preview.FOLDER).iterdir()
    assert kept.read_bytes() == changed.data


def test_a_preview_cut_short_in_the_cache_is_drawn_again(tmp_path, checklist_pdf, drawings):
    whole = PreviewCache(tmp_path).preview(checklist_pdf, "a/")
    (kept,) = (tmp_path / preview.FOLDER).iterdir()
    kept.write_bytes(whole.data[: len(whole.data) // 2])
    assert PreviewCache(tmp_path).preview(checklist_pdf, "a/") == whole and len(drawings) == 2


ALT = "The first page of the PDF “%(title)s”"


def alt_text(lang, title):
    """The alt text in `lang`, as its catalog has it."""
    text = ALT
    if lang != "en":
        with open(ROOT / "translations" / lang / "LC_MESSAGES" / "messages.po", "rb") as po:
            text = read_po(po)[ALT].string
    return text % {"title": title}


def pdf_freebies(output):
    """(landing page path, its metadata) of each sample freebie that delivers a PDF and is on offer."""
    today = build_date({"TIMEZONE": "Europe/Paris"})
    for _, lang, source in sources("freebies"):
        metadata = read_metadata(source)
        if source.parent.name == "freebies" and metadata.get("file") and not has_ended(
            parse_expires(metadata.get("expires")), today
        ):
            (path,) = output.glob(f"{lang}/*/{expected_slug(metadata)}/index.html")
            yield path, metadata


def test_every_landing_page_of_a_pdf_shows_its_first_page_with_alt_text_in_its_language(site):
    output, _ = site
    shown = 0
    for path, metadata in pdf_freebies(output):
        document = html(path)
        lang = document.html["lang"]
        image = document.select_one(".freebie-preview img")
        assert image is not None, path
        title = metadata["title"]
        assert image["alt"] == alt_text(lang, title) and title in image["alt"], path
        if lang != "en":
            assert image["alt"] != alt_text("en", title), f"{path}: the alt text is translated"
        assert image["loading"] == "lazy" and image["decoding"] == "async"
        picture = file_for(output, image["src"])
        assert picture.parent == path.parent, "the preview sits beside its landing page"
        width, height = png_size(picture.read_bytes())
        assert (int(image["width"]), int(image["height"])) == (width // 2, height // 2), "shown at half its pixels"
        shown += 1
    assert shown >= 8, "both sample PDFs, in four languages"
    coupons = [
        next(output.glob(f"{lang}/*/{expected_slug(metadata)}/index.html"))
        for _, lang, source in sources("freebies")
        if (metadata := read_metadata(source)).get("code") and not metadata.get("file")
    ]
    assert coupons and not any(html(path).select_one(".freebie-preview") for path in coupons), "a code has no page"


def test_a_gated_pdf_shows_its_preview_but_never_its_secret_address(published_site):
    output, _ = published_site
    gated = [html(path) for path, metadata in pdf_freebies(output) if metadata["gate"] == "email"]
    previews = [doc.select_one(".freebie-preview img") for doc in gated]
    assert gated and all(previews)
    for image in previews:
        assert not TOKEN.search(image["src"]), image["src"]
    for picture in output.rglob("preview-*.png"):
        assert not TOKEN.search("/" + str(picture.relative_to(output)))
        assert b"tEXt" not in picture.read_bytes() and b"iTXt" not in picture.read_bytes(), "no text in the PNG"


def test_a_pdf_pdfium_cannot_read_is_reported_and_the_freebie_is_still_published(content, tmp_path, caplog):
    broken = content / "freebies" / "files" / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\nnot really a PDF\n")
    landing = content / "freebies" / "thank-you-checklist.en.md"
    landing.write_text(
        re.sub(r"(?m)^File: .*$", "File: files/broken.pdf", landing.read_text(encoding="utf-8")), encoding="utf-8"
    )
    with caplog.at_level("WARNING"):
        build(tmp_path / "output", PATH=str(content), CACHE_PATH=str(tmp_path / "cache"))
    messages = [record.getMessage() for record in caplog.records if record.levelname == "WARNING"]
    assert any(str(broken) in message and "without a preview" in message for message in messages), messages
    document = next(doc for path, doc in freebie_pages(tmp_path / "output", "en") if "thank-you" in str(path))
    assert document.select_one("a[download]")["href"].endswith("broken.pdf")
    assert document.select_one(".freebie-preview") is None
    others = [doc.select_one(".freebie-preview img") for path, doc in freebie_pages(tmp_path / "output", "fr")]
    assert any(others), "the other freebies keep theirs"
