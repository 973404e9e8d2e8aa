"""InBackground: work done by a forked child while the build goes on, its results or its error coming back."""

import os

import pytest

from hub.pool import BackgroundWorkFailed, InBackground, can_fork

needs_fork = pytest.mark.skipif(not can_fork(), reason="no fork on this system")


def test_background_work_runs_elsewhere_while_this_process_goes_on_and_its_results_come_back():
    here = os.getpid()
    work = InBackground(lambda n: (n * n, os.getpid()), range(5))
    child = work.pid
    assert child not in (None, here)
    results = work.wait()
    assert [square for square, _ in results] == [0, 1, 4, 9, 16]
    assert {pid for _, pid in results} == {child}
    assert work.wait() == results  # a second wait gives the same, without a child to wait for


def test_big_results_do_not_block_the_background_work():
    # more than a pipe holds (64 KiB): the child must not wait for a reader that waits for it
    results = InBackground(lambda n: "x" * 100_000, range(3)).wait()
    assert [len(result) for result in results] == [100_000] * 3


def test_an_error_in_background_work_is_raised_on_waiting(capfd):
    def fail(n):
        raise ValueError("no seven")

    work = InBackground(fail, [7])
    with pytest.raises(BackgroundWorkFailed):
        work.wait()
    assert "no seven" in capfd.readouterr().err


def test_no_work_needs_no_background():
    assert InBackground(lambda n: n, []).wait() == []


def test_discarded_work_is_waited_for_whatever_its_end(capfd):
    def fail(n):
        raise ValueError("not wanted anyway")

    work = InBackground(fail, [1])
    work.discard()
    assert work.pid is None, "no child left behind"
    assert "not wanted anyway" in capfd.readouterr().err
