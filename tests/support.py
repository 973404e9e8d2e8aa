"""Build the hub with Pelican and read what it wrote."""

import re
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote, urlsplit

from bs4 import BeautifulSoup
from pelican import Pelican
from pelican.log import LimitFilter
from pelican.settings import read_settings
from pelican.utils import slugify

ROOT = Path(__file__).resolve().parent.parent
DEV_SETTINGS = ROOT / "pelicanconf.py"
PUBLISH_SETTINGS = ROOT / "publishconf.py"
PUBLISHED_SITEURL = "https://hub.test"
PUBLISHED_SECRET = "the secret of the published test site"


# A tip with every metadata field a tip needs; `extra` lines go at the end of its header.
GOOD_TIP = "Title: {title}\nDate: 2026-05-04\nCategory: Tests\nSummary: A short summary.\n{extra}\nSome text.\n"


def tip_source(title="A tip for the checks", extra="", body=""):
    """The bytes of a tip's Markdown file."""
    return (GOOD_TIP.format(title=title, extra=extra) + body).encode()


def build(output, settings_file=DEV_SETTINGS, **overrides):
    """Run one real Pelican build into `output` and return its settings."""
    settings = read_settings(
        str(settings_file),
        override={"OUTPUT_PATH": str(output), "CACHE_CONTENT": False, **overrides},
    )
    Pelican(settings).run()
    return settings


def fresh_build(output, settings_file=DEV_SETTINGS, **overrides):
    """build(), with every warning shown again: Pelican shows each one once per process, and each build of a
    test must show its own."""
    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()
    return build(output, settings_file, **overrides)


def pelican_run(content, output, settings_file=DEV_SETTINGS, **environment):
    """`pelican` as an owner runs it, in a process of its own (a plugin an earlier build loaded in this one
    would still be connected to Pelican's signals): (its exit status, what it logged, one line per message)."""
    result = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "pelican"), str(content), "-o", str(output), "-s", str(settings_file)],
        cwd=ROOT, capture_output=True, text=True, env={"COLUMNS": "1000", "PATH": "/usr/bin:/bin", **environment},
    )
    return result.returncode, result.stdout + result.stderr


def fetch(url):
    """(status, headers, body) of a real GET."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def head(url):
    """(status, headers) of a real HEAD: what a server sends for any file, without its bytes."""
    try:
        with urllib.request.urlopen(urllib.request.Request(url, method="HEAD"), timeout=10) as response:
            return response.status, response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.headers


def html(path):
    return BeautifulSoup(Path(path).read_text(encoding="utf-8"), "html.parser")


def pages(output):
    return sorted(Path(output).rglob("*.html"))


def is_private(document):
    """A page kept out of search engines (a freebie's delivery page)."""
    robots = document.select_one('meta[name="robots"]')
    return robots is not None and "noindex" in robots.get("content", "")


def tip_pages(output, lang="*"):
    """(path, parsed page) of every tip written, in one language or all."""
    for path in sorted(Path(output).glob(f"{lang}/*/*/index.html")):
        document = html(path)
        if document.select_one(".tip__meta"):
            yield path, document


def freebie_pages(output, lang="*"):
    """(path, parsed page) of every freebie landing page written, in one language or all."""
    for path in sorted(Path(output).glob(f"{lang}/*/*/index.html")):
        document = html(path)
        if document.select_one("article.freebie"):
            yield path, document


def file_for(output, url, siteurl=""):
    """The file a URL of the site is served from, or None for an outside URL."""
    if siteurl and url.startswith(siteurl):
        url = url[len(siteurl) :]
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None
    path = parts.path.lstrip("/")
    if path == "" or path.endswith("/"):
        path += "index.html"
    return Path(output) / path


def read_metadata(source):
    """The metadata header of a Markdown source file, keys lowercased."""
    metadata = {}
    for line in Path(source).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            break
        key, _, value = line.partition(":")
        metadata[key.strip().lower()] = value.strip()
    return metadata


def expected_slug(metadata):
    """The documented slug: the Slug field, or else the title made into a slug."""
    return metadata.get("slug") or slugify(metadata["title"])


SOURCE_NAME = re.compile(r"^(?P<key>[^.]+)\.(?P<lang>[a-z]{2,3})\.md$")


def sources(folder):
    """(translation key, language, path) of every Markdown file under content/<folder>."""
    found = []
    for path in sorted((ROOT / "content" / folder).rglob("*.md")):
        match = SOURCE_NAME.match(path.name)
        if match:
            found.append((match["key"], match["lang"], path))
    return found


def typical_pages(output, settings, code):
    """One built page of each kind in one language, as paths from the site root: {kind: "fr/conseils/…/"}.

    The tip is one that offers a freebie and the freebie one with a sign-up form, the fullest of their kinds; the
    search page asks for the longest word of that tip's title.
    """
    language = next(language for language in settings["SITE_LANGUAGES"] if language.code == code)
    words = language.words

    def first(pattern, selector=None):
        for path in sorted(Path(output).glob(pattern)):
            if selector is None or html(path).select_one(selector):
                return path.parent.relative_to(output).as_posix() + "/"
        raise AssertionError(f"no page {pattern}{' with ' + selector if selector else ''} was built")

    def page(key):
        for page_key, lang, path in sources("pages"):
            if (page_key, lang) == (key, code):
                return f"{code}/{expected_slug(read_metadata(path))}/"
        raise AssertionError(f"content/pages has no {key}.{code}.md")

    tip = first(f"{code}/{words['tips']}/*/index.html", ".offer")
    title = html(Path(output) / tip / "index.html").select_one("h1").get_text()
    word = max(re.findall(r"\w+", title), key=len)
    return {
        "home": language.home_url,
        "tip": tip,
        "page": page("about"),
        "contact": page("contact"),
        "freebie": first(f"{code}/{words['freebies']}/*/index.html", ".freebie-get form"),
        "search": f"{code}/{words.get('search', 'search')}/?q={quote(word)}",
        "listing": first(f"{code}/{words['category']}/*/index.html"),
    }


def settings_file(folder, **settings):
    """A settings file in `folder`: the development settings with these set, its paths made absolute."""
    path = Path(folder) / "settings.py"
    lines = [f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *"]
    lines += [f"PATH = {str(ROOT / 'content')!r}", f"PLUGIN_PATHS = [{str(ROOT / 'plugins')!r}]", f"THEME = {str(ROOT / 'theme')!r}"]
    lines += [f"{name} = {value!r}" for name, value in settings.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def make_check(settings=DEV_SETTINGS, path=None):
    """`make check` as a writer runs it, in a process of its own: (its exit status, what it printed)."""
    result = subprocess.run(
        [sys.executable, "-m", "content_checks", "-s", str(settings), *(["--path", str(path)] if path else [])],
        cwd=ROOT, capture_output=True, text=True, env={"PYTHONPATH": f"{ROOT}:{ROOT / 'plugins'}", "PATH": "/usr/bin:/bin"},
    )
    return result.returncode, result.stdout + result.stderr
