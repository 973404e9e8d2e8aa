"""Cards drawn while the tips are read: reading keeps one core busy, a child process draws on another.

Each tip is offered as it is read. The child draws into the card cache whatever the cache lacks, until
it is told to stop once every tip is read; it then says which cards it drew. The build finds those in
the cache and draws the rest as it always has, so stopping half-way loses nothing.
"""

import contextlib
import multiprocessing
import select

from hub.pool import build_processes, can_fork

BATCH = 32  # cards offered to the child at a time: few messages, and never a full pipe for long


class DrawingAhead:
    def __init__(self):
        self.child = self.connection = self.stopping = None
        self.offered, self.waiting = set(), []

    def start(self, settings, draw):
        """Take offers from now on, for `draw` ((key, title, caption) -> whether it drew the card) to draw
        in a child; on a single core, or without fork, there is no idle core to draw on."""
        self.stop()
        if build_processes(settings) < 2 or not can_fork():
            return
        context = multiprocessing.get_context("fork")
        self.connection, child_end = context.Pipe()
        self.stopping = context.Event()
        # forked, not pickled: the child gets `draw` with the fonts this process has read
        self.child = context.Process(target=_draw_offers, args=(child_end, self.stopping, draw), daemon=True)
        self.child.start()
        child_end.close()

    @property
    def taking_offers(self):
        return self.child is not None

    def offer(self, title, caption, key):
        """A card the build will need; sent on to the child by the batch, when the pipe has room."""
        if self.child is None or key in self.offered:
            return
        self.offered.add(key)
        self.waiting.append((key, title, caption))
        if len(self.waiting) >= BATCH and _has_room(self.connection):
            self.connection.send(self.waiting[:BATCH])
            del self.waiting[:BATCH]

    def stop(self):
        """Stop the drawing after the card in hand; the keys of the cards the child drew."""
        child, self.child = self.child, None
        self.offered, self.waiting = set(), []
        if child is None:
            return set()
        self.stopping.set()
        drawn = set()
        with contextlib.suppress(EOFError, OSError):
            drawn = set(self.connection.recv())
        self.connection.close()
        child.join()
        return drawn


def _has_room(connection):
    return bool(select.select([], [connection.fileno()], [], 0)[1])


def _draw_offers(connection, stopping, draw):
    """In the child: draw what is offered and not cached, until told to stop; send back the keys drawn."""
    drawn = []
    try:
        while not stopping.is_set():
            if not connection.poll(0.02):
                continue
            for job in connection.recv():
                if stopping.is_set():
                    break
                if draw(job):
                    drawn.append(job[0])
    except EOFError:  # the build ended without stopping it
        pass
    connection.send(drawn)
    connection.close()
