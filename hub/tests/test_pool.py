"""fork_map: the same results as a loop, from other processes when the work is big enough."""

import os
import tempfile
import time

import pytest

from hub.pool import (
    SMALLEST_SHARED,
    BackgroundWorkFailed,
    InBackground,
    build_processes,
    can_fork,
    fork_map,
    fork_map_groups,
)

needs_fork = pytest.mark.skipif(not can_fork(), reason="no fork on this system")


def test_results_come_back_in_order():
    items = list(range(SMALLEST_SHARED * 3 + 5))
    assert fork_map(lambda n: n * n, items, 2) == [n * n for n in items]


@needs_fork
def test_big_work_is_shared_with_a_child_and_small_work_stays_here():
    here = os.getpid()
    big = set(fork_map(lambda _: os.getpid(), range(SMALLEST_SHARED * 2), 2))
    assert here in big and len(big) == 2, "this process and one child, not two children"
    assert len(set(fork_map(lambda _: os.getpid(), range(SMALLEST_SHARED * 3), 3))) == 3
    assert set(fork_map(lambda _: os.getpid(), range(SMALLEST_SHARED - 1), 2)) == {here}
    assert set(fork_map(lambda _: os.getpid(), range(SMALLEST_SHARED * 2), 1)) == {here}


@needs_fork
def test_children_see_what_the_parent_holds_without_pickling_it():
    unpicklable = {n: (lambda n=n: n + 1) for n in range(SMALLEST_SHARED * 2)}
    assert fork_map(lambda n: unpicklable[n](), list(unpicklable), 2) == [n + 1 for n in unpicklable]


@needs_fork
@pytest.mark.parametrize("failing", [6, 7], ids=["in this process's share", "in the child's share"])
def test_an_error_is_raised_here_wherever_it_happened(failing):
    def fail(n):
        if n == failing:
            raise ValueError(f"{n} failed")
        return n

    with pytest.raises(ValueError, match=f"{failing} failed"):
        fork_map(fail, range(SMALLEST_SHARED * 2), 2)


def test_build_processes_comes_from_the_setting_or_the_cores():
    assert build_processes({"BUILD_PROCESSES": 3}) == 3
    assert build_processes({"BUILD_PROCESSES": 0}) == 1
    assert build_processes({}) >= 1


@needs_fork
def test_background_work_runs_elsewhere_while_this_process_goes_on_and_its_results_come_back():
    here = os.getpid()
    work = InBackground(lambda n: (n * n, os.getpid()), range(5), 1)
    child = work.pid
    assert child not in (None, here)
    results = work.wait()
    assert [square for square, _ in results] == [0, 1, 4, 9, 16]
    assert {pid for _, pid in results} == {child}
    assert work.wait() == results  # a second wait gives the same, without a child to wait for


@needs_fork
def test_big_results_do_not_block_the_background_work():
    # more than a pipe holds (64 KiB): the child must not wait for a reader that waits for it
    results = InBackground(lambda n: "x" * 100_000, range(3), 1).wait()
    assert [len(result) for result in results] == [100_000] * 3


@needs_fork
def test_an_error_in_background_work_is_raised_on_waiting(capfd):
    def fail(n):
        raise ValueError("no seven")

    work = InBackground(fail, [7], 1)
    with pytest.raises(BackgroundWorkFailed):
        work.wait()
    assert "no seven" in capfd.readouterr().err


def test_no_work_needs_no_background():
    assert InBackground(lambda n: n, [], 2).wait() == []


@needs_fork
def test_groups_come_back_one_at_a_time_from_the_same_children():
    groups = [range(SMALLEST_SHARED * 2), range(3), [], range(SMALLEST_SHARED + 1)]
    seen = []
    for items, results in zip(groups, fork_map_groups(lambda n: (n * n, os.getpid()), groups, 2)):
        assert [square for square, _ in results] == [n * n for n in items]
        seen.append({pid for _, pid in results})
    assert len(seen) == len(groups)
    assert len(seen[0]) == 2 and seen[1] <= seen[0] and seen[3] == seen[0], "forked once, not once a group"
    assert os.getpid() in seen[0], "this process takes its share"


@needs_fork
def test_a_group_is_handed_over_before_the_next_is_done():
    # the second group waits for a file the reader of the first writes: it would never end otherwise
    def work(item):
        group, path = item
        if group == 2:
            while not os.path.exists(path):
                time.sleep(0.01)
        return group

    with tempfile.TemporaryDirectory() as folder:
        flag = os.path.join(folder, "first group read")
        groups = [[(1, flag)] * SMALLEST_SHARED * 2, [(2, flag)] * SMALLEST_SHARED]
        results = fork_map_groups(work, groups, 2)
        assert set(next(results)) == {1}
        open(flag, "w").close()
        assert set(next(results)) == {2}


@needs_fork
def test_an_error_in_a_later_group_is_raised_after_the_earlier_ones():
    def fail_in_second(item):
        if item == "bad":
            raise ValueError("bad item")
        return item

    results = fork_map_groups(fail_in_second, [["good"] * SMALLEST_SHARED * 2, ["good", "bad"]], 2)
    assert next(results) == ["good"] * SMALLEST_SHARED * 2
    with pytest.raises(ValueError, match="bad item"):
        next(results)


@needs_fork
def test_an_error_stops_the_children_without_waiting_for_the_groups_after_it(tmp_path):
    def work(item):
        group, number = item
        if group == 1 and number == 0:
            raise ValueError("first group failed")
        if group == 2:
            time.sleep(0.2)  # a whole group of these would take seconds
            (tmp_path / f"{number}").touch()
        return item

    groups = [[(1, number) for number in range(SMALLEST_SHARED * 2)],
              [(2, number) for number in range(SMALLEST_SHARED * 2)]]
    with pytest.raises(ValueError, match="first group failed"):
        for _ in fork_map_groups(work, groups, 2):
            pass
    assert len(list(tmp_path.iterdir())) < SMALLEST_SHARED, "the children stopped when the error came back"


@needs_fork
def test_discarded_work_is_waited_for_whatever_its_end(capfd):
    def fail(n):
        raise ValueError("not wanted anyway")

    work = InBackground(fail, [1], 1)
    work.discard()
    assert work.pid is None, "no child left behind"
    assert "not wanted anyway" in capfd.readouterr().err
