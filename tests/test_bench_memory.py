"""The benchmark's measurements (scripts/bench/harness.py): the memory peak of a build's whole process tree,
each page counted once; the CPU time of that tree, user and system apart; which output files a rebuild
changed; a site root the hub builds. And its results page (scripts/bench/run.py), one section per corpus
shape. No timing here."""

import argparse
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.append(str(ROOT / "scripts" / "bench"))
import harness  # noqa: E402
import run  # noqa: E402

MIB = 2**20

needs_proc = pytest.mark.skipif(
    not Path("/proc/self/smaps_rollup").exists(), reason="needs Linux's /proc/<pid>/smaps_rollup"
)

# A parent that forks a child, each filling `private` MiB of its own, while both also share `shared` MiB the
# parent filled before the fork; both hold their memory for a moment, then the child reports it is done.
FAMILY = textwrap.dedent("""
    import os, sys, time
    private, shared = int(sys.argv[1]), int(sys.argv[2])
    inherited = bytearray(b"s") * (shared * 2**20)  # written, so resident; made in one piece
    pid = os.fork()
    mine = bytearray(b"p") * (private * 2**20)
    time.sleep(1.0)
    if pid == 0:
        os._exit(0)
    os.waitpid(pid, 0)
""")


def run_family(tmp_path, private, shared):
    command = [sys.executable, "-c", FAMILY, str(private), str(shared)]
    return harness.run_sampled(command, tmp_path, tmp_path / "family.log", interval=0.02)


@needs_proc
def test_the_peak_sums_every_process_of_the_tree(tmp_path):
    peak, parts, code = run_family(tmp_path, private=60, shared=0)
    assert code == 0
    assert len(parts) == 2  # the parent and its forked child
    assert all(size >= 60 * MIB for _, size in parts)
    assert peak == sum(size for _, size in parts)
    assert peak >= 120 * MIB


@needs_proc
def test_pages_a_fork_shares_count_once(tmp_path):
    alone, _, _ = run_family(tmp_path, private=20, shared=0)
    sharing, parts, code = run_family(tmp_path, private=20, shared=80)
    assert code == 0
    # 80 MiB held by two processes add about 80 MiB, not 160 as a sum of their resident sizes would
    assert 60 * MIB < sharing - alone < 110 * MIB
    assert len(parts) == 2


@needs_proc
def test_a_failing_command_gives_its_exit_code(tmp_path):
    _, _, code = harness.run_sampled([sys.executable, "-c", "raise SystemExit(3)"], tmp_path, tmp_path / "log")
    assert code == 3


@needs_proc
def test_the_tree_holds_grandchildren(tmp_path):
    script = "import subprocess, sys; subprocess.run([sys.executable, '-c', 'import time; time.sleep(1)'])"
    process = harness.subprocess.Popen([sys.executable, "-c", script])
    try:
        deadline = harness.time.monotonic() + 5
        while len(harness.process_tree(process.pid)) < 2 and harness.time.monotonic() < deadline:
            harness.time.sleep(0.02)
        tree = harness.process_tree(process.pid)
    finally:
        process.wait()
    assert tree[0] == process.pid
    assert len(tree) == 2


# A child that runs a grandchild and waits for it; the grandchild spends `user` seconds of CPU in its own code
# and `system` seconds in the kernel (reading /dev/zero), as its own rusage counts them, then exits 3.
GRANDCHILD = textwrap.dedent("""
    import os, resource, sys
    user, system = float(sys.argv[1]), float(sys.argv[2])
    spent = lambda: resource.getrusage(resource.RUSAGE_SELF)
    n = 0
    while spent().ru_utime < user:
        for i in range(10000):
            n += i * i
    with open("/dev/zero", "rb", buffering=0) as zero:
        while spent().ru_stime < system:
            zero.read(1 << 20)
    sys.exit(3)
""")
PARENT = ("import subprocess, sys; "
          "sys.exit(subprocess.run([sys.executable, '-c', sys.argv[1], *sys.argv[2:]]).returncode)")


def test_the_cpu_time_is_the_whole_trees_user_and_system_apart(tmp_path):
    command = [sys.executable, "-c", PARENT, GRANDCHILD, "0.4", "0.3"]
    timed = harness.run_timed(command, tmp_path, tmp_path / "tree.log")
    assert timed.code == 3
    assert timed.user >= 0.4 and timed.system >= 0.3
    assert timed.cpu == timed.user + timed.system
    assert timed.kernel_share == pytest.approx(100 * timed.system / (timed.user + timed.system))
    assert 0 < timed.kernel_share < 100


def test_a_rebuild_is_told_apart_file_by_file(tmp_path):
    output = tmp_path / "output"
    (output / "tips").mkdir(parents=True)
    for name in ("index.html", "tips/a.html", "tips/b.html", "tips/c.html", "gone.html"):
        (output / name).write_text(f"<p>{name}</p>")
    before = harness.snapshot(output)
    (output / "tips" / "a.html").write_text("<p>a, edited</p>")  # changed bytes
    (output / "tips" / "b.html").write_text("<p>tips/b.html</p>")  # the same bytes written again
    stat = (output / "tips" / "b.html").stat()
    os.utime(output / "tips" / "b.html", ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    (output / "tips" / "c.html").rename(output / "c.tmp")  # the same bytes, moved into place as a new file
    (output / "c.tmp").rename(output / "tips" / "c.html")
    (output / "gone.html").unlink()
    (output / "new.html").write_text("<p>new</p>")
    changes = harness.compare(before, harness.snapshot(output))
    assert changes.changed == ["tips/a.html"]
    assert changes.rewritten == ["tips/b.html"]
    assert changes.added == ["new.html"] and changes.removed == ["gone.html"]
    assert changes.total == 5 and changes.touched() == 3


def test_a_site_root_builds_with_the_hubs_settings_and_plugins(tmp_path):
    site = harness.prepare_site(2, work=tmp_path, shape="short")
    assert site == tmp_path / "short-2" / "site"
    hub = next(contender for contender in harness.contenders(site) if contender.name == "hub")
    built = subprocess.run(hub.build, cwd=site, capture_output=True, text=True, check=False)
    assert built.returncode == 0, built.stdout + built.stderr
    assert len(list((site / "output" / "en" / "tips").glob("*/index.html"))) == 2


def test_the_shapes_are_chosen_by_name():
    assert run.shapes_argument("all") == list(run.corpus.SHAPES)
    assert run.shapes_argument("short, long,short") == ["short", "long"]
    with pytest.raises(argparse.ArgumentTypeError, match="tiny.*current, short"):
        run.shapes_argument("short,tiny")


def test_the_edited_tip_is_one_written_in_every_language_near_the_middle():
    every, alone = list(run.corpus.LANGUAGES), ["fr"]
    assert run.edited_tip([every] * 9, "en") == 4
    assert run.edited_tip([every, alone, alone, alone, alone, every, alone], "en") == 5
    assert run.edited_tip([alone, ["en"], alone], "fr") in (0, 2)
    with pytest.raises(SystemExit, match="'pl'"):
        run.edited_tip([alone, ["en"]], "pl")


def measured(tmp_path, shape, full):
    """A Bench of `shape` as its runs leave it: one contender, i18n_subsites, whose builds took `full`."""
    args = argparse.Namespace(tips=10, work=str(tmp_path), hub=str(ROOT), runs=1, warmup=0, seed="s")
    bench = run.Bench(args, shape, run.Trash(tmp_path / "trash"))
    bench.site = tmp_path / "site"
    result = {key: [] for key in ("user", "system", "kernel", "rebuild", "rebuild_user", "rebuild_system",
                                  "dev", "memory", "dev_memory", "tree_memory", "failures")}
    result.update(label="Pelican + i18n_subsites", command=["pelican"], dev_label="", full=full,
                  changes=[{"total": 9, "rewritten": 1, "changed": ["a.html"], "added": [], "removed": []}],
                  tree_parts=None, pages=None, done=None, size=None)
    bench.results = {run.BASELINE: result}
    return bench


def test_the_results_page_gets_a_section_per_shape_and_keeps_what_other_runs_wrote(tmp_path):
    page = tmp_path / "benchmark.md"
    page.write_text("# Old intro\n\n<!-- bench:250 -->\n## 250 tips per language\n\nfigures of before\n"
                    "<!-- /bench:250 -->\n", encoding="utf-8")
    for shape, full in (("short", [1.5]), ("long", [9.0]), ("short", [2.5])):
        bench = measured(tmp_path, shape, full)
        run.write_markdown(page, bench, run.table_rows(bench), ["Date: today"])
    text = page.read_text(encoding="utf-8")
    assert text.startswith(run.INTRO)
    sections = run.read_sections(text)
    assert sorted(sections) == ["current:250", "long:10", "short:10", "summary:10"]
    assert "figures of before" in sections["current:250"]
    assert "2.50 s" in sections["short:10"] and "1.50 s" not in sections["short:10"]
    rows = run.summary_rows_of(sections["summary:10"])
    assert [(row[0], row[2]) for row in rows] == [("short", "2.50 s"), ("long", "9.00 s")]
    order = ["summary:10", "short:10", "long:10", "current:250"]
    assert [text.index(f"<!-- bench:{key} -->") for key in order] == sorted(
        text.index(f"<!-- bench:{key} -->") for key in order)
