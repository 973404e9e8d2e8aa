"""`make publish`: a checked build replaces output/ in one step; any failure leaves the previous site byte for byte."""

import hashlib
import shutil
import subprocess
import sys

import pytest

from support import PUBLISH_SETTINGS, PUBLISHED_SECRET, PUBLISHED_SITEURL, ROOT

sys.path.insert(0, str(ROOT / "scripts"))
from publish import PublishError, publish  # noqa: E402

SETTINGS = {"SITEURL": PUBLISHED_SITEURL, "FEED_DOMAIN": PUBLISHED_SITEURL, "FREEBIE_SECRET": PUBLISHED_SECRET}


def fingerprint(folder):
    """Every file of a folder and a hash of its bytes."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture
def live(tmp_path):
    """A previously published site, and a copy of the content to break."""
    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text("<!doctype html><title>The site as it was</title>", encoding="utf-8")
    (output / "fr").mkdir()
    (output / "fr" / "index.html").write_bytes(b"<!doctype html><title>Accueil</title>\n")
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    return output, content


def leftovers(output):
    return [path.name for path in output.parent.iterdir() if path.name.startswith(f".{output.name}-")]


def test_a_good_build_replaces_the_site(live):
    output, content = live
    publish(PUBLISH_SETTINGS, output, {**SETTINGS, "PATH": str(content)})
    assert (output / "fr" / "conseils").is_dir()
    assert "The site as it was" not in (output / "index.html").read_text(encoding="utf-8")
    assert leftovers(output) == []


def test_a_content_problem_publishes_nothing(live):
    output, content = live
    before = fingerprint(output)
    (content / "tips" / "leap.en.md").write_text("Title: Leap\nDate: 2026-02-30\n\nText.\n", encoding="utf-8")
    with pytest.raises(PublishError) as failure:
        publish(PUBLISH_SETTINGS, output, {**SETTINGS, "PATH": str(content)})
    assert any("leap.en.md:2: Date '2026-02-30' is not a real date" in str(problem) for problem in failure.value.details)
    assert fingerprint(output) == before and leftovers(output) == []


def test_a_build_that_fails_midway_publishes_nothing(live, tmp_path):
    output, content = live
    before = fingerprint(output)
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    # the freebie index pages are written after every tip, page and listing: the build breaks with most of the site written
    template = theme / "templates" / "freebies.html"
    template.write_text(template.read_text(encoding="utf-8").replace("{{ freebie.title }}", "{{ freebie.title|no_such_filter }}"), encoding="utf-8")
    with pytest.raises(PublishError, match="the build stopped"):
        publish(PUBLISH_SETTINGS, output, {**SETTINGS, "PATH": str(content), "THEME": str(theme)})
    assert fingerprint(output) == before and leftovers(output) == []


def test_a_broken_link_in_the_built_site_publishes_nothing(live):
    output, content = live
    before = fingerprint(output)
    tip = content / "tips" / "give-first.fr.md"
    tip.write_text(tip.read_text(encoding="utf-8") + "\nVoir aussi [la page disparue](/fr/conseils/page-disparue/).\n", encoding="utf-8")
    with pytest.raises(PublishError) as failure:
        publish(PUBLISH_SETTINGS, output, {**SETTINGS, "PATH": str(content)})
    assert any("/fr/conseils/page-disparue/" in str(problem) for problem in failure.value.details)
    assert fingerprint(output) == before and leftovers(output) == []


def test_make_publish_says_why_and_fails_without_a_secret(live):
    output, content = live
    before = fingerprint(output)
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "publish.py"), "-s", str(PUBLISH_SETTINGS), "-o", str(output)],
        cwd=ROOT, capture_output=True, text=True, env={"PATH": "/usr/bin:/bin", "FREEBIE_SECRET": ""},
    )
    assert result.returncode == 1
    assert "Nothing was published" in result.stderr and "FREEBIE_SECRET" in result.stderr
    assert "Traceback" not in result.stderr
    assert fingerprint(output) == before
