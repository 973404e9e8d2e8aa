"""The three header files say the same thing: for every file of the published sample site, Debian's nginx with
the generated include, Debian's Apache reading the generated `.htaccess`, and the `_headers` rules (read as
Netlify reads them, as `make serve` sends them) give it the same security and caching headers."""

from contextlib import ExitStack

import pytest
from apache import ApacheFailed, apache_serving
from headers_files import built_urls
from nginx import nginx_serving
from support import head

from hub.served_headers import headers_for, rules_in

HOST_FILES = {"/_headers", "/nginx-headers.conf", "/.htaccess", "/s3-immutable-files.txt"}
COMPARED = (
    "Content-Security-Policy", "Cache-Control", "Referrer-Policy", "X-Robots-Tag", "X-Content-Type-Options",
    "Permissions-Policy", "Strict-Transport-Security",
)


def sent(origin, url):
    """(status, {compared header: value}) for `url`."""
    status, headers = head(origin + url)
    return status, {name: headers[name] for name in COMPARED if headers[name] is not None}


@pytest.fixture(scope="module")
def hosts(published_site):
    output, settings = published_site
    with ExitStack() as stack:
        nginx = stack.enter_context(nginx_serving(output, output / "nginx-headers.conf"))
        try:
            apache = stack.enter_context(apache_serving(output))
        except ApacheFailed as error:
            if "is missing" in str(error):
                pytest.skip(str(error))
            raise
        yield output, settings, nginx.origin, apache.origin


def test_nginx_apache_and_the_headers_file_send_the_same_headers_for_every_file(hosts):
    output, settings, nginx, apache = hosts
    rules = rules_in(output)
    urls = sorted(built_urls(output) - HOST_FILES)
    assert len(urls) > 300
    for url in urls:
        by_nginx, by_apache = sent(nginx, url), sent(apache, url)
        assert by_nginx == by_apache, url
        status, headers = by_nginx
        assert status == 200, url
        expected = netlify_headers(rules, url, settings)
        if "Content-Security-Policy" not in expected:
            # Netlify's rules cannot give a file a default policy that a page's own would not join: only
            # files no browser runs as a document go without (feeds beside the pages, the theme's scripts)
            assert not url.endswith(("/", ".html", ".svg")), url
            headers.pop("Content-Security-Policy")
        assert expected == headers, url


def netlify_headers(rules, url, settings):
    """What Netlify sends for `url`, read as a browser reads it."""
    headers = dict(headers_for(rules, url))
    # Netlify and Cloudflare revalidate what no rule keeps: nginx and Apache say so themselves
    headers.setdefault("Cache-Control", settings["CACHE_REVALIDATE"])
    # two rules' values are sent joined, and of a Referrer-Policy list browsers apply the last
    headers["Referrer-Policy"] = headers["Referrer-Policy"].rsplit(",", 1)[-1].strip()
    return headers


def test_neither_server_hands_out_the_host_files(hosts):
    _, _, nginx, apache = hosts
    for url in sorted(HOST_FILES):
        for origin in (nginx, apache):
            assert sent(origin, url)[0] in (403, 404), (origin, url)
