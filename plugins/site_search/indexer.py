"""Run Pagefind over the built site: the binary the pagefind package of Pelican's Python finds."""

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


class IndexingError(RuntimeError):
    """Pagefind did not write an index; the message says why, in Pagefind's words where it gave any."""


class PagefindMissing(IndexingError):
    """There is no Pagefind to run: the pagefind[bin] package is missing, or its program cannot start."""


class IndexRun:
    """Pagefind indexing the marked pages of `site` (those matching the glob `pages`) into `site/folder`:
    started at once, waited for by result(), so the build goes on meanwhile. What it says goes to a file,
    not a pipe, so nothing needs to read it while it runs."""

    def __init__(self, site, folder, pages="**/*.{html}"):
        self.folder = folder
        self.bundle = Path(site) / folder
        shutil.rmtree(self.bundle, ignore_errors=True)  # nothing of an earlier build's index survives
        self.process = None
        self.output = tempfile.TemporaryFile(mode="w+", encoding="utf-8")
        try:
            self.command = [
                str(pagefind_binary()),
                "--site", str(site), "--output-subdir", folder, "--glob", pages,
                "--quiet",  # warnings and errors only, which the build log repeats
            ]
            self.process = subprocess.Popen(self.command, stdout=self.output, stderr=subprocess.STDOUT)
        except PagefindMissing as error:
            self.failure = error
        except OSError as error:
            self.failure = PagefindMissing(f"{self.command[0]} could not be started: {error}")

    def running(self):
        return self.process is not None and self.process.poll() is None

    def result(self):
        """(pages indexed per language code, Pagefind's warnings); IndexingError if it wrote no index."""
        if self.process is None:
            self.output.close()
            raise self.failure
        self.process.wait()
        with self.output:
            self.output.seek(0)
            said = _lines(self.output.read())
        if self.process.returncode != 0:
            raise IndexingError(
                " ".join(said) or f"{' '.join(self.command)} exited with status {self.process.returncode}"
            )
        counts = indexed_counts(self.bundle)
        if counts is None:
            raise IndexingError(f"Pagefind wrote no readable {self.folder}/pagefind-entry.json")
        return counts, said


def pagefind_binary():
    """Pagefind's program, found as `python -m pagefind` finds it (PAGEFIND_BINARY_PATH, else the binary of
    the pagefind[bin] package); started directly, it spares each run the start of a Python interpreter."""
    try:
        from pagefind.service import get_executable
    except ImportError as error:
        raise PagefindMissing(f"{sys.executable} cannot import the pagefind package ({error})") from error
    try:
        binary = get_executable()
    except OSError as error:  # pagefind_bin installed without its binary
        raise PagefindMissing(str(error)) from error
    if binary is None:
        raise PagefindMissing(f"the pagefind package of {sys.executable} found no Pagefind binary")
    return binary


def indexed_counts(bundle):
    """The pages a bundle indexes, per language code (its pagefind-entry.json), or None if it has none."""
    try:
        entry = json.loads((Path(bundle) / "pagefind-entry.json").read_text(encoding="utf-8"))
        return {code: language["page_count"] for code, language in entry["languages"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


def _lines(text):
    """Pagefind's message lines, once each (it repeats its errors), without padding."""
    return list(dict.fromkeys(line.strip() for line in text.splitlines() if line.strip()))
