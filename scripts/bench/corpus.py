"""A deterministic synthetic corpus for the build benchmark, shaped like content/.

    python scripts/bench/corpus.py DEST [--tips 250] [--shape current] [--seed reciprocity-bench]

writes DEST/tips/<name>.<lang>.md: N tips, in each language of LANGUAGES (en, fr, pl, fi) or, for some
shapes, in one of them only, with headings, lists, emphasis, {filename} links to other tips and external
links, and the metadata a writer gives (Title, Date, Category, Tags, Summary, Slug, Lang, Freebie on some,
Source_Hash on the translations); then copies the real content/pages, content/freebies and content/images
beside them, so that a build of DEST uses every feature of the hub. The shape (SHAPES) sets how long the tips
are, how many tags each has and how many languages each is written in; `current` is about 800 words, 2-4
tags, every tip in all four languages. The same arguments give the same bytes on every run and every machine:
all the randomness comes from random.Random seeded with strings, and nothing depends on the clock.
"""

import argparse
import random
import re
import shutil
import sys
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from words import CATEGORIES, EXTERNAL_SITES, HEADINGS, LINK_WORDS, TAGS, WORDS

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.append(str(ROOT / "plugins"))
sys.path.append(str(ROOT))  # the hub's library, hub/
from hub.source_hash import text_hash  # noqa: E402  (translations record it as the hub does)

SOURCE_CONTENT = ROOT / "content"
LANGUAGES = ["en", "fr", "pl", "fi"]  # the first is the source language, as in pelicanconf.py
COPIED_FOLDERS = ["pages", "freebies", "images"]
DEFAULT_SEED = "reciprocity-bench"
DEFAULT_TIPS = 250
MARKER = ".bench-corpus"  # marks a folder this script wrote, so it may be replaced
FIRST_DATE = datetime(2022, 1, 3, 9, 0)
TITLE_LIMIT = 60  # the hub's checks allow 65
SUMMARY_LIMIT = 155  # and 160
FREEBIE_EVERY = 6  # one tip in six offers a freebie


@dataclass(frozen=True)
class Shape:
    """What a corpus is made of, besides how many tips it has."""

    about: str  # what it is, for the results page
    words: tuple = (690, 750)  # running words of a body, drawn per tip (about 50 more count as prose)
    sentences: tuple = (3, 6)  # per paragraph
    tags: tuple = (2, 4)  # per tip
    tag_vocabulary: int = 16  # drawn from the first this many of words.TAGS
    one_language: bool = False  # half the tips in one language only, spread over the four


SHAPES = {
    "current": Shape("about 800 words, 2–4 tags of 16, every tip in all four languages"),
    "short": Shape("about 150 words, 2–4 tags of 16, every tip in all four languages",
                   words=(115, 130), sentences=(1, 3)),
    "long": Shape("about 3,000 words, 2–4 tags of 16, every tip in all four languages", words=(2830, 2910)),
    "few-tags": Shape("about 800 words, 0–1 tag of 16, every tip in all four languages", tags=(0, 1)),
    "many-tags": Shape(f"about 800 words, 10–14 tags of {len(TAGS['en'])}, every tip in all four languages",
                       tags=(10, 14), tag_vocabulary=len(TAGS["en"])),
    "one-language-half": Shape("about 800 words, 2–4 tags of 16, half the tips in one language only "
                               "(a quarter of those in each), the others in all four", one_language=True),
}
DEFAULT_SHAPE = "current"


def shape_named(name):
    """The Shape called `name`, or a SystemExit that lists the shapes there are."""
    try:
        return SHAPES[name]
    except KeyError:
        raise SystemExit(f"there is no corpus shape {name!r}: choose from {', '.join(SHAPES)}") from None

FOLD = str.maketrans({"ł": "l", "Ł": "L", "’": "", "'": "", "ß": "ss", "æ": "ae", "œ": "oe"})


def slugify_ascii(text):
    """`Ça marche, Łódź!` -> `ca-marche-lodz`."""
    text = unicodedata.normalize("NFKD", text.translate(FOLD))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def tip_key(index, seed=DEFAULT_SEED):
    """The translation key (file name without `.lang.md`) of tip number `index`."""
    rng = random.Random(f"{seed}/key/{index}")
    words = [w for w in WORDS["en"] if len(w) > 3 and w.isalpha()]
    return f"{rng.choice(words)}-{rng.choice(words)}-{index:04d}"


def tip_languages(tips, shape=DEFAULT_SHAPE, seed=DEFAULT_SEED):
    """[the languages tip number i is written in, the source language first] for each of `tips` tips."""
    found = [list(LANGUAGES) for _ in range(tips)]
    if shape_named(shape).one_language:
        alone = sorted(random.Random(f"{seed}/languages/{tips}").sample(range(tips), tips // 2))
        for turn, index in enumerate(alone):
            found[index] = [LANGUAGES[turn % len(LANGUAGES)]]
    return found


class Writer:
    """The text of one tip in one language."""

    def __init__(self, rng, lang, keys, index, linkable=None, sentences=(3, 6)):
        self.rng = rng
        self.lang = lang
        self.words = WORDS[lang]
        self.keys = keys
        self.index = index
        # the tips a link in this language can lead to: those written in it
        self.linkable = range(len(keys)) if linkable is None else linkable
        self.sentences = sentences
        self.count = 0  # words of running text written so far

    def _word(self):
        return self.rng.choice(self.words)

    def sentence(self, low=7, high=16, markup=True):
        rng = self.rng
        words = [self._word() for _ in range(rng.randint(low, high))]
        words[0] = words[0][0].upper() + words[0][1:]
        self.count += len(words)
        if markup:
            roll = rng.random()
            if roll < 0.12:
                at = rng.randrange(len(words))
                words[at] = f"*{words[at]}*"
            elif roll < 0.2 and len(words) > 3:
                at = rng.randrange(len(words) - 1)
                words[at : at + 2] = [f"**{words[at]} {words[at + 1]}**"]
        return " ".join(words) + rng.choice(".....?!")

    def internal_link(self):
        others = [k for k in self.linkable if k != self.index] or [self.index]
        target = self.keys[self.rng.choice(others)]
        anchor = self.rng.choice(LINK_WORDS[self.lang])
        self.count += len(anchor.split())
        return f"[{anchor}]({{filename}}/tips/{target}.{self.lang}.md)"

    def external_link(self):
        anchor = self.rng.choice(LINK_WORDS[self.lang])
        self.count += len(anchor.split())
        slug = slugify_ascii(f"{self._word()} {self._word()}") or "guide"
        return f"[{anchor}]({self.rng.choice(EXTERNAL_SITES)}{slug})"

    def paragraph(self, links=()):
        sentences = [self.sentence() for _ in range(self.rng.randint(*self.sentences))]
        for link in links:
            at = self.rng.randrange(len(sentences))
            sentences[at] = f"{sentences[at][:-1]} ({link()}){sentences[at][-1]}"
        return " ".join(sentences)

    def bullets(self):
        items = []
        for _ in range(self.rng.randint(4, 6)):
            item = self.sentence(4, 10, markup=False)[:-1]
            item = item[0].lower() + item[1:]
            if self.rng.random() < 0.3:
                first, _, rest = item.partition(" ")
                item = f"**{first}** {rest}".rstrip()
            items.append(f"- {item}")
        return "\n".join(items)

    def numbered(self):
        return "\n".join(f"{n}. {self.sentence(5, 12)}" for n in range(1, self.rng.randint(3, 5) + 1))

    def heading(self, level=2):
        return f"{'#' * level} {self.rng.choice(HEADINGS[self.lang])}"

    def body(self, target):
        rng = self.rng
        blocks = [self.paragraph(), self.paragraph(links=[self.internal_link])]
        section = 0
        while self.count < target:
            blocks.append(self.heading(2))
            blocks.append(self.paragraph(links=[self.external_link] if section == 0 else ()))
            if self.count >= target and section:  # the first section has its list, however short the tip
                break
            blocks.append(self.bullets() if section % 2 == 0 else self.numbered())
            blocks.append(self.paragraph(links=[self.internal_link] if rng.random() < 0.6 else ()))
            if self.count < target and rng.random() < 0.4:
                blocks.append(self.heading(3))
                blocks.append(self.paragraph())
            section += 1
        return "\n\n".join(blocks) + "\n"

    def title(self):
        while True:
            title = self.sentence(3, 7, markup=False)[:-1]
            if len(title) <= TITLE_LIMIT:
                return title

    def summary(self):
        words = " ".join(self.sentence(14, 24, markup=False) for _ in range(2)).split()
        summary = ""
        for word in words:
            if len(summary) + len(word) + 2 > SUMMARY_LIMIT:
                break
            summary = f"{summary} {word}" if summary else word
        return summary.rstrip(".!?,") + "."


def freebie_names(content):
    """The names of the freebies in a content folder (`review-request-kit` for `review-request-kit.fr.md`)."""
    folder = Path(content) / "freebies"
    names = {path.name.split(".", 1)[0] for path in folder.glob("*.md")} if folder.is_dir() else set()
    return sorted(names)


def tip_files(index, keys, freebies, seed=DEFAULT_SEED, shape=DEFAULT_SHAPE, languages=None):
    """{lang: text} of tip number `index`, the source language first.

    `languages`: [the languages each tip is written in] (tip_languages()), for the links to other tips.
    """
    form = shape_named(shape)
    languages = languages or tip_languages(len(keys), shape, seed)
    draw = random.Random(f"{seed}/shape/{index}")
    date = FIRST_DATE + timedelta(days=index, minutes=draw.randrange(0, 8 * 60, 15))
    date = date.strftime("%Y-%m-%d %H:%M")
    category = draw.randrange(len(CATEGORIES["en"]))
    tags = sorted(draw.sample(range(form.tag_vocabulary), draw.randint(*form.tags)))
    target = draw.randint(*form.words)
    freebie = None
    if freebies and index % FREEBIE_EVERY == 2:
        freebie = freebies[(index // FREEBIE_EVERY) % len(freebies)]
    files, source_hash = {}, None
    for lang in languages[index]:
        linkable = [other for other, written in enumerate(languages) if lang in written]
        writer = Writer(random.Random(f"{seed}/text/{index}/{lang}"), lang, keys, index, linkable,
                        form.sentences)
        title, summary = writer.title(), writer.summary()
        writer.count = 0
        body = writer.body(target)
        meta = [
            f"Title: {title}",
            f"Date: {date}",
            f"Category: {CATEGORIES[lang][category]}",
            f"Tags: {', '.join(TAGS[lang][t] for t in tags)}" if tags else None,
            f"Summary: {summary}",
            f"Slug: {slugify_ascii(title)}-{index:04d}",
            f"Lang: {lang}",
        ]
        meta = [line for line in meta if line]
        if freebie:
            meta.append(f"Freebie: {freebie}")
        if source_hash is not None:
            meta.append(f"Source_Hash: {source_hash}")
        files[lang] = "\n".join(meta) + "\n\n" + body
        if source_hash is None:  # the first language is the source the others are translated from
            source_hash = text_hash(files[lang])
    return files


def generate(dest, tips=DEFAULT_TIPS, seed=DEFAULT_SEED, source=SOURCE_CONTENT, shape=DEFAULT_SHAPE):
    """Write the corpus into `dest` (replacing a corpus written there before); returns its tip files."""
    shape_named(shape)  # an unknown shape stops here, before anything is removed
    dest = Path(dest)
    if dest.exists():
        if not (dest / MARKER).exists() and any(dest.iterdir()):
            raise SystemExit(f"{dest} exists and was not written by {Path(__file__).name}: choose another")
        shutil.rmtree(dest)
    (dest / "tips").mkdir(parents=True)
    for folder in COPIED_FOLDERS:
        if (Path(source) / folder).is_dir():
            ignore = shutil.ignore_patterns("__pycache__")
            shutil.copytree(Path(source) / folder, dest / folder, ignore=ignore)
    freebies = freebie_names(dest)
    keys = [tip_key(index, seed) for index in range(tips)]
    languages = tip_languages(tips, shape, seed)
    written = []
    for index, key in enumerate(keys):
        for lang, text in tip_files(index, keys, freebies, seed, shape, languages).items():
            path = dest / "tips" / f"{key}.{lang}.md"
            path.write_bytes(text.encode("utf-8"))
            written.append(path)
    (dest / MARKER).write_text(f"tips={tips}\nseed={seed}\nshape={shape}\n", encoding="utf-8")
    return written


def describe(dest):
    """What a corpus written by generate() holds, for the results page: {"files", "tips", "words" (of the
    bodies), "tags" ([tags of each file]), "vocabulary" (the most distinct tags of one language), "coverage"
    ({number of languages: tips written in that many}), "alone" ({language: tips written in it alone})}."""
    written = {}  # translation key -> languages
    words, tags, vocabulary = 0, [], {}
    for path in sorted((Path(dest) / "tips").glob("*.md")):
        key, lang, _ = path.name.rsplit(".", 2)
        written.setdefault(key, []).append(lang)
        header, body = path.read_text(encoding="utf-8").split("\n\n", 1)
        words += len(body.split())
        found = next((line[len("Tags: "):].split(", ") for line in header.split("\n")
                      if line.startswith("Tags: ")), [])
        tags.append(len(found))
        vocabulary.setdefault(lang, set()).update(found)
    coverage, alone = {}, {}
    for languages in written.values():
        coverage[len(languages)] = coverage.get(len(languages), 0) + 1
        if len(languages) == 1:
            alone[languages[0]] = alone.get(languages[0], 0) + 1
    return {"files": len(tags), "tips": len(written), "words": words, "tags": tags,
            "vocabulary": max(map(len, vocabulary.values()), default=0), "coverage": coverage, "alone": alone}


def edit_one_word(path, word):
    """Replace one word in the middle of a tip's body with `word`; returns the file's previous bytes."""
    path = Path(path)
    original = path.read_bytes()
    lines = original.decode("utf-8").split("\n")
    body_start = lines.index("") + 1
    paragraphs = [
        n for n in range(body_start, len(lines))
        if lines[n] and not lines[n].startswith(("#", "-", "*")) and not lines[n][0].isdigit()
    ]
    n = paragraphs[len(paragraphs) // 2]
    words = lines[n].split(" ")
    at = next(i for i, w in enumerate(words) if i > 0 and w.isalpha())
    words[at] = word
    lines[n] = " ".join(words)
    path.write_bytes("\n".join(lines).encode("utf-8"))
    return original


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest", help="the folder to write (replaced if this script wrote it before)")
    parser.add_argument("--tips", type=int, default=DEFAULT_TIPS,
                        help="tips (default 250), each in all four languages or, for some shapes, in one")
    parser.add_argument("--shape", default=DEFAULT_SHAPE, choices=SHAPES,
                        help=f"what the tips are like (default {DEFAULT_SHAPE}): "
                             + "; ".join(f"{name}: {shape.about}" for name, shape in SHAPES.items()))
    parser.add_argument("--seed", default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    written = generate(args.dest, args.tips, args.seed, shape=args.shape)
    print(f"{len(written)} tip files ({args.tips} tips, {args.shape}: {SHAPES[args.shape].about}) "
          f"in {args.dest}")


if __name__ == "__main__":
    main()
