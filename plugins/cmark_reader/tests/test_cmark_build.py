"""Real Pelican builds with cmark_reader in PLUGINS."""

import json
import logging
import os
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest
from cmark_reader.cmark_reader import use_cmark
from pelican.contents import Tag
from pelican.plugins import signals
from pelican.settings import read_settings
from support import DEV_SETTINGS, ROOT, build, html

FIXTURES = Path(__file__).parent / "fixtures"
# the smallest PNG: one transparent pixel
PIXEL = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000100e5270de40000000049454e44ae426082"
)


@contextmanager
def with_cmark_reader():
    """The site's plugins with cmark_reader first (its place must not matter); the reader is dropped
    afterwards, so that later builds in the same test run read with Python-Markdown again."""
    read = []

    def collect(generator):
        read.extend(getattr(generator, "articles", []) + getattr(generator, "pages", []))

    signals.article_generator_finalized.connect(collect)
    signals.page_generator_finalized.connect(collect)
    try:
        yield ["cmark_reader", *read_settings(str(DEV_SETTINGS))["PLUGINS"]], read
    finally:
        signals.readers_init.disconnect(use_cmark)
        signals.article_generator_finalized.disconnect(collect)
        signals.page_generator_finalized.disconnect(collect)


@pytest.fixture(scope="module")
def cmark_site(site, tmp_path_factory):
    """The sample site built again with the plugin, after `site` (which must not use it)."""
    output = tmp_path_factory.mktemp("cmark-site")
    with with_cmark_reader() as (plugins, read):
        build(output, PLUGINS=plugins)
    return output, read


@pytest.fixture(scope="module")
def small_site(tmp_path_factory):
    """Two tips linking to each other, an image, and a file that is not UTF-8."""
    content = tmp_path_factory.mktemp("cmark-content")
    (content / "tips").mkdir()
    (content / "images").mkdir()
    (content / "images" / "window.png").write_bytes(PIXEL)
    (content / "tips" / "other.en.md").write_text(
        "Title: The other tip\nDate: 2026-01-10 09:00\nCategory: Giving first\nTags: reciprocity\n"
        "Slug: the-other-tip\n\nA tip to link to.\n",
        encoding="utf-8",
    )
    (content / "tips" / "linking.en.md").write_text(
        "Title: A tip that links\nDate: 2026-01-12 09:00\nCategory: Giving first\n"
        "Tags: reciprocity, ystävät\nSlug: a-tip-that-links\n\n"
        "Read [the other tip]({filename}/tips/other.en.md#why) or [the same]({filename}other.en.md).\n\n"
        "![A shop window]({static}/images/window.png)\n\n"
        "More [about friends]({tag}ystävät). ~~Old price~~ New price.\n",
        encoding="utf-8",
    )
    latin1 = "Title: Café\nDate: 2026-01-11\n\nText.\n".encode("latin-1")
    (content / "tips" / "latin1.en.md").write_bytes(latin1)
    output = tmp_path_factory.mktemp("cmark-small-site")
    with with_cmark_reader() as (plugins, read), _logged() as records:
        settings = build(output, PATH=str(content), PLUGINS=plugins)
    return output, settings, read, records


@contextmanager
def _logged():
    records = []
    handler = logging.Handler(logging.WARNING)
    handler.emit = records.append
    logging.getLogger().addHandler(handler)
    try:
        yield records
    finally:
        logging.getLogger().removeHandler(handler)


def _files(output):
    return sorted(path.relative_to(output) for path in output.rglob("*") if path.is_file())


def test_the_sample_site_is_read_with_cmark(cmark_site):
    _, read = cmark_site
    assert read, "the build read no tips or pages"
    assert {content.reader for content in read} == {"cmark"}


def test_the_sample_site_builds_to_the_same_files(site, cmark_site):
    expected_output, _ = site
    output, _ = cmark_site
    expected = _files(expected_output)
    written = _files(output)
    assert written == expected
    for relative in expected:
        mine, theirs = (output / relative).read_bytes(), (expected_output / relative).read_bytes()
        if relative.name == "pagefind-entry.json":  # Pagefind lists its languages in no fixed order
            assert json.loads(mine) == json.loads(theirs)
        else:
            assert mine == theirs, relative


def test_links_to_a_tip_and_a_static_image_resolve(small_site):
    output, settings, _, _ = small_site
    page = html(output / "en" / "tips" / "a-tip-that-links" / "index.html")
    links = {a.get_text(): a["href"] for a in page.select(".tip a, article a")}
    assert links["the other tip"] == "/en/tips/the-other-tip/#why"
    assert links["the same"] == "/en/tips/the-other-tip/"
    assert (output / "en" / "tips" / "the-other-tip" / "index.html").is_file()
    image = page.select_one('img[alt="A shop window"]')
    assert image["src"] == "/images/window.png"
    assert (output / "images" / "window.png").read_bytes() == PIXEL
    # as Python-Markdown would have given it: the tag as written, slugified by Pelican
    assert links["about friends"] == "/" + Tag("ystävät", settings).url


def test_the_tips_are_read_with_cmark(small_site):
    output, _, read, _ = small_site
    assert sorted((content.slug, content.reader) for content in read) == [
        ("a-tip-that-links", "cmark"),
        ("the-other-tip", "cmark"),
    ]
    page = html(output / "en" / "tips" / "a-tip-that-links" / "index.html")
    assert [d.get_text() for d in page.select("del")] == ["Old price"]


def test_a_file_that_is_not_utf8_is_named_and_the_rest_is_built(small_site):
    _, _, _, records = small_site
    errors = [record.getMessage() for record in records if record.levelno >= logging.ERROR]
    reason = (
        "latin1.en.md:1: is not UTF-8 text (byte 0xe9 cannot be read): save the file as UTF-8 in your editor"
    )
    assert any(message.endswith(reason) for message in errors), errors
    assert "Could not process tips/latin1.en.md" in errors


SCRIPT = """
import sys
from pelican import Pelican
from pelican.readers import Readers
from pelican.settings import read_settings

plugins = sys.argv[1:]
settings = read_settings("pelicanconf.py", override={"PLUGINS": plugins})
Pelican(settings)
tip = Readers(settings).read_file(base_path=settings["PATH"], path="tips/give-first.en.md")
print(tip.metadata["reader"])
"""


@pytest.mark.parametrize("where", ["first", "alone"])
def test_the_plugin_works_anywhere_in_plugins(where):
    """Pelican does not put PLUGIN_PATHS on sys.path: the plugin must find the multilingual package itself."""
    plugins = read_settings(str(DEV_SETTINGS))["PLUGINS"]
    listed = ["cmark_reader", *plugins] if where == "first" else ["cmark_reader"]
    env = {name: value for name, value in os.environ.items() if name != "PYTHONPATH"}
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, *listed],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "cmark"
