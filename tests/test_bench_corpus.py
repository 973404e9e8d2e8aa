"""The benchmark's synthetic corpus (scripts/bench/corpus.py): the same bytes every time, N tips per language
with metadata the hub's own checks accept, about 800 words each; and its other shapes (short and long tips,
few and many tags, half the tips in one language only). No timing here."""

import math
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

SHAPES = ["current", "short", "long", "few-tags", "many-tags", "one-language-half"]
EVERYDAY_TAGS = 16  # the first tags of words.TAGS, which all but many-tags draw from


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bench") / "content"
    corpus.generate(folder, TIPS)
    return folder


@pytest.fixture(scope="module")
def shaped(tmp_path_factory):
    """{shape: the content folder of a corpus of TIPS tips of that shape}."""
    root = tmp_path_factory.mktemp("shapes")
    folders = {}
    for shape in SHAPES:
        folders[shape] = root / shape / "content"
        corpus.generate(folders[shape], TIPS, shape=shape)
    return folders


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


def test_the_stock_contenders_have_a_template_for_every_page_the_corpus_copies(generated):
    """Stock Pelican renders the copied pages with its own theme: a `Template:` it has no file for fails its build."""
    named = {match.group(1) for path in (generated / "pages").rglob("*.md")
             for match in [re.search(r"^Template:\s*(\S+)", path.read_text(encoding="utf-8"), re.MULTILINE)] if match}
    assert named, "the copied pages name no template of their own"
    stock = {path.stem for path in (ROOT / "scripts" / "bench" / "stock_templates").glob("*.html")}
    assert named <= stock, f"add to scripts/bench/stock_templates: {sorted(named - stock)}"


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
    sources = pytest.importorskip("hub.source_hash")
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


# -- shapes ----------------------------------------------------------------------------------------


def tips_of(folder):
    """{translation key: {lang: (metadata, body)}} of a corpus."""
    found = {}
    for path in sorted((folder / "tips").glob("*.md")):
        key, lang, _ = path.name.rsplit(".", 2)
        found.setdefault(key, {})[lang] = split(path)
    return found


def tag_list(metadata):
    return [tag for tag in metadata.get("tags", "").split(", ") if tag]


def test_every_shape_is_offered():
    assert list(corpus.SHAPES) == SHAPES
    assert all(corpus.SHAPES[shape].about for shape in SHAPES)


def test_the_current_shape_is_the_corpus_of_before(generated, tmp_path):
    corpus.generate(tmp_path / "current", TIPS, shape="current")
    assert tree(tmp_path / "current") == tree(generated)


@pytest.mark.parametrize("shape", SHAPES)
def test_each_shape_gives_the_same_bytes_every_time_and_other_bytes_for_another_seed(shaped, shape, tmp_path):
    corpus.generate(tmp_path / "again", TIPS, shape=shape)
    assert tree(tmp_path / "again") == tree(shaped[shape])
    corpus.generate(tmp_path / "seeded", TIPS, seed="another seed", shape=shape)
    assert tree(tmp_path / "seeded") != tree(shaped[shape])


@pytest.mark.parametrize(("shape", "low", "high", "mean_low", "mean_high"), [
    ("current", 650, 950, 750, 850),
    ("short", 100, 250, 130, 170),
    ("long", 2700, 3300, 2900, 3100),
    ("few-tags", 650, 950, 750, 850),
    ("many-tags", 650, 950, 750, 850),
    ("one-language-half", 650, 950, 750, 850),
])
def test_each_shape_has_its_length_of_tip(shaped, shape, low, high, mean_low, mean_high):
    counts = []
    for path in sorted((shaped[shape] / "tips").glob("*.md")):
        _, body = split(path)
        counts.append(len(prose_words(body)))
        # however long, a tip has what a writer's tip has
        assert re.search(r"(?m)^## ", body) and re.search(r"(?m)^(- |\d+\. )", body), path.name
        assert "{filename}/tips/" in body and "](https://" in body, path.name
    assert all(low <= count <= high for count in counts), counts
    assert mean_low <= sum(counts) / len(counts) <= mean_high


@pytest.mark.parametrize(("shape", "fewest", "most"), [
    ("current", 2, 4), ("short", 2, 4), ("long", 2, 4), ("one-language-half", 2, 4), ("few-tags", 0, 1),
])
def test_each_shape_has_its_number_of_tags_from_the_everyday_ones(shaped, shape, fewest, most):
    counts = set()
    for versions in tips_of(shaped[shape]).values():
        for lang, (metadata, _) in versions.items():
            tags = tag_list(metadata)
            counts.add(len(tags))
            assert all(tag in corpus.TAGS[lang][:EVERYDAY_TAGS] for tag in tags), tags
            if not tags:
                assert "tags" not in metadata, "no empty Tags line"
    assert min(counts) == fewest and max(counts) <= most
    assert len(counts) > 1


def test_many_tags_gives_each_tip_ten_or_more_from_a_larger_vocabulary_so_tag_pages_dominate(shaped):
    pagination = int(re.search(r"(?m)^DEFAULT_PAGINATION = (\d+)", (ROOT / "pelicanconf.py").read_text())[1])
    tips = tips_of(shaped["many-tags"])
    for lang in LANGUAGES:
        tagged = {}
        for versions in tips.values():
            tags = tag_list(versions[lang][0])
            assert len(tags) >= 10 and len(set(tags)) == len(tags), tags
            assert all(tag in corpus.TAGS[lang] for tag in tags)
            for tag in tags:
                tagged[tag] = tagged.get(tag, 0) + 1
        assert len(tagged) > EVERYDAY_TAGS
        listing_pages = sum(math.ceil(count / pagination) for count in tagged.values())
        assert listing_pages > 2 * len(tips), "the tag pages outnumber the tips' own"


@pytest.mark.parametrize("shape", SHAPES)
def test_the_versions_of_a_tip_agree_on_their_tags_and_category(shaped, shape):
    for versions in tips_of(shaped[shape]).values():
        topics = {
            (corpus.CATEGORIES[lang].index(metadata["category"]),
             tuple(corpus.TAGS[lang].index(tag) for tag in tag_list(metadata)))
            for lang, (metadata, _) in versions.items()
        }
        assert len(topics) == 1


@pytest.mark.parametrize("shape", [shape for shape in SHAPES if shape != "one-language-half"])
def test_every_tip_is_in_every_language(shaped, shape):
    assert all(sorted(versions) == sorted(LANGUAGES) for versions in tips_of(shaped[shape]).values())
    assert len(tips_of(shaped[shape])) == TIPS


def test_one_language_half_has_half_the_tips_in_one_language_spread_over_the_four(shaped):
    tips = tips_of(shaped["one-language-half"])
    assert len(tips) == TIPS
    alone = [next(iter(versions)) for versions in tips.values() if len(versions) == 1]
    everywhere = [key for key, versions in tips.items() if sorted(versions) == sorted(LANGUAGES)]
    assert len(alone) == TIPS // 2 and len(everywhere) == TIPS - TIPS // 2
    per_language = [alone.count(lang) for lang in LANGUAGES]
    assert min(per_language) >= 1 and max(per_language) - min(per_language) <= 1, per_language
    for versions in tips.values():
        for lang, (metadata, _) in versions.items():
            # a tip written in one language is its own source, whatever the language
            assert ("source_hash" in metadata) == (len(versions) > 1 and lang != "en")


@pytest.mark.parametrize("shape", SHAPES)
def test_every_link_to_another_tip_leads_to_a_file_of_the_corpus(shaped, shape):
    folder = shaped[shape]
    for path in sorted((folder / "tips").glob("*.md")):
        for target in re.findall(r"\{filename\}/(tips/[^)]+)\)", path.read_text(encoding="utf-8")):
            assert (folder / target).is_file(), f"{path.name} links to {target}"
            assert target.endswith(path.name[-6:]), "a link stays in its language"


def test_the_corpus_says_what_it_holds(shaped):
    described = corpus.describe(shaped["one-language-half"])
    assert described["tips"] == TIPS
    assert described["coverage"] == {1: TIPS // 2, 4: TIPS - TIPS // 2}
    assert sum(described["alone"].values()) == TIPS // 2
    assert described["files"] == len(list((shaped["one-language-half"] / "tips").glob("*.md")))
    assert max(corpus.describe(shaped["many-tags"])["tags"]) >= 10
    assert corpus.describe(shaped["few-tags"])["tags"].count(0) > 0


@pytest.mark.parametrize("shape", [shape for shape in SHAPES if shape != "current"])
def test_the_hubs_content_checks_accept_every_shape(shaped, shape):
    environment = {**os.environ, "PYTHONPATH": f"{ROOT}:{ROOT / 'plugins'}"}
    checked = subprocess.run(
        [sys.executable, "-m", "content_checks", "-s", "pelicanconf.py", "--path", str(shaped[shape])],
        cwd=ROOT, env=environment, capture_output=True, text=True, check=False,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "no problems" in checked.stdout


@pytest.mark.parametrize("shape", SHAPES)
def test_one_word_of_any_shape_can_be_edited(shaped, shape, tmp_path):
    path = tmp_path / "tip.en.md"
    original = next((shaped[shape] / "tips").glob("*.en.md")).read_bytes()
    path.write_bytes(original)
    corpus.edit_one_word(path, "zqxedit")
    assert path.read_text(encoding="utf-8").split().count("zqxedit") == 1


def test_an_unknown_shape_is_named_with_the_shapes_there_are_and_nothing_is_removed(generated, tmp_path):
    folder = tmp_path / "content"
    corpus.generate(folder, 2)
    before = tree(folder)
    with pytest.raises(SystemExit, match=r"'tiny'.*current, short, long"):
        corpus.generate(folder, 2, shape="tiny")
    assert tree(folder) == before
    script = ROOT / "scripts" / "bench" / "corpus.py"
    refused = subprocess.run([sys.executable, str(script), str(folder), "--shape", "tiny"],
                             capture_output=True, text=True, check=False)
    assert refused.returncode == 2 and "invalid choice: 'tiny'" in refused.stderr
    assert "Traceback" not in refused.stderr
