"""The built site in Debian's Chromium, driven by Playwright, served by a local server.

The server also plays the newsletter provider: a form posted to /subscribe is
recorded and answered with a redirect, as providers do after a sign-up.
"""

import os
import threading
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# as root on a machine with no network: no sandbox, no background connections
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SUBSCRIBE_PATH = "/subscribe"


class SiteHandler(SimpleHTTPRequestHandler):
    def do_POST(self):
        if self.path != SUBSCRIBE_PATH:
            self.send_error(404)
            return
        length = int(self.headers.get("Content-Length", 0))
        self.server.submissions.append(parse_qs(self.rfile.read(length).decode()))
        self.send_response(303)
        self.send_header("Location", self.server.redirect_to)
        self.end_headers()

    def log_message(self, *args):
        pass


class LocalSite(ThreadingHTTPServer):
    """Serves `folder` on 127.0.0.1 (on any free port by default) and stands in for the provider at /subscribe."""

    def __init__(self, folder, port=0):
        super().__init__(("127.0.0.1", port), partial(SiteHandler, directory=str(folder)))
        self.submissions = []
        self.redirect_to = "/"

    @property
    def origin(self):
        return f"http://127.0.0.1:{self.server_address[1]}"

    def __enter__(self):
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.shutdown()
        self.server_close()


@contextmanager
def recording_page(browser, **context_options):
    """A page in a browser context of its own that notes the URL of every request it makes (page.requests),
    so that a test can say no request left the site."""
    context = browser.new_context(**context_options)
    page = context.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    try:
        yield page
    finally:
        context.close()
