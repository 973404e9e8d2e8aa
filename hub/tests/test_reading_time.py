"""Reading time: the words of a tip's rendered text, as Jinja's striptags would count them."""

from types import SimpleNamespace

import pytest
from cmark_reader import CmarkReader
from markupsafe import Markup
from pelican.settings import read_settings
from support import DEV_SETTINGS, ROOT

from hub.reading_time import WORDS_PER_MINUTE, reading_minutes, word_count


def minutes(html):
    return reading_minutes(SimpleNamespace(_content=html))


def striptags_words(html):
    return len(Markup(html).striptags().split())


@pytest.mark.parametrize("html", [
    "<p>One&nbsp;two</p>",  # a no-break space parts words, once unescaped
    "<p>Glued</p><p>together</p>",  # tags go without leaving a space
    "<p>Kept <!-- a comment <em>with tags</em> --> out</p>",
    "<p>An unclosed <em tag",
    "<p>Text &amp; more &lt;tags&gt;</p>",
    "",
])
def test_words_are_counted_as_striptags_leaves_them(html):
    assert word_count(html) == striptags_words(html)
    assert word_count(" ".join([html] * 3)) == striptags_words(" ".join([html] * 3))


def test_every_sample_tip_has_the_words_striptags_leaves():
    reader = CmarkReader(read_settings(str(DEV_SETTINGS)))
    tips = sorted((ROOT / "content" / "tips").glob("*.md"))
    assert len(tips) >= 30
    for path in tips:
        body, _ = reader.read(str(path))
        assert word_count(body) == striptags_words(body) > 50, path


def test_a_minute_is_two_hundred_words_rounded_up_and_never_less_than_one():
    assert minutes("") == 1
    assert minutes("<p>" + "word " * WORDS_PER_MINUTE + "</p>") == 1
    assert minutes("<p>" + "word " * (WORDS_PER_MINUTE + 1) + "</p>") == 2
