"""A title or summary is text: it reads the same in the heading, the <title>, the link previews, the feed, the
share links and the JSON-LD, whatever characters it holds, and nothing in it becomes markup."""

import json
from urllib.parse import parse_qs, unquote, urlsplit

import feedparser
import pytest
from support import PUBLISH_SETTINGS, PUBLISHED_SECRET, PUBLISHED_SITEURL, build, html

TITLE = '<b>Bold</b> & "quotes" </script> &amp; more'
SUMMARY = "Tea & biscuits, <i>warm</i>."
TIP = f"Title: {TITLE}\nDate: 2026-05-04\nCategory: Tests\nSummary: {SUMMARY}\nSlug: text-is-text\n\nSome text.\n"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    import shutil

    from support import ROOT

    content = tmp_path_factory.mktemp("text") / "content"
    shutil.copytree(ROOT / "content", content)
    (content / "tips" / "text-is-text.en.md").write_text(TIP, encoding="utf-8")
    output = content.parent / "output"
    build(output, PUBLISH_SETTINGS, PATH=str(content), SITEURL=PUBLISHED_SITEURL, FREEBIE_SECRET=PUBLISHED_SECRET)
    return output, html(output / "en" / "tips" / "text-is-text" / "index.html")


def test_the_title_reads_the_same_everywhere_on_the_page(built):
    _, page = built
    assert page.h1.get_text() == TITLE
    assert page.title.get_text() == f"{TITLE} · Reciprocity Hub"
    assert page.select_one('meta[property="og:title"]')["content"] == TITLE
    assert page.select_one('meta[property="og:image:alt"]')["content"] == TITLE
    assert not page.select("h1 b") and "</script> &amp; more" not in str(page.h1)


def test_the_feed_has_the_same_title(built):
    output, _ = built
    feed = feedparser.parse((output / "en" / "atom.xml").read_bytes())
    assert TITLE in [entry.title for entry in feed.entries]


def test_the_share_links_carry_the_same_title(built):
    _, page = built
    mailto = urlsplit(page.select_one('.share a[data-network="email"]')["href"])
    fields = {name: unquote(value) for name, _, value in (part.partition("=") for part in mailto.query.split("&"))}
    assert fields["subject"].endswith(TITLE) and TITLE in fields["body"]
    tweet = parse_qs(urlsplit(page.select_one('.share a[data-network="x"]')["href"]).query)
    assert tweet["text"] == [TITLE]
    assert page.select_one("[data-share]")["data-title"] == TITLE


def test_json_ld_holds_the_plain_text(built):
    _, page = built
    [script] = page.select('script[type="application/ld+json"]')
    assert "</" not in script.string  # nothing in a title can close the script
    assert "Tea \\u0026 biscuits" in script.string  # the text, escaped once, as JSON escapes it
    data = json.loads(script.string)
    assert data["headline"] == TITLE
    assert data["description"] == page.select_one('meta[name="description"]')["content"]
    assert data["description"] == "Tea & biscuits, warm."
