"""Build benchmark: the hub against stock Pelican + i18n_subsites and plain Pelican, on one synthetic corpus.

    python scripts/bench/run.py [--tips 250|1000] [--runs 3] [--warmup 1] [--output docs/benchmark.md]

`make bench` (bench.mk) creates the benchmark's virtual environment (.bench/venv: stock Pelican and
pelican-i18n-subsites at the hub's versions) and runs this with the hub's own Python.

For each contender, in every run (the order rotates from run to run):
  1. full build from clean: the output and cache folders are removed, then the build command runs (wall
     time, and the CPU time and peak RSS of the build process from wait4());
  2. rebuild: one word of one tip is changed and the same command runs again into the same output (the
     contender's normal rebuild, with whatever caching its settings turn on);
  3. edit-to-page: the contender's dev server is started (the hub's scripts/devserver.py; `pelican
     --autoreload` for the others), and once its first build is done one word of the tip is changed; the
     time is from the file being saved to the tip's page in the output holding the new word.
After the runs, one more full build from clean of each contender, untimed, measures its peak memory: the
proportional set size of the build's whole process tree (its own processes and the programs it starts),
read from /proc every 50 ms.
Medians and min-max are printed as a table and written to a Markdown page with the machine's facts.
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
DEFAULT_OUTPUT = ROOT / "docs" / "benchmark.md"


def marker(number):
    """A word that appears nowhere in the corpus: zqxaedit, zqxbedit, ..."""
    letters = ""
    number += 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(97 + rest) + letters
    return f"zqx{letters}edit"


class Bench:
    def __init__(self, args):
        self.args = args
        self.work = Path(args.work)
        self.logs = self.work / "logs"
        self.logs.mkdir(parents=True, exist_ok=True)
        self.trash = self.work / "trash"  # the outputs and caches of earlier builds, removed at the end
        self.moved = itertools.count()  # a name of its own for each folder moved there
        self.markers = 0
        self.site = None
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
        print(f"Generating the corpus: {args.tips} tips per language ...", flush=True)
        self.site = harness.prepare_site(args.tips, hub=args.hub, work=self.work, seed=args.seed)
        keys = [corpus.tip_key(index, args.seed) for index in range(args.tips)]
        self.edited = self.site / "content" / "tips" / f"{keys[args.tips // 2]}.{args.edit_lang}.md"
        self.edited_slug = re.search(r"^Slug: (.+)$", self.edited.read_text(encoding="utf-8"), re.M)[1]
        wanted = set(args.only or [])
        for contender in harness.contenders(self.site, hub=args.hub, venv=args.venv, work=self.work):
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
                "full": [], "full_cpu": [], "rebuild": [], "dev": [], "memory": [], "dev_memory": [],
                "tree_memory": [], "tree_parts": None,
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

    # -- measuring ---------------------------------------------------------------------------------

    def log(self, contender, what, run):
        return self.logs / f"{contender.name}-{what}-{run}.log"

    def full_build(self, contender, run):
        self.clear(contender)  # already done at the end of its previous turn, but for the first build
        os.sync()  # what the builds before wrote is on disk: writing it back does not slow this one down
        timed = harness.run_timed(contender.build, contender.cwd, self.log(contender, "full", run))
        if not timed[3]:  # the size of what it built, read before the next turn removes it
            self.results[contender.name]["size"] = harness.output_size(contender.output)
        return timed

    def clear(self, contender):
        """Move a contender's output and cache folders aside, into the trash removed once all runs are over.

        Removed files would cost the builds after them: on ext4 without a journal, an inode freed in the
        last minute (six, while its block is not yet written) is passed over, one by one, when a new one
        is looked for, so a build soon after the removal of thousands of files, its own or another
        contender's, pays for that removal again in system time.
        """
        # Pelican's default CACHE_PATH: "cache" in the folder the build runs in (the hub: its site root)
        for folder in (contender.output, contender.cwd / "cache"):
            if folder.exists():
                self.trash.mkdir(parents=True, exist_ok=True)
                folder.rename(self.trash / f"{next(self.moved)}-{folder.name}")

    def empty_trash(self):
        shutil.rmtree(self.trash, ignore_errors=True)

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
        seconds, cpu, peak, code = self.full_build(contender, run)
        if code:
            output = self.log(contender, "full", run).read_text(errors="replace")
            self.failed(contender, "full build", run, f"exit {code}\n{harness.tail(output)}")
            return
        result["full"].append(seconds)
        result["full_cpu"].append(cpu)
        result["memory"].append(peak)
        log_text = self.log(contender, "full", run).read_text(errors="replace")
        result["done"] = [line.strip() for line in log_text.splitlines() if line.startswith("Done:")]
        print(f"    full build   {seconds:7.2f} s   CPU {cpu:6.2f} s   largest process {peak / 2**20:6.0f} MiB",
              flush=True)

        word = self.next_marker()
        original = corpus.edit_one_word(self.edited, word)
        try:
            seconds, _, _, code = harness.run_timed(
                contender.build, contender.cwd, self.log(contender, "rebuild", run)
            )
        finally:
            self.edited.write_bytes(original)
        if code:
            self.failed(contender, "rebuild", run, f"exit {code}")
            return
        result["rebuild"].append(seconds)
        pages = harness.pages_containing(contender.output, word)
        if not pages:
            self.failed(contender, "rebuild", run, f"the edited word is on no page of {contender.output}")
            return
        result["pages"] = [str(page) for page in pages]
        print(f"    rebuild      {seconds:7.2f} s   ({len(pages)} page(s) changed: {pages[0]})", flush=True)

        if self.args.no_dev or not contender.dev:
            return
        target = next((page for page in pages if self.edited_slug in str(page)), pages[0])
        self.dev_edit(contender, run, target, len(result["done"]) or 1)

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
        self.empty_trash()  # left by a run that was stopped: removed before the warm-up builds
        try:
            self.run_all()
        finally:
            for contender in self.contenders:
                self.clear(contender)
            self.empty_trash()

    def run_all(self):
        args = self.args
        for number in range(1, args.warmup + 1):
            for contender in self.contenders:
                print(f"warm-up {number}: {contender.name} full build ...", flush=True)
                seconds, _, _, code = self.full_build(contender, f"warmup{number}")
                self.clear(contender)
                print(f"    {seconds:7.2f} s" + (f"  (exit {code})" if code else ""), flush=True)
        for run in range(1, args.runs + 1):
            shift = (run - 1) % len(self.contenders)
            order = self.contenders[shift:] + self.contenders[:shift]
            for contender in order:
                print(f"run {run}/{args.runs}: {contender.name}", flush=True)
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


def table_rows(bench):
    base = bench.results.get(BASELINE, {})
    rows = []
    for result in bench.results.values():
        runs = len(result["full"])
        failures = f" ({len(result['failures'])} failed)" if result["failures"] else ""
        rows.append([
            result["label"] + failures,
            f"{bench.args.tips} × 4",
            spread(result["full"]),
            spread(result["full_cpu"]),
            spread(result["rebuild"]),
            spread(result["dev"]) + (f" ({result['dev_label']})" if result["dev"] else ""),
            spread(result["tree_memory"], "MiB", 2**20, 0),
            " / ".join(ratio(result[key], base.get(key)) for key in ("full", "full_cpu", "rebuild", "dev")),
            str(runs),
        ])
    return rows


HEADER = ["Contender", "Tips (per language × languages)", "Full build, median [min–max]",
          "Full build CPU (user + sys)", "Rebuild after a one-word edit", "Dev server: save to page written",
          "Peak memory of the build (all its processes)",
          "vs i18n_subsites (full / CPU / rebuild / edit)", "Runs"]


def print_table(rows):
    widths = [max(len(str(row[i])) for row in [HEADER, *rows]) for i in range(len(HEADER))]
    for row in [HEADER, ["-" * w for w in widths], *rows]:
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())


def markdown_table(rows):
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
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
    tip_files = sorted((bench.site / "content" / "tips").glob("*.md"))
    words = sum(len(path.read_text(encoding="utf-8").split("\n\n", 1)[1].split()) for path in tip_files)
    return [
        f"Date: {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC",
        f"Machine: {cpu}, {nproc} CPU core(s) available (`nproc`){memory}; {platform.platform()}",
        f"Hub: {venv_facts(Path(hub) / '.venv' / 'bin' / 'python')}; revision {revision}",
        f"Benchmark venv: {venv_facts(Path(args.venv) / 'bin' / 'python')}",
        f"Corpus: {args.tips} tips × 4 languages = {len(tip_files)} tip files, {words:,} words "
        f"(about {words // max(1, len(tip_files))} per tip), seed `{args.seed}`, "
        "plus the real pages and freebies",
        load,
        f"Runs: {args.runs} measured (order rotated each run) after {args.warmup} warm-up build(s) each; "
        f"the edited tip is `{bench.edited.relative_to(bench.site)}`",
    ]


def shorten(part, bench):
    """A path as the reader would type it: relative to the hub (or the benchmark's work folder)."""
    if not part.startswith("/"):
        return part
    for root, shown in ((Path(bench.args.hub).resolve(), ""), (ROOT, "")):
        try:
            relative = Path(part).relative_to(root)
        except ValueError:
            continue
        return str(Path(shown) / relative) if shown else str(relative)
    return part


def done_summary(lines):
    """Pelican's `Done: Processed ...` lines, each counted once (i18n_subsites prints one per site)."""
    counted = {}
    for line in lines:
        key = re.sub(r" in [0-9.]+ seconds\.?$", "", line.removeprefix("Done: "))
        counted[key] = counted.get(key, 0) + 1
    return "; ".join(f"{key} (× {count} sites)" if count > 1 else key for key, count in counted.items())


def section(bench, rows, facts):
    lines = [f"## {bench.args.tips} tips per language", ""]
    lines += [f"- {fact}" for fact in facts] + ["", markdown_table(rows), ""]
    for name, why in bench.skipped.items():
        lines.append(f"- **{name}** was not measured: {why}.")
    lines.append("")
    lines.append(f"Commands (the corpus is in `{shorten(str(bench.site / 'content'), bench)}`):")
    lines.append("")
    for name, result in bench.results.items():
        command = " ".join(shorten(part, bench) for part in result["command"])
        where = f" in `{shorten(str(bench.site), bench)}`" if name == "hub" else ""
        dev = f"; dev server: `{result['dev_label']}`" if result["dev_label"] else ""
        lines.append(f"- {result['label']}{where}: `{command}`{dev}")
        if result["done"]:
            lines.append(f"  - Pelican said: {done_summary(result['done'])}")
        if result["size"]:
            files, html, size = result["size"]
            lines.append(f"  - It wrote {files:,} files ({html:,} HTML pages), {size / 2**20:.0f} MiB")
        if result["failures"]:
            lines.append(f"  - Failures: {'; '.join(f.splitlines()[0] for f in result['failures'])}")
    lines.append("")
    lines.append("<details><summary>Every measurement (seconds; memory in MiB)</summary>")
    lines.append("")
    for name, result in bench.results.items():
        figures = ", ".join(
            f"{key} {[round(v, 2) for v in result[key]]}" for key in ("full", "full_cpu", "rebuild", "dev")
            if result[key]
        )
        tree = [round(v / 2**20) for v in result["tree_memory"]]
        at_peak = f" ({describe_parts(result['tree_parts'])})" if result["tree_parts"] else ""
        largest = [round(v / 2**20) for v in result["memory"]]
        dev_memory = [round(v / 2**20) for v in result["dev_memory"]]
        dev_memory = f"; dev server, largest process {dev_memory}" if dev_memory else ""
        lines.append(f"- {name}: {figures}; build memory, all processes {tree}{at_peak}; "
                     f"largest process of the timed builds {largest}{dev_memory}")
    lines += ["", "</details>", ""]
    return "\n".join(lines)


INTRO = """# Build benchmark

How long the hub takes to build, next to the two ways a Pelican user builds a multilingual site without it:
stock Pelican with the [i18n_subsites](https://pypi.org/project/pelican-i18n-subsites/) plugin (one sub-site
per language, default theme) and plain one-pass Pelican with no plugins (the versions of a tip linked as
Pelican's translations, default theme). All three build the same synthetic corpus in the same run: N tips in
each of en, fr, pl and fi, about 800 words each, with headings, lists, links and the hub's metadata, plus the
real pages and freebies (`scripts/bench/corpus.py`, the same bytes on every run).

Measured for each, in every run, the order rotating from run to run:

- **Full build**: wall time of the build command with no output folder and no cache folder (from clean). Those
  of earlier builds are moved aside, and removed only once all runs are over, and the disk is synced before the
  build, so that no build pays for the writing or the removal of files by the one before.
- **Rebuild after a one-word edit**: one word of one English tip changed, then the same command again into the
  same output, with whatever each contender keeps between builds (the hub: drawn social cards and freebie
  PDFs in its cache folder, and the search index of each language where what search reads is unchanged;
  stock Pelican caches no content by default).
- **Dev server: save to page written**: the hub's `scripts/devserver.py` (`pelican --autoreload` for the
  others) is running with its first build done; one word of the tip is changed, and the time runs from the
  file being saved until the tip's page in the output holds the new word (polled every 10 ms).
- **Full build CPU**: user + system CPU time of that process, which other load on the machine disturbs less.
- **Peak memory of the build**: in one more full build from clean of each contender once the runs are over,
  untimed, the largest sum over the build's process tree (the build and every process it starts: the hub's
  rendering processes, the search indexer) of each process's proportional set size, read from
  `/proc/<pid>/smaps_rollup` every 50 ms. A page that n processes share (what a forked child inherits, a
  library) counts 1/n in each, so the sum counts nothing twice. Reading it slows a build down, hence a build of
  its own. The processes at that peak are listed under "Every measurement", beside the largest single
  process's maximum resident set size in the timed builds (`wait4()`).

CPU time includes the processes a build starts itself and waits for (an external indexer, for instance, or the
hub's rendering processes); wall times include everything.

Medians, with the minimum and maximum in brackets. Ratios divide a median by i18n_subsites' (below 1: faster).
Re-run with `make bench` (250 tips per language) or `make bench-1000`; `make bench RUNS=5` for more runs.
"""


def write_markdown(path, bench, rows, facts):
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    sections = {}
    if path.exists():
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"<!-- bench:(\d+) -->\n(.*?)<!-- /bench:\1 -->", text, re.S):
            sections[int(match[1])] = match[2]
    sections[bench.args.tips] = section(bench, rows, facts)
    body = [INTRO]
    for tips in sorted(sections):
        body.append(f"<!-- bench:{tips} -->\n{sections[tips]}<!-- /bench:{tips} -->\n")
    path.write_text("\n".join(body), encoding="utf-8")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tips", type=int, default=250, help="tips per language (250 or 1000)")
    parser.add_argument("--runs", type=int, default=3, help="measured runs per contender (default 3)")
    parser.add_argument("--warmup", type=int, default=1, help="unmeasured full builds per contender first")
    parser.add_argument("--output", default=str(DEFAULT_OUTPUT), help="the Markdown results ('' for none)")
    parser.add_argument("--only", nargs="+", choices=["hub", BASELINE, "plain"], help="measure only these")
    parser.add_argument("--no-dev", action="store_true", help="skip the dev-server measurements")
    parser.add_argument("--memory-builds", type=int, default=1,
                        help="untimed full builds per contender that measure peak memory (default 1; 0: none)")
    parser.add_argument("--edit-lang", default="en", choices=corpus.LANGUAGES, help="edited tip language")
    parser.add_argument("--seed", default=corpus.DEFAULT_SEED)
    parser.add_argument("--hub", default=str(ROOT), help="the hub's folder (default: this one)")
    parser.add_argument("--venv", default=str(BENCH_VENV), help="the benchmark virtualenv (stock Pelican)")
    parser.add_argument("--work", default=str(WORK), help="where the corpus, outputs and logs go")
    args = parser.parse_args(argv)

    bench = Bench(args)
    bench.setup()
    if not bench.contenders:
        sys.exit("Nothing to measure.")
    bench.run()
    rows = table_rows(bench)
    facts = machine_facts(bench)
    print()
    for fact in facts:
        print(fact)
    print()
    print_table(rows)
    raw = bench.work / f"results-{args.tips}.json"
    raw.write_text(json.dumps(bench.results, indent=1), encoding="utf-8")
    if args.output:
        write_markdown(args.output, bench, rows, facts)
        print(f"\nWritten to {args.output}; every figure in {raw}")
    failures = sum(len(result["failures"]) for result in bench.results.values())
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
