"""The cmark reader gives the same documents as Pelican's own reader (Python-Markdown) for the content."""

import pytest
from bs4 import BeautifulSoup
from cmark_reader import CmarkReader
from pelican.readers import MarkdownReader
from pelican.settings import read_settings
from support import DEV_SETTINGS, ROOT

CONTENT = ROOT / "content"
SOURCES = sorted(CONTENT.rglob("*.md"))


@pytest.fixture(scope="module")
def readers():
    settings = read_settings(str(DEV_SETTINGS))
    return MarkdownReader(settings), CmarkReader(settings)


def elements(html):
    """(tag, sorted attributes, text) of every element, whitespace collapsed and entities decoded."""
    found = []
    for element in BeautifulSoup(html, "html.parser").find_all(True):
        attributes = sorted(
            (name, " ".join(value) if isinstance(value, list) else value)
            for name, value in element.attrs.items()
        )
        found.append((element.name, attributes, " ".join(element.get_text().split())))
    return found


def test_every_kind_of_content_is_compared():
    folders = {source.parent.relative_to(CONTENT).as_posix() for source in SOURCES}
    assert {"tips", "pages", "freebies", "freebies/files"} <= folders


@pytest.mark.parametrize("source", SOURCES, ids=lambda source: source.relative_to(CONTENT).as_posix())
def test_same_body_and_metadata_as_python_markdown(readers, source):
    python_markdown, cmark = readers
    expected_body, expected_metadata = python_markdown.read(str(source))
    body, metadata = cmark.read(str(source))
    assert elements(body) == elements(expected_body)
    assert metadata == expected_metadata
