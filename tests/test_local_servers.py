"""`make serve` and `make devserver` send every file with the live site's headers, read from the `_headers` file
the build wrote, without HSTS; the dev server's policy lets in its reload script and socket, and nothing more."""

import asyncio
import importlib.util
import subprocess
import sys
import threading
import time
from contextlib import contextmanager

import pytest
from server_process import free_port
from support import ROOT, fetch

POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; base-uri 'none'"
HEADERS = f"""\
/*
  Content-Security-Policy: {POLICY}
  X-Content-Type-Options: nosniff
  Strict-Transport-Security: max-age=63072000; includeSubDomains
/theme/*
  Cache-Control: public, max-age=31536000, immutable
/*.html
  Cache-Control: no-cache
/:lang/
  Content-Language: fr
"""
PAGE = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ready</title>'
    '<link rel="stylesheet" href="/theme/site.css"></head><body><h1>A page</h1></body></html>'
)


@pytest.fixture
def small_site(tmp_path):
    """A built site's shape: pages in folders, a stylesheet, the 404 page and the `_headers` file."""
    site = tmp_path / "output"
    (site / "fr").mkdir(parents=True)
    (site / "theme").mkdir()
    (site / "index.html").write_text(PAGE)
    (site / "fr" / "index.html").write_text(PAGE.replace("A page", "Une page"))
    (site / "theme" / "site.css").write_text("h1 { color: #234; }\n")
    (site / "404.html").write_text(PAGE.replace("A page", "Nothing here"))
    (site / "favicon.ico").write_bytes(b"\0\0\1\0")
    (site / "_headers").write_text(HEADERS)
    (site / ".htaccess").write_text("Header always set X-Test yes\n")
    return site


def wait_for(url, process=None):
    for _ in range(100):
        if process is not None and process.poll() is not None:
            raise AssertionError(f"the server stopped: {process.stderr.read()}")
        try:
            fetch(url)
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"nothing answered at {url}")


@contextmanager
def make_serve(folder):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "scripts" / "serve.py"), str(folder), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/", process)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(10)


@contextmanager
def dev_server(folder):
    """scripts/devserver.py's server on a free port, in a thread of this process, serving `folder`."""
    spec = importlib.util.spec_from_file_location("devserver_for_headers", ROOT / "scripts" / "devserver.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    from tornado import ioloop

    port, running = free_port(), []

    def serve():
        asyncio.set_event_loop(asyncio.new_event_loop())
        server = module.LiveHeadersServer()
        server.root, server.default_filename = str(folder), "index.html"
        server.application(port, "127.0.0.1")
        running.append(ioloop.IOLoop.current())
        running[0].start()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    origin = f"http://127.0.0.1:{port}"
    wait_for(f"{origin}/")
    try:
        yield origin, running[0], module
    finally:
        running[0].add_callback(running[0].stop)
        thread.join(10)


def live_policy(headers, origin):
    """The policy as the live site sends it: without what the dev server adds for its live reload."""
    host = origin.removeprefix("http://")
    policy = headers["Content-Security-Policy"]
    return policy.replace(f" {origin}/livereload.js", "").replace(f"; connect-src ws://{host}/livereload", "")


SERVERS = {"make serve": make_serve, "make devserver": dev_server}


@contextmanager
def serving(name, folder):
    with SERVERS[name](folder) as started:
        yield started if isinstance(started, str) else started[0]


@pytest.mark.parametrize("server", SERVERS)
def test_each_file_has_the_live_headers_without_hsts(small_site, server):
    with serving(server, small_site) as origin:
        status, headers, body = fetch(f"{origin}/fr/")
        assert status == 200 and "Une page" in body
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Content-Language"] == "fr"
        assert live_policy(headers, origin) == POLICY
        assert "Strict-Transport-Security" not in headers
        assert "Cache-Control" not in headers or "immutable" not in headers["Cache-Control"]

        status, headers, body = fetch(f"{origin}/theme/site.css")
        assert status == 200 and "color" in body
        assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert "Content-Language" not in headers and "Strict-Transport-Security" not in headers

        for host_file in ("/_headers", "/.htaccess"):  # read by the host, never sent
            status, _, body = fetch(f"{origin}{host_file}")
            assert status == 404 and "Nothing here" in body, host_file

        status, headers, body = fetch(f"{origin}/fr/no-such-tip/")
        assert status == 404 and "Nothing here" in body  # the site's own 404 page
        assert live_policy(headers, origin) == POLICY
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert "Strict-Transport-Security" not in headers


@pytest.mark.parametrize("server", SERVERS)
def test_a_new_headers_file_is_read_by_the_running_server(small_site, server):
    with serving(server, small_site) as origin:
        assert "X-Test" not in fetch(f"{origin}/")[1]
        (small_site / "_headers").write_text(HEADERS + "/\n  X-Test: rebuilt\n")
        assert fetch(f"{origin}/")[1]["X-Test"] == "rebuilt"
        (small_site / "_headers").unlink()
        assert "Content-Security-Policy" not in fetch(f"{origin}/")[1]


def test_the_dev_servers_policy_adds_its_reload_script_and_socket_only(small_site):
    with dev_server(small_site) as (origin, _, _):
        status, headers, body = fetch(f"{origin}/")
        host = origin.removeprefix("http://")
        assert headers["Content-Security-Policy"] == (
            f"default-src 'none'; script-src 'self' {origin}/livereload.js; style-src 'self'; img-src 'self'; "
            f"base-uri 'none'; connect-src ws://{host}/livereload"
        )
        # the reload script is a file of the server's, not an inline script the policy would block
        assert f'<script src="/livereload.js?port={host.split(":")[1]}"></script></head>' in body
        assert "<script>" not in body and "<script type" not in body


def test_live_reload_works_under_the_strict_policy(small_site, browser):
    with dev_server(small_site) as (origin, loop, module):
        context = browser.new_context()
        page = context.new_page()
        page.add_init_script(
            "window.__violations = [];"
            "document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));"
        )
        errors = []
        page.on("console", lambda message: message.type == "error" and errors.append(message.text))
        with page.expect_websocket(lambda socket: socket.url.endswith("/livereload")):
            page.goto(f"{origin}/")
        page.wait_for_function("window.LiveReload && window.LiveReload.connector && window.LiveReload.connector._connectionDesired")
        page.wait_for_timeout(300)  # the socket's hello
        (small_site / "index.html").write_text(PAGE.replace("A page", "Edited"))
        loop.add_callback(module.LiveReloadHandler.reload_waiters)
        page.wait_for_selector("text=Edited", timeout=10_000)
        assert page.evaluate("window.__violations") == [] and errors == []
        context.close()
