"""A plugin's own error ends the build with its message, without the traceback that would bury it."""

import logging
import os
import subprocess
import sys

from plain_errors.plain_errors import WithoutTraceback, raised_by_a_plugin
from share_links.share_links import ShareConfigError
from support import DEV_SETTINGS, ROOT


def pelican(tmp_path, *arguments):
    environment = {**os.environ, "COLUMNS": "250"}  # one log line stays one line
    return subprocess.run(
        [sys.executable, "-m", "pelican", str(ROOT / "content"), "-o", str(tmp_path / "output"),
         "-s", str(DEV_SETTINGS), "-e", 'SHARE_NETWORKS=["myspace"]', *arguments],
        capture_output=True, text=True, cwd=ROOT, env=environment, timeout=300,
    )


def test_a_wrong_setting_ends_the_build_with_its_message_alone(tmp_path):
    result = pelican(tmp_path)
    said = result.stdout + result.stderr
    assert result.returncode == 1
    assert "ShareConfigError: SHARE_NETWORKS['*']: unknown network(s) ['myspace']; choose from" in said
    assert "Traceback" not in said and "share_links.py" not in said, said
    assert not (tmp_path / "output").exists(), "nothing was built"


def test_debug_still_shows_where_it_was_raised(tmp_path):
    result = pelican(tmp_path, "--debug")
    said = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Traceback" in said and "share_links.py" in said


def record_of(error):
    try:
        raise error
    except Exception:
        return logging.LogRecord("pelican", logging.CRITICAL, __file__, 1, "%s", (error,), sys.exc_info())


def test_only_the_plugins_own_errors_lose_their_traceback():
    assert raised_by_a_plugin(ShareConfigError("x")) and not raised_by_a_plugin(ValueError("x"))
    ours, python = record_of(ShareConfigError("wrong")), record_of(KeyError("bug"))
    assert WithoutTraceback().filter(ours) and ours.exc_info is None
    assert WithoutTraceback().filter(python) and python.exc_info is not None, "a bug keeps its traceback"
