"""Build benchmark: the hub against stock Pelican + i18n_subsites and plain Pelican, on corpora of each shape.

    python scripts/bench/run.py [--tips 250|1000] [--shapes all|current,short,...] [--runs 3] [--warmup 1]
                                [--output docs/benchmark.md]

`make bench` (bench.mk) creates the benchmark's virtual environment (.bench/venv: stock Pelican and
pelican-i18n-subsites at the hub's versions) and runs this with the hub's own Python.

The shapes (corpus.SHAPES: current, short, long, few-tags, many-tags, one-language-half) are measured one
after the other, each on a corpus of its own. For each contender, in every run (the order rotates from run
to run):
  1. full build from clean: the output and cache folders are removed, then the build command runs (wall
     time; CPU user and system time of the whole process tree, and the largest process's peak RSS, from
     wait4());
  2. rebuild: one word of one tip is changed and the same command runs again into the same output (the
     contender's normal rebuild, with whatever caching its settings turn on); every output file is hashed
     before and after, which tells how many files changed bytes, and how many were written again unchanged;
  3. edit-to-page, for the hub (and with --dev-stock for the others, whose `pelican --autoreload` is one more
     full build): its dev server is started and, once its first build is done, one word of the tip is
     changed; the time is from the file being saved to the tip's page in the output holding the new word.
After the runs, one more full build from clean of each contender, untimed, measures its peak memory: the
proportional set size of the build's whole process tree (its own processes and the programs it starts),
read from /proc every 50 ms.
Medians and min-max are printed as a table per shape and a summary (shape × contender), and written to a
Markdown page with the machine's facts, one section per shape.
"""

import argparse
import itertools
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

sys.path.append(str(Path(__file__).resolve().parent))

import harness  # noqa: E402
from harness import BENCH_VENV, ROOT, WORK, Background, corpus  # noqa: E402

BASELINE = "i18n_subsites"
PLAIN = "plain"
DEFAULT_OUTPUT = ROOT / "docs" / "benchmark.md"
SETTLE = 60  # seconds between removing many files and the next measured build (see Trash)


def marker(number):
    """A word that appears nowhere in the corpus: zqxaedit, zqxbedit, ..."""
    letters = ""
    number += 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(97 + rest) + letters
    return f"zqx{letters}edit"


class Trash:
    """The outputs and caches of earlier builds, moved aside, and removed between shapes.

    Removed files would cost the builds after them: on ext4 without a journal, an inode freed in the last
    minute (six, while its block is not yet written) is passed over, one by one, when a new one is looked for,
    so a build soon after the removal of thousands of files, its own or another contender's, pays for that
    removal again in system time. So nothing is removed while a shape is measured, and after a removal the
    disk is synced and the next measured build waits until `settle` seconds have passed.
    """

    def __init__(self, folder, settle=SETTLE):
        self.folder = Path(folder)
        self.settle = settle
        self.moved = itertools.count()  # a name of its own for each folder moved there
        self.emptied = None

    def put(self, folder):
        if folder.exists():
            self.folder.mkdir(parents=True, exist_ok=True)
            folder.rename(self.folder / f"{next(self.moved)}-{folder.name}")

    def empty(self):
        if self.folder.exists():
            shutil.rmtree(self.folder, ignore_errors=True)
            os.sync()
            self.emptied = time.monotonic()

    def wait(self):
        if self.emptied is None:
            return
        left = self.emptied + self.settle - time.monotonic()
        if left > 0:
            print(f"  waiting {left:.0f} s after removing the earlier outputs ...", flush=True)
            time.sleep(left)
        self.emptied = None


class Bench:
    """The runs of every contender on one shape's corpus."""

    def __init__(self, args, shape, trash):
        self.args = args
        self.shape = shape
        self.work = harness.shape_folder(args.tips, shape, args.work)
        self.logs = self.work / "logs"
        self.logs.mkdir(parents=True, exist_ok=True)
        self.trash = trash
        self.markers = 0
        self.site = None
        self.corpus = None
        self.contenders = []
        self.skipped = {}  # name -> why
        self.results = {}
        self.loads = []  # the 1-minute load average before each measurement

    def next_marker(self):
        self.markers += 1
        return marker(self.markers)

    # -- setup -------------------------------------------------------------------------------------

    def setup(self):
        args = self.args
        print(f"Generating the corpus `{self.shape}`: {args.tips} tips ...", flush=True)
        self.site = harness.prepare_site(args.tips, hub=args.hub, work=args.work, seed=args.seed,
                                         shape=self.shape)
        self.corpus = corpus.describe(self.site / "content")
        keys = [corpus.tip_key(index, args.seed) for index in range(args.tips)]
        index = edited_tip(corpus.tip_languages(args.tips, self.shape, args.seed), args.edit_lang)
        self.edited = self.site / "content" / "tips" / f"{keys[index]}.{args.edit_lang}.md"
        self.edited_slug = re.search(r"^Slug: (.+)$", self.edited.read_text(encoding="utf-8"), re.M)[1]
        wanted = set(args.only or [])
        for contender in harness.contenders(self.site, hub=args.hub, venv=args.venv):
            if wanted and contender.name not in wanted:
                continue
            why = self.missing(contender)
            if why:
                self.skipped[contender.name] = why
                print(f"  skipped {contender.name}: {why}", flush=True)
                continue
            self.contenders.append(contender)
            self.results[contender.name] = {
                "label": contender.label, "command": contender.build, "dev_label": contender.dev_label,
                "full": [], "user": [], "system": [], "kernel": [],
                "rebuild": [], "rebuild_user": [], "rebuild_system": [], "changes": [],
                "dev": [], "memory": [], "dev_memory": [], "tree_memory": [], "tree_parts": None,
                "failures": [],
                "pages": None, "done": None, "size": None,
            }

    def missing(self, contender):
        executable = Path(contender.build[0])
        if not executable.exists():
            venv = executable.parent.parent
            return f"{executable} is missing (create {venv.name}: `make bench` does it)"
        if contender.name == BASELINE:
            check = subprocess.run(  # noqa: PLW1510 (its exit status is the answer)
                [str(executable.parent / "python"), "-c", "import pelican.plugins.i18n_subsites"],
                capture_output=True, text=True,
            )
            if check.returncode:
                return "pelican-i18n-subsites is not installed in the benchmark venv"
        return None

    def dev_measured(self, contender):
        return contender.dev and not self.args.no_dev and (contender.name == "hub" or self.args.dev_stock)

    # -- measuring ---------------------------------------------------------------------------------

    def log(self, contender, what, run):
        return self.logs / f"{contender.name}-{what}-{run}.log"

    def full_build(self, contender, run):
        self.clear(contender)  # already done at the end of its previous turn, but for the first build
        os.sync()  # what the builds before wrote is on disk: writing it back does not slow this one down
        timed = harness.run_timed(contender.build, contender.cwd, self.log(contender, "full", run))
        if not timed.code:  # the size of what it built, read before the next turn removes it
            self.results[contender.name]["size"] = harness.output_size(contender.output)
        return timed

    def clear(self, contender):
        # Pelican's default CACHE_PATH: "cache" in the folder the build runs in (the hub: its site root)
        for folder in (contender.output, contender.cwd / "cache"):
            self.trash.put(folder)

    def failed(self, contender, what, run, detail):
        message = f"run {run}: {what} failed: {detail}"
        self.results[contender.name]["failures"].append(message)
        print(f"    {message}", flush=True)

    def measure(self, contender, run):
        try:
            self.measure_turn(contender, run)
        finally:
            self.clear(contender)

    def measure_turn(self, contender, run):
        result = self.results[contender.name]
        self.loads.append(os.getloadavg()[0])
        timed = self.full_build(contender, run)
        if timed.code:
            output = self.log(contender, "full", run).read_text(errors="replace")
            self.failed(contender, "full build", run, f"exit {timed.code}\n{harness.tail(output)}")
            return
        result["full"].append(timed.wall)
        result["user"].append(timed.user)
        result["system"].append(timed.system)
        result["kernel"].append(timed.kernel_share or 0.0)
        result["memory"].append(timed.peak)
        log_text = self.log(contender, "full", run).read_text(errors="replace")
        result["done"] = [line.strip() for line in log_text.splitlines() if line.startswith("Done:")]
        print(f"    full build   {timed.wall:7.2f} s   CPU user {timed.user:6.2f} s, "
              f"system {timed.system:6.2f} s ({timed.kernel_share or 0:.0f} % kernel)   "
              f"largest process {timed.peak / 2**20:6.0f} MiB", flush=True)
        if not self.rebuild(contender, run):
            return
        if self.dev_measured(contender):
            pages = result["pages"]
            target = next((page for page in pages if self.edited_slug in page), pages[0])
            self.dev_edit(contender, run, target, len(result["done"]) or 1)

    def rebuild(self, contender, run):
        """Change one word, build again into the same output; True when the word reached a page."""
        result = self.results[contender.name]
        before = harness.snapshot(contender.output)
        word = self.next_marker()
        original = corpus.edit_one_word(self.edited, word)
        try:
            timed = harness.run_timed(contender.build, contender.cwd, self.log(contender, "rebuild", run))
        finally:
            self.edited.write_bytes(original)
        if timed.code:
            self.failed(contender, "rebuild", run, f"exit {timed.code}")
            return False
        result["rebuild"].append(timed.wall)
        result["rebuild_user"].append(timed.user)
        result["rebuild_system"].append(timed.system)
        changes = harness.compare(before, harness.snapshot(contender.output))
        result["changes"].append({
            "total": changes.total, "rewritten": len(changes.rewritten),
            "changed": changes.changed, "added": changes.added, "removed": changes.removed,
        })
        pages = harness.pages_containing(contender.output, word)
        if not pages:
            self.failed(contender, "rebuild", run, f"the edited word is on no page of {contender.output}")
            return False
        result["pages"] = [str(page) for page in pages]
        print(f"    rebuild      {timed.wall:7.2f} s   {len(changes.changed)} of {changes.total:,} files "
              f"changed, {len(changes.rewritten):,} written again unchanged; the word is on {len(pages)} "
              "page(s)", flush=True)
        return True

    def dev_edit(self, contender, run, page, builds):
        result = self.results[contender.name]
        timeout = max(120.0, 5 * statistics.median(result["full"]))
        command = list(contender.dev)
        port = harness.free_port() if contender.dev_port else None
        if port:
            command += ["--port", str(port)]
        server = Background(command, contender.cwd, self.log(contender, "dev", run))
        original = None

        def gone():
            return f"exited\n{harness.tail(server.output())}"

        try:
            deadline = time.monotonic() + timeout
            while not (harness.port_open(port) if port else server.output().count("Done:") >= builds):
                if not server.alive():
                    return self.failed(contender, "dev server", run, gone())
                if time.monotonic() > deadline:
                    return self.failed(contender, "dev server", run, "its first build did not finish in time")
                time.sleep(0.05)
            time.sleep(1.0)  # let the watcher take its first look at the files
            word = self.next_marker()
            target = contender.output / page
            needle = word.encode("utf-8")
            original = corpus.edit_one_word(self.edited, word)
            saved = time.perf_counter()
            while not (target.is_file() and needle in target.read_bytes()):
                if time.perf_counter() - saved > timeout:
                    return self.failed(contender, "dev server", run, f"{page} unchanged in {timeout:.0f} s")
                if not server.alive():
                    return self.failed(contender, "dev server", run, gone())
                time.sleep(0.01)
            seconds = time.perf_counter() - saved
            result["dev"].append(seconds)
            print(f"    edit-to-page {seconds:7.2f} s   ({contender.dev_label})", flush=True)
        finally:
            peak = server.stop()
            if original is not None:
                self.edited.write_bytes(original)
            if peak:
                result["dev_memory"].append(peak)

    def run(self):
        """Every build of this shape; the trash is emptied at the end (and the next shape waits for it)."""
        try:
            self.run_all()
        finally:
            for contender in self.contenders:
                self.clear(contender)
            self.trash.empty()

    def run_all(self):
        args = self.args
        for number in range(1, args.warmup + 1):
            for contender in self.contenders:
                print(f"warm-up {number}: {contender.name} full build ...", flush=True)
                timed = self.full_build(contender, f"warmup{number}")
                self.clear(contender)
                failed = f"  (exit {timed.code})" if timed.code else ""
                print(f"    {timed.wall:7.2f} s{failed}", flush=True)
        self.trash.wait()
        for run in range(1, args.runs + 1):
            shift = (run - 1) % len(self.contenders)
            order = self.contenders[shift:] + self.contenders[:shift]
            for contender in order:
                print(f"{self.shape}, run {run}/{args.runs}: {contender.name}", flush=True)
                self.measure(contender, run)
        for number in range(1, args.memory_builds + 1):
            for contender in self.contenders:
                print(f"memory {number}/{args.memory_builds}: {contender.name} full build ...", flush=True)
                self.measure_memory(contender, number)

    def measure_memory(self, contender, number):
        result = self.results[contender.name]
        self.clear(contender)
        os.sync()
        peak, parts, code = harness.run_sampled(contender.build, contender.cwd,
                                                self.log(contender, "memory", number))
        self.clear(contender)
        if code:
            return self.failed(contender, "memory build", number, f"exit {code}")
        if peak is None:
            print("    the memory of its processes could not be read (/proc/<pid>/smaps_rollup)", flush=True)
            return None
        result["tree_memory"].append(peak)
        if peak == max(result["tree_memory"]):
            result["tree_parts"] = parts
        print(f"    peak memory  {peak / 2**20:7.0f} MiB   ({describe_parts(parts)})", flush=True)
        return None


def edited_tip(languages, lang):
    """The tip the runs edit: of those written in `lang`, the one nearest the middle, one that has every
    language if there is one (its edit is the usual one: a source whose translations now lag behind)."""
    middle = len(languages) // 2
    written = [index for index, found in enumerate(languages) if lang in found]
    if not written:
        raise SystemExit(f"no tip is written in {lang!r}: choose another --edit-lang")
    every = len(corpus.LANGUAGES)
    return min(written, key=lambda index: (len(languages[index]) < every, abs(index - middle)))


# -- reporting -------------------------------------------------------------------------------------


def describe_parts(parts):
    """The processes of a build at its memory peak: "pelican 85, pelican 96, pagefind 190" (MiB)."""
    return ", ".join(f"{name} {size / 2**20:.0f}" for name, size in parts) + " MiB"


def spread(values, unit="s", scale=1.0, digits=2):
    if not values:
        return "—"
    values = [value / scale for value in values]
    median = statistics.median(values)
    if len(values) == 1:
        return f"{median:.{digits}f} {unit}"
    return f"{median:.{digits}f} {unit} [{min(values):.{digits}f}–{max(values):.{digits}f}]"


def ratio(values, baseline):
    if not values or not baseline:
        return "—"
    return f"{statistics.median(values) / statistics.median(baseline):.2f}×"


def changed_files(result):
    """"9 of 4,057; 4,048 written again unchanged" for a contender's rebuilds (the median run's counts)."""
    changes = result["changes"]
    if not changes:
        return "—"
    count = round(statistics.median(len(change["changed"]) for change in changes))
    total = round(statistics.median(change["total"] for change in changes))
    rewritten = round(statistics.median(change["rewritten"] for change in changes))
    text = f"{count:,} of {total:,}; {rewritten:,} written again unchanged"
    added = round(statistics.median(len(change["added"]) for change in changes))
    removed = round(statistics.median(len(change["removed"]) for change in changes))
    if added or removed:
        text += f"; {added:,} added, {removed:,} removed"
    return text


def changed_kinds(paths, shown=12):
    """Changed files by the folder they are in: "fr/conseils 1, pagefind/fr 5" (two levels at most)."""
    kinds = {}
    for path in paths:
        folder = "/".join(Path(path).parts[:-1][:2]) or "(top)"
        kinds[folder] = kinds.get(folder, 0) + 1
    ranked = sorted(kinds.items(), key=lambda kind: (-kind[1], kind[0]))
    text = ", ".join(f"{folder} {count}" for folder, count in ranked[:shown])
    return text + (f", {len(ranked) - shown} more folders" if len(ranked) > shown else "")


HEADER = ["Contender", "Full build, median [min–max]", "CPU user", "CPU system", "Kernel share (sys / CPU)",
          "Peak memory of the build (all its processes)", "Rebuild after a one-word edit",
          "Files the rebuild changed (of all)", "Dev server: save to page written",
          "Full build vs i18n_subsites", "vs plain Pelican", "Runs"]


def table_rows(bench):
    base = bench.results.get(BASELINE, {}).get("full")
    plain = bench.results.get(PLAIN, {}).get("full")
    rows = []
    for result in bench.results.values():
        failures = f" ({len(result['failures'])} failed)" if result["failures"] else ""
        rows.append([
            result["label"] + failures,
            spread(result["full"]),
            spread(result["user"]),
            spread(result["system"]),
            spread(result["kernel"], "%", digits=0),
            spread(result["tree_memory"], "MiB", 2**20, 0),
            spread(result["rebuild"]),
            changed_files(result),
            spread(result["dev"]) + (f" ({result['dev_label']})" if result["dev"] else ""),
            ratio(result["full"], base),
            ratio(result["full"], plain),
            str(len(result["full"])),
        ])
    return rows


SUMMARY_HEADER = ["Shape", "Contender", "Full build (median)", "vs i18n_subsites", "vs plain Pelican",
                  "Kernel share", "Peak memory", "Rebuild after a one-word edit", "Files the rebuild changed"]


def median(values):
    return statistics.median(values) if values else None


def summary_rows(bench):
    base = bench.results.get(BASELINE, {}).get("full")
    plain = bench.results.get(PLAIN, {}).get("full")
    rows = []
    for result in bench.results.values():
        full, kernel, peak = median(result["full"]), median(result["kernel"]), median(result["tree_memory"])
        changes = result["changes"]
        rows.append([
            bench.shape,
            result["label"],
            f"{full:.2f} s" if full is not None else "—",
            ratio(result["full"], base),
            ratio(result["full"], plain),
            f"{kernel:.0f} %" if kernel is not None else "—",
            f"{peak / 2**20:.0f} MiB" if peak is not None else "—",
            f"{statistics.median(result['rebuild']):.2f} s" if result["rebuild"] else "—",
            (f"{round(statistics.median(len(c['changed']) for c in changes)):,} of "
             f"{round(statistics.median(c['total'] for c in changes)):,}") if changes else "—",
        ])
    return rows


def text_table(header, rows):
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    lines = []
    for row in [header, ["-" * w for w in widths], *rows]:
        cells = (str(cell).ljust(width) for cell, width in zip(row, widths, strict=True))
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def markdown_table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def venv_facts(python):
    script = (
        "import importlib.metadata as m, platform\n"
        "names = ['pelican', 'markdown', 'jinja2', 'pelican-i18n-subsites']\n"
        "found = []\n"
        "for n in names:\n"
        "    try: found.append(f'{n} {m.version(n)}')\n"
        "    except m.PackageNotFoundError: pass\n"
        "print('Python ' + platform.python_version() + ': ' + ', '.join(found))\n"
    )
    try:
        found = subprocess.run([str(python), "-c", script], capture_output=True, text=True, check=True)
        return found.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return f"{python}: not available"


def proc_line(path, prefix):
    """The value of the first `prefix...: value` line of a /proc file, or None."""
    try:
        lines = Path(path).read_text().splitlines()
    except OSError:
        return None
    return next((line.split(":", 1)[1].strip() for line in lines if line.startswith(prefix)), None)


def output_of(*command):
    return subprocess.run(command, capture_output=True, text=True, check=False).stdout.strip()


def corpus_fact(bench):
    """One line on what the shape's corpus holds, read from its files."""
    args, found = bench.args, bench.corpus
    every = found["coverage"].get(len(corpus.LANGUAGES), 0)
    languages = f"{every:,} in all {len(corpus.LANGUAGES)} languages"
    if found["alone"]:
        alone = ", ".join(f"{lang} {found['alone'].get(lang, 0)}" for lang in corpus.LANGUAGES)
        languages += f", {sum(found['alone'].values()):,} in one only ({alone})"
    tags = found["tags"] or [0]
    return (f"Corpus `{bench.shape}` ({corpus.SHAPES[bench.shape].about}): {found['tips']:,} tips "
            f"({languages}) = {found['files']:,} tip files, {found['words']:,} words "
            f"(about {found['words'] // max(1, found['files'])} per tip file), {min(tags)}–{max(tags)} tags "
            f"per file ({statistics.mean(tags):.1f} on average, {found['vocabulary']} distinct in a "
            "language), "
            f"seed `{args.seed}`, plus the real pages and freebies")


def machine_facts(bench):
    args = bench.args
    cpu = proc_line("/proc/cpuinfo", "model name") or "unknown CPU"
    total = proc_line("/proc/meminfo", "MemTotal")
    memory = f", {int(total.split()[0]) / 2**20:.0f} GiB RAM" if total else ""
    nproc = output_of("nproc") or str(os.cpu_count())
    hub = str(args.hub)
    commit = output_of("git", "-C", hub, "rev-parse", "--short", "HEAD")
    # the results page itself, written by the run before, is not a change to what is measured
    results = os.path.relpath(Path(args.output).resolve(), Path(hub).resolve()) if args.output else ".."
    besides = [] if results.startswith("..") else ["--", ".", f":!{results}"]
    dirty = output_of("git", "-C", hub, "status", "--porcelain", "--untracked-files=no", *besides)
    revision = commit or "unknown"
    if dirty:
        revision += " with uncommitted changes"
    loads = bench.loads or [0.0]
    load = (f"1-minute load average before each build: median {statistics.median(loads):.1f} "
            f"[{min(loads):.1f}–{max(loads):.1f}] on {nproc} core(s)")
    if max(loads) > 0.5 * int(nproc or 1):
        load += " — other processes were running: wall times are noisier than the CPU times"
    dev = "the hub's dev server" + (" and `pelican --autoreload`" if args.dev_stock else "")
    return [
        f"Date: {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC",
        f"Machine: {cpu}, {nproc} CPU core(s) available (`nproc`){memory}; {platform.platform()}",
        f"Hub: {venv_facts(Path(hub) / '.venv' / 'bin' / 'python')}; revision {revision}",
        f"Benchmark venv: {venv_facts(Path(args.venv) / 'bin' / 'python')}",
        corpus_fact(bench),
        load,
        f"Runs: {args.runs} measured (order rotated each run) after {args.warmup} warm-up build(s) each; "
        f"the edited tip is `{bench.edited.relative_to(bench.site)}`; save to page timed for "
        + ("nothing" if args.no_dev else dev),
    ]


def shorten(part, bench):
    """A path as the reader would type it: relative to the hub."""
    if not part.startswith("/"):
        return part
    for root in (Path(bench.args.hub).resolve(), ROOT):
        try:
            return str(Path(part).relative_to(root))
        except ValueError:
            continue
    return part


def done_summary(lines):
    """Pelican's `Done: Processed ...` lines, each counted once (i18n_subsites prints one per site)."""
    counted = {}
    for line in lines:
        key = re.sub(r" in [0-9.]+ seconds\.?$", "", line.removeprefix("Done: "))
        counted[key] = counted.get(key, 0) + 1
    return "; ".join(f"{key} (× {count} sites)" if count > 1 else key for key, count in counted.items())


def section(bench, rows, facts):
    lines = [f"## `{bench.shape}`: {bench.args.tips} tips", "", f"*{corpus.SHAPES[bench.shape].about}.*", ""]
    lines += [f"- {fact}" for fact in facts] + ["", markdown_table(HEADER, rows), ""]
    for name, why in bench.skipped.items():
        lines.append(f"- **{name}** was not measured: {why}.")
    lines.append("")
    lines.append(f"Commands (the corpus is in `{shorten(str(bench.site / 'content'), bench)}`):")
    lines.append("")
    for name, result in bench.results.items():
        command = " ".join(shorten(part, bench) for part in result["command"])
        where = f" in `{shorten(str(bench.site), bench)}`" if name == "hub" else ""
        dev = f"; dev server: `{result['dev_label']}`" if result["dev"] else ""
        lines.append(f"- {result['label']}{where}: `{command}`{dev}")
        if result["done"]:
            lines.append(f"  - Pelican said: {done_summary(result['done'])}")
        if result["size"]:
            files, html, size = result["size"]
            lines.append(f"  - It wrote {files:,} files ({html:,} HTML pages), {size / 2**20:.0f} MiB")
        if result["changes"]:
            last = result["changes"][-1]
            paths = last["changed"] + last["added"] + last["removed"]
            listed = f": {', '.join(f'`{path}`' for path in paths)}" if 0 < len(paths) <= 8 else ""
            kinds = f" (by folder: {changed_kinds(paths)})" if len(paths) > 8 else ""
            added, removed = len(last["added"]), len(last["removed"])
            more = f", added {added:,}, removed {removed:,}" if added or removed else ""
            lines.append(f"  - The one-word edit changed {len(last['changed']):,} of its "
                         f"{last['total']:,} files{more}{listed}{kinds}")
        if result["failures"]:
            lines.append(f"  - Failures: {'; '.join(f.splitlines()[0] for f in result['failures'])}")
    lines.append("")
    lines.append("<details><summary>Every measurement (seconds; memory in MiB)</summary>")
    lines.append("")
    for name, result in bench.results.items():
        figures = ", ".join(
            f"{key} {[round(v, 2) for v in result[key]]}"
            for key in ("full", "user", "system", "kernel", "rebuild", "rebuild_user", "rebuild_system",
                        "dev")
            if result[key]
        )
        changed = [len(change["changed"]) for change in result["changes"]]
        tree = [round(v / 2**20) for v in result["tree_memory"]]
        at_peak = f" ({describe_parts(result['tree_parts'])})" if result["tree_parts"] else ""
        largest = [round(v / 2**20) for v in result["memory"]]
        dev_memory = [round(v / 2**20) for v in result["dev_memory"]]
        dev_memory = f"; dev server, largest process {dev_memory}" if dev_memory else ""
        lines.append(f"- {name}: {figures}; files the rebuild changed {changed}; build memory, all processes "
                     f"{tree}{at_peak}; largest process of the timed builds {largest}{dev_memory}")
    lines += ["", "</details>", ""]
    return "\n".join(lines)


def summary_section(tips, rows):
    about = ("The median full build from clean of each contender on each shape, its ratios to "
             "i18n_subsites' and to plain Pelican's (below 1: faster), the kernel's share of its CPU time "
             "and its peak memory. Each shape's section below gives its date, machine and revision, and "
             "every measurement.")
    lines = [f"## Every shape: {tips} tips", "", about, "", markdown_table(SUMMARY_HEADER, rows), ""]
    return "\n".join(lines)


INTRO = """# Build benchmark

How long the hub takes to build, next to the two ways a Pelican user builds a multilingual site without it:
stock Pelican with the [i18n_subsites](https://pypi.org/project/pelican-i18n-subsites/) plugin (one sub-site
per language, default theme) and plain one-pass Pelican with no plugins (the versions of a tip linked as
Pelican's translations, default theme). All three build the same synthetic corpus in the same run, N tips with
headings, lists, links and the hub's metadata in en, fr, pl and fi, plus the real pages and freebies
(`scripts/bench/corpus.py`, the same bytes on every run), and that for corpora of several shapes, since a
speed measured on one shape need not hold on another:

- `current`: about 800 words per tip, 2–4 tags of 16, every tip in all four languages;
- `short`: about 150 words per tip; `long`: about 3,000 (otherwise as `current`);
- `few-tags`: 0–1 tag per tip; `many-tags`: 10–14 tags per tip of 64, so that tag pages outnumber the tips'
  own;
- `one-language-half`: half the tips in one language only (as many in each of the four), the others in all
  four.

Each shape is measured on its own, one after the other. For each contender, in every run, the order rotating
from run to run:

- **Full build**: wall time of the build command with no output folder and no cache folder (from clean). Those
  of earlier builds are moved aside, and removed only once the shape's runs are over (the next shape's
  measured builds wait a minute after that removal), and the disk is synced before each build, so that no
  build pays for the writing or the removal of files by the one before.
- **CPU user, CPU system, kernel share**: the user and system CPU time of the build's whole process tree (the
  build and every process it starts and waits for: the hub's background processes (cards, PDFs, checks), the search indexer), from
  `wait4()`, which other load on the machine disturbs less than wall time; the kernel share is the system
  time's share of the two.
- **Rebuild after a one-word edit**: one word of one English tip changed (a tip in all four languages, near
  the middle of the corpus), then the same command again into the same output, with whatever each contender
  keeps between builds (the hub: drawn social cards and freebie PDFs in its cache folder, and the search index
  of each language where what search reads is unchanged; stock Pelican caches no content by default).
- **Files the rebuild changed**: every output file is hashed before and after the rebuild; the count of files
  whose bytes changed (and added or removed), of all files in the output, and of those written again with the
  same bytes. A build that re-renders only what the edit changes leaves every other file as it was: only the
  tip's page and what holds its text (a feed, the search index) change. A file also changes when a build
  does not write the same bytes twice from the same sources (plain Pelican lists a tip's translations in an
  order of its own from one build to the next).
- **Dev server: save to page written**: the hub's `scripts/devserver.py` is running with its first build done;
  one word of the tip is changed, and the time runs from the file being saved until the tip's page in the
  output holds the new word (polled every 10 ms). The stock contenders' `pelican --autoreload` rebuilds the
  whole site, as long as their rebuild: `--dev-stock` times it too.
- **Peak memory of the build**: in one more full build from clean of each contender once the runs are over,
  untimed, the largest sum over the build's process tree of each process's proportional set size, read from
  `/proc/<pid>/smaps_rollup` every 50 ms. A page that n processes share (what a forked child inherits, a
  library) counts 1/n in each, so the sum counts nothing twice. Reading it slows a build down, hence a build
  of its own. The processes at that peak are listed under "Every measurement", beside the largest single
  process's maximum resident set size in the timed builds (`wait4()`).

Medians, with the minimum and maximum in brackets. Ratios divide a median by i18n_subsites' or plain Pelican's
(below 1: faster). Re-run with `make bench` (250 tips, every shape), `make bench SHAPES=short,long TIPS=1000`
for some shapes, or `make bench-1000`; `make bench RUNS=5` for more runs. Each run rewrites the sections of
the shapes it measured and their rows of the summary, and leaves the others as they are.
"""

SECTION = re.compile(r"<!-- bench:([\w:.-]+) -->\n(.*?)<!-- /bench:\1 -->\n?", re.S)
ROW = re.compile(r"^\| (.+) \|$")


def read_sections(text):
    """{key: text} of the sections a run wrote: "summary:250", "short:250", ... (a bare "250": `current`)."""
    sections = {}
    for match in SECTION.finditer(text):
        key = match[1] if not match[1].isdigit() else f"{corpus.DEFAULT_SHAPE}:{match[1]}"
        sections[key] = match[2]
    return sections


def summary_rows_of(text):
    """The rows of a summary section: [[shape, contender, ...], ...]."""
    rows = []
    for line in text.splitlines():
        found = ROW.match(line)
        cells = [cell.strip() for cell in found[1].split(" | ")] if found else []
        if cells and cells[0] in corpus.SHAPES:
            rows.append(cells)
    return rows


def section_order(key):
    kind, _, tips = key.rpartition(":")
    shapes = list(corpus.SHAPES)
    rank = 0 if kind == "summary" else 1 + (shapes.index(kind) if kind in shapes else len(shapes))
    return (int(tips) if tips.isdigit() else 0, rank, kind)


def write_markdown(path, bench, rows, facts):
    """Write the shape's section and its rows of the summary into the results page, keeping the rest."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    sections = read_sections(text)
    tips = bench.args.tips
    sections[f"{bench.shape}:{tips}"] = section(bench, rows, facts)
    summary = [row for row in summary_rows_of(sections.get(f"summary:{tips}", "")) if row[0] != bench.shape]
    summary += summary_rows(bench)
    summary.sort(key=lambda row: list(corpus.SHAPES).index(row[0]))  # stable: contenders keep their order
    sections[f"summary:{tips}"] = summary_section(tips, summary)
    body = [INTRO]
    for key in sorted(sections, key=section_order):
        body.append(f"<!-- bench:{key} -->\n{sections[key]}<!-- /bench:{key} -->\n")
    path.write_text("\n".join(body), encoding="utf-8")


def shapes_argument(text):
    """`all` or `short,long` -> the shape names, in the order given."""
    names = [name.strip() for name in text.split(",") if name.strip()]
    if names in ([], ["all"]):
        return list(corpus.SHAPES)
    unknown = [name for name in names if name not in corpus.SHAPES]
    if unknown:
        raise argparse.ArgumentTypeError(
            f"there is no shape {', '.join(unknown)}: choose all, or some of {', '.join(corpus.SHAPES)}")
    return list(dict.fromkeys(names))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tips", type=int, default=250, help="tips per corpus (250 or 1000)")
    parser.add_argument("--shapes", type=shapes_argument, default=list(corpus.SHAPES),
                        help=f"the corpus shapes, comma-separated (default all: {', '.join(corpus.SHAPES)})")
    parser.add_argument("--runs", type=int, default=3, help="measured runs per contender (default 3)")
    parser.add_argument("--warmup", type=int, default=1, help="unmeasured full builds per contender first")
    parser.add_argument("--output", default=str(DEFAULT_OUTPUT),
                        help="the Markdown results page ('' for none; another file for a trial run)")
    parser.add_argument("--only", nargs="+", choices=["hub", BASELINE, PLAIN], help="measure only these")
    parser.add_argument("--no-dev", action="store_true", help="skip the dev-server measurements")
    parser.add_argument("--dev-stock", action="store_true",
                        help="time `pelican --autoreload` of the stock contenders too (a full build each)")
    parser.add_argument("--memory-builds", type=int, default=1,
                        help="untimed full builds per contender measuring peak memory (default 1; 0: none)")
    parser.add_argument("--edit-lang", default="en", choices=corpus.LANGUAGES, help="edited tip language")
    parser.add_argument("--seed", default=corpus.DEFAULT_SEED)
    parser.add_argument("--settle", type=float, default=SETTLE,
                        help=f"seconds from removing earlier outputs to the next measured build "
                             f"(default {SETTLE})")
    parser.add_argument("--hub", default=str(ROOT), help="the hub's folder (default: this one)")
    parser.add_argument("--venv", default=str(BENCH_VENV), help="the benchmark virtualenv (stock Pelican)")
    parser.add_argument("--work", default=str(WORK), help="where the corpora, outputs and logs go")
    args = parser.parse_args(argv)

    trash = Trash(Path(args.work) / "trash", args.settle)
    trash.empty()  # left by a run that was stopped: removed before the warm-up builds
    summary, failures = [], 0
    for shape in args.shapes:
        bench = Bench(args, shape, trash)
        bench.setup()
        if not bench.contenders:
            sys.exit("Nothing to measure.")
        bench.run()
        rows, facts = table_rows(bench), machine_facts(bench)
        print(f"\n{shape}: {corpus.SHAPES[shape].about}\n")
        for fact in facts:
            print(fact)
        print()
        print(text_table(HEADER, rows))
        print()
        raw = Path(args.work) / f"results-{shape}-{args.tips}.json"
        raw.write_text(json.dumps(bench.results, indent=1), encoding="utf-8")
        if args.output:
            write_markdown(args.output, bench, rows, facts)
            print(f"Written to {args.output}; every figure in {raw}\n", flush=True)
        summary += summary_rows(bench)
        failures += sum(len(result["failures"]) for result in bench.results.values())
    print(f"Every shape, {args.tips} tips:\n")
    print(text_table(SUMMARY_HEADER, summary))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
