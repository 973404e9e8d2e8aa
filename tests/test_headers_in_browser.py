"""The published site, served by Debian's nginx with the nginx include the build wrote, in Debian's Chromium:
no page breaks the policy, what a reader does still works, and a script planted in a tip never runs."""

import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest
from browser import SUBSCRIBE_PATH, LocalSite
from freebies.links import delivery_links
from hub.served_headers import headers_for, rules_in
from nginx import free_port, nginx_serving
from playwright.sync_api import expect
from support import PUBLISH_SETTINGS, PUBLISHED_SECRET, ROOT, build, tip_pages, tip_source, typical_pages

# what the page saw, noted from before its first script runs
LISTENING = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", event => window.__violations.push(
    `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`));
"""
PLANTED_TIP = "content/tips/planted.en.md"
PLANTED = (
    "A tip a writer's paste went wrong in.\n\n"
    '<script>window.__planted_script = true; document.title = "the planted script ran";</script>\n\n'
    '<img src="nowhere.png" alt="A shop window" onerror="window.__planted_handler = true; '
    "document.title = 'the handler ran'\">\n"
)


def generated_include(output):
    """The nginx include the build wrote at the output's root, if it wrote one."""
    found = sorted(path for path in Path(output).iterdir() if path.is_file() and "nginx" in path.name.lower())
    return found[0] if found else None


@contextmanager
def served_by_nginx(folder, content=None, **settings):
    """The site built as `make publish` builds it from `content` (the sample's by default), its forms posted to a
    stand-in provider on an origin of its own, served by nginx with the include the build wrote."""
    port = free_port()
    origin = f"http://127.0.0.1:{port}"
    with LocalSite(folder / "provider") as provider:
        provider.redirect_to = f"{origin}/"
        output = folder / "output"
        built = build(
            output, PUBLISH_SETTINGS, SITEURL=origin, FEED_DOMAIN=origin, FREEBIE_SECRET=PUBLISHED_SECRET,
            NEWSLETTER={"provider": "generic", "action": provider.origin + SUBSCRIBE_PATH, "email_field": "email"},
            **({"PATH": str(content)} if content else {}), **settings,
        )
        include = generated_include(output)
        if include is None:
            pytest.skip("the build writes no nginx include yet: this test serves the site with the one it writes")
        with nginx_serving(output, include, port) as nginx:
            yield nginx, output, built, provider


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("nginx-site")
    (folder / "provider").mkdir()
    with served_by_nginx(folder) as served:
        yield served


@contextmanager
def listening_page(browser, **options):
    """A page that notes every policy violation (page.violations()) and console error (page.errors)."""
    context = browser.new_context(**options)
    page = context.new_page()
    page.add_init_script(LISTENING)
    page.errors = []
    page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.violations = lambda: page.evaluate("window.__violations")
    try:
        yield page
    finally:
        context.close()


def every_page(output, settings):
    """{name: path} of each kind of page in each language, the root, a missing address and a delivery page."""
    paths = {"root": "", "missing": "en/no-such-page/"}
    for language in settings["SITE_LANGUAGES"]:
        for kind, path in typical_pages(output, settings, language.code).items():
            paths[f"{language.code} {kind}"] = path
        events = sorted(output.glob(f"{language.code}/{settings['EVENT_URL_WORDS'][language.code]}/*/index.html"))
        if events:
            paths[f"{language.code} events"] = events[0].parent.parent.relative_to(output).as_posix() + "/"
            paths[f"{language.code} event"] = events[0].parent.relative_to(output).as_posix() + "/"
    for freebie, url in delivery_links(settings):
        paths.setdefault(f"{freebie.lang} delivery", url.split("/", 3)[3])
    return paths


def test_every_kind_of_page_in_every_language_keeps_to_the_policy(browser, served):
    nginx, output, settings, _ = served
    pages = every_page(output, settings)
    assert len(pages) >= 30, pages
    broken = {}
    with listening_page(browser) as page:
        for name, path in pages.items():
            page.errors.clear()
            response = page.goto(f"{nginx.origin}/{path}")
            page.wait_for_load_state("networkidle")
            assert response.status == (404 if name == "missing" else 200), (name, path)
            assert response.headers.get("content-security-policy"), f"{path} has no policy"
            errors = [error for error in page.errors if not (name == "missing" and "404" in error)]
            if page.violations() or errors:
                broken[path] = (page.violations(), errors)
    assert broken == {}


def test_search_finds_a_word_under_the_policy(browser, served):
    nginx, output, settings, _ = served
    with listening_page(browser) as page:
        page.goto(f"{nginx.origin}/{typical_pages(output, settings, 'fi')['search'].split('?')[0]}")
        page.fill("input[name=q]", "korvapuusti")
        expect(page.locator("[data-search-results]")).to_have_attribute("aria-busy", "false")
        expect(page.locator("[data-search-results] a").first).to_be_visible()
        assert page.violations() == [] and page.errors == []


def test_copy_link_works_under_the_policy(browser, served):
    nginx, output, settings, _ = served
    address = f"{nginx.origin}/{typical_pages(output, settings, 'pl')['tip']}"
    with listening_page(browser) as page:
        page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=nginx.origin)
        page.goto(address)
        page.click("[data-copy]")
        expect(page.locator("[data-status]")).to_have_text("Link skopiowany")
        assert page.evaluate("navigator.clipboard.readText()") == address
        assert page.violations() == [] and page.errors == []


def requested_paths(access_log):
    """The path of each request of nginx's access log (its combined format: "GET /path HTTP/1.1")."""
    return [line.split('"')[1].split()[1] for line in access_log.splitlines() if '"' in line]


def test_a_returning_visitor_fetches_only_the_html_of_a_second_tip(browser, served):
    nginx, output, _, _ = served
    first, second = (path.parent.relative_to(output).as_posix() for path, _ in list(tip_pages(output, "en"))[:2])
    with listening_page(browser) as page:
        page.goto(f"{nginx.origin}/{first}/")
        page.wait_for_load_state("networkidle")
        before = len(requested_paths(nginx.access_log()))
        page.goto(f"{nginx.origin}/{second}/")
        page.wait_for_load_state("networkidle")
        again = requested_paths(nginx.access_log())[before:]
    # the stylesheets, scripts and icon are named by their content and kept for a year: not even revalidated
    assert again == [f"/{second}/"], again


def test_the_newsletter_form_still_reaches_its_provider(browser, served):
    nginx, output, settings, provider = served
    with listening_page(browser) as page:
        page.goto(f"{nginx.origin}/{typical_pages(output, settings, 'fr')['tip']}")
        form = page.locator(".newsletter form")
        form.locator("input[type=email]").fill("claire@example.fr")
        form.locator("input[type=checkbox]").check()
        with page.expect_navigation():
            form.locator("button[type=submit]").click()
        assert provider.submissions[-1]["email"] == ["claire@example.fr"]
        assert page.url == f"{nginx.origin}/"
        assert page.violations() == [] and page.errors == []


def test_a_script_planted_in_a_tip_never_runs_and_is_reported(browser, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    (content / "tips" / "planted.en.md").write_bytes(tip_source(title="A planted script", extra="Slug: planted\n", body=PLANTED))
    (tmp_path / "provider").mkdir()
    # the owner lets raw HTML through the checks: the policy is then all that stands between it and a reader
    with served_by_nginx(tmp_path, content, CONTENT_ALLOWS_SCRIPTS=True) as (nginx, output, _, _):
        planted = output / "en" / "tips" / "planted" / "index.html"
        assert "window.__planted_script" in planted.read_text() and "onerror=" in planted.read_text()
        with listening_page(browser) as page:
            page.goto(f"{nginx.origin}/en/tips/planted/")
            page.wait_for_load_state("networkidle")
            assert page.evaluate("[window.__planted_script, window.__planted_handler]") == [None, None]
            assert page.title().startswith("A planted script")
            violated = page.violations()
            assert any(violation.startswith("script-src") and " inline " in violation for violation in violated), violated
            assert len(violated) >= 2, violated  # the script and the handler


PLANTED_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60"><rect width="120" height="60" fill="#234"/>'
    '<script>document.documentElement.setAttribute("data-ran", "yes")</script></svg>\n'
)


def test_a_script_in_a_writers_svg_never_runs_when_the_picture_is_opened_on_its_own(browser, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    (content / "images").mkdir(exist_ok=True)
    (content / "images" / "planted.svg").write_text(PLANTED_SVG)
    (tmp_path / "provider").mkdir()
    with served_by_nginx(tmp_path, content) as (nginx, output, _, _):
        assert (output / "images" / "planted.svg").is_file()
        # a _headers host (and make serve) gives it the default policy too
        policy = dict(headers_for(rules_in(output), "/images/planted.svg"))["Content-Security-Policy"]
        assert policy.startswith("default-src 'none'; script-src 'self';")
        with listening_page(browser) as page:
            page.goto(f"{nginx.origin}/images/planted.svg")
            page.wait_for_load_state("networkidle")
            assert page.evaluate("document.documentElement.getAttribute('data-ran')") is None
