"""`make check` and the build on bad content: a line per problem naming file and line, and the rest still built."""

import subprocess
import sys

import pytest
from content_checks.checks import check_content
from pelican.settings import read_settings
from support import DEV_SETTINGS, ROOT, html, pelican_run, tip_source

# file (under content/), its bytes, the line the problem is on (0: the whole file), words of the message
CASES = {
    "missing title": ("tips/no-title.en.md", b"Date: 2026-05-04\nCategory: Tests\n\nText.\n", 1, "Title is missing"),
    "empty date": ("tips/empty-date.en.md", b"Title: Empty date\nDate:\nCategory: Tests\n\nText.\n", 2, "Date is empty"),
    "no language": ("tips/no-language.md", tip_source(), 1, "Lang is missing"),
    "empty language": ("tips/empty-lang.md", tip_source(extra="Lang:\n"), 5, "Lang is empty"),
    "unknown language": ("tips/german.de.md", tip_source(), 1, "'de' is not configured"),
    "impossible date": ("tips/leap.en.md", b"Title: Not a leap year\nDate: 2026-02-30\n\nText.\n", 2, "is not a real date"),
    "not utf-8": ("tips/latin1.fr.md", "Title: Café\nDate: 2026-05-04\n\nÉté\n".encode("latin-1"), 1, "not valid UTF-8"),
    "bad byte later": ("tips/latin1-body.fr.md", "Title: Cafe\nDate: 2026-05-04\n\nÉté\n".encode("latin-1"), 4, "not valid UTF-8"),
    "empty file": ("tips/empty.en.md", b" \n\n", 0, "is empty"),
    "binary file": ("tips/photo.en.md", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 0, "binary file"),
    "same slug": ("tips/copy-of-give-first.en.md", tip_source(extra="Slug: give-before-you-ask\n"), 5, "already has the slug 'give-before-you-ask'"),
    "same translation": ("tips/second-french.fr.md", tip_source(extra="Translation_Key: give-first\n"), 5, "is already the fr version of 'give-first'"),
    "unknown freebie": ("tips/wants-a-gift.en.md", tip_source(extra="Freebie: no-such-gift\n"), 5, "there is no freebie 'no-such-gift'"),
    "missing link target": ("tips/broken-link.en.md", tip_source(body="See [this]({filename}/tips/nowhere.en.md).\n"), 7, "{filename}/tips/nowhere.en.md, which does not exist"),
    "image without alt": ("tips/no-alt.en.md", tip_source(body="![]({static}/images/x.png)\n"), 7, "has no alt text"),
    "html image without alt": ("tips/no-alt-html.en.md", tip_source(body='<img src="/x.png">\n'), 7, "has no alt text"),
    "javascript link": ("tips/script-link.en.md", tip_source(body="[Click](javascript:alert(1))\n"), 7, "javascript: link"),
    # HTML and URL schemes are case-blind: so are the checks
    "html image in capitals": ("tips/no-alt-caps.en.md", tip_source(body='<IMG SRC="/x.png">\n'), 7, "has no alt text"),
    "javascript link in capitals": ("tips/script-caps.en.md", tip_source(body='<a HREF="JavaScript:go()">Go</a>\n'), 7, "javascript: link"),
    # what a browser runs is what the rendered HTML holds, however the Markdown spells it
    "javascript reference": ("tips/script-ref.en.md", tip_source(body="[Click][go]\n\n[go]: javascript:alert(1)\n"), 9, "a javascript: link"),
    "javascript autolink": ("tips/script-auto.en.md", tip_source(body="<javascript:alert(1)>\n"), 7, "a javascript: link"),
    "javascript entity": ("tips/script-entity.en.md", tip_source(body="[Click](&#106;avascript:alert(1))\n"), 7, "a javascript: link"),
    "javascript colon entity": ("tips/script-colon.en.md", tip_source(body="[Click](javascript&colon;alert(1))\n"), 7, "a javascript: link"),
    "javascript line break": ("tips/script-break.en.md", tip_source(body='Go <a href="java\nscript:alert(1)">there</a>.\n'), 7, "a javascript: link"),
    "vbscript link": ("tips/vbscript.en.md", tip_source(body="[Click](vbscript:msgbox(1))\n"), 7, "a vbscript: link"),
    "data html link": ("tips/data-html.en.md", tip_source(body="[Click](data:text/html;base64,PHNjcmlwdD4=)\n"), 7, "a data: link"),
    "raw script": ("tips/raw-script.en.md", tip_source(body="Text.\n\n<script>alert(1)</script>\n"), 9, "a <script> runs"),
    "event handler": ("tips/onerror.en.md", tip_source(body='<img src="x.png" alt="A shop" onerror="alert(1)">\n'), 7, "an onerror= attribute"),
    # HTML that browsers read differently from a naive parser
    "handler after a comment": ("tips/comment.en.md", tip_source(body="<!-- --!><img src=x alt=A onerror=alert(1)> -->\n"), 7, "an onerror= attribute"),
    "handler in noscript": (
        "tips/noscript.en.md", tip_source(body='<noscript><p title="</noscript><img src=x alt=A onerror=alert(1)>"></noscript>\n'),
        7, "an onerror= attribute",
    ),
    "escaped data scheme": ("tips/data-escaped.en.md", tip_source(body="[Click](data\\:text/html,hi)\n"), 7, "a data: link"),
    "title too long": ("tips/long-title.en.md", tip_source(title="A title " * 10), 1, "Title is 79 characters long"),
    "summary too long": ("tips/long-summary.en.md", tip_source().replace(b"A short summary.", b"Word " * 40), 4, "Summary is 199 characters long"),
    "freebie without file": ("freebies/no-file.en.md", b"Title: A gift\nGate: none\nFile: files/missing.pdf\n\nText.\n", 3, "files/missing.pdf does not exist"),
}


def settings_for(content):
    return read_settings(str(DEV_SETTINGS), override={"PATH": str(content)})


def test_the_sample_content_has_no_problem():
    assert check_content(read_settings(str(DEV_SETTINGS))) == []


@pytest.mark.parametrize("case", CASES)
def test_each_problem_names_its_file_and_line(content, case):
    name, data, line, words = CASES[case]
    (content / name).write_bytes(data)
    problems = check_content(settings_for(content))
    reported = [str(problem) for problem in problems]
    assert any(problem.path == str(content / name) and problem.line == line and words in problem.message for problem in problems), reported
    # the only other file named is the one a duplicate collides with
    assert len({problem.path for problem in problems}) <= (2 if case.startswith("same") else 1), reported


def test_every_body_line_with_a_problem_is_named_once_per_problem(content):
    body = (
        "Two images: ![]({static}/images/a.png) and ![](b.png).\n"
        "\n"
        "[Click](javascript:void(0)) then [that]({filename}/tips/nowhere.en.md)\n"
        "İstanbul, in plain text.\n"  # "İ" lowercased is two characters: the lines below keep their numbers
        '<img src="/x.png">'  # the last line, with no line ending
    )
    (content / "tips" / "many.en.md").write_bytes(tip_source(body=body))
    found = [(problem.line, problem.message.split(":")[0]) for problem in check_content(settings_for(content))]
    assert sorted(found) == sorted([
        (7, "the image b.png has no alt text"),
        (7, "the image {static}/images/a.png has no alt text"),
        (7, "links to {static}/images/a.png, which does not exist"),
        (9, "a javascript"),
        (9, "links to {filename}/tips/nowhere.en.md, which does not exist"),
        (11, "an <img> has no alt text"),
    ])


def test_make_check_prints_path_line_message_and_fails(content):
    for name, data, _, _ in CASES.values():
        (content / name).write_bytes(data)
    result = subprocess.run(
        [sys.executable, "-m", "content_checks", "-s", str(DEV_SETTINGS), "--path", str(content)],
        cwd=ROOT, capture_output=True, text=True, env={"PYTHONPATH": f"{ROOT}:{ROOT / 'plugins'}", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 1, result.stderr
    for name, _, line, words in CASES.values():
        where = f"{content / name}:{line}: " if line else f"{content / name}: "
        assert any(row.startswith(where) and words in row for row in result.stdout.splitlines()), (name, result.stdout)
    assert "Traceback" not in result.stdout + result.stderr


def test_a_build_of_the_whole_bad_set_warns_and_still_builds_the_good_pages(content, tmp_path):
    for name, data, _, _ in CASES.values():
        (content / name).write_bytes(data)
    output = tmp_path / "output"
    status, logged = pelican_run(content, output)
    assert status == 0, logged
    assert "Traceback" not in logged
    for name, _, _, _ in CASES.values():
        assert str(content / name) in logged, f"{name} is not reported"
    good = html(next(output.glob("fr/conseils/*/index.html")))
    assert good.h1 and len(list(output.glob("*/*/*/index.html"))) > 40


def test_byte_order_marks_and_windows_line_endings_just_work(content, tmp_path):
    text = "Title: Écrire sous Windows\r\nDate: 2026-05-04\r\nCategory: Outils\r\nSummary: Un fichier CRLF.\r\n\r\nDu texte.\r\n"
    (content / "tips" / "windows.fr.md").write_bytes(b"\xef\xbb\xbf" + text.encode())
    assert check_content(settings_for(content)) == []
    from support import build

    output = tmp_path / "output"
    build(output, PATH=str(content))
    page = html(output / "fr" / "conseils" / "ecrire-sous-windows" / "index.html")
    assert page.h1.get_text() == "Écrire sous Windows"


def test_markup_in_metadata_is_shown_as_text(content, tmp_path):
    from support import build

    (content / "tips" / "markup.en.md").write_text(
        "Title: <script>alert('title')</script> & more\nDate: 2026-05-04\nCategory: Tests\n"
        "Tags: <script>alert('tag')</script>\nSummary: Plain.\nSlug: markup\n\nText.\n",
        encoding="utf-8",
    )
    output = tmp_path / "output"
    build(output, PATH=str(content))
    raw = (output / "en" / "tips" / "markup" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert" not in raw
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; &amp; more" in raw
    page = html(output / "en" / "tips" / "markup" / "index.html")
    assert page.h1.get_text() == "<script>alert('title')</script> & more"
    assert "#<script>alert('tag')</script>" in [a.get_text() for a in page.select(".tags a")]


def test_raw_script_is_the_owners_choice_and_a_script_link_never(content):
    (content / "tips" / "widget.en.md").write_bytes(tip_source(body=(
        '<script src="/theme/js/widget.js"></script>\n\n<button onclick="go()">Go</button>\n\n[Run](javascript:go())\n'
    )))
    settings = read_settings(str(DEV_SETTINGS), override={"PATH": str(content), "CONTENT_ALLOWS_SCRIPTS": True})
    assert [(problem.line, problem.message.split(":")[0]) for problem in check_content(settings)] == [(11, "a javascript")]
    refused = check_content(settings_for(content))
    assert sorted((problem.line, problem.message.split(" ")[1]) for problem in refused) == [
        (7, "<script>"), (9, "onclick="), (11, "javascript:"),
    ]


def test_a_line_of_eighty_thousand_image_starts_is_read_once(content):
    """Each of these took the checks over a minute when every start was searched to the end of the line."""
    body = "<img " * 80_000 + '<img src="x.png">\n\n' + "![" * 80_000 + "\n"
    (content / "tips" / "many-starts.en.md").write_bytes(tip_source(body=body))
    result = subprocess.run(
        [sys.executable, "-c", (
            "import sys; from pelican.settings import read_settings; from content_checks.checks import check_content; "
            f"print(len(check_content(read_settings({str(DEV_SETTINGS)!r}, override={{'PATH': {str(content)!r}}}))))"
        )],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
        env={"PYTHONPATH": f"{ROOT}:{ROOT / 'plugins'}", "PATH": "/usr/bin:/bin"},
    )
    assert result.stdout.strip() == "1", result.stderr  # the one <img> without alt text


# a tip may show the markup it warns about: as code or in a comment it is text, never run
SHOWN_NOT_RUN = (
    "Never paste `<script>alert(1)</script>` or `<img src=x alt=A onerror=alert(1)>` into a tip.\n"
    "\n"
    "```html\n<script src=\"https://tracker.example/t.js\"></script>\n<a href=\"javascript:go()\">Go</a>\n```\n"
    "\n"
    "    <button onclick=\"go()\">indented code</button>\n"
    "\n"
    "<!-- <script>alert('a comment')</script> <img src=x alt=A onerror=alert(1)> -->\n"
    "\n"
    "Attributes named like handlers are text too: once=true, `onload=` and javascript: in a sentence.\n"
)


def test_script_shown_as_code_or_in_a_comment_is_not_reported(content):
    (content / "tips" / "examples.en.md").write_bytes(tip_source(body=SHOWN_NOT_RUN))
    assert check_content(settings_for(content)) == []


# the attacks a check of the Markdown's text would miss, each at the line it is on
SLIPPING_PAST = {
    "mixed case": ('<a href="JaVaScRiPt:alert(1)">x</a>\n', 7, "a javascript: link"),
    "entity for a letter": ('<a href="&#106;avascript:alert(1)">x</a>\n', 7, "a javascript: link"),
    "hex entities": ('<a href="&#x6A;&#x61;vascript&#x3A;alert(1)">x</a>\n', 7, "a javascript: link"),
    "tab and newline inside": ('Text.\n\n<a href="java\tscr\nipt:alert(1)">x</a>\n', 9, "a javascript: link"),
    "leading spaces": ('<a href="  javascript:alert(1)">x</a>\n', 7, "a javascript: link"),
    "form action": ('<form action="javascript:alert(1)"><button>Go</button></form>\n', 7, "a javascript: link"),
    "button formaction": ('<form><button formaction="JAVASCRIPT:alert(1)">Go</button></form>\n', 7, "a javascript: link"),
    "handler in capitals": ('<p>Text.</p>\n\n<svg ONLOAD="alert(1)"></svg>\n', 9, "an onload= attribute"),
    "handler on the tag's next line": ('<img src="x.png" alt="A"\n     onerror="alert(1)">\n', 8, "an onerror= attribute"),
    "script in capitals": ("<SCRIPT>alert(1)</SCRIPT>\n", 7, "a <script> runs"),
    "script after code": ("`<script>` is shown.\n\n<script>alert(1)</script>\n", 9, "a <script> runs"),
}


@pytest.mark.parametrize("case", SLIPPING_PAST)
def test_script_is_found_however_it_is_written(content, case):
    body, line, words = SLIPPING_PAST[case]
    (content / "tips" / "attack.en.md").write_bytes(tip_source(body=body))
    problems = check_content(settings_for(content))
    assert [(problem.line, problem.leaves_out) for problem in problems if words in problem.message] == [(line, True)], problems
    assert all("scripts are not allowed in content" in problem.message for problem in problems)


def test_an_event_with_a_script_is_reported_and_left_out_of_the_build(content, tmp_path):
    event = content / "events" / "thank-you-evening-bristol.en.md"
    lines = event.read_text().split("\n")
    body_start = lines.index("") + 1
    lines.insert(body_start, '<img src="x.png" alt="Our shop" onerror="alert(1)">\n')
    event.write_text("\n".join(lines))
    [problem] = check_content(settings_for(content))
    assert (problem.path, problem.line, problem.leaves_out) == (str(event), body_start + 1, True)
    assert "an onerror= attribute runs script" in problem.message

    output = tmp_path / "output"
    status, logged = pelican_run(content, output)
    assert status == 0, logged
    assert f"{event}:{body_start + 1}: an onerror= attribute" in logged and "left out of the build" in logged
    built = "".join(path.read_text() for path in output.glob("**/*.html"))
    assert "onerror" not in built
    assert (output / "fr").is_dir()  # the rest of the site is built
