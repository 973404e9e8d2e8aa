"""Work done in the background: a forked child that inherits the build's memory (templates, fonts, the
tips read) goes on with it while the build does the rest, and only the results travel back, pickled.
Where fork is not available, the work runs in this process instead, in order.
"""

import gc
import multiprocessing
import os
import pickle
import sys
import traceback


def can_fork():
    return "fork" in multiprocessing.get_all_start_methods() and sys.platform != "darwin"


class InBackground:
    """[function(item) for item in items] in a forked child while this process goes on; wait() for it.

    The results travel back pickled through a pipe, which the child fills once its work is done, so
    work whose results are files (drawn cards) should return None.
    """

    def __init__(self, function, items):
        self.pid, self.results = None, []
        items = list(items)
        if not items:
            return
        if not can_fork():
            self.results = [function(item) for item in items]
            return
        reader, writer = os.pipe()
        gc.freeze()  # the child's collections then leave the pages it shares with this process alone
        pid = os.fork()
        if pid == 0:  # the child
            code = 1
            try:
                os.close(reader)
                results = [function(item) for item in items]
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
