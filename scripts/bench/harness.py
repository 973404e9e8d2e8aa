"""The pieces of the build benchmark: the site folders, the contenders, timing a child process, and what a
rebuild changed in an output folder."""

import hashlib
import os
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
# Not under a folder whose name starts with a dot: `pelican --autoreload` ignores every path containing
# "/." (its default IGNORE_FILES is ["**/.*"], matched against absolute paths), so it would never see an edit.
WORK = ROOT / "bench-work"
BENCH_VENV = ROOT / ".bench" / "venv"
# What a site root links to from the hub, besides its own content/ (hub/: the library the settings and the
# plugins import, found beside pelicanconf.py).
HUB_LINKS = ["theme", "plugins", "hub", "translations", "pelicanconf.py"]


import corpus  # noqa: E402  (scripts/bench is on sys.path: the scripts run from it)


def shape_folder(tips, shape=corpus.DEFAULT_SHAPE, work=WORK):
    """Where everything of one corpus goes: its site root (site/), the stock contenders' folders, the logs."""
    return Path(work) / f"{shape}-{tips}"


def prepare_site(tips, hub=ROOT, work=WORK, seed=corpus.DEFAULT_SEED, shape=corpus.DEFAULT_SHAPE):
    """A site root for the hub: a fresh synthetic content/ of that shape and links to the hub's theme,
    plugins, catalogs and pelicanconf.py, so that `pelican content -s pelicanconf.py` and the dev server build
    the corpus exactly as they build the real content/. Returns the root."""
    site = shape_folder(tips, shape, work) / "site"
    site.mkdir(parents=True, exist_ok=True)
    for name in HUB_LINKS:
        link = site / name
        if link.is_symlink() or link.is_file():
            link.unlink()
        elif link.exists():
            shutil.rmtree(link)
        link.symlink_to(Path(hub).resolve() / name)
    corpus.generate(site / "content", tips, seed, shape=shape)
    return site


@dataclass
class Contender:
    name: str
    label: str
    build: list  # the build command
    cwd: Path
    output: Path
    dev: list = field(default_factory=list)  # the dev-server command, or []
    dev_label: str = ""
    dev_port: bool = False  # the dev server listens on a port once its first build is written


def contenders(site, hub=ROOT, venv=BENCH_VENV, work=None):
    """The hub and the two stock builds of `site`'s content; the stock ones work in `work` (default: beside
    the site root)."""
    work = Path(site).parent if work is None else work
    hub = Path(hub).resolve()
    hub_pelican = str(hub / ".venv" / "bin" / "pelican")
    hub_python = str(hub / ".venv" / "bin" / "python")
    stock_pelican = str(Path(venv) / "bin" / "pelican")
    content = str(site / "content")
    found = [
        Contender(
            "hub", "Reciprocity Hub (all plugins)",
            [hub_pelican, "content", "-o", "output", "-s", "pelicanconf.py"], site, site / "output",
            dev=[hub_python, str(HERE / "devserver_launch.py"), "--hub", str(hub), "--root", str(site)],
            dev_label="scripts/devserver.py", dev_port=True,
        ),
    ]
    for name, label, conf in [
        ("i18n_subsites", "Pelican + i18n_subsites", "i18nconf.py"),
        ("plain", "Plain Pelican, no plugins", "stockconf.py"),
    ]:
        folder = Path(work) / name
        command = [stock_pelican, content, "-o", str(folder / "output"), "-s", str(HERE / conf)]
        found.append(Contender(
            name, label, command, folder, folder / "output",
            dev=[*command, "--autoreload"], dev_label="pelican --autoreload",
        ))
    return found


class Timed(NamedTuple):
    wall: float  # seconds
    user: float  # CPU seconds in user mode
    system: float  # CPU seconds in the kernel
    peak: int  # the largest maximum resident set size of one process, in bytes
    code: int  # exit status

    @property
    def cpu(self):
        return self.user + self.system

    @property
    def kernel_share(self):
        """The system time's share of the CPU time, in % (None for no CPU time)."""
        return 100 * self.system / self.cpu if self.cpu else None


def run_timed(command, cwd, log):
    """Run a command to its end, its output in `log`: a Timed.

    The CPU times are the whole process tree's: wait4() gives the command's own and those of every descendant
    waited for (the background processes it forks, the programs it runs), as the kernel adds a child's times
    to its parent's when the parent reaps it.
    """
    with open(log, "wb") as out:
        start = time.perf_counter()
        process = start_logged(command, cwd, out)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return Timed(elapsed, usage.ru_utime, usage.ru_stime, usage.ru_maxrss * 1024, process.returncode)


def run_sampled(command, cwd, log, interval=0.05):
    """Run a command to its end, reading the memory of its whole process tree every `interval` seconds:
    (peak bytes, [(process name, bytes), ...] at that peak, largest first, exit code), or (None, [], code)
    where /proc cannot say.

    The memory of a process is its proportional set size (PSS): a page shared by n processes (a forked
    child's inherited pages, a library) counts 1/n in each, so the sum is the memory the tree holds, counting
    nothing twice. Reading it costs time, so the build this measures is not one of the timed ones.
    """
    peak, parts = None, []
    with open(log, "wb") as out:
        process = start_logged(command, cwd, out)
        while process.poll() is None:
            found = [(name, size) for name, size in map(process_memory, process_tree(process.pid)) if size]
            total = sum(size for _, size in found)
            if found and (peak is None or total > peak):
                peak, parts = total, sorted(found, key=lambda part: -part[1])
            time.sleep(interval)
    return peak, parts, process.returncode


def process_tree(pid):
    """A process and its descendants, as /proc lists each one's children (a process that has just ended
    is simply left out)."""
    tree, todo = [], [pid]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        try:
            for task in os.listdir(f"/proc/{pid}/task"):
                todo += map(int, Path(f"/proc/{pid}/task/{task}/children").read_text().split())
        except OSError:
            continue
    return tree


def process_memory(pid):
    """(the program's name, its proportional set size in bytes), or (name, 0) if it is gone or unreadable."""
    try:
        name = Path(f"/proc/{pid}/comm").read_text().strip()
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return name, int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return "", 0


def start_logged(command, cwd, out):
    """Start a command in `cwd` (made if missing), its output and errors into the open file `out`."""
    Path(cwd).mkdir(parents=True, exist_ok=True)
    return subprocess.Popen(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, env=child_env())


def child_env():
    env = dict(os.environ)
    env.setdefault("COLUMNS", "160")
    return env


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Background:
    """A dev server running in its own process group, stopped by its own id."""

    def __init__(self, command, cwd, log):
        Path(cwd).mkdir(parents=True, exist_ok=True)
        self.log = Path(log)
        self.out = open(self.log, "wb")  # noqa: SIM115 (open while the server runs; closed by stop())
        self.process = subprocess.Popen(
            command, cwd=cwd, stdout=self.out, stderr=subprocess.STDOUT, env=child_env(),
            start_new_session=True,
        )
        self.peak = None

    def alive(self):
        return self.process.poll() is None

    def stop(self):
        """Stop it (SIGINT, then SIGKILL); returns its peak RSS in bytes."""
        if self.process.returncode is None:
            for sig, wait in ((signal.SIGINT, 10), (signal.SIGTERM, 5), (signal.SIGKILL, 5)):
                try:
                    os.killpg(self.process.pid, sig)
                except ProcessLookupError:
                    break
                deadline = time.monotonic() + wait
                while time.monotonic() < deadline:
                    pid, status, usage = os.wait4(self.process.pid, os.WNOHANG)
                    if pid:
                        self.process.returncode = os.waitstatus_to_exitcode(status)
                        self.peak = usage.ru_maxrss * 1024
                        break
                    time.sleep(0.05)
                if self.process.returncode is not None:
                    break
        self.out.close()
        return self.peak

    def output(self):
        return self.log.read_text(encoding="utf-8", errors="replace")


def port_open(port):
    with socket.socket() as s:
        s.settimeout(0.2)
        return s.connect_ex(("127.0.0.1", port)) == 0


def pages_containing(output, word):
    """The HTML files under `output` whose text contains `word`, relative to it."""
    needle = word.encode("utf-8")
    found = []
    for folder, _, names in os.walk(output):
        for name in names:
            if name.endswith(".html"):
                path = Path(folder) / name
                if needle in path.read_bytes():
                    found.append(path.relative_to(output))
    return sorted(found)


class FileState(NamedTuple):
    digest: bytes
    mtime_ns: int
    inode: int


def snapshot(output):
    """{path relative to `output`: FileState} of every file under it, read to the last byte."""
    found = {}
    for folder, _, names in os.walk(output):
        for name in names:
            path = Path(folder) / name
            with open(path, "rb") as handle:
                digest = hashlib.file_digest(handle, "blake2b").digest()
                stat = os.fstat(handle.fileno())
            found[str(path.relative_to(output))] = FileState(digest, stat.st_mtime_ns, stat.st_ino)
    return found


@dataclass
class Changes:
    """What a build did to an output folder, file by file (paths relative to it, sorted)."""

    changed: list  # bytes differ
    rewritten: list  # the same bytes written again (a new modification time or a new file in its place)
    added: list
    removed: list
    total: int  # files after the build

    def touched(self):
        return len(self.changed) + len(self.added) + len(self.removed)


def compare(before, after):
    """The Changes from one snapshot() to the next."""
    changed, rewritten = [], []
    for path in sorted(before.keys() & after.keys()):
        old, new = before[path], after[path]
        if old.digest != new.digest:
            changed.append(path)
        elif (old.mtime_ns, old.inode) != (new.mtime_ns, new.inode):
            rewritten.append(path)
    added, removed = sorted(after.keys() - before.keys()), sorted(before.keys() - after.keys())
    return Changes(changed, rewritten, added, removed, len(after))


def output_size(output):
    """(files, HTML files, bytes) of a built site."""
    files = html = size = 0
    for folder, _, names in os.walk(output):
        for name in names:
            files += 1
            html += name.endswith(".html")
            size += os.path.getsize(os.path.join(folder, name))
    return files, html, size


def tail(text, lines=25):
    return "\n".join(text.rstrip().splitlines()[-lines:])
