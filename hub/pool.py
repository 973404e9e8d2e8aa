"""Work spread over the machine's cores: forked children that inherit the build's memory.

Forked children see every object the build already holds (templates, contexts, fonts), so only the
results travel back, pickled. Where fork is not available, or the work is too small to pay for it,
everything runs in this process instead, in order.
"""

import contextlib
import gc
import multiprocessing
import os
import pickle
import sys
import traceback

# Below this many items a fork costs more than it saves.
SMALLEST_SHARED = 32


def build_processes(settings):
    """How many processes a build may use: BUILD_PROCESSES, or one per core."""
    wanted = settings.get("BUILD_PROCESSES")
    if wanted is None:
        wanted = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, int(wanted or 1))


def can_fork():
    return "fork" in multiprocessing.get_all_start_methods() and sys.platform != "darwin"


def fork_map(function, items, processes):
    """[function(item) for item in items], spread over `processes` processes when it pays.

    `function` and `items` may be anything, closures included: children get them by fork, not by
    pickling. What `function` returns must pickle. An exception in a child is raised here.
    """
    with contextlib.closing(fork_map_groups(function, [items], processes)) as groups:
        return next(groups)


def fork_map_groups(function, groups, processes):
    """fork_map over each group of items in turn, yielding each group's results as soon as they are all in.

    This process takes a share of every group itself, beside `processes - 1` forked children: a child's
    memory is what it copies of this process's pages as it touches them, so one child fewer holds less
    than a child that would do this process's share while it waits. The same children work through
    every group, so whoever reads the results of one group can start on them while the children go on
    with the next.
    """
    groups = [list(items) for items in groups]
    processes = min(processes, sum(map(len, groups)) // SMALLEST_SHARED or 1)
    if processes <= 1 or not can_fork():
        for items in groups:
            yield [function(item) for item in items]
        return
    context = multiprocessing.get_context("fork")
    gc.freeze()  # the children's collections then leave the pages they share with this process alone
    children, finished = [], False
    try:
        for number in range(1, processes):
            receiver, sender = context.Pipe(duplex=False)
            share = (function, groups, number, processes, sender)
            child = context.Process(target=_run_share, args=share, daemon=True)
            child.start()
            sender.close()
            children.append((number, child, receiver))
        for index, items in enumerate(groups):
            # interleaved slices: neighbouring items often cost alike, so every process gets its share of each kind
            results = [None] * len(items)
            results[0::processes] = [function(item) for item in items[0::processes]]
            for number, child, receiver in children:
                try:
                    outcome, part = receiver.recv()
                except EOFError:
                    outcome, part = "failed", RuntimeError(f"a build process ended with status {child.exitcode}")
                if outcome == "failed":
                    raise part
                results[number::processes] = part
            finished = index == len(groups) - 1  # the children sent their last group: they end on their own
            yield results
    finally:
        gc.unfreeze()
        for _, child, receiver in children:
            receiver.close()
            if not finished:
                child.terminate()  # an error, or a reader that stopped early: the other groups are not wanted
            child.join()


def _run_share(function, groups, number, processes, sender):
    for items in groups:
        try:
            sender.send(("done", [function(item) for item in items[number::processes]]))
        except Exception as error:
            try:
                sender.send(("failed", error))
            except Exception:  # an error that does not pickle: its words then
                sender.send(("failed", RuntimeError(f"{type(error).__name__}: {error}")))
            return


class InBackground:
    """fork_map(function, items, processes) in a forked child while this process goes on; wait() for it.

    The results travel back pickled through a pipe, which the child fills once its work is done, so
    work whose results are files (drawn cards) should return None.
    """

    def __init__(self, function, items, processes):
        self.pid, self.results = None, []
        items = list(items)
        if not items:
            return
        if not can_fork():
            self.results = fork_map(function, items, processes)
            return
        reader, writer = os.pipe()
        gc.freeze()  # the child's collections then leave the pages it shares with this process alone
        pid = os.fork()
        if pid == 0:  # the child
            code = 1
            try:
                os.close(reader)
                results = fork_map(function, items, processes)
                with os.fdopen(writer, "wb") as pipe:
                    pickle.dump(results, pipe, protocol=pickle.HIGHEST_PROTOCOL)
                code = 0
            except BrokenPipeError:
                pass  # the build stopped before it wanted the results: nothing to say
            except BaseException:
                traceback.print_exc()
            finally:
                sys.stderr.flush()
                os._exit(code)
        gc.unfreeze()
        os.close(writer)
        self.pid, self.pipe = pid, os.fdopen(reader, "rb")

    def wait(self):
        """The results, once the work has ended; raises BackgroundWorkFailed if it did not finish well."""
        if self.pid is None:
            return self.results
        try:
            with self.pipe:
                self.results = pickle.load(self.pipe)  # read before waiting: a full pipe blocks the child
        except (EOFError, pickle.UnpicklingError):
            self.results = None
        _, status = os.waitpid(self.pid, 0)
        self.pid = None
        code = os.waitstatus_to_exitcode(status)
        if code != 0 or self.results is None:
            self.results = []
            raise BackgroundWorkFailed(f"the background work ended with status {code} (its error is above)")
        return self.results

    def discard(self):
        """Wait for the work, whatever its end, and drop its results: for a build that stopped before it
        needed them, so that no child of it is left running beside the next one."""
        try:
            self.wait()
        except BackgroundWorkFailed:
            pass


class BackgroundWorkFailed(RuntimeError):
    pass
