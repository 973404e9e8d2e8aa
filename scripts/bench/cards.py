"""Time the social cards' drawing of a corpus's titles, several ways, in one process.

    python scripts/bench/cards.py CORPUS [WAY ...] [--cards 4000] [--build-cpu S] [--build-wall S]

CORPUS is a folder of tips (CORPUS/tips/*.md, e.g. one scripts/bench/corpus.py wrote). Each WAY is a commit
or a folder holding a copy of plugins/social_cards (changed to draw another way); the first is the one the
others are compared with, and a way given alone is compared with the working tree's plugins/social_cards
(with none: HEAD is). Every card is drawn every way, each way going first in turn, so that a change in the
machine's load falls on all alike. It prints each way's CPU and wall time per card and for all of them,
and each way's difference from the first: in seconds and, given the CPU and wall seconds of a full build
(--build-cpu, --build-wall), as a share of it; then how many cards have the very same pixels every way.
Run it with the hub's Python.
"""

import argparse
import importlib
import io
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from babel import Locale
from PIL import Image, ImageChops, ImageStat

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
PLUGIN = "plugins/social_cards"
SITE_NAME = "Reciprocity Hub"


def corpus_cards(corpus, count):
    """(title, caption) of the first `count` tips of the corpus, in file name order."""
    cards = []
    for path in sorted((Path(corpus) / "tips").glob("*.md"))[:count]:
        head = path.read_text(encoding="utf-8").split("\n\n", 1)[0]
        title = re.search(r"^Title:\s*(.*)$", head, re.M).group(1)
        lang = re.search(r"^Lang:\s*(\S+)", head, re.M)
        code = lang.group(1) if lang else path.name.split(".")[-2]
        cards.append((title, Locale.parse(code).get_display_name(code).capitalize()))
    if not cards:
        sys.exit(f"{corpus}/tips holds no .md file: give a corpus, e.g. one scripts/bench/corpus.py wrote")
    return cards


def drawing_of(way, folder):
    """The drawing module of `way` (a folder holding the plugin, or a commit), under a name of its own."""
    package = Path(folder) / f"social_cards_{len(list(Path(folder).iterdir()))}"
    if Path(way).is_dir():
        shutil.copytree(way, package, ignore=shutil.ignore_patterns("__pycache__", "tests", "test_*"))
    else:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", way, PLUGIN], capture_output=True)
        if archive.returncode:
            sys.exit(f"{way} is neither a folder nor a commit git can give {PLUGIN} at: "
                     f"{archive.stderr.decode().strip()}")
        unpacked = Path(folder) / "unpacked"
        unpacked.mkdir()
        subprocess.run(["tar", "-x", "-C", unpacked], input=archive.stdout, check=True)
        (unpacked / PLUGIN).rename(package)
        shutil.rmtree(unpacked)
    (package / "__init__.py").write_text("")  # the drawing alone, not the plugin's Pelican receivers
    try:
        return importlib.import_module(f"{package.name}.drawing")
    except ImportError as error:
        sys.exit(f"the drawing of {way} cannot be imported ({error}): install what it needs into this venv")


def drawer(module):
    from social_cards.settings import style_from  # the same settings either way

    style = style_from({"THEME": str(ROOT / "theme")})
    fonts = module.Fonts(style)
    return lambda title, caption: module.draw_card(
        title, site_name=SITE_NAME, caption=caption, style=style, fonts=fonts
    ).png


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("ways", nargs="*", default=["HEAD", PLUGIN],
                        help=f"commits or plugin folders to compare, the first the reference (HEAD {PLUGIN})")
    parser.add_argument("--cards", type=int, default=4000)
    parser.add_argument("--build-cpu", type=float, help="CPU seconds of a full build, for the share")
    parser.add_argument("--build-wall", type=float, help="wall seconds of a full build, for the share")
    parser.add_argument("--compare", type=int, default=40, help="cards whose pixels are compared (40)")
    arguments = parser.parse_args()
    if len(arguments.ways) == 1:
        arguments.ways.append(PLUGIN)  # one way: against the working tree's
    if len(set(arguments.ways)) < 2:
        parser.error("give two ways or more to compare")

    sys.path[:0] = [str(ROOT), str(ROOT / "plugins")]
    cards = corpus_cards(arguments.corpus, arguments.cards)
    names = arguments.ways
    with tempfile.TemporaryDirectory() as folder:
        sys.path.insert(0, folder)
        ways = {name: drawer(drawing_of(name, folder)) for name in names}
        cpu, wall, size = ({name: 0 for name in names} for _ in range(3))
        pngs = {name: [] for name in names}
        for name in names:
            ways[name](*cards[0])  # fonts opened, backgrounds drawn: as in a build's first card
        for number, card in enumerate(cards):
            turn = number % len(names)
            for name in names[turn:] + names[:turn]:  # each way first in turn
                started_cpu, started_wall = time.process_time(), time.perf_counter()
                png = ways[name](*card)
                cpu[name] += time.process_time() - started_cpu
                wall[name] += time.perf_counter() - started_wall
                size[name] += len(png)
                if number < arguments.compare:
                    pngs[name].append(png)

    count = len(cards)
    reference = names[0]
    print(f"{count} cards of {arguments.corpus}, each way in turn, in one process")
    for name in names:
        print(f"  {name}: {1000 * cpu[name] / count:.3f} ms CPU and {1000 * wall[name] / count:.3f} ms wall "
              f"a card, {cpu[name]:.2f} CPU-s in all; {size[name] / count / 1024:.1f} KB a card")
    for name in names[1:]:
        more_cpu, more_wall = cpu[name] - cpu[reference], wall[name] - wall[reference]
        shares = [f"{more_cpu:+.2f} CPU-s", f"{more_wall:+.2f} s wall"]
        if arguments.build_cpu:
            share = 100 * more_cpu / arguments.build_cpu
            shares[0] += f" ({share:+.1f} % of a build of {arguments.build_cpu} CPU-s)"
        if arguments.build_wall:
            share = 100 * more_wall / arguments.build_wall
            build = f"a build of {arguments.build_wall} s, were it all on its critical path"
            shares[1] += f" ({share:+.1f} % of {build})"
        print(f"  {name} against {reference}: " + ", ".join(shares))
        same, worst = _apart(pngs[reference], pngs[name])
        rest = f"; the others {worst:.3f} levels apart on average at most" if same < len(pngs[name]) else ""
        print(f"    of the first {len(pngs[name])} cards, {same} have the very same pixels{rest}")


def _apart(pngs, others):
    """How many cards have the very same pixels both ways, and the largest mean difference of the others."""
    same, worst = 0, 0
    for png, other in zip(pngs, others):
        with Image.open(io.BytesIO(png)) as one, Image.open(io.BytesIO(other)) as two:
            one, two = one.convert("RGB"), two.convert("RGB")
        if one.tobytes() == two.tobytes():
            same += 1
        else:
            worst = max(worst, max(ImageStat.Stat(ImageChops.difference(one, two)).mean))
    return same, worst


if __name__ == "__main__":
    main()
