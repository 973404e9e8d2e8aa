"""What is not public yet stays out of the live site: tips, pages and freebies dated in the future, and drafts.

Development builds still preview drafts under drafts/, kept out of search engines; hidden tips are published at
their address only, kept out of search engines too.
"""

import gzip
import subprocess
import sys

import pytest
from content_checks.checks import check_content
from pelican.settings import read_settings
from support import (
    DEV_SETTINGS,
    PUBLISH_SETTINGS,
    PUBLISHED_SECRET,
    PUBLISHED_SITEURL,
    ROOT,
    build,
    html,
    is_private,
)

sys.path.insert(0, str(ROOT / "scripts"))
from publish import PublishError, publish  # noqa: E402

LIVE = {"SITEURL": PUBLISHED_SITEURL, "FEED_DOMAIN": PUBLISHED_SITEURL, "FREEBIE_SECRET": PUBLISHED_SECRET}
FUTURE = "2999-01-01 09:00"

# Each unpublished file has a slug and a word of its own, to look for in everything the build writes.
FUTURE_TIP = (
    f"Title: Launch of zqlaunch\nDate: {FUTURE}\nCategory: Giving first\nTags: zqlaunchtag\n"
    "Summary: The zqlaunch announcement.\nSlug: zqlaunch-tip\n\nThe zqlaunch plans, not public yet.\n"
)
FUTURE_PAGE = (
    f"Title: Zqlaunchpage terms\nDate: {FUTURE}\nSummary: The zqlaunchpage terms.\nSlug: zqlaunchpage\n\n"
    "The zqlaunchpage text.\n"
)
FUTURE_FREEBIE = (
    f"Title: Zqlaunchgift kit\nDate: {FUTURE}\nSummary: The zqlaunchgift kit.\nSlug: zqlaunchgift\nGate: none\n"
    "File: files/thank-you-checklist.en.md\n\nThe zqlaunchgift text.\n"
)
DRAFT_TIP = (
    "Title: Draft about zqdraft\nDate: 2026-01-05\nCategory: Giving first\nSummary: The zqdraft summary.\n"
    "Slug: zqdraft-tip\nStatus: draft\n\nThe zqdraft text.\n"
)
DRAFT_PAGE = "Title: Zqdraftpage\nSummary: The zqdraftpage summary.\nSlug: zqdraftpage\nStatus: draft\n\nThe zqdraftpage text.\n"
HIDDEN_TIP = (
    "Title: Hidden zqhidden\nDate: 2026-01-05\nCategory: Giving first\nSummary: The zqhidden summary.\n"
    "Slug: zqhidden-tip\nStatus: hidden\n\nThe zqhidden text.\n"
)


def add(content, **files):
    for name, text in files.items():
        folder, _, file_name = name.partition("/")
        (content / folder / file_name).write_text(text, encoding="utf-8")


def everything_written(output):
    """(path, bytes) of every file the build wrote, the search index's compressed files read as they are served."""
    for path in sorted(output.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            yield path, gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data


def files_mentioning(output, *words):
    return sorted(
        f"{path.relative_to(output)}: {word}"
        for path, data in everything_written(output)
        for word in words
        if word.encode() in data.lower() or word.encode() in path.as_posix().encode()
    )


def test_what_is_dated_in_the_future_is_nowhere_in_the_live_build(content, tmp_path):
    add(content, **{
        "tips/launch.en.md": FUTURE_TIP, "pages/launch.en.md": FUTURE_PAGE, "freebies/launch.en.md": FUTURE_FREEBIE,
    })
    output = tmp_path / "output"
    build(output, PUBLISH_SETTINGS, PATH=str(content), **LIVE)
    # no page, listing, feed, sitemap, search index, card, offer or link of any of them
    assert files_mentioning(output, "zqlaunch") == []
    assert (output / "en" / "tips" / "give-before-you-ask" / "card.png").is_file()  # the rest is all there
    assert any(path.name.endswith(".pf_fragment") for path in (output / "pagefind" / "en" / "fragment").iterdir())


def test_the_live_build_writes_no_draft_and_hides_hidden_tips_from_search_engines(content, tmp_path):
    add(content, **{
        "tips/draft.en.md": DRAFT_TIP, "pages/draft.en.md": DRAFT_PAGE, "tips/hidden.en.md": HIDDEN_TIP,
        "tips/launch.en.md": FUTURE_TIP,
    })
    output = tmp_path / "output"
    settings = build(output, PUBLISH_SETTINGS, PATH=str(content), **LIVE)
    assert not (output / "drafts").exists()
    assert files_mentioning(output, "zqdraft", "zqlaunch") == []
    hidden = output / "en" / "tips" / "zqhidden-tip" / "index.html"
    assert is_private(html(hidden))
    # published at its address, and linked from nowhere a visitor or a search engine can read: the host's own
    # files (its rules send the page's policy and `X-Robots-Tag: noindex`) are never served
    host_files = {name for name in settings.get("HOST_HEADERS_FILES", {}).values() if name}
    mentions = [name for name in files_mentioning(output, "zqhidden-tip") if not name.startswith("en/tips/zqhidden-tip/")]
    assert [name for name in mentions if name.split(":")[0] not in host_files] == []
    if host_files:
        assert "X-Robots-Tag: noindex" in (output / "_headers").read_text(encoding="utf-8").split("/en/tips/zqhidden-tip/")[1]


def test_a_development_build_previews_drafts_under_drafts_kept_out_of_search_engines(content, tmp_path):
    add(content, **{
        "tips/draft.en.md": DRAFT_TIP, "pages/draft.en.md": DRAFT_PAGE, "tips/hidden.en.md": HIDDEN_TIP,
        "tips/launch.en.md": FUTURE_TIP, "pages/launch.en.md": FUTURE_PAGE,
    })
    output = tmp_path / "output"
    build(output, DEV_SETTINGS, PATH=str(content))
    drafts = sorted(path.parent.name for path in (output / "drafts").rglob("index.html"))
    assert drafts == ["zqdraft-tip", "zqdraftpage", "zqlaunch-tip", "zqlaunchpage"]
    for path in [*(output / "drafts").rglob("index.html"), output / "en" / "tips" / "zqhidden-tip" / "index.html"]:
        assert html(path).select_one('meta[name="robots"]')["content"] == "noindex", path
    assert "Disallow: /drafts/" in (output / "robots.txt").read_text(encoding="utf-8").splitlines()
    for public in ("index.html", "en/index.html", "en/tips/give-before-you-ask/index.html", "en/about/index.html"):
        assert html(output / public).select_one('meta[name="robots"]') is None, public


def test_a_new_tip_never_stops_a_publish_and_make_check_agrees(content, tmp_path):
    created = subprocess.run(
        [sys.executable, "-m", "translation_status", "new-tip", "-s", str(DEV_SETTINGS), "--path", str(content),
         "thank-you-cards"],
        cwd=ROOT, capture_output=True, text=True, env={"PYTHONPATH": f"{ROOT}:{ROOT / 'plugins'}", "PATH": "/usr/bin:/bin"},
    )
    assert created.returncode == 0, created.stderr
    assert check_content(read_settings(str(DEV_SETTINGS), override={"PATH": str(content)})) == []
    output = publish(PUBLISH_SETTINGS, tmp_path / "output", {**LIVE, "PATH": str(content)})
    assert (output / "index.html").is_file() and not (output / "drafts").exists()
    assert files_mentioning(output, "thank-you-cards") == []


def unpublished_problems(content):
    """What make check finds of files that lean on what the live site leaves out."""
    problems = check_content(read_settings(str(DEV_SETTINGS), override={"PATH": str(content)}))
    return [problem for problem in problems if "the live site has no page" in problem.message
            or "not published in any language" in problem.message]


def test_a_published_tip_that_leans_on_what_the_live_site_leaves_out_is_named_at_its_line(content, tmp_path):
    add(content, **{
        "tips/draft.en.md": DRAFT_TIP, "tips/launch.en.md": FUTURE_TIP,
        "freebies/launch.en.md": FUTURE_FREEBIE, "tips/hidden.en.md": HIDDEN_TIP,
    })
    tip = content / "tips" / "give-first.en.md"
    text = tip.read_text(encoding="utf-8").replace("Slug: give-before-you-ask\n", "Slug: give-before-you-ask\nFreebie: launch\n")
    text += "\nSee [the draft]({filename}draft.en.md),\n[the plans]({filename}/tips/launch.en.md) and [this]({filename}hidden.en.md).\n"
    tip.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    problems = [str(problem) for problem in sorted(unpublished_problems(content))]
    assert problems == [
        f"{tip}:{lines.index('Freebie: launch') + 1}: offers the freebie 'launch', which is not published in any "
        "language (a draft, hidden or dated in the future): publish it, or remove the Freebie line until it is",
        f"{tip}:{len(lines) - 1}: links to {{filename}}draft.en.md, which is a draft (Status: draft): the live site "
        "has no page there; publish it first, or add the link when it is published",
        f"{tip}:{len(lines)}: links to {{filename}}/tips/launch.en.md, which is dated 2999-01-01 09:00, in the "
        "future: the live site has no page there; publish it first, or add the link when it is published",
    ]
    # what make publish would otherwise stop at
    with pytest.raises(PublishError):
        publish(PUBLISH_SETTINGS, tmp_path / "output", {**LIVE, "PATH": str(content)})
