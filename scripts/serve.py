"""`make serve`: the built site on a local address, each file sent with the headers the live site sends (read
from the `_headers` file the build wrote, without HSTS), and the site's 404 page for a missing one.

Usage: python scripts/serve.py OUTPUT [--host 127.0.0.1] [--port 8000]
"""

import argparse
import logging
import sys
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from pelican.log import init as init_logging
from pelican.server import ComplexHTTPRequestHandler

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the hub's library, hub/

from hub.served_headers import ServedHeaders, is_host_file, not_found_page  # noqa: E402

logger = logging.getLogger("serve")


class LiveHeadersHandler(ComplexHTTPRequestHandler):
    """Pelican's own handler (index.html and .html found for a folder's address), sending the live headers."""

    @property
    def base_path(self):
        return self.server.root

    def do_GET(self):
        self._serve(SimpleHTTPRequestHandler.do_GET)

    def do_HEAD(self):
        self._serve(SimpleHTTPRequestHandler.do_HEAD)

    def _serve(self, send):
        asked = urlsplit(self.path).path
        self.asked = unquote(asked)
        found = None if is_host_file(self.asked) else self.get_path_that_exists(asked)
        if found is None:
            self._not_found(send is SimpleHTTPRequestHandler.do_HEAD)
            return
        self.path = found
        send(self)

    def _not_found(self, head):
        body = not_found_page(self.server.root)
        if body is None:
            self.send_error(404)
            return
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def end_headers(self):
        if hasattr(self, "asked"):  # a request too malformed to read names no path of the site
            for name, value in self.server.headers.for_path(self.asked):
                self.send_header(name, value)
        super().end_headers()


class LiveHeadersServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, root, address):
        self.root = str(root)
        self.headers = ServedHeaders(root)
        super().__init__(address, LiveHeadersHandler)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", help="the folder the build wrote")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    arguments = parser.parse_args(argv)
    init_logging(logging.INFO)
    server = LiveHeadersServer(Path(arguments.output).resolve(), (arguments.host, arguments.port))
    logger.info("Serving %s on http://%s:%s/ with the live site's headers (Ctrl-C stops it)",
                arguments.output, arguments.host, server.server_address[1])
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
