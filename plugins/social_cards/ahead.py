"""Cards drawn while the tips are read: reading keeps one core busy, a child process draws on another.

Each tip is offered as it is read. The child draws into the card cache whatever the cache lacks, until
it is told to stop once every tip is read; it then says which cards it drew. The build finds those in
the cache and draws the rest as it always has, so stopping half-way loses nothing.
"""

import contextlib
import multiprocessing
import select

from parallel_build.pool import build_processes, can_fork

from .cache import CardCache
from .drawing import Fonts, draw_card

BATCH = 32  # cards offered to the child at a time: few messages, and never a full pipe for long


class DrawingAhead:
    def __init__(self):
        self.child = self.connection = self.stopping = None
        self.offered, self.waiting = set(), []

    def start(self, settings):
        """Take offers from now on; on a single core, or without fork, there is no idle core to draw on."""
        self.stop()
        if build_processes(settings) < 2 or not can_fork():
            return
        context = multiprocessing.get_context("fork")
        self.connection, child_end = context.Pipe()
        self.stopping = context.Event()
        arguments = (child_end, self.stopping, settings["CACHE_PATH"], str(settings["SITENAME"]),
                     settings["SOCIAL_CARD_STYLE"])
        self.child = context.Process(target=_draw_offers, args=arguments, daemon=True)
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


def _draw_offers(connection, stopping, cache_path, site_name, style):
    """In the child: draw what is offered and not cached, until told to stop; send back the keys drawn."""
    cache, fonts, drawn = CardCache(cache_path), Fonts(style), []
    try:
        while not stopping.is_set():
            if not connection.poll(0.02):
                continue
            for key, title, caption in connection.recv():
                if stopping.is_set():
                    break
                if not cache.has(key):
                    card = draw_card(title, site_name=site_name, caption=caption, style=style, fonts=fonts)
                    cache.put(key, card.png, card.layout.shortened)
                    drawn.append(key)
    except EOFError:  # the build ended without stopping it
        pass
    connection.send(drawn)
    connection.close()
