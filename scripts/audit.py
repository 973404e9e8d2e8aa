"""`make audit`: Lighthouse scores of the live build, served on this machine as its host would serve it.

Builds the site with the publish settings into a temporary folder, with SITEURL on a local server and a throwaway
FREEBIE_SECRET, serves it with Debian's nginx and the nginx include the build wrote (so with the live headers:
content policy, caching), and runs Lighthouse (from node_modules, in Chromium, mobile settings) on one page of
each kind: home, tip, page, freebie, search, listing. Prints the four category scores per page, and each audit
that cost points; exits 1 when Lighthouse could not run.

    python scripts/audit.py [--port 8765] [--lang fr] [--json-dir reports/]
"""

import argparse
import json
import logging
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT))  # the hub's library, hub/
sys.path.insert(0, str(ROOT / "tests"))  # the local server and Chromium flags the browser tests use

from browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from nginx import NginxFailed, free_port, nginx_serving  # noqa: E402
from support import typical_pages  # noqa: E402

from pelican import Pelican  # noqa: E402
from pelican.settings import read_settings  # noqa: E402

LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROME_FLAGS = ["--headless=new", *CHROMIUM_ARGS]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TIMEOUT = 300  # seconds for one page


class AuditError(Exception):
    """Why there are no scores."""


def build(output, site_url):
    settings = read_settings(
        str(ROOT / "publishconf.py"),
        override={
            "OUTPUT_PATH": str(output),
            "SITEURL": site_url,
            "FEED_DOMAIN": site_url,
            "FREEBIE_SECRET": secrets.token_urlsafe(32),  # throwaway: these delivery pages are never shared
            "CACHE_CONTENT": False,
        },
    )
    Pelican(settings).run()
    return settings


def pages_to_audit(output, settings, code=None):
    """(kind, path) of one page of each kind, in one language (the first by default)."""
    codes = [language.code for language in settings["SITE_LANGUAGES"]]
    if code and code not in codes:
        raise AuditError(f"no language {code!r} in LANGUAGES")
    try:
        return list(typical_pages(output, settings, code or codes[0]).items())
    except AssertionError as error:
        raise AuditError(str(error)) from None


def nginx_include(output):
    """The nginx include the build wrote (host_headers), or None: then nginx serves without the live headers."""
    found = sorted(output.glob("nginx*.conf"))
    return found[0] if found else None


def lighthouse(url, report, workdir):
    """Lighthouse's JSON report for `url`; raises AuditError when it does not run."""
    if not LIGHTHOUSE.exists():
        raise AuditError(f"{LIGHTHOUSE.relative_to(ROOT)} is missing: run `make audit`, which installs it with npm ci")
    if not os.path.exists(CHROMIUM):
        raise AuditError(f"{CHROMIUM} is missing: install Debian's chromium package (apt-get install chromium)")
    node = shutil.which("node")
    if node is None:
        raise AuditError("node is missing: install Debian's nodejs package (apt-get install nodejs)")
    command = [
        node, str(LIGHTHOUSE), url,
        "--output=json", f"--output-path={report}", "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={' '.join(CHROME_FLAGS)}",
    ]
    # Chromium's profile folders go into workdir (TMPDIR), and so are removed with it
    environment = {**os.environ, "CHROME_PATH": CHROMIUM, "TMPDIR": str(workdir)}
    try:
        run = subprocess.run(command, env=environment, capture_output=True, text=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        raise AuditError(f"Lighthouse did not finish {url} within {TIMEOUT} s") from None
    if run.returncode != 0 or not report.exists():
        raise AuditError(f"Lighthouse failed on {url} (exit {run.returncode}):\n{run.stderr.strip()[-3000:]}")
    result = json.loads(report.read_text(encoding="utf-8"))
    if result.get("runtimeError"):
        raise AuditError(f"Lighthouse could not load {url}: {result['runtimeError'].get('message')}")
    for category in CATEGORIES:
        if result["categories"].get(category, {}).get("score") is None:
            raise AuditError(f"Lighthouse gave no {category} score for {url}")
    return result


def scores(result):
    return {category: round(result["categories"][category]["score"] * 100) for category in CATEGORIES}


def lost_points(result):
    """(category, audit id, title, what it found) of every weighted audit that did not pass."""
    lost = []
    for category in CATEGORIES:
        for reference in result["categories"][category]["auditRefs"]:
            audit = result["audits"][reference["id"]]
            if reference.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                lost.append((category, audit["id"], audit["title"], audit.get("displayValue", "")))
    return lost


def table(results):
    width = max(len(name) for name, _, _ in results)
    lines = [f"{'page':<{width}}  " + "  ".join(f"{category:>14}" for category in CATEGORIES) + "  url"]
    for name, url, result in results:
        values = scores(result)
        lines.append(f"{name:<{width}}  " + "  ".join(f"{values[category]:>14}" for category in CATEGORIES) + f"  {url}")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="make audit", description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0, help="port of the local server (default: any free one)")
    parser.add_argument("--lang", help="language of the pages to audit (default: the first of LANGUAGES)")
    parser.add_argument("--json-dir", type=Path, help="keep Lighthouse's JSON reports in this folder")
    arguments = parser.parse_args(argv)
    from pelican.log import init as init_logging

    init_logging(logging.WARNING)
    workdir = Path(tempfile.mkdtemp(prefix="hub-audit-"))
    output = workdir / "site"
    output.mkdir()
    try:
        port = arguments.port or free_port()
        origin = f"http://127.0.0.1:{port}"
        settings = build(output, origin)
        include = nginx_include(output)
        if include is None:
            print("No nginx include was built (host_headers is off): served without the live headers", file=sys.stderr)
        with nginx_serving(output, include, port):
            results = []
            for name, path in pages_to_audit(output, settings, arguments.lang):
                url = f"{origin}/{path}"
                print(f"Lighthouse: {url}", file=sys.stderr)
                report = workdir / f"{name}.json"
                results.append((name, url, lighthouse(url, report, workdir)))
                if arguments.json_dir:
                    arguments.json_dir.mkdir(parents=True, exist_ok=True)
                    shutil.copy(report, arguments.json_dir / f"lighthouse-{name}.json")
    except (AuditError, NginxFailed) as error:
        print(f"No scores: {error}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print(table(results))
    for name, _, result in results:
        for category, audit, title, found in lost_points(result):
            print(f"{name}: {category}: {audit}: {title}{f' ({found})' if found else ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
