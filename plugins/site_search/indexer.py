"""Run Pagefind over the built site, with the Python that runs Pelican (so the one of the virtualenv)."""

import json
import shutil
import subprocess
import sys
from pathlib import Path


class IndexingError(RuntimeError):
    """Pagefind did not write an index; the message says why, in Pagefind's words where it gave any."""


def build_index(site, folder, pages="**/*.{html}"):
    """Index the marked pages of `site` (those matching the glob `pages`) into `site/folder`.

    Returns the number of pages indexed per language code, and what Pagefind
    warned about (lines of text).
    """
    bundle = Path(site) / folder
    shutil.rmtree(bundle, ignore_errors=True)  # nothing of an earlier build's index survives
    command = [
        sys.executable, "-P", "-m", "pagefind",  # -P: not a pagefind folder of the working dir
        "--site", str(site), "--output-subdir", folder, "--glob", pages,
        "--quiet",  # warnings and errors only, which the build log repeats
    ]
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as error:
        raise IndexingError(f"{sys.executable} could not be started: {error}") from None
    said = _lines(result.stderr + result.stdout)
    if result.returncode != 0:
        raise IndexingError(" ".join(said) or f"{' '.join(command)} exited with status {result.returncode}")
    counts = indexed_counts(bundle)
    if counts is None:
        raise IndexingError(f"Pagefind wrote no readable {folder}/pagefind-entry.json")
    return counts, said


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
