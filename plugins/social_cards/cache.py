"""Drawn cards kept between builds, one PNG per fingerprint, in a folder under CACHE_PATH."""

import os
import shutil

FOLDER = "social_cards"


class CardCache:
    def __init__(self, cache_path):
        self.folder = os.path.join(cache_path, FOLDER)
        self._folder_made = False  # once per process: thousands of cards, and each system call counts

    def _make_folder(self):
        if not self._folder_made:
            os.makedirs(self.folder, exist_ok=True)
            self._folder_made = True

    def path(self, key):
        return os.path.join(self.folder, f"{key}.png")

    def has(self, key):
        return os.path.isfile(self.path(key))

    def _notes(self, key):
        return {True: f"{self.path(key)}.too-long", False: f"{self.path(key)}.fits"}

    def too_long(self, key, measure):
        """Whether the title of card `key` is too long for it, from the note beside the card (so a
        rebuild warns again without laying out every title again); `measure()` when there is none."""
        for answer, note in self._notes(key).items():
            if os.path.exists(note):
                return answer
        answer = bool(measure())
        self.note_too_long(key, answer)
        return answer

    def note_too_long(self, key, answer):
        self._make_folder()
        open(self._notes(key)[bool(answer)], "wb").close()

    def put(self, key, png):
        self._make_folder()
        # written aside, then renamed: a build that stops half-way, or one running beside it,
        # never finds half a card under the final name
        partial = f"{self.path(key)}.{os.getpid()}.partial"
        with open(partial, "wb") as card:
            card.write(png)
        os.replace(partial, self.path(key))

    def copy_to(self, key, destination):
        # copied, not linked: the published file gets the output folder's permissions,
        # and whatever changes it later leaves the cache alone
        os.makedirs(os.path.dirname(destination), exist_ok=True)
        shutil.copyfile(self.path(key), destination)


def write_card(png, destination):
    """A card just drawn, written beside its page from memory rather than copied from the cache."""
    os.makedirs(os.path.dirname(destination), exist_ok=True)
    with open(destination, "wb") as card:
        card.write(png)
