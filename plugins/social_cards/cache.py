"""Drawn cards kept between builds in one SQLite file under CACHE_PATH: each card's PNG, and whether its
title was too long for it, by fingerprint.

One file rather than a file per card: thousands of small files cost a build more in the file system
than their bytes do, most of all on a disk where a fresh inode is slow to find.
"""

import os
import sqlite3

from hub.files import write_if_changed

FILE = "social_cards.sqlite3"
SCHEMA = "CREATE TABLE IF NOT EXISTS cards (key TEXT PRIMARY KEY, png BLOB NOT NULL, too_long INTEGER NOT NULL)"


class CardCache:
    def __init__(self, cache_path):
        self.path = os.path.join(cache_path, FILE)
        self._connection, self._pid = None, None

    def _db(self):
        # one connection per process: a forked child must not use its parent's
        if self._pid != os.getpid():
            os.makedirs(os.path.dirname(self.path) or ".", exist_ok=True)
            try:
                self._connection = _open(self.path)
            except sqlite3.DatabaseError:  # not a database any more: it held nothing that cannot be drawn again
                for suffix in ("", "-wal", "-shm"):
                    if os.path.exists(self.path + suffix):
                        os.remove(self.path + suffix)
                self._connection = _open(self.path)
            self._pid = os.getpid()
        return self._connection

    def _get(self, column, key):
        row = self._db().execute(f"SELECT {column} FROM cards WHERE key = ?", (key,)).fetchone()
        return row[0] if row else None

    def has(self, key):
        return self._get("1", key) is not None

    def too_long(self, key):
        """Whether the title of the cached card `key` was too long for it (so a rebuild warns again)."""
        return bool(self._get("too_long", key))

    def put(self, key, png, too_long):
        self._db().execute("INSERT OR REPLACE INTO cards VALUES (?, ?, ?)", (key, png, int(bool(too_long))))

    def copy_to(self, key, destination):
        write_card(self._get("png", key), destination)

    def keep_only(self, keys, prefixes=frozenset(), length=32):
        """Remove every card but those of `keys` and those whose key starts with one of `prefixes` (each
        `length` long); how many were removed. The space they held is reused by the cards drawn next, so the
        file grows with the titles the site has, not with every title it had."""
        database = self._db()
        stale = [(key,) for (key,) in database.execute("SELECT key FROM cards")
                 if key not in keys and key[:length] not in prefixes]
        database.executemany("DELETE FROM cards WHERE key = ?", stale)
        return len(stale)


def _open(path):
    # each statement commits on its own, so another process drawing beside this one sees each card at once;
    # a write-ahead log lets it read meanwhile, and a cache needs no syncing to the disk
    connection = sqlite3.connect(path, timeout=60, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=OFF")
    connection.execute(SCHEMA)
    return connection


def write_card(png, destination):
    """A card written beside its page: a file of its own, so whatever changes it later leaves the cache alone.
    A file that holds these bytes already is left as it is, as pages are: its date tells an upload nothing new."""
    os.makedirs(os.path.dirname(destination), exist_ok=True)
    write_if_changed(destination, png)
