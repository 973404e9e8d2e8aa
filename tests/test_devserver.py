"""The dev server keeps serving the last good build when a build fails, and says why."""

import importlib.util
import logging
import os

import pytest
from support import DEV_SETTINGS, ROOT


@pytest.fixture(scope="module")
def devserver():
    spec = importlib.util.spec_from_file_location("devserver", ROOT / "scripts" / "devserver.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def failed_builds(caplog):
    return [record for record in caplog.records if record.getMessage().startswith("Build failed")]


def test_a_wrong_setting_is_reported_in_one_line(devserver, monkeypatch, tmp_path, caplog):
    def wrong_setting(settings_file):
        settings = read(settings_file)
        settings.update(SHARE_NETWORKS=["myspace"], OUTPUT_PATH=str(tmp_path / "output"))
        return settings

    read = devserver.read_dev_settings
    monkeypatch.setattr(devserver, "read_dev_settings", wrong_setting)
    with caplog.at_level(logging.ERROR, logger="devserver"):
        devserver.build(DEV_SETTINGS)
    [record] = failed_builds(caplog)
    assert "ShareConfigError: SHARE_NETWORKS['*']: unknown network(s) ['myspace']" in record.getMessage()
    assert "the previous pages are still served" in record.getMessage()
    assert not record.exc_info, "no traceback"


def test_any_other_error_keeps_its_traceback(devserver, monkeypatch, caplog):
    def broken(settings):
        raise KeyError("a bug")

    monkeypatch.setattr(devserver, "Pelican", broken)
    with caplog.at_level(logging.ERROR, logger="devserver"):
        devserver.build(DEV_SETTINGS)
    [record] = failed_builds(caplog)
    assert "KeyError" in record.getMessage() and record.exc_info[0] is KeyError


def test_a_build_holds_the_output_lock_and_removes_the_publish_marker_first(devserver, monkeypatch, tmp_path):
    from hub.output_lock import OutputBusy, holding
    from hub.publish_marker import MARKER_NAME, write_marker

    output = tmp_path / "output"
    output.mkdir()
    write_marker(output, "publishconf.py", "https://hub.test")
    seen = []

    class Build:
        def __init__(self, settings):
            pass

        def run(self):
            seen.append((output / MARKER_NAME).exists())
            try:
                with holding(output, "make publish", wait=False):
                    seen.append("lock free")
            except OutputBusy as busy:
                seen.append(str(busy))

    read = devserver.read_dev_settings
    monkeypatch.setattr(devserver, "read_dev_settings", lambda path: {**read(path), "OUTPUT_PATH": str(output)})
    monkeypatch.setattr(devserver, "Pelican", Build)
    devserver.build(DEV_SETTINGS)
    assert seen == [False, f"make devserver (process {os.getpid()})"]
