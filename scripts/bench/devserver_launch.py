"""Run the hub's dev server (scripts/devserver.py, unchanged) on a benchmark site root.

    python scripts/bench/devserver_launch.py --hub HUB --root SITE [--host H] [--port P]

The dev server watches the folders of the root it lives in (content/, theme/, plugins/, ...); here that
root is SITE, a folder made by harness.prepare_site() with the synthetic content/ and links to the hub's
theme, plugins, catalogs and pelicanconf.py. Everything else is the dev server's own code.
"""

import argparse
import importlib.util
import os
import sys
from pathlib import Path


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hub", required=True, help="the hub's folder (with scripts/devserver.py)")
    parser.add_argument("--root", required=True, help="the site root to serve and watch")
    args, rest = parser.parse_known_args()
    root = Path(args.root).resolve()
    source = Path(args.hub) / "scripts" / "devserver.py"
    spec = importlib.util.spec_from_file_location("hub_devserver", source)
    devserver = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(devserver)
    if not hasattr(devserver, "ROOT") or not hasattr(devserver, "main"):
        sys.exit(f"{source} has no ROOT and main() any more: the benchmark cannot point it at a corpus")
    devserver.ROOT = root
    os.chdir(root)
    sys.argv = ["devserver.py", *rest]
    devserver.main()


if __name__ == "__main__":
    main()
