"""`make publish`: a checked build replaces output/ in one step; any failure leaves the previous site byte for byte."""

import hashlib
import os
import shutil
import subprocess
import sys
import time

import pytest
from support import PUBLISH_SETTINGS, PUBLISHED_SECRET, PUBLISHED_SITEURL, ROOT

from hub.output_lock import holding
from hub.publish_marker import write_marker

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


def publishing(output, content, *before):
    """`make publish` in a process of its own; `before` are lines of Python run first (in `publish`'s module)."""
    script = "\n".join([
        "import sys, time",
        f"sys.path.insert(0, {str(ROOT / 'scripts')!r})",
        "import publish",
        *before,
        f"publish.publish({str(PUBLISH_SETTINGS)!r}, {str(output)!r}, {({**SETTINGS, 'PATH': str(content)})!r},",
        "                on_wait=lambda holder: print('waiting for', holder, flush=True))",
    ])
    return subprocess.Popen(
        [sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def test_a_publish_after_a_killed_one_removes_what_it_left(live, tmp_path):
    output, content = live
    checking = tmp_path / "checking"
    # killed while it checks the site it built: the new folder holds the whole site, delivery tokens included
    killed = publishing(output, content, "def stall(folder, site_url):",
                        f"    open({str(checking)!r}, 'w').write(folder)", "    time.sleep(600)",
                        "publish.check_output = stall")
    try:
        while not checking.exists():
            assert killed.poll() is None, killed.communicate()[1]
            time.sleep(0.02)
    finally:
        killed.kill()
        killed.wait()
    [left] = leftovers(output)
    assert str(output.parent / left) == checking.read_text()
    tokens = [path for path in (output.parent / left).rglob("*.pdf") if len(path.parent.name) == 32]
    assert tokens, "the killed publish had written the delivery pages"

    publish(PUBLISH_SETTINGS, output, {**SETTINGS, "PATH": str(content)})
    assert leftovers(output) == []
    assert (output / ".published.json").is_file()
    for name in (f"{left}/fr/index.html", ".output-old/index.html", ".output.lock"):
        ignored = subprocess.run(["git", "check-ignore", "-q", "--no-index", name], cwd=ROOT)
        assert ignored.returncode == 0, f"git does not ignore {name}"


def test_a_publish_waits_for_a_development_build_and_never_mixes_with_it(live):
    output, content = live
    with holding(output, "a development build (make html)"):
        waiting = publishing(output, content)
        assert waiting.stdout.readline() == f"waiting for a development build (make html) (process {os.getpid()})\n"
        # meanwhile, the development build goes on writing
        (output / "fr" / "index.html").write_bytes(b"<!doctype html><title>Accueil (dev)</title>\n")
        assert not (output / ".published.json").exists()
    assert waiting.wait() == 0, waiting.stderr.read()
    assert (output / ".published.json").is_file()
    assert "(dev)" not in (output / "fr" / "index.html").read_text(encoding="utf-8")
    assert leftovers(output) == []


def test_a_development_build_waits_for_a_publish_and_removes_its_marker(tmp_path):
    output = tmp_path / "output"
    output.mkdir()
    write_marker(output, PUBLISH_SETTINGS, PUBLISHED_SITEURL)
    page = output / "index.html"
    with holding(output, "make publish"):
        building = subprocess.Popen(
            [sys.executable, str(ROOT / "scripts" / "dev_build.py"), str(output), "--",
             sys.executable, "-c", f"open({str(page)!r}, 'w').write('dev')"],
            stderr=subprocess.PIPE, text=True,
        )
        assert building.stderr.readline() == f"{output}/ is being written by make publish (process {os.getpid()}): waiting for it to finish.\n"
        assert not page.exists() and (output / ".published.json").exists()
    assert building.wait() == 0
    assert page.read_text() == "dev" and not (output / ".published.json").exists()
