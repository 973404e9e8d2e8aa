"""What the cmark reader makes of a writer's file: metadata, body, links, code, warnings and errors."""

import logging
import os
from datetime import datetime
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from cmark_reader import CmarkReader, register
from cmark_reader.cmark_reader import SourceEncodingError, use_cmark
from pelican.plugins import signals
from pelican.readers import MarkdownReader, Readers
from pelican.settings import read_settings
from support import DEV_SETTINGS

from hub import markdown as rendering

FIXTURES = Path(__file__).parent / "fixtures"
EVERYTHING = FIXTURES / "everything.en.md"
UNSUPPORTED = FIXTURES / "unsupported.en.md"


@pytest.fixture(scope="module")
def settings():
    return read_settings(str(DEV_SETTINGS))


@pytest.fixture(scope="module")
def read(settings):
    reader = CmarkReader(settings)
    return lambda path: reader.read(str(path))


@pytest.fixture(scope="module")
def everything(read):
    body, metadata = read(EVERYTHING)
    return BeautifulSoup(body, "html.parser"), metadata


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


# metadata


def test_the_header_between_dashes_gives_pelicans_metadata(everything):
    _, metadata = everything
    assert metadata["title"] == "Everything a writer can use"
    assert metadata["date"] == datetime(2026, 1, 15, 10, 0)
    assert str(metadata["category"]) == "Guides"
    assert [str(tag) for tag in metadata["tags"]] == ["markdown", "writing"]
    assert [str(author) for author in metadata["authors"]] == ["Ana Writer", "Ben Editor"]


def test_continuation_lines_make_a_list(everything):
    _, metadata = everything
    assert metadata["note"] == ["a value on", "three lines", "in the header"]


def test_the_summary_is_markdown_on_all_its_lines(everything):
    _, metadata = everything
    assert metadata["summary"] == (
        '<p>The <em>whole</em> syntax in one file, with <a href="https://example.org/guide">a link</a>\n'
        "and a second line.</p>"
    )


def test_the_metadata_is_the_same_as_python_markdowns(settings, everything):
    _, metadata = everything
    assert metadata == MarkdownReader(settings).read(str(EVERYTHING))[1]


@pytest.mark.parametrize("date", [
    "2026-01-10", "2026-01-10 09:05", "2026-01-10 09:05:30",  # read without dateutil
    "2026-01-10T09:05", "10 January 2026", "2026-01-10  09:05", "2026/01/10",  # read by Pelican
])
def test_dates_are_the_same_as_python_markdowns(settings, read, tmp_path, date):
    path = write(tmp_path / "dated.md", f"Title: Dated\nDate: {date}\nModified: {date}\n\nText.\n")
    _, metadata = read(path)
    expected = MarkdownReader(settings).read(str(path))[1]
    assert (metadata["date"], metadata["modified"]) == (expected["date"], expected["modified"])
    assert type(metadata["date"]) is type(expected["date"])


def test_an_impossible_date_is_pelicans_error(read, tmp_path):
    with pytest.raises(ValueError, match="2026-02-30"):
        read(write(tmp_path / "impossible.md", "Title: Never\nDate: 2026-02-30\n\nText.\n"))


def test_a_file_without_a_header_has_no_metadata(read, tmp_path):
    body, metadata = read(write(tmp_path / "plain.md", "Just *text*.\n"))
    assert metadata == {}
    assert body == "<p>Just <em>text</em>.</p>"


def test_a_bom_and_windows_line_endings_are_read(read, tmp_path):
    path = tmp_path / "windows.md"
    path.write_bytes("\ufeffTitle: Fenêtre\r\nTags: a, b\r\n\r\nText.\r\n".encode())
    body, metadata = read(path)
    assert metadata["title"] == "Fenêtre"
    assert [str(tag) for tag in metadata["tags"]] == ["a", "b"]
    assert body == "<p>Text.</p>"


def test_a_tab_indented_line_continues_a_value_as_with_python_markdown(settings, read, tmp_path):
    path = write(tmp_path / "tab.md", "Title: Tabs\nNote: first\n\tsecond\n\nText.\n")
    body, metadata = read(path)
    assert metadata["note"] == ["first", "second"]
    assert (body, metadata) == MarkdownReader(settings).read(str(path))


def test_a_single_value_given_twice_keeps_the_first_and_says_where(read, tmp_path, caplog):
    path = write(tmp_path / "twice.md", "Title: Twice\nDate: 2026-01-01\nDate: 2026-02-02\n\nText.\n")
    with caplog.at_level(logging.WARNING):
        _, metadata = read(path)
    assert metadata["date"] == datetime(2026, 1, 1)
    assert f"{path}:3: `date` is given a second time; the first one (line 2) is used" in caplog.text


def test_a_single_value_on_two_lines_keeps_the_first_line_and_says_where(read, tmp_path, caplog):
    path = write(tmp_path / "wrapped.md", "Title: Wrapped\nTags: one, two,\n    three\n\nText.\n")
    with caplog.at_level(logging.WARNING):
        _, metadata = read(path)
    assert [str(tag) for tag in metadata["tags"]] == ["one", "two"]
    assert f"{path}:3: `tags` continues on this line, but only its first line (line 2) is used" in caplog.text


# body


def test_headings_emphasis_and_nested_lists(everything):
    body, _ = everything
    assert body.select_one("h2").get_text() == "A heading"
    assert body.select_one("p em").get_text() == "emphasis"
    assert body.select_one("p strong").get_text() == "strong"
    assert body.select_one("p code").get_text() == "code"
    items = body.select_one("ol").find_all("li", recursive=False)
    assert [item.contents[0].strip() for item in items] == ["First", "Second"]
    assert [li.get_text() for li in items[1].select("ul > li")] == ["nested one", "nested two"]


def test_two_tildes_strike_through_and_one_stays_text(everything):
    body, _ = everything
    assert [d.get_text() for d in body.select("del")] == ["gone"]
    assert "~5 minutes to ~10 minutes" in body.get_text()


def test_a_table_with_its_alignment(everything):
    body, _ = everything
    assert [th.get_text() for th in body.select("table thead th")] == ["Offer", "Price"]
    assert [td.get_text() for td in body.select("table tbody td")] == ["Trim", "free"]
    assert body.select("table th")[1]["style"] == "text-align: right"


def test_a_footnote_and_its_note(everything):
    body, _ = everything
    reference = body.select_one("sup a")
    assert reference["href"] == "#fn-source"
    note = body.select_one("section.footnotes li#fn-source")
    assert "Where the claim comes from." in note.get_text()
    assert note.select_one("a")["href"] == f"#{reference['id']}"


def test_fenced_code_with_a_language_is_highlighted_as_codehilite_does(settings, everything):
    body, _ = everything
    block = body.select_one("div.highlight")
    assert block.select_one("pre > code span.k").get_text() == "def"
    assert block.select_one("pre > code span.nf").get_text() == "welcome"
    assert "Hello {name} & welcome" in block.get_text()
    expected = BeautifulSoup(MarkdownReader(settings).read(str(EVERYTHING))[0], "html.parser")
    assert str(block) == str(expected.select_one("div.highlight"))


def test_fenced_code_without_a_language_is_plain(everything):
    body, _ = everything
    assert len(body.select("div.highlight")) == 1
    plain = [pre for pre in body.select("pre") if pre.parent.name != "div"]
    assert [str(pre) for pre in plain] == ["<pre><code>no language here\n</code></pre>"]


def test_fenced_code_in_an_unknown_language_is_plain(read, tmp_path):
    body, _ = read(write(tmp_path / "unknown.md", "```nosuchlanguage\na < b\n```\n"))
    assert body == '<pre><code class="language-nosuchlanguage">a &lt; b\n</code></pre>'


def test_raw_html_passes_through(everything):
    body, _ = everything
    assert body.select_one("div.callout > p > em").get_text() == "HTML"


def test_intrasite_links_keep_their_braces_for_pelican(everything):
    body, _ = everything
    assert body.select_one('a[href^="{"]')["href"] == "{filename}/tips/other.en.md"
    image = body.select_one("img")
    assert image["src"] == "{static}/images/window.png"
    assert image["alt"] == "A shop window"


def test_every_intrasite_kind_and_the_bar_form_are_restored(read, tmp_path):
    links = {
        "{filename}../tips/a b.md": "{filename}../tips/a%20b.md",  # Pelican also tries the unquoted path
        "{attach}/files/list.pdf": "{attach}/files/list.pdf",
        "{category}Customer care": "{category}Customer care",
        "{tag}ystävät": "{tag}ystävät",  # Pelican slugifies what it gets: no percent-encoding
        "{author}Zoë": "{author}Zoë",
        "{index}": "{index}",
        "|filename|/tips/old.md": "{filename}/tips/old.md",
    }
    text = " ".join(f"[x](<{destination}>)" for destination in links)
    body, _ = read(write(tmp_path / "links.md", text + "\n"))
    hrefs = [a["href"] for a in BeautifulSoup(body, "html.parser").select("a")]
    assert hrefs == [href.replace("|filename|", "{filename}") for href in links.values()]


def test_bare_urls_stay_text_and_angle_brackets_make_links(everything):
    body, _ = everything
    assert [a["href"] for a in body.select('a[href^="https"]')] == ["https://example.org/angle"]
    assert "Bare https://example.org/bare stays text" in body.get_text()


def test_rendering_frees_what_cmark_allocates():
    statm = Path("/proc/self/statm")
    if not statm.exists():
        pytest.skip("measured with Linux's /proc")
    assert rendering._FREEING is not None, "cmark's free functions were not found: every file would leak"
    text = EVERYTHING.read_text(encoding="utf-8") * 10

    def resident():
        return int(statm.read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")

    rendering.to_html(text)
    before = resident()
    for _ in range(500):
        rendering.to_html(text)
    # without freeing, this grows by about 100 MB
    assert resident() - before < 10 * 2**20


# warnings and errors


def test_syntax_cmark_does_not_have_is_reported_with_its_line(read, caplog):
    with caplog.at_level(logging.WARNING):
        body, _ = read(UNSUPPORTED)
    warnings = [record.getMessage() for record in caplog.records if record.levelno == logging.WARNING]
    expected = {
        4: "an attribute list ({#custom-id})",
        7: "an attribute list ({: .note })",
        9: "an abbreviation (*[HTML]: Hyper Text Markup Language)",
        12: "a definition list (:   Its definition)",
        14: 'markdown="1" in HTML (<div markdown="1">)',
    }
    assert [message.split(" is not supported")[0] for message in warnings] == [
        f"{UNSUPPORTED}:{line}: {what}" for line, what in expected.items()
    ]
    for message in warnings:
        assert "would show as plain text; write" in message
    assert "{#custom-id}" in body  # the writer sees what the warning said


def test_a_file_that_is_not_utf8_is_a_clear_error(read, tmp_path, caplog):
    path = tmp_path / "latin1.md"
    path.write_bytes("Title: Café\nDate: 2026-01-01\n\nCrème brûlée.\n".encode("latin-1"))
    with pytest.raises(SourceEncodingError) as raised:
        read(path)
    assert str(raised.value) == (
        f"{path}:1: is not UTF-8 text (byte 0xe9 cannot be read): save the file as UTF-8 in your editor"
    )
    # Pelican itself only says "Could not process <file>": the reason is logged too
    assert str(raised.value) in caplog.text


# registration


def test_registering_reads_every_markdown_extension_with_cmark(settings):
    # importing the plugin alone changes nothing
    assert type(Readers(settings).readers["md"]) is MarkdownReader
    register()
    try:
        readers = Readers(settings)
    finally:
        signals.readers_init.disconnect(use_cmark)
    for extension in ("md", "markdown", "mkd", "mdown"):
        assert type(readers.readers[extension]) is CmarkReader


def test_an_extension_turned_off_in_readers_stays_off():
    settings = read_settings(str(DEV_SETTINGS), override={"READERS": {"mdown": None}})
    register()
    try:
        readers = Readers(settings)
    finally:
        signals.readers_init.disconnect(use_cmark)
    assert "mdown" not in readers.readers
    assert type(readers.readers["md"]) is CmarkReader
