"""Each language has an Atom feed that parses and lists only that language's tips."""

import feedparser

from support import PUBLISHED_SITEURL, file_for, html, sources


def test_each_feed_parses_and_lists_only_its_language(published_site):
    output, settings = published_site
    for language in settings["SITE_LANGUAGES"]:
        feed_path = output / language.feed_url(settings["LANGUAGE_FEED_NAME"])
        feed = feedparser.parse(feed_path.read_bytes())
        assert not feed.bozo, f"{feed_path}: {feed.get('bozo_exception')}"
        assert feed.feed.get("language") == language.code
        expected = sum(1 for _, lang, _ in sources("tips") if lang == language.code)
        assert len(feed.entries) == expected
        prefix = f"{PUBLISHED_SITEURL}/{language.code}/{language.words['tips']}/"
        for entry in feed.entries:
            assert entry.link.startswith(prefix), entry.link


def test_every_page_links_its_languages_feed(site):
    output, settings = site
    for language in settings["SITE_LANGUAGES"]:
        document = html(output / language.code / "index.html")
        link = document.select_one('link[type="application/atom+xml"]')
        assert link["href"] == "/" + language.feed_url(settings["LANGUAGE_FEED_NAME"])


def test_every_entry_and_link_of_a_feed_is_in_its_language(published_site):
    output, settings = published_site
    for language in settings["SITE_LANGUAGES"]:
        feed_path = output / language.feed_url(settings["LANGUAGE_FEED_NAME"])
        feed = feedparser.parse(feed_path.read_bytes())
        home = f"{PUBLISHED_SITEURL}/{language.home_url}"
        assert {link.rel: link.href for link in feed.feed.links} == {
            "alternate": home,
            "self": f"{PUBLISHED_SITEURL}/{language.feed_url(settings['LANGUAGE_FEED_NAME'])}",
        }, feed_path
        for entry in feed.entries:
            texts = [entry.title_detail, entry.summary_detail, *entry.get("content", [])]
            assert {text.language for text in texts} == {language.code}, f"{feed_path}: {entry.link}"
            for link in entry.links:
                assert link.href.startswith(home), f"{feed_path}: {entry.link} links to {link.href}"
                page = file_for(output, link.href, PUBLISHED_SITEURL)
                assert page.is_file(), f"{feed_path}: {link.href} was not built"
                assert html(page).html["lang"] == language.code, f"{feed_path}: {link.href} is not in {language.code}"
