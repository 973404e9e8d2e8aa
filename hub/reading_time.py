"""How long a tip takes to read, from the words of its rendered text."""

import html
import math
import re

WORDS_PER_MINUTE = 200
MARKUP = re.compile(r"<!--.*?-->|<[^>]*>", re.DOTALL)  # comments and tags: what striptags leaves out


def reading_minutes(content):
    """Minutes a reader needs, from the words of the rendered text."""
    # the text as read: the same words as `content.content`, whose links Pelican would resolve for
    # nothing here (the pages are rendered later, in other processes)
    return max(1, math.ceil(word_count(content._content or "") / WORDS_PER_MINUTE))


def word_count(markup):
    """The words of HTML as Jinja's striptags leaves them (tags and comments out, entities read)."""
    return len(html.unescape(MARKUP.sub("", markup)).split())
