"""The build reads and publishes only files inside the content folder, links followed, and writes only inside
the output folder: each attack below once published a secret of the machine, or wrote beside the site."""

import os
import shutil
import subprocess
import sys

import pytest

from support import DEV_SETTINGS, PUBLISH_SETTINGS, ROOT, make_check, tip_source

SECRET = "the-machine-secret-0c1f4e"  # in a file beside the content folder, and in the build's environment
ENVIRONMENT_SECRET = "environment-secret-9d27aa"


def _tip(title, body):
    return tip_source(title=title, body=body)


@pytest.fixture(scope="module")
def attacked(tmp_path_factory):
    """A site folder: content/ (the sample content, attacked) beside files that are not content."""
    site = tmp_path_factory.mktemp("attacked")
    content = site / "content"
    shutil.copytree(ROOT / "content", content)
    (site / "secret.txt").write_text(SECRET, encoding="utf-8")
    (site / "notes.txt").write_text(SECRET, encoding="utf-8")
    (site / "outside-tip.en.md").write_bytes(_tip("A tip from outside", f"{SECRET}\n"))
    (site / "outside-folder").mkdir()
    (site / "outside-folder" / "more.en.md").write_bytes(_tip("More from outside", f"{SECRET}\n"))
    files = content / "freebies" / "files"
    cases = {}

    def attack(name, path, line, words):
        cases[name] = (path, line, words)

    checklist = content / "freebies" / "thank-you-checklist.en.md"
    checklist.write_text(checklist.read_text(encoding="utf-8").replace("File: files/thank-you-checklist.en.md", "File: /proc/self/environ"), encoding="utf-8")
    attack("freebie File from /proc", checklist, 5, "File /proc/self/environ is outside the content folder")
    kit = content / "freebies" / "review-request-kit.fr.md"
    kit.write_text(kit.read_text(encoding="utf-8").replace("File: files/review-request-kit.fr.md", "File: ../../secret.txt"), encoding="utf-8")
    attack("freebie File up the tree", kit, 5, "File ../../secret.txt is outside the content folder")

    links = content / "tips" / "links-out.en.md"
    links.write_bytes(_tip("Links out", (
        "[Environment]({attach}../../../../../../../../../proc/self/environ)\n\n"
        "[Secret]({attach}../../secret.txt)\n\n"
        "[Notes]({static}/../notes.txt)\n"
    )))
    attack("{attach} to /proc", links, 7, "{attach}../../../../../../../../../proc/self/environ, which is outside the content folder")
    attack("{attach} up the tree", links, 9, "{attach}../../secret.txt, which is outside the content folder")
    # copied where its path leads from the output folder, it would land beside it
    attack("{static} up the tree", links, 11, "{static}/../notes.txt, which is outside the content folder")

    (content / "images").mkdir(exist_ok=True)
    os.symlink(site / "secret.txt", content / "images" / "photo.png")
    os.symlink(site / "secret.txt", files / "linked-template.docx")
    (content / "tips" / "photo.en.md").write_bytes(_tip("A photo", "![A shop window]({static}/images/photo.png)\n"))
    attack("image linking out", content / "images" / "photo.png", 0, "is a link to")
    attack("freebie file linking out", files / "linked-template.docx", 0, "is a link to")
    os.symlink(site / "outside-tip.en.md", content / "tips" / "linked.en.md")
    attack("tip linking out", content / "tips" / "linked.en.md", 0, "is a link to")
    os.symlink(site / "outside-folder", content / "tips" / "more")
    attack("folder linking out", content / "tips" / "more", 0, "is a link to")

    # held: a link that stays inside the content folder is an ordinary file
    (content / "images" / "real.png").write_bytes(b"\x89PNG\r\n\x1a\n an image of the content")
    os.symlink("real.png", content / "images" / "alias.png")
    (content / "tips" / "alias.en.md").write_bytes(_tip("An alias", "![A real photo]({static}/images/alias.png)\n"))
    return site, cases


def _files_outside_output(site):
    """Every file beside the output folder, with its date: a copy over one changes it."""
    return sorted(
        (str(path.relative_to(site)), os.lstat(path).st_mtime_ns)
        for path in site.rglob("*") if path != site / "build" and "output" not in path.relative_to(site).parts
    )


@pytest.fixture(scope="module")
def built(attacked):
    site, _ = attacked
    before = _files_outside_output(site)
    # a level down: a file copied to where its path from the content folder leads, from there, is a new file
    output = site / "build" / "output"
    result = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "pelican"), str(site / "content"), "-o", str(output), "-s", str(DEV_SETTINGS)],
        cwd=ROOT, capture_output=True, text=True,
        env={"COLUMNS": "400", "PATH": "/usr/bin:/bin", "HUB_TEST_SECRET": ENVIRONMENT_SECRET},
    )
    return output, result, before


def test_no_secret_of_the_machine_is_published(built):
    output, result, _ = built
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    leaked = [
        str(path) for path in output.rglob("*")
        if path.is_file() and (SECRET.encode() in path.read_bytes() or ENVIRONMENT_SECRET.encode() in path.read_bytes())
    ]
    assert leaked == []
    assert not [path for name in ("environ", "secret.txt", "notes.txt") for path in output.rglob(name)]


def test_nothing_is_written_outside_the_output_folder(built, attacked):
    site, _ = attacked
    _, _, before = built
    assert _files_outside_output(site) == before


def test_the_rest_of_the_site_is_built_and_a_link_inside_content_is_kept(built):
    output, _, _ = built
    assert (output / "en" / "tips" / "an-alias" / "index.html").exists()
    assert (output / "images" / "alias.png").read_bytes().endswith(b"an image of the content")
    assert (output / "fr" / "conseils").is_dir() and len(list(output.glob("*/*/*/index.html"))) > 40


def test_the_build_says_what_it_left_out(built):
    _, result, _ = built
    logged = result.stdout + result.stderr
    for words in ("/proc/self/environ", "secret.txt", "photo.png", "linked.en.md", "tips/more"):
        assert words in logged, words


def test_make_check_names_every_attack_with_its_line(attacked):
    site, cases = attacked
    returncode, printed = make_check(path=site / "content")
    assert returncode == 1
    rows = printed.splitlines()
    for name, (path, line, words) in cases.items():
        where = f"{path}:{line}: " if line else f"{path}: "
        assert any(row.startswith(where) and words in row for row in rows), (name, printed)
    assert "Traceback" not in printed


def test_make_publish_refuses_it(attacked, tmp_path):
    sys.path.insert(0, str(ROOT / "scripts"))
    from publish import PublishError, publish

    site, _ = attacked
    live = tmp_path / "output"
    with pytest.raises(PublishError) as refused:
        publish(PUBLISH_SETTINGS, live, override={"PATH": str(site / "content"), "FREEBIE_SECRET": "a test secret"})
    assert any("outside the content folder" in str(problem) for problem in refused.value.details)
    assert not live.exists()
