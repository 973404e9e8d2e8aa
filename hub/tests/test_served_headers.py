"""Reading a `_headers` file as Netlify and Cloudflare Pages do, for the local servers."""

import pytest

from hub.served_headers import HeadersFileError, allowing, headers_for, is_host_file, preview_headers, read_rules

HEADERS = """\
# every file
/*
  X-Content-Type-Options: nosniff
  Referrer-Policy: strict-origin-when-cross-origin
  Strict-Transport-Security: max-age=31536000

https://hub.test/theme/*
  Cache-Control: public, max-age=31536000, immutable

/:lang/freebies/:name/get/
  Referrer-Policy: no-referrer
  X-Robots-Tag: noindex
"""


def test_every_rule_that_matches_gives_its_headers_combined():
    rules = read_rules(HEADERS)
    assert [rule.pattern for rule in rules] == ["/*", "/theme/*", "/:lang/freebies/:name/get/"]
    assert dict(headers_for(rules, "/theme/css/site.3f2a.css")) == {
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "Strict-Transport-Security": "max-age=31536000",
        "Cache-Control": "public, max-age=31536000, immutable",
    }
    delivery = dict(headers_for(rules, "/fr/freebies/checklist/get/"))
    assert delivery["Referrer-Policy"] == "strict-origin-when-cross-origin, no-referrer"
    assert delivery["X-Robots-Tag"] == "noindex"


def test_a_placeholder_is_one_segment_and_a_splat_any():
    rules = read_rules(HEADERS)
    assert "X-Robots-Tag" not in dict(headers_for(rules, "/fr/x/freebies/checklist/get/"))
    assert "X-Robots-Tag" not in dict(headers_for(rules, "/fr/freebies/checklist/get/more"))
    assert "Cache-Control" not in dict(headers_for(rules, "/fr/theme/x.css"))
    assert "X-Content-Type-Options" in dict(headers_for(rules, "/"))


def test_a_header_without_a_path_is_named_at_its_line():
    with pytest.raises(HeadersFileError, match=r"_headers:2: expected a path"):
        read_rules("# first\n  X-Test: yes\n")
    with pytest.raises(HeadersFileError, match=r"_headers:3: "):
        read_rules("/*\n  X-Test: yes\n  not a header\n")


def test_a_preview_leaves_hsts_out_and_lets_the_reload_script_and_socket_in():
    policy = "default-src 'none'; script-src 'self' 'sha256-abc='; style-src 'self'"
    headers = [("Content-Security-Policy", policy), ("Strict-Transport-Security", "max-age=1"), ("X-Test", "yes")]
    assert preview_headers(headers) == [("Content-Security-Policy", policy), ("X-Test", "yes")]
    [(_, previewed), _] = preview_headers(headers, "http://127.0.0.1:8000/livereload.js", "ws://127.0.0.1:8000/livereload")
    assert previewed == (
        "default-src 'none'; script-src 'self' 'sha256-abc=' http://127.0.0.1:8000/livereload.js; style-src 'self'; "
        "connect-src ws://127.0.0.1:8000/livereload"
    )


def test_a_directive_a_policy_lacks_starts_from_its_default():
    assert allowing("default-src 'self' data:", "connect-src", "ws://a:1/x") == (
        "default-src 'self' data:; connect-src 'self' data: ws://a:1/x"
    )
    assert allowing("script-src 'none', default-src 'none'", "script-src", "http://a/s.js") == (
        "script-src http://a/s.js, default-src 'none'; script-src http://a/s.js"
    )


@pytest.mark.parametrize("path, hidden", [
    ("/_headers", True), ("/_redirects", True), ("/.htaccess", True), ("/fr/.htaccess", True), ("/.git/config", True),
    ("/", False), ("/./index.html", False), ("/fr/_headers/", False), ("/fr/conseils/_headers", False),
    ("/theme/site.css", False),
])
def test_the_files_a_host_reads_are_never_sent(path, hidden):
    assert is_host_file(path) is hidden
