"""Customers' stories: the invitation with its form and e-mail link, a wall per language newest first with the
dates and the note on how stories are published, the latest on the home page and on their tips, and the checks."""

from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from babel.dates import format_date
from pelican.settings import read_settings

from content_checks.checks import check_content
from support import DEV_SETTINGS, ROOT, build, html, make_check, pelican_run, read_metadata, settings_file, sources

from pelicanconf import LANGUAGES, STORIES

WALLS = STORIES["wall"]
INVITATIONS = {"en": "your-story", "fr": "votre-histoire", "pl": "twoja-historia", "fi": "kerro-tarinasi"}


def wall_url(lang):
    return f"/{lang}/{WALLS.get(lang, WALLS['*'])}/"


def stories_of(lang):
    """The sample stories of a language, newest received first: [(name, metadata)]."""
    found = [(key, read_metadata(path)) for key, story_lang, path in sources("stories") if story_lang == lang]
    return sorted(found, key=lambda pair: pair[1]["received"], reverse=True)


def long_date(text, lang):
    year, month, day = map(int, text.split("-"))
    import datetime

    return format_date(datetime.date(year, month, day), format="long", locale=lang)


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_each_language_has_two_or_three_stories_of_its_own_on_its_wall_newest_first(site, lang):
    output, _ = site
    expected = stories_of(lang)
    assert 2 <= len(expected) <= 3
    wall = html(output / wall_url(lang).strip("/") / "index.html")
    assert wall.html["lang"] == lang
    shown = wall.select("figure.story")
    assert [story["id"] for story in shown] == [f"story-{name}" for name, _ in expected]
    for story, (_, metadata) in zip(shown, expected):
        by = story.select_one("figcaption").get_text(" ", strip=True)
        assert story.select_one("figcaption b").get_text() == metadata["who"]
        assert metadata["town"] in by
        # the date of the experience and the date received, beside each story, in the page's language
        assert long_date(metadata["experienced"], lang) in by and long_date(metadata["received"], lang) in by
        assert story.select_one(f'a[href="{wall_url(lang)}#how-we-publish"]') is not None
    policy = wall.select_one("#how-we-publish")
    assert policy is not None and len(policy.select("li")) >= 6
    assert "14" in policy.get_text()


def test_the_walls_link_to_each_other_and_every_page_links_to_its_wall(site):
    output, _ = site
    for lang in LANGUAGES:
        wall = html(output / wall_url(lang).strip("/") / "index.html")
        assert {link["hreflang"] for link in wall.select('link[rel="alternate"][hreflang]')} == {*LANGUAGES, "x-default"}
        home = html(output / lang / "index.html")
        assert home.select_one(f'.site-footer a[href="{wall_url(lang)}"]') is not None


def test_no_star_rating_and_no_aggregate_rating_anywhere(site):
    output, _ = site
    for path in output.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert "aggregateRating" not in text and "ratingValue" not in text and "★" not in text, path


def test_the_home_page_shows_the_latest_stories_of_its_language(site):
    output, settings = site
    for lang in LANGUAGES:
        home = html(output / lang / "index.html")
        shown = [story["id"] for story in home.select(".stories figure.story")]
        assert shown == [f"story-{name}" for name, _ in stories_of(lang)][: settings["STORIES"]["on_home"]]
        assert home.select_one(f'.stories a[href="/{lang}/{INVITATIONS[lang]}/"]') is not None


def test_a_tip_ends_with_the_stories_that_tell_of_it_and_only_those(site):
    output, settings = site
    tips = {(key, lang): read_metadata(path) for key, lang, path in sources("tips")}
    words = {lang: (words or {}).get("tips", "tips") for lang, words in LANGUAGES.items()}
    checked = 0
    for (key, lang), metadata in tips.items():
        page = html(output / lang / words[lang] / metadata["slug"] / "index.html")
        told = [f"story-{name}" for name, story in stories_of(lang) if story.get("tip") == key]
        shown = [story["id"] for story in page.select(".stories figure.story")]
        assert shown == told[: settings["STORIES"]["on_tip"]], (key, lang)
        checked += bool(told)
    assert checked >= 8


def test_a_story_names_the_tip_it_tells_of(site):
    output, _ = site
    wall = html(output / "fr" / "temoignages" / "index.html")
    link = wall.select_one("#story-sandrine-coiffure figcaption a")
    assert link["href"] == "/fr/conseils/demandez-un-avis-a-chaque-client/"


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_the_invitation_posts_to_the_endpoint_with_a_required_unticked_consent_and_a_honeypot(site, lang):
    output, settings = site
    page = html(output / lang / INVITATIONS[lang] / "index.html")
    form = page.select_one("form.story-form")
    assert form["action"] == STORIES["form"]["action"] and form["method"] == "post"
    names = {field.get("name") for field in form.select("input, textarea")}
    assert {"name", "town", "experienced", "story", "email", "consent", "_gotcha", "_subject", "lang"} <= names
    consent = form.select_one('input[type="checkbox"]')
    assert consent.has_attr("required") and not consent.has_attr("checked")
    assert form.select_one('input[name="_subject"]')["value"] == f"Story ({lang})"
    assert form.select_one('input[name="town"]').has_attr("required") is False
    assert form.select_one('input[name="experienced"]')["type"] == "date"
    assert page.select_one('script[src]:not([src^="/"])') is None


def test_the_mailto_link_carries_a_subject_and_the_questions_as_rfc_6068_asks(site):
    output, _ = site
    page = html(output / "pl" / "twoja-historia" / "index.html")
    link = page.select_one('.story-send a[href^="mailto:"]')
    parts = urlsplit(link["href"])
    assert parts.path == STORIES["email"]
    query = parse_qs(parts.query)
    assert query["subject"] == ["Moja historia dla Reciprocity Hub"]
    assert "%0D%0A" in parts.query and " " not in link["href"]
    assert unquote(query["body"][0].split("\r\n")[0]).startswith("Podpis")


def test_without_an_endpoint_the_page_keeps_the_email_link(tmp_path):
    output = tmp_path / "output"
    build(output, STORIES={**STORIES, "form": {}})
    page = html(output / "en" / "your-story" / "index.html")
    assert page.select_one("form.story-form") is None
    assert page.select_one(f'a[href^="mailto:{STORIES["email"]}?subject="]') is not None


def test_a_form_action_that_is_not_https_stops_the_build_naming_the_setting(tmp_path):
    settings = settings_file(tmp_path, STORIES={"form": {"action": "http://forms.example/story"}})
    status, log = pelican_run(ROOT / "content", tmp_path / "output", settings)
    assert status != 0 and "STORIES['form']['action']" in log and "Traceback" not in log


def test_a_policy_without_checks_says_so(tmp_path):
    output = tmp_path / "output"
    build(output, STORY_POLICY={"verification": "none", "days_to_publish": 7})
    policy = html(output / "en" / "stories" / "index.html").select_one("#how-we-publish").get_text(" ", strip=True)
    assert "We do not check that the stories come from people who actually used our services." in policy
    assert "at most 7 days" in policy


BAD_STORIES = {
    "no-dates.en.md": "Who: Sam\nTown: Hull\n\nIt helped.\n",
    "bad-date.en.md": "Who: Sam\nExperienced: 2026-02-30\nReceived: 2026-03-02\nConsented: 2026-03-02\n\nIt helped.\n",
    "no-consent.en.md": "Who: Sam\nExperienced: 2026-03-01\nReceived: 2026-03-02\n\nIt helped.\n",
    "backwards.en.md": "Who: Sam\nExperienced: 2026-04-01\nReceived: 2026-03-02\nConsented: 2026-03-02\n\nIt helped.\n",
}


def test_make_check_names_each_story_without_its_dates_or_consent_at_its_line(content):
    for name, text in BAD_STORIES.items():
        (content / "stories" / name).write_text(text, encoding="utf-8")
    status, printed = make_check(path=content)
    assert status == 1
    stories = content / "stories"
    assert f"{stories / 'no-dates.en.md'}:1: Experienced is missing" in printed
    assert f"{stories / 'no-dates.en.md'}:1: Received is missing" in printed
    assert f"{stories / 'bad-date.en.md'}:2: Experienced '2026-02-30' is not a real date" in printed
    assert f"{stories / 'no-consent.en.md'}:1: Consented is missing" in printed
    assert f"{stories / 'backwards.en.md'}:2: Experienced is after Received" in printed
    settings = read_settings(str(DEV_SETTINGS), override={"PATH": str(content)})
    assert {problem.leaves_out for problem in check_content(settings) if "/stories/" in problem.path} == {True}


@pytest.mark.parametrize("with_checks", [True, False], ids=["with-content-checks", "without"])
def test_a_story_without_its_dates_is_left_out_and_the_rest_is_built(content, tmp_path, with_checks):
    (content / "stories" / "no-consent.en.md").write_text(BAD_STORIES["no-consent.en.md"], encoding="utf-8")
    from pelicanconf import PLUGINS

    plugins = PLUGINS if with_checks else [plugin for plugin in PLUGINS if plugin != "content_checks"]
    status, log = pelican_run(content, tmp_path / "output", settings_file(tmp_path, PLUGINS=plugins))
    assert status == 0, log
    assert "no-consent.en.md:1: Consented is missing" in log and "left out" in log
    wall = html(tmp_path / "output" / "en" / "stories" / "index.html")
    assert wall.select_one("#story-no-consent") is None and len(wall.select("figure.story")) == len(stories_of("en"))


def test_a_tip_line_naming_no_tip_is_a_warning_at_its_line(content, tmp_path):
    (content / "stories" / "lost.en.md").write_text(
        "Who: Sam\nExperienced: 2026-03-01\nReceived: 2026-03-02\nConsented: 2026-03-02\nTip: no-such-tip\n\nIt helped.\n",
        encoding="utf-8",
    )
    status, log = pelican_run(content, tmp_path / "output", settings_file(tmp_path))
    assert status == 0 and "lost.en.md:5: there is no published en tip 'no-such-tip'" in log
    assert html(tmp_path / "output" / "en" / "stories" / "index.html").select_one("#story-lost") is not None
