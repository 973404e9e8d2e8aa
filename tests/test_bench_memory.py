"""The benchmark's memory reading (scripts/bench/harness.py): the peak of a build's whole process tree, each
page counted once. No timing here."""

import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.append(str(ROOT / "scripts" / "bench"))
import harness  # noqa: E402

MIB = 2**20

pytestmark = pytest.mark.skipif(
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


def test_the_peak_sums_every_process_of_the_tree(tmp_path):
    peak, parts, code = run_family(tmp_path, private=60, shared=0)
    assert code == 0
    assert len(parts) == 2  # the parent and its forked child
    assert all(size >= 60 * MIB for _, size in parts)
    assert peak == sum(size for _, size in parts)
    assert peak >= 120 * MIB


def test_pages_a_fork_shares_count_once(tmp_path):
    alone, _, _ = run_family(tmp_path, private=20, shared=0)
    sharing, parts, code = run_family(tmp_path, private=20, shared=80)
    assert code == 0
    # 80 MiB held by two processes add about 80 MiB, not 160 as a sum of their resident sizes would
    assert 60 * MIB < sharing - alone < 110 * MIB
    assert len(parts) == 2


def test_a_failing_command_gives_its_exit_code(tmp_path):
    _, _, code = harness.run_sampled([sys.executable, "-c", "raise SystemExit(3)"], tmp_path, tmp_path / "log")
    assert code == 3


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
