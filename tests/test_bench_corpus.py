"""The benchmark's synthetic corpus (scripts/bench/corpus.py): the same bytes every time, N tips per language
with metadata the hub's own checks accept, about 800 words each. No timing here."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TIPS = 12
LANGUAGES = ["en", "fr", "pl", "fi"]
REQUIRED = ["title", "date", "category", "tags", "summary", "slug", "lang"]


sys.path.append(str(ROOT / "scripts" / "bench"))
import corpus  # noqa: E402


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bench") / "content"
    corpus.generate(folder, TIPS)
    return folder


def tree(folder):
    files = sorted(path for path in folder.rglob("*") if path.is_file())
    return {str(path.relative_to(folder)): path.read_bytes() for path in files}


def split(path):
    """(metadata {lowercased key: value}, body) of a tip file."""
    header, body = path.read_text(encoding="utf-8").split("\n\n", 1)
    metadata = {}
    for line in header.split("\n"):
        key, _, value = line.partition(": ")
        metadata[key.lower()] = value
    return metadata, body


def prose_words(body):
    """The words a reader reads: no heading or list markers, no link targets, no emphasis marks."""
    text = re.sub(r"\]\([^)]*\)", "]", body)
    text = re.sub(r"(?m)^(#+|-|\d+\.)\s", "", text)
    return [word for word in re.sub(r"[*\[\]()]", " ", text).split() if any(c.isalpha() for c in word)]


def test_two_generations_give_the_same_bytes(generated, tmp_path):
    again = tmp_path / "again"
    corpus.generate(again, TIPS)
    assert tree(again) == tree(generated)


def test_a_second_generation_in_the_same_folder_replaces_the_first(generated, tmp_path):
    folder = tmp_path / "content"
    corpus.generate(folder, TIPS + 3)
    corpus.generate(folder, TIPS)
    assert tree(folder) == tree(generated)


def test_a_folder_it_did_not_write_is_left_alone(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(SystemExit):
        corpus.generate(tmp_path, 2)
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_n_tips_in_each_language_with_their_metadata(generated):
    tips = sorted((generated / "tips").glob("*.md"))
    assert len(tips) == TIPS * len(LANGUAGES)
    freebies = corpus.freebie_names(ROOT / "content")
    offered = set()
    for lang in LANGUAGES:
        files = [path for path in tips if path.name.endswith(f".{lang}.md")]
        assert len(files) == TIPS
        slugs = set()
        for path in files:
            metadata, _ = split(path)
            assert all(metadata.get(key) for key in REQUIRED), path.name
            assert metadata["lang"] == lang
            assert len(metadata["title"]) <= 65 and len(metadata["summary"]) < 160
            assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", metadata["date"])
            assert metadata["category"] in corpus.CATEGORIES[lang]
            slugs.add(metadata["slug"])
            if "freebie" in metadata:
                assert metadata["freebie"] in freebies
                offered.add(path.name.split(".")[0])
            assert ("source_hash" in metadata) == (lang != "en")
        assert len(slugs) == TIPS
    assert freebies and offered, "some tips offer the real freebies"


def test_the_real_pages_and_freebies_are_copied(generated):
    for folder in ("pages", "freebies"):
        source = ROOT / "content" / folder
        assert tree(generated / folder) == tree(source)


def test_each_tip_is_about_800_words_with_headings_lists_and_links(generated):
    counts = []
    for path in sorted((generated / "tips").glob("*.md")):
        _, body = split(path)
        counts.append(len(prose_words(body)))
        assert re.search(r"(?m)^## ", body) and re.search(r"(?m)^- ", body), path.name
        assert "{filename}/tips/" in body and "](https://" in body, path.name
        assert "*" in body
    assert all(650 <= count <= 950 for count in counts), counts
    assert 750 <= sum(counts) / len(counts) <= 850


def test_the_translations_have_letters_of_their_language(generated):
    for lang, letters in {"fr": "éèàçô", "pl": "ąęłóśżźćń", "fi": "äö"}.items():
        text = "".join(path.read_text(encoding="utf-8") for path in (generated / "tips").glob(f"*.{lang}.md"))
        assert any(letter in text for letter in letters), lang


def test_source_hashes_match_the_english_text_as_the_hub_hashes_it(generated):
    sources = pytest.importorskip("translation_status.sources")
    for path in sorted((generated / "tips").glob("*.fr.md")):
        english = path.with_name(path.name.replace(".fr.md", ".en.md"))
        assert split(path)[0]["source_hash"] == sources.file_hash(english)


def test_the_hubs_content_checks_accept_it(generated):
    environment = {**os.environ, "PYTHONPATH": f"{ROOT}:{ROOT / 'plugins'}"}
    checked = subprocess.run(
        [sys.executable, "-m", "content_checks", "-s", "pelicanconf.py", "--path", str(generated)],
        cwd=ROOT, env=environment, capture_output=True, text=True, check=False,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "no problems" in checked.stdout


def test_editing_one_word_changes_one_word(generated, tmp_path):
    path = tmp_path / "tip.en.md"
    original = next((generated / "tips").glob("*.en.md")).read_bytes()
    path.write_bytes(original)
    assert corpus.edit_one_word(path, "zqxedit") == original
    before, after = original.decode().split(), path.read_text(encoding="utf-8").split()
    assert len(before) == len(after)
    changed = [(old, new) for old, new in zip(before, after, strict=True) if old != new]
    assert len(changed) == 1 and changed[0][1] == "zqxedit"
