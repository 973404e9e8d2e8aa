"""Preview the site while writing: rebuild on every save and reload the browser.

Usage: python scripts/devserver.py [--host 127.0.0.1] [--port 8000]
"""

import argparse
import logging
from pathlib import Path

from livereload import Server
from pelican import Pelican
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parent.parent
WATCHED = ["content", "theme", "plugins", "translations/*/LC_MESSAGES/*.po", "pelicanconf.py"]


def build(settings_file):
    settings = read_settings(str(settings_file), override={"DELETE_OUTPUT_DIRECTORY": False})
    try:
        Pelican(settings).run()
    except Exception:  # keep serving the last good build while the writer fixes the file
        logging.getLogger("devserver").exception("Build failed; the previous pages are still served")
    return settings["OUTPUT_PATH"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--settings", default=str(ROOT / "pelicanconf.py"))
    args = parser.parse_args()

    output = build(args.settings)
    server = Server()
    for pattern in WATCHED:
        server.watch(str(ROOT / pattern), lambda: build(args.settings), delay=0.2)
    server.serve(host=args.host, port=args.port, root=output, open_url_delay=None)


if __name__ == "__main__":
    main()
