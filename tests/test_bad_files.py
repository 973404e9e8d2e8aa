"""A file that cannot be built is named with its file and line, by `make check` and by the build, and left out;
every other page is still built. Each case below stopped every page of the site before."""


import pytest
from support import DEV_SETTINGS, ROOT, html, make_check, pelican_run, settings_file, tip_source

# file (under content/), its text, the line named, words of the message
PAGE = "Title: {title}\n{extra}\nSome text.\n"
CASES = {
    "empty title": ("tips/empty-title.en.md", "Title:\nDate: 2026-05-04\nCategory: Tests\nSummary: S.\n\nText.\n", 1, "Title is empty"),
    "emoji title": ("tips/emoji-title.en.md", tip_source(title="❤️").decode(), 1, "no letter or digit"),
    "punctuation title": ("tips/question.fr.md", tip_source(title="?").decode(), 1, "no letter or digit"),
    "emoji tag": ("tips/emoji-tag.en.md", tip_source(title="A tag of hearts", extra="Tags: ❤️, hearts\n").decode(), 5, "the tag '❤️'"),
    "punctuation category": (
        "tips/odd-category.pl.md", tip_source(title="Dziwna kategoria").decode().replace("Category: Tests", "Category: ?"), 3,
        "the category '?'",
    ),
    "page at the tips' listing": ("pages/tips.en.md", PAGE.format(title="All about tips", extra="Slug: tips\n"), 2, "the slug 'tips'"),
    "page at the search page": ("pages/szukaj.pl.md", PAGE.format(title="Szukaj", extra=""), 1, "the slug 'szukaj'"),
    "tip at the archive's pages": ("tips/page.fi.md", tip_source(title="Sivu", extra="Slug: sivu\n").decode(), 5, "the slug 'sivu'"),
    "slug with a slash": ("tips/slash.en.md", tip_source(title="A slash", extra="Slug: a/b\n").decode(), 5, "cannot be a folder"),
    "slug with a bracket": ("tips/bracket.en.md", tip_source(title="A bracket", extra="Slug: glob(1)\n").decode(), 5, "cannot be a folder"),
    "save_as": ("tips/save-as.en.md", tip_source(title="Saved elsewhere", extra="Save_as: theme/css/hub.css\n").decode(), 5, "Save_as sets"),
    "url": ("tips/url.en.md", tip_source(title="Moved", extra="URL: en/index.html\n").decode(), 5, "URL sets"),
    "unknown template": ("pages/odd.en.md", PAGE.format(title="Odd", extra="Template: ../../etc/passwd\n"), 2, "is not a template of the theme"),
    "second freebie at one URL": (
        "freebies/copy.en.md", "Title: A copy\nSlug: review-request-kit\nGate: none\nFile: files/thank-you-checklist.en.md\n\nText.\n",
        2, "already has the slug 'review-request-kit'",
    ),
}


@pytest.fixture(scope="module")
def bad_content(tmp_path_factory):
    import shutil

    content = tmp_path_factory.mktemp("bad") / "content"
    shutil.copytree(ROOT / "content", content)
    for case, (name, text, _, _) in CASES.items():
        (content / name).write_text(f"{text}\n{marker(case)}\n", encoding="utf-8")
    (content / "freebies" / "copy.en.md").rename(content / "freebies" / "zz-copy.en.md")  # the later of the two
    return content


def marker(case):
    """A sentence of the case's own, in its body: no page may show it."""
    return f"Only the file of the case {case!r} says this."


def _file(case):
    name = CASES[case][0]
    return name.replace("freebies/copy.en.md", "freebies/zz-copy.en.md")


@pytest.fixture(scope="module")
def built(bad_content):
    output = bad_content.parent / "output"
    status, log = pelican_run(bad_content, output)
    return output, status, log


@pytest.fixture(scope="module")
def checked(bad_content):
    return make_check(path=bad_content)


def test_the_build_goes_on_and_builds_every_good_page(built, site):
    output, returncode, logged = built
    assert returncode == 0, logged
    assert "Traceback" not in logged
    good_output, _ = site
    good = {path.relative_to(good_output) for path in good_output.rglob("index.html")}
    written = {path.relative_to(output) for path in output.rglob("index.html")}
    # every page of the good site is still there (the one the second freebie would have taken included)
    assert good <= written, sorted(good - written)[:5]
    assert html(output / "en" / "tips" / "index.html").select_one(".archive-list"), "the tips' listing is the listing"
    assert (output / "theme" / "css" / "hub.css").read_text(encoding="utf-8") == (
        good_output / "theme" / "css" / "hub.css"
    ).read_text(encoding="utf-8")
    assert html(output / "en" / "index.html").select_one("h1") is not None


@pytest.mark.parametrize("case", CASES)
def test_the_build_names_the_file_and_line_and_leaves_it_out(built, bad_content, case):
    output, _, logged = built
    _, line, words = CASES[case][1:]
    where = f"{bad_content / _file(case)}:{line}: "
    rows = [row for row in logged.splitlines() if where in row]
    assert any(words in row and "left out" in row for row in rows), (where, logged[-3000:])
    shown = [page for page in output.rglob("*.html") if marker(case) in page.read_text(encoding="utf-8")]
    assert shown == []


@pytest.mark.parametrize("case", CASES)
def test_make_check_names_the_same_file_and_line(checked, bad_content, case):
    returncode, printed = checked
    _, line, words = CASES[case][1:]
    assert returncode == 1
    assert "Traceback" not in printed
    assert any(row.startswith(f"{bad_content / _file(case)}:{line}: ") and words in row for row in printed.splitlines()), printed


def test_a_tip_without_category_is_a_problem(content):
    from content_checks.checks import check_content
    from pelican.settings import read_settings

    (content / "tips" / "no-topic.en.md").write_text(
        "Title: No topic\nDate: 2026-05-04\nSummary: S.\n\nText.\n", encoding="utf-8"
    )
    problems = check_content(read_settings(str(DEV_SETTINGS), override={"PATH": str(content)}))
    assert [(p.line, p.message.split(":")[0]) for p in problems] == [(1, "Category is missing")]


@pytest.mark.parametrize("words, named", [
    ({"tips": "../conseils"}, "cannot be a folder of a URL"),
    ({"tips": "a/b"}, "cannot be a folder of a URL"),
    ({"tips": ""}, "cannot be a folder of a URL"),
    ({"tips": "conseils", "tag": "conseils"}, "are both 'conseils'"),
])
def test_languages_whose_url_words_cannot_work_are_one_line_from_check_and_build(tmp_path, words, named):
    settings = settings_file(tmp_path, LANGUAGES={"en": {}, "fr": words})
    returncode, printed = make_check(settings)
    assert returncode == 1
    line = next(number for number, text in enumerate(settings.read_text().splitlines(), 1) if text.startswith("LANGUAGES"))
    assert f"{settings}:{line}: LANGUAGES['fr']" in printed and named in printed, printed
    status, logged = pelican_run(ROOT / "content", tmp_path / "out", settings)
    assert status != 0
    assert "Traceback" not in logged and "LANGUAGES['fr']" in logged and named in logged, logged
    assert not (tmp_path / "out" / "fr").exists()
