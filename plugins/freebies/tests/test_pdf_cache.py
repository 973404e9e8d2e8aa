import io
import logging
import os
import pickle
import pwd
import shutil
import tempfile
import traceback
from pathlib import Path

import pytest
from freebies import pdf, pdf_cache
from freebies.pdf import FreebieFileError
from freebies.pdf_cache import PdfCache
from hub import file_cache
from pypdf import PdfReader
from support import ROOT, build

THEME_FONTS = ROOT / "theme" / "fonts"
FONTS = {"regular": str(THEME_FONTS / "NotoSans-Regular.ttf"), "bold": str(THEME_FONTS / "NotoSans-Bold.ttf")}
INPUTS = {"title": "Thank-you list", "lang": "en", "author": "Hub", "footer_text": "Hub · Thank-you list"}
CHECKLIST = "# Thank-you list\n\nSay it **twice**.\n\n- Call Ann.\n- Write to Bo.\n"


@pytest.fixture
def renders(monkeypatch):
    """How many PDFs fpdf2 really drew, through the cache."""
    calls = []
    real = pdf_cache.render_pdf

    def counted(*args, **kwargs):
        calls.append(kwargs["title"])
        return real(*args, **kwargs)

    monkeypatch.setattr(pdf_cache, "render_pdf", counted)
    return calls


def render(cache, source=CHECKLIST, fonts=FONTS, **changes):
    return cache.render(source, fonts=fonts, **{**INPUTS, **changes})


def cached_files(cache_path):
    return sorted(path.name for path in (Path(cache_path) / pdf_cache.FOLDER).iterdir())


def test_the_same_inputs_come_from_the_cache_in_the_next_build_too(tmp_path, renders):
    first = render(PdfCache(tmp_path))
    again = PdfCache(tmp_path)  # a rebuild: a new generator, the same cache folder
    assert render(again) == first and render(again) == first
    assert len(renders) == 1 and again.reused == 2 and again.rendered == 0
    assert first.startswith(b"%PDF") and len(cached_files(tmp_path)) == 1


@pytest.mark.parametrize("change", [
    {"source": CHECKLIST.replace("Ann", "Anna")},
    {"title": "Another list"},
    {"lang": "fr"},
    {"author": "Another hub"},
    {"footer_text": "Hub · another footer"},
], ids=lambda change: next(iter(change)))
def test_a_changed_input_gives_a_new_pdf(tmp_path, renders, change):
    cache = PdfCache(tmp_path)
    before = render(cache)
    after = render(cache, **change)
    assert len(renders) == 2 and after != before
    assert len(cached_files(tmp_path)) == 2
    assert render(PdfCache(tmp_path)) == before and len(renders) == 2, "the first PDF stays cached"


def test_the_new_title_is_in_the_new_pdf(tmp_path):
    cache = PdfCache(tmp_path)
    render(cache)
    assert PdfReader(io.BytesIO(render(cache, title="Another list"))).metadata.title == "Another list"


def test_fonts_count_by_their_bytes_not_their_paths(tmp_path, renders):
    fonts = tmp_path / "fonts"
    shutil.copytree(THEME_FONTS, fonts)
    copied = {"regular": str(fonts / "NotoSans-Regular.ttf"), "bold": str(fonts / "NotoSans-Bold.ttf")}
    cache_path = tmp_path / "cache"
    original = render(PdfCache(cache_path))
    assert render(PdfCache(cache_path), fonts=copied) == original and len(renders) == 1
    shutil.copyfile(THEME_FONTS / "NotoSans-Bold.ttf", copied["regular"])  # another font under the same name
    assert render(PdfCache(cache_path), fonts=copied) != original and len(renders) == 2


@pytest.mark.parametrize("module,name,value", [
    (pdf, "RENDERER_VERSION", pdf.RENDERER_VERSION + 1),
    (pdf_cache, "library_versions", lambda versions={**pdf_cache.library_versions(), "fpdf2": "0.0.1"}: versions),
], ids=["renderer", "fpdf2"])
def test_a_new_renderer_or_fpdf2_renders_again(tmp_path, renders, monkeypatch, module, name, value):
    render(PdfCache(tmp_path))
    monkeypatch.setattr(module, name, value)
    render(PdfCache(tmp_path))
    assert len(renders) == 2 and len(cached_files(tmp_path)) == 2


def test_a_cache_that_cannot_be_written_still_gives_the_pdf(tmp_path, renders, caplog):
    in_the_way = tmp_path / "cache"
    in_the_way.write_text("a file where the cache folder should be")
    with caplog.at_level(logging.DEBUG, logger=file_cache.__name__):
        data = render(PdfCache(in_the_way))
    assert data == render(PdfCache(None))
    assert data.startswith(b"%PDF") and len(renders) == 2
    assert "not cached" in caplog.text


@pytest.fixture
def shared_tmp():
    """A temporary folder `nobody` can reach too (pytest's tmp_path is its owner's only)."""
    with tempfile.TemporaryDirectory(prefix="pdf-cache-") as folder:
        os.chmod(folder, 0o755)
        yield Path(folder)


def without_root(function):
    """function(), as nobody when this runs as root (root writes into read-only folders): in a forked child,
    which has every module this process imported, so it needs no access to the interpreter's files."""
    if os.geteuid() != 0:
        return function()
    nobody = pwd.getpwnam("nobody")
    reading, writing = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child's outcome is asserted by the parent
        try:
            os.close(reading)
            os.setgroups([])
            os.setgid(nobody.pw_gid)
            os.setuid(nobody.pw_uid)
            try:
                outcome = ("returned", function())
            except BaseException:  # noqa: BLE001 - reported to the parent, which fails the test
                outcome = ("raised", traceback.format_exc())
            with os.fdopen(writing, "wb") as pipe:
                pickle.dump(outcome, pipe)
        finally:
            os._exit(0)
    os.close(writing)
    with os.fdopen(reading, "rb") as pipe:
        data = pipe.read()
    os.waitpid(child, 0)
    kind, value = pickle.loads(data)
    assert kind == "returned", f"as nobody:\n{value}"
    return value


def test_a_read_only_cache_folder_still_gives_the_pdf(shared_tmp):
    kept = render(PdfCache(shared_tmp))
    folder = shared_tmp / pdf_cache.FOLDER
    folder.chmod(0o555)

    def from_the_read_only_cache():
        cache = PdfCache(shared_tmp)
        again, other = render(cache), render(cache, title="Another list")
        return not os.access(folder, os.W_OK), again == kept, other.startswith(b"%PDF"), cache.reused, cache.rendered

    cannot_write, same, other_is_pdf, reused, rendered = without_root(from_the_read_only_cache)
    assert cannot_write, "the folder is read-only for the user rendering"
    assert same and reused == 1, "what the cache holds is still read from it"
    assert other_is_pdf and rendered == 1, "a new PDF is rendered, and the build goes on"
    assert len(cached_files(shared_tmp)) == 1, "nothing written into it, not even aside"


def test_a_write_that_stops_half_way_leaves_no_pdf_behind(tmp_path, renders, monkeypatch):
    def interrupted(source, destination):
        raise OSError("disk full")

    replace = os.replace
    monkeypatch.setattr(os, "replace", interrupted)
    assert render(PdfCache(tmp_path)).startswith(b"%PDF")
    monkeypatch.setattr(os, "replace", replace)
    assert cached_files(tmp_path) == []  # neither the PDF nor the file written aside
    render(PdfCache(tmp_path))
    assert len(renders) == 2 and len(cached_files(tmp_path)) == 1


def test_a_cut_short_cached_pdf_is_rendered_again(tmp_path, renders):
    cache = PdfCache(tmp_path)
    whole = render(cache)
    (key,) = cached_files(tmp_path)
    (tmp_path / pdf_cache.FOLDER / key).write_bytes(whole[: len(whole) // 2])
    assert render(PdfCache(tmp_path)) == whole and len(renders) == 2


def test_errors_are_raised_as_before_and_never_cached(tmp_path, renders):
    cache = PdfCache(tmp_path)
    for _ in range(2):
        with pytest.raises(FreebieFileError, match="<pre>"):
            render(cache, source="# T\n\n    code block\n")
    missing = {**FONTS, "regular": str(tmp_path / "missing.ttf")}
    with pytest.raises(FileNotFoundError, match="missing.ttf"):
        render(cache, fonts=missing)
    assert len(renders) == 3 and not (tmp_path / pdf_cache.FOLDER).exists()


def test_only_the_pdfs_asked_for_stay_cached(tmp_path, renders):
    old = PdfCache(tmp_path)
    render(old), render(old, title="A freebie since deleted")
    partial = tmp_path / pdf_cache.FOLDER / "another-build.123.partial"
    partial.write_bytes(b"being written")
    cache = PdfCache(tmp_path)  # the next build
    kept = render(cache)
    assert cache.keep_used_only() == 1
    assert len(cached_files(tmp_path)) == 2 and partial.exists(), "another build's file being written stays"
    assert render(PdfCache(tmp_path)) == kept and len(renders) == 2, "the one asked for is still cached"


def test_a_rebuild_renders_only_the_changed_freebie(tmp_path, renders, caplog):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    files = content / "freebies" / "files"
    cache = tmp_path / "cache"

    def build_once(name):
        renders.clear()
        caplog.clear()
        with caplog.at_level("INFO"):
            build(tmp_path / name, PATH=str(content), CACHE_PATH=str(cache))
        reports = [record.getMessage() for record in caplog.records if record.getMessage().startswith("Freebie PDFs")]
        return {path.name: path.read_bytes() for path in (tmp_path / name).glob("**/*.pdf")}, reports

    cold, reports = build_once("cold")
    assert len(list(files.glob("*.md"))) == len(cold) == 8
    # drawn by another process while the tips were read: this one found them all in the cache
    assert renders == [] and reports == [f"Freebie PDFs: 8 rendered, 0 reused from {cache / pdf_cache.FOLDER}"]
    a_year_ago = os.stat(cache).st_mtime_ns - 365 * 24 * 3600 * 10**9
    for path in (tmp_path / "cold").glob("**/*.pdf"):
        os.utime(path, ns=(a_year_ago, a_year_ago))
    warm, reports = build_once("cold")  # into the same folder
    assert renders == [] and warm == cold
    assert reports == [f"Freebie PDFs: 0 rendered, 8 reused from {cache / pdf_cache.FOLDER}"]
    dates = {path.stat().st_mtime_ns for path in (tmp_path / "cold").glob("**/*.pdf")}
    assert dates == {a_year_ago}, "a PDF file holding the same bytes is not written again"

    changed = files / "thank-you-checklist.fr.md"
    changed.write_text(changed.read_text(encoding="utf-8") + "\n- Une case de plus.\n", encoding="utf-8")
    broken = files / "review-request-kit.fi.md"
    broken.write_text("# Lista\n\n    code block\n", encoding="utf-8")
    rebuilt, reports = build_once("rebuilt")
    assert reports == [
        f"Freebie PDFs: 1 rendered, 6 reused from {cache / pdf_cache.FOLDER}",
        f"Freebie PDFs: 2 no longer used removed from {cache / pdf_cache.FOLDER}",  # the two edited
    ]
    assert len(cached_files(cache)) == 7
    assert renders == ["Reilun arvostelupyynnön työkalupakki"], "the broken one, never cached, is tried here to report it"
    assert "arvostelupyynnon-tyokalupakki.pdf" not in rebuilt
    assert {name for name in rebuilt if rebuilt[name] != cold[name]} == {"pense-bete-merci-10-minutes.pdf"}
    errors = [record.getMessage() for record in caplog.records if record.levelname == "ERROR"]
    assert f"{broken}: <pre> cannot go into the PDF: use headings, paragraphs and lists only" in errors
    assert len(errors) == 1, "each problem reported once, by the build, not again by the process rendering ahead"

