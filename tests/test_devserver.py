"""The dev server keeps serving the last good build when a build fails, and says why."""

import importlib.util
import logging

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
