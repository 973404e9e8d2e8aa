"""Preview the site while writing: rewrite a saved tip's page at once, rebuild the rest, reload the browser.

Usage: python scripts/devserver.py [--host 127.0.0.1] [--port 8000] [--settings pelicanconf.py]

On every save the dev server:
  1. writes the saved tip's or page's own page again from the last build's memory (plugin
     live_preview), and reloads the browser: the edit shows in well under a second;
  2. rebuilds the whole site in the background with the usual caches (listings, feeds, cards, search),
     writing only the files whose bytes change, and reloads the browser again when it is done.
A change to anything else (the theme, a plugin, a catalog, the settings, a new file) goes straight to 2.
Each write holds the output folder's lock (a publish waits for it, and it for a publish) and removes the publish
marker first, so that the upload targets refuse a folder a development build wrote into.
"""

import argparse
import logging
import os
import sys
import threading
from pathlib import Path

from livereload import Server
from livereload.handlers import ForceReloadHandler, LiveReloadHandler, LiveReloadJSHandler, StaticFileHandler
from livereload.server import LiveScriptInjector
from livereload.watcher import Watcher
from pelican import Pelican
from pelican.log import init as init_logging
from pelican.settings import read_settings
from tornado import ioloop, web
from watchfiles import watch

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT))  # the hub's library, hub/

from live_preview.live_preview import last_build  # noqa: E402
from plain_errors.plain_errors import raised_by_a_plugin  # noqa: E402

from hub.output_lock import OutputBusy, development_build  # noqa: E402
from hub.served_headers import ServedHeaders, is_host_file, not_found_page  # noqa: E402
from hub.sources import MARKDOWN_EXTENSIONS  # noqa: E402

WATCHED = ["content", "theme", "plugins", "translations", "pelicanconf.py"]
MARKDOWN = tuple(f".{extension}" for extension in MARKDOWN_EXTENSIONS)
logger = logging.getLogger("devserver")


def read_dev_settings(settings_file):
    settings = read_settings(str(settings_file), override={"DELETE_OUTPUT_DIRECTORY": False})
    settings["PLUGINS"] = [*settings["PLUGINS"], "live_preview"]
    return settings


def build(settings_file):
    """One full build; a failed one leaves the last good pages served."""
    try:
        settings = read_dev_settings(settings_file)
        output = settings["OUTPUT_PATH"]
        with development_build(output, "make devserver", lambda holder: logger.info("Waiting for %s to finish", holder)):
            Pelican(settings).run()
    except Exception as error:  # keep serving the last good build while the writer fixes the file
        logger.error(
            "Build failed (%s: %s); the previous pages are still served",
            type(error).__name__, error, exc_info=not raised_by_a_plugin(error),  # a plugin's says what to do
        )


class Rebuilds:
    """Full rebuilds, one at a time, in a thread of their own, so the server keeps serving meanwhile."""

    def __init__(self, settings_file, loop):
        self.settings_file = settings_file
        self.loop = loop
        self.lock = threading.Lock()  # held by a full build, or by a quick page
        self.wanted = threading.Event()
        threading.Thread(target=self._run, daemon=True, name="rebuilds").start()

    def request(self):
        self.wanted.set()

    def _run(self):
        while True:
            self.wanted.wait()
            self.wanted.clear()
            with self.lock:
                build(self.settings_file)
            self.loop.add_callback(LiveReloadHandler.reload_waiters)


class SavedFiles(Watcher):
    """livereload's watcher, told about saved files by the operating system (watchfiles) instead of
    polling every file's date twice a second."""

    def __init__(self, paths, on_change):
        super().__init__()
        self.paths = [str(path) for path in paths if Path(path).exists()]
        self.on_change = on_change

    def start(self, callback):
        loop = ioloop.IOLoop.current()

        def follow():
            for changes in watch(*self.paths, debounce=30, step=10, raise_interrupt=False):
                loop.add_callback(self.on_change, sorted({path for _, path in changes}))

        threading.Thread(target=follow, daemon=True, name="watcher").start()
        return True  # no polling

    def examine(self):
        return None, None


# a script file of the server's own, where livereload injects an inline script that a strict policy blocks
RELOAD_SCRIPT = "/livereload.js"
RELOAD_SOCKET = "/livereload"


class LiveHeadersFiles(StaticFileHandler):
    """livereload's files, each sent with the live site's headers, its policy allowing the reload's script and
    socket at the address the browser asked for, and nothing more; the site's 404 page for a missing file."""

    served = None  # ServedHeaders of the output folder

    def set_default_headers(self):
        origin = f"{self.request.host}"
        headers = self.served.for_path(
            self.request.path, script_url=f"http://{origin}{RELOAD_SCRIPT}", socket_url=f"ws://{origin}{RELOAD_SOCKET}",
        )
        for name, value in headers:
            self.add_header(name, value)

    def validate_absolute_path(self, root, absolute_path):
        if is_host_file("/" + os.path.relpath(absolute_path, root).replace(os.sep, "/")):
            raise web.HTTPError(404)  # as the live host: it reads these files and never sends them
        return super().validate_absolute_path(root, absolute_path)

    def write_error(self, status_code, **kwargs):
        page = not_found_page(self.root) if status_code == 404 else None
        if page is not None:
            self.set_header("Content-Type", "text/html; charset=utf-8")
            self.finish(page)
        else:
            super().write_error(status_code, **kwargs)


class ReloadScriptFile(LiveScriptInjector):
    script = b""  # given the port by the server: livereload.js reads it from its own address


class LiveHeadersServer(Server):
    """livereload's server, sending the live headers, its reload script a file rather than inline."""

    def application(self, port, host, liveport=None, debug=None, live_css=True):
        LiveReloadHandler.watcher = self.watcher
        LiveReloadHandler.live_css = live_css
        LiveHeadersFiles.served = ServedHeaders(self.root)
        ReloadScriptFile.script = f'<script src="{RELOAD_SCRIPT}?port={port}"></script>'.encode()
        handlers = [
            (RELOAD_SOCKET, LiveReloadHandler),
            ("/forcereload", ForceReloadHandler),
            (RELOAD_SCRIPT, LiveReloadJSHandler),
            (r"/(.*)", LiveHeadersFiles, {"path": self.root, "default_filename": self.default_filename}),
        ]
        web.Application(handlers=handlers, debug=False, transforms=[ReloadScriptFile]).listen(port, address=host)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--settings", default=str(ROOT / "pelicanconf.py"))
    args = parser.parse_args()
    init_logging(logging.WARNING)
    logger.setLevel(logging.INFO)
    logging.getLogger("livereload").propagate = False  # it prints its own lines
    root = Path(os.path.abspath(args.settings)).parent  # not resolved: a linked settings file stays in its site
    output = read_dev_settings(args.settings)["OUTPUT_PATH"]

    build(args.settings)
    rebuilds = Rebuilds(args.settings, ioloop.IOLoop.current())

    def on_change(paths):
        logger.info("Changed: %s", ", ".join(os.path.relpath(path, root) for path in paths))
        rewritten = []
        if all(path.endswith(MARKDOWN) for path in paths) and rebuilds.lock.acquire(blocking=False):
            try:
                rewritten = [page for page in (quick_page(path, output) for path in paths) if page]
            finally:
                rebuilds.lock.release()
        if rewritten:
            logger.info("Rewrote %s", ", ".join(rewritten))
            LiveReloadHandler.reload_waiters()
        rebuilds.request()

    server = LiveHeadersServer(watcher=SavedFiles([root / name for name in WATCHED], on_change))
    server.serve(host=args.host, port=args.port, root=output, open_url_delay=None)


def quick_page(path, output):
    if not os.path.isfile(path):
        return None
    try:
        with development_build(output, "make devserver", wait=False):  # during a publish, the full rebuild waits
            return last_build.rewrite_page(path)
    except OutputBusy:
        return None
    except Exception as error:  # the full rebuild reports it with file and line
        logger.debug("No quick page for %s: %s", path, error)
        return None


if __name__ == "__main__":
    main()
