import pytest

from hub.source_hash import SourceError, file_hash, meaningful_text, record_hash, text_hash

TIP = """Title: Give before you ask
Date: 2026-06-02 09:00
Category: Giving first
Tags: reciprocity, free advice
Summary: A free fringe trim costs you little
    and earns real goodwill.
Slug: give-before-you-ask

Most marketing starts with a request.

## Why giving first works

Reciprocity is good manners, scaled up.
"""


def test_the_hash_is_12_hex_digits_of_sha256_of_title_summary_and_body():
    digest = text_hash(TIP)
    assert len(digest) == 12 and set(digest) <= set("0123456789abcdef")
    assert meaningful_text(TIP).splitlines()[:3] == [
        "Title: Give before you ask",
        "Summary: A free fringe trim costs you little",
        "and earns real goodwill.",
    ]


@pytest.mark.parametrize(
    "variant",
    [
        TIP.replace("\n", "\r\n"),
        TIP.replace("\n", "\r"),
        "\ufeff" + TIP,
        "\ufeff" + TIP.replace("\n", "\r\n"),
        TIP.replace("\n", "   \n"),  # trailing spaces on every line
        TIP + "\n\n  \n",
        TIP.replace("Date: 2026-06-02 09:00", "Date: 2027-01-01"),  # not what a translation is made from
        TIP.replace("Tags: reciprocity, free advice", "Tags: reciprocity"),
        TIP.replace("Slug: give-before-you-ask\n", "Slug: give-before-you-ask\nSource_Hash: 0123456789ab\n"),
    ],
)
def test_line_endings_bom_trailing_whitespace_and_other_metadata_do_not_change_the_hash(variant):
    assert text_hash(variant) == text_hash(TIP)


@pytest.mark.parametrize(
    "old, new",
    [
        ("Title: Give before you ask", "Title: Give before you ask twice"),
        ("and earns real goodwill.", "and earns goodwill."),
        ("scaled up.", "scaled out."),
        ("## Why giving first works", "## Why giving works"),
    ],
)
def test_a_word_changed_in_the_title_summary_or_body_changes_the_hash(old, new):
    assert text_hash(TIP.replace(old, new)) != text_hash(TIP)


def test_the_hash_of_a_file_is_the_hash_of_its_text(tmp_path):
    path = tmp_path / "tip.en.md"
    path.write_bytes(("\ufeff" + TIP.replace("\n", "\r\n")).encode("utf-8"))
    assert file_hash(path) == text_hash(TIP)


def test_mark_adds_one_line_after_the_metadata_and_keeps_every_other_byte(tmp_path):
    path = tmp_path / "tip.fr.md"
    path.write_text(TIP, encoding="utf-8")
    assert record_hash(path, "0123456789ab") is None
    expected = TIP.replace("Slug: give-before-you-ask\n", "Slug: give-before-you-ask\nSource_Hash: 0123456789ab\n")
    assert path.read_bytes() == expected.encode("utf-8")


def test_mark_keeps_a_bom_and_crlf_line_endings(tmp_path):
    path = tmp_path / "tip.fr.md"
    original = ("\ufeff" + TIP.replace("\n", "\r\n")).encode("utf-8")
    path.write_bytes(original)
    record_hash(path, "0123456789ab")
    expected = original.replace(b"Slug: give-before-you-ask\r\n", b"Slug: give-before-you-ask\r\nSource_Hash: 0123456789ab\r\n")
    assert path.read_bytes() == expected


def test_mark_updates_an_existing_line_in_place(tmp_path):
    path = tmp_path / "tip.fr.md"
    marked = TIP.replace("Tags:", "source_hash:  aaaaaaaaaaaa\r\nTags:")
    path.write_bytes(marked.encode("utf-8"))
    assert record_hash(path, "0123456789ab") == "aaaaaaaaaaaa"
    assert path.read_bytes() == marked.replace("aaaaaaaaaaaa", "0123456789ab").encode("utf-8")


def test_mark_leaves_a_file_that_already_has_the_hash_untouched(tmp_path):
    path = tmp_path / "tip.fr.md"
    path.write_text(TIP.replace("Slug:", "Source_Hash: 0123456789ab\nSlug:"), encoding="utf-8")
    before = path.stat().st_mtime_ns
    assert record_hash(path, "0123456789ab") == "0123456789ab"
    assert path.stat().st_mtime_ns == before


def test_mark_after_a_continuation_line_and_in_a_file_without_a_body(tmp_path):
    path = tmp_path / "page.fr.md"
    path.write_text("Title: À propos\nSummary: Une ligne\n    et une autre", encoding="utf-8")
    record_hash(path, "0123456789ab")
    assert path.read_text(encoding="utf-8") == "Title: À propos\nSummary: Une ligne\n    et une autre\nSource_Hash: 0123456789ab\n"


def test_a_file_without_metadata_cannot_be_marked(tmp_path):
    path = tmp_path / "tip.fr.md"
    path.write_text("Just text.\n", encoding="utf-8")
    with pytest.raises(SourceError, match="has no metadata header"):
        record_hash(path, "0123456789ab")
    assert path.read_text(encoding="utf-8") == "Just text.\n"
