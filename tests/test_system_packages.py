"""`make test` sets up the Debian packages it needs first: as root it installs them with apt-get, as anyone else
it names them in one `sudo apt-get install` line and stops before anything is set up.

Nothing is hidden by mocking: a command is missing because PATH is a folder of links to every command of the
machine but that one, the runs that must not be root run as `nobody`, and apt-get really runs, with --simulate."""

import os
import pwd
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from support import ROOT

SCRIPT = ROOT / "scripts" / "system_packages.py"
# the PATH of a fresh Debian machine: folders `nobody` can read too
SYSTEM_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
DPKG_STATUS = Path("/var/lib/dpkg/status")  # what dpkg has installed: unchanged by every run here

NOBODY = pwd.getpwnam("nobody")
AS_ROOT = os.geteuid() == 0
NOT_ROOT = ["setpriv", f"--reuid={NOBODY.pw_uid}", f"--regid={NOBODY.pw_gid}", "--clear-groups"] if AS_ROOT else []

pytestmark = pytest.mark.skipif(shutil.which("apt-get") is None, reason="a Debian machine, with apt-get")


@pytest.fixture
def shared_tmp():
    """A temporary folder `nobody` can read (pytest's tmp_path is its owner's only)."""
    with tempfile.TemporaryDirectory(prefix="system-packages-") as folder:
        os.chmod(folder, 0o755)
        yield Path(folder)


def path_without(folder, *hidden):
    """A PATH of one folder of links to every command on SYSTEM_PATH, except the `hidden` ones."""
    bin_folder = folder / "bin"
    bin_folder.mkdir()
    for directory in SYSTEM_PATH.split(":"):
        if not os.path.isdir(directory):
            continue
        for name in os.listdir(directory):
            link = bin_folder / name
            if name not in hidden and not link.is_symlink():  # the first on PATH wins, as for a shell
                link.symlink_to(os.path.join(directory, name))
    assert all(shutil.which(name, path=str(bin_folder)) is None for name in hidden)
    return str(bin_folder)


def environment(path):
    """A user's fresh shell: no flags of the `make test` around this run."""
    env = {"PATH": path, "LANG": "C.UTF-8"}
    if "CHROMIUM" in os.environ:
        env["CHROMIUM"] = os.environ["CHROMIUM"]
    return env


def run(command, path, prefix=()):
    return subprocess.run(
        [*prefix, *command], cwd=ROOT, env=environment(path), capture_output=True, text=True, timeout=300, check=False
    )


def script(path, *arguments, prefix=()):
    return run(["python3", str(SCRIPT), *arguments], path, prefix)


@pytest.mark.parametrize("hidden,line", [
    (("xmllint",), "sudo apt-get install libxml2-utils"),
    (("pngcheck", "xmllint", "rsync"), "sudo apt-get install rsync libxml2-utils pngcheck"),
])
def test_not_root_the_missing_packages_are_named_in_one_apt_line(shared_tmp, hidden, line):
    result = script(path_without(shared_tmp, *hidden), prefix=NOT_ROOT)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.splitlines()
    assert [text for text in lines if "apt-get" in text] == [line], result.stderr
    assert all(any(name in text for text in lines) for name in hidden), "each missing command is named"
    assert result.stdout == ""


def test_make_test_stops_before_it_sets_anything_up(shared_tmp):
    venvs = shared_tmp / "venvs"
    venvs.mkdir(mode=0o777)
    venvs.chmod(0o777)  # writable by `nobody`, so that only make's own stop keeps a venv from being made here
    venv = venvs / "venv"
    result = run(["make", "--no-print-directory", "test", f"VENV={venv}"], path_without(shared_tmp, "xmllint"), NOT_ROOT)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "sudo apt-get install libxml2-utils" in result.stderr.splitlines()
    assert not venv.exists(), "no venv made"
    assert "venv" not in result.stdout and "npm" not in result.stdout and "pytest" not in result.stdout


@pytest.mark.parametrize("prefix", [[], NOT_ROOT] if AS_ROOT else [[]], ids=["as the current user", "as nobody"][: 1 + AS_ROOT])
def test_with_nothing_missing_nothing_is_installed(prefix):
    before = DPKG_STATUS.read_bytes()
    result = script(SYSTEM_PATH, "--simulate", prefix=prefix)  # --simulate: never installs, whatever it found
    assert (result.returncode, result.stdout, result.stderr) == (0, "", ""), "no apt-get run, no message"
    assert DPKG_STATUS.read_bytes() == before


@pytest.mark.skipif(not AS_ROOT, reason="apt-get installs as root only")
def test_as_root_apt_get_installs_the_missing_packages(shared_tmp):
    before = DPKG_STATUS.read_bytes()
    # xmllint is on the machine, out of PATH only: apt-get finds its package installed, and simulates nothing
    result = script(path_without(shared_tmp, "xmllint"), "--simulate")
    assert result.returncode == 0, result.stdout + result.stderr
    command = "+ apt-get install -y -q --no-install-recommends --simulate libxml2-utils"
    assert command in result.stderr.splitlines() and "sudo" not in result.stderr
    assert "libxml2-utils is already the newest version" in result.stdout
    assert "0 newly installed" in result.stdout
    assert DPKG_STATUS.read_bytes() == before

