"""Work spread over the machine's cores: forked children that inherit the build's memory.

Forked children see every object the build already holds (templates, contexts, fonts), so only the
results travel back, pickled. Where fork is not available, or the work is too small to pay for it,
everything runs in this process instead, in order.
"""

import gc
import multiprocessing
import os
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
    items = list(items)
    processes = min(processes, len(items) // SMALLEST_SHARED or 1)
    if processes <= 1 or not can_fork():
        return [function(item) for item in items]
    # interleaved slices: neighbouring items often cost alike, so every slice gets its share of each kind
    slices = [range(start, len(items), processes) for start in range(processes)]
    context = multiprocessing.get_context("fork")
    gc.freeze()  # the children's collections then leave the pages they share with this process alone
    try:
        children = []
        for indices in slices:
            receiver, sender = context.Pipe(duplex=False)
            child = context.Process(target=_run_slice, args=(function, items, indices, sender), daemon=True)
            child.start()
            sender.close()
            children.append((child, receiver))
        parts = []
        for child, receiver in children:
            try:
                parts.append(receiver.recv())
            except EOFError:
                parts.append(("failed", RuntimeError(f"a build process ended with status {child.exitcode}")))
            child.join()
    finally:
        gc.unfreeze()
    results = [None] * len(items)
    for indices, (outcome, part) in zip(slices, parts):
        if outcome == "failed":
            raise part
        for index, result in zip(indices, part):
            results[index] = result
    return results


def _run_slice(function, items, indices, sender):
    try:
        sender.send(("done", [function(items[index]) for index in indices]))
    except Exception as error:
        try:
            sender.send(("failed", error))
        except Exception:  # an error that does not pickle: its words then
            sender.send(("failed", RuntimeError(f"{type(error).__name__}: {error}")))


class InBackground:
    """fork_map(function, items, processes) in a forked child while this process goes on; wait() for it.

    For work whose results are files (drawn cards): nothing comes back but whether it went well.
    """

    def __init__(self, function, items, processes):
        self.pid = None
        items = list(items)
        if not items:
            return
        if not can_fork():
            fork_map(function, items, processes)
            return
        gc.freeze()  # the child's collections then leave the pages it shares with this process alone
        pid = os.fork()
        if pid == 0:  # the child
            code = 1
            try:
                fork_map(function, items, processes)
                code = 0
            except BaseException:
                traceback.print_exc()
            finally:
                sys.stderr.flush()
                os._exit(code)
        gc.unfreeze()
        self.pid = pid

    def wait(self):
        """Wait for the work to end; raises BackgroundWorkFailed if it did not finish well."""
        if self.pid is None:
            return
        _, status = os.waitpid(self.pid, 0)
        self.pid = None
        code = os.waitstatus_to_exitcode(status)
        if code != 0:
            raise BackgroundWorkFailed(f"the background work ended with status {code} (its error is above)")


class BackgroundWorkFailed(RuntimeError):
    pass
