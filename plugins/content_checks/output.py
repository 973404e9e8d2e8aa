"""Checks of a built site before it replaces the live one: every page parses, every internal link resolves."""

import os
import re
from urllib.parse import unquote, urlsplit

import html5lib
from bs4 import BeautifulSoup

from hub.problems import Problem

LINK_ATTRIBUTES = ("href", "src", "poster")
CSS_URL = re.compile(r"""url\(\s*['"]?(?P<url>[^'")]+)['"]?\s*\)""")


def check_output(folder, site_url=""):
    """Every problem in the built site in `folder`, whose pages link to `site_url`."""
    problems = []
    for directory, _, names in os.walk(folder):
        for name in sorted(names):
            path = os.path.join(directory, name)
            if name.endswith(".html"):
                problems += _check_page(folder, path, site_url)
            elif name.endswith(".css"):
                problems += _check_stylesheet(folder, path, site_url)
    return sorted(problems)


def _check_page(folder, path, site_url):
    try:
        with open(path, encoding="utf-8") as page:
            text = page.read()
    except UnicodeDecodeError:
        return [Problem(path, 0, "is not UTF-8")]
    parser = html5lib.HTMLParser(strict=False)
    parser.parse(text)
    problems = [
        Problem(path, position[0], f"does not parse as HTML ({code})") for position, code, _ in parser.errors[:1]
    ]
    document = BeautifulSoup(text, "html.parser")
    for element in document.find_all(True):
        urls = [element.get(attribute) for attribute in LINK_ATTRIBUTES if element.get(attribute)]
        urls += [candidate.split()[0] for candidate in element.get("srcset", "").split(",") if candidate.strip()]
        for url in urls:
            missing = _missing_target(folder, path, url, site_url)
            if missing:
                problems.append(Problem(path, element.sourceline or 0, f"links to {url}, but {missing} was not built"))
    return problems


def _check_stylesheet(folder, path, site_url):
    with open(path, encoding="utf-8") as stylesheet:
        lines = stylesheet.read().split("\n")
    problems = []
    for number, line in enumerate(lines, start=1):
        for match in CSS_URL.finditer(line):
            missing = _missing_target(folder, path, match["url"], site_url)
            if missing:
                problems.append(Problem(path, number, f"uses {match['url']}, but {missing} was not built"))
    return problems


def _missing_target(folder, page, url, site_url):
    """The file an internal URL needs, relative to `folder`, when it does not exist; None otherwise."""
    url = url.strip()
    if site_url and (url == site_url or url.startswith(site_url.rstrip("/") + "/")):
        url = url[len(site_url.rstrip("/")):] or "/"
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path:
        return None  # another site, mailto:, tel:, or a #fragment of this page
    path = unquote(parts.path)
    if path.startswith("/"):
        target = os.path.join(folder, path.lstrip("/"))
    else:
        target = os.path.join(os.path.dirname(page), path)
    if path.endswith("/") or os.path.isdir(target):
        target = os.path.join(target, "index.html")
    target = os.path.normpath(target)
    return None if os.path.isfile(target) else os.path.relpath(target, folder)
