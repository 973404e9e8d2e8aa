"""Reading the header files back, as each host reads them, for the tests."""

import re
from pathlib import Path

from hub.served_headers import pattern_matches as netlify_matches  # noqa: F401 - the tests read both from here
from hub.served_headers import read_rules


def netlify_rules(text):
    """[(path pattern, {header: value})] of a `_headers` file, as the local servers read it."""
    return [(rule.pattern, dict(rule.headers)) for rule in read_rules(text)]


def nginx_locations(text):
    """[(modifier, path, {header: value})] of the include's locations, and the server-level headers."""
    server, locations, current = {}, [], None
    for line in text.splitlines():
        location = re.match(r'location (=|\^~|~) "(.*)" \{$', line)
        header = re.match(r'\s*add_header (\S+) "(.*)" always;$', line)
        if location:
            current = (location.group(1), location.group(2).replace('\\"', '"').replace("\\\\", "\\"), {})
            locations.append(current)
        elif line == "}":
            current = None
        elif header:
            (current[2] if current else server)[header.group(1)] = header.group(2)
    return server, locations


def apache_conditions(text):
    return re.findall(r'<If "(.*)">', text)


def apache_matches(condition, url):
    uri = "%{REQUEST_URI}"
    if condition.startswith(f"{uri} =~ m#"):
        return re.search(condition[len(uri) + 6 : -1], url) is not None
    if condition.startswith(f"{uri} -strmatch '"):
        return url.startswith(condition.split("'")[1].rstrip("*"))
    if condition.startswith(f"{uri} == '"):
        return url == condition.split("'")[1]
    if condition.startswith(f"{uri} in {{"):
        return url in re.findall(r"'([^']*)'", condition)
    raise AssertionError(f"a condition the tests do not read: {condition}")


def built_urls(output):
    """The URL of each built file, and of each page's folder."""
    urls = set()
    for path in Path(output).rglob("*"):
        if path.is_file():
            relative = path.relative_to(output).as_posix()
            urls.add("/" + relative)
            if relative.endswith("index.html"):
                urls.add("/" + relative[: -len("index.html")])
    return urls
