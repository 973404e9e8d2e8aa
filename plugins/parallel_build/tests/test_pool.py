"""fork_map: the same results as a loop, from other processes when the work is big enough."""

import os

import pytest

from parallel_build.pool import SMALLEST_SHARED, build_processes, can_fork, fork_map

needs_fork = pytest.mark.skipif(not can_fork(), reason="no fork on this system")


def test_results_come_back_in_order():
    items = list(range(SMALLEST_SHARED * 3 + 5))
    assert fork_map(lambda n: n * n, items, 2) == [n * n for n in items]


@needs_fork
def test_big_work_runs_in_other_processes_and_small_work_here():
    here = os.getpid()
    big = set(fork_map(lambda _: os.getpid(), range(SMALLEST_SHARED * 2), 2))
    assert here not in big and len(big) == 2
    assert set(fork_map(lambda _: os.getpid(), range(SMALLEST_SHARED - 1), 2)) == {here}
    assert set(fork_map(lambda _: os.getpid(), range(SMALLEST_SHARED * 2), 1)) == {here}


@needs_fork
def test_children_see_what_the_parent_holds_without_pickling_it():
    unpicklable = {n: (lambda n=n: n + 1) for n in range(SMALLEST_SHARED * 2)}
    assert fork_map(lambda n: unpicklable[n](), list(unpicklable), 2) == [n + 1 for n in unpicklable]


@needs_fork
def test_an_error_in_a_child_is_raised_here():
    def fail_on_seven(n):
        if n == 7:
            raise ValueError("seven")
        return n

    with pytest.raises(ValueError, match="seven"):
        fork_map(fail_on_seven, range(SMALLEST_SHARED * 2), 2)


def test_build_processes_comes_from_the_setting_or_the_cores():
    assert build_processes({"BUILD_PROCESSES": 3}) == 3
    assert build_processes({"BUILD_PROCESSES": 0}) == 1
    assert build_processes({}) >= 1
