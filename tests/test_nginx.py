"""The tests' nginx (tests/nginx.py) serves a static site as a live host does, with the include it is given."""

import urllib.error
import urllib.request

import pytest
from nginx import NginxFailed, nginx_serving
from support import fetch


@pytest.fixture
def small_site(tmp_path):
    site = tmp_path / "site"
    (site / "fr" / "conseils" / "donnez").mkdir(parents=True)
    (site / "index.html").write_text("<!doctype html><title>Home</title>")
    (site / "fr" / "conseils" / "donnez" / "index.html").write_text("<!doctype html><title>Donnez d’abord</title>")
    (site / "site.css").write_text("h1 { color: #234; }\n")
    (site / "404.html").write_text("<!doctype html><title>Page introuvable</title>")
    include = tmp_path / "headers.conf"
    include.write_text("add_header X-Test yes always;\n")
    return site, include


def test_it_serves_pages_files_and_the_404_page_with_the_include(small_site):
    site, include = small_site
    with nginx_serving(site, include) as nginx:
        status, headers, body = fetch(f"{nginx.origin}/fr/conseils/donnez/")
        assert (status, headers["X-Test"]) == (200, "yes") and "Donnez d’abord" in body
        assert headers["Content-Type"] == "text/html; charset=utf-8"
        status, headers, body = fetch(f"{nginx.origin}/site.css")
        assert (status, headers["X-Test"], headers["Content-Type"]) == (200, "yes", "text/css; charset=utf-8")
        status, headers, body = fetch(f"{nginx.origin}/fr/conseils/nowhere/")
        assert (status, headers["X-Test"]) == (404, "yes") and "Page introuvable" in body
        assert "GET /site.css" in nginx.access_log()
    with pytest.raises(OSError):
        urllib.request.urlopen(f"{nginx.origin}/", timeout=2)  # stopped


def test_a_broken_include_is_shown_with_nginxs_own_words(small_site, tmp_path):
    site, _ = small_site
    broken = tmp_path / "broken.conf"
    broken.write_text("add_header X-Test;\n")
    with pytest.raises(NginxFailed, match=r"invalid number of arguments in \"add_header\""):
        with nginx_serving(site, broken):
            pass
