"""The published build against the W3C's checkers: every page and stylesheet through the Nu HTML checker, and
sitemap.xml against the sitemaps.org schema with its hreflang alternates.

The checkers come from npm (`make test` runs `npm ci`); the Nu checker runs on Java, the schema on xmllint.
"""

import json
import shutil
import subprocess
import warnings
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from support import ROOT, pages

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
SITEMAP_SCHEMA = ROOT / "tests" / "schemas" / "sitemap-with-alternates.xsd"
SITEMAP_XSD = ROOT / "node_modules" / "sitemap" / "schema" / "sitemap.xsd"

# Checked in the same run as the site, so that one Java start-up does both: they prove the checker is working,
# on HTML and on CSS alike, since a checker that checked nothing would report nothing too.
CONTROL_PAGE = '<!doctype html>\n<html lang="en"><head><title>Control</title></head>\n<body><img src="x.png"></body></html>\n'
CONTROL_STYLESHEET = "p { colr: red; }\n"


def tool(name, package):
    path = shutil.which(name)
    assert path, f"{name} is missing: install Debian's {package} package (apt-get install {package})"
    return path


def node_module(path):
    assert path.exists(), f"{path.relative_to(ROOT)} is missing: run `make test`, which installs it with npm ci"
    return path


def file_of(url):
    return Path(unquote(urlsplit(url).path))


@pytest.fixture(scope="module")
def nu_messages(published_site, tmp_path_factory):
    """Every message of the Nu checker on the published build, by file; and those on the control files."""
    output, _ = published_site
    control = tmp_path_factory.mktemp("nu-control")
    (control / "control.html").write_text(CONTROL_PAGE, encoding="utf-8")
    (control / "control.css").write_text(CONTROL_STYLESHEET, encoding="utf-8")
    run = subprocess.run(
        [tool("java", "default-jre-headless"), "-jar", str(node_module(VNU_JAR)),
         "--skip-non-html", "--also-check-css", "--format", "json", "--exit-zero-always", str(output), str(control)],
        capture_output=True, text=True, timeout=600,
    )
    try:
        messages = json.loads(run.stderr)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"the Nu checker did not report (exit {run.returncode}):\n{run.stderr[-3000:]}")
    site, controls = [], []
    for message in messages:
        path = file_of(message.get("url", ""))
        if path.is_relative_to(control):
            controls.append((path.name, message))
        else:
            site.append((path.relative_to(output).as_posix() if path.is_relative_to(output) else str(path), message))
    return site, controls


def describe(found):
    return "\n".join(
        f"{path}:{message.get('lastLine', 0)}: {message['message']}" for path, message in sorted(
            found, key=lambda item: (item[0], item[1].get("lastLine", 0))
        )
    )


def test_the_nu_checker_checks_pages_and_stylesheets(nu_messages):
    _, controls = nu_messages
    flagged = {name for name, message in controls if message["type"] == "error"}
    assert flagged == {"control.html", "control.css"}, f"the checker missed a planted error:\n{describe(controls)}"


def test_every_page_and_stylesheet_passes_the_nu_checker(published_site, nu_messages):
    output, _ = published_site
    site, _ = nu_messages
    assert pages(output) and list(output.rglob("*.css")), "nothing was built to check"
    errors = [(path, message) for path, message in site if message["type"] in ("error", "non-document-error")]
    # warnings do not fail the build, but every run shows them in pytest's summary
    site_warnings = [(path, message) for path, message in site if message.get("subType") == "warning"]
    if site_warnings:
        warnings.warn(f"the Nu checker has {len(site_warnings)} warnings:\n{describe(site_warnings)}", stacklevel=1)
    assert not errors, f"the Nu checker found {len(errors)} errors:\n{describe(errors)}"


# --- sitemap.xml -------------------------------------------------------------------------------------------------

VALID_SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
  <url>
    <loc>https://hub.test/fr/conseils/donnez-d-abord/</loc>
    <lastmod>2026-06-02T09:00:00+02:00</lastmod>
    <xhtml:link rel="alternate" hreflang="en" href="https://hub.test/en/tips/give-first/"/>
    <xhtml:link rel="alternate" hreflang="fr" href="https://hub.test/fr/conseils/donnez-d-abord/"/>
    <xhtml:link rel="alternate" hreflang="x-default" href="https://hub.test/"/>
  </url>
</urlset>
"""


def validate(sitemap):
    """xmllint's exit status and messages for `sitemap` against the schema with alternates."""
    node_module(SITEMAP_XSD)
    run = subprocess.run(
        [tool("xmllint", "libxml2-utils"), "--noout", "--nonet", "--schema", str(SITEMAP_SCHEMA), str(sitemap)],
        capture_output=True, text=True, timeout=120,
    )
    return run.returncode, run.stderr


def test_the_sitemap_is_valid_against_the_schema(published_site):
    output, _ = published_site
    sitemap = output / "sitemap.xml"
    assert sitemap.is_file(), "the published build has no sitemap.xml"
    status, messages = validate(sitemap)
    assert status == 0, f"sitemap.xml does not validate:\n{messages}"


def test_the_schema_accepts_a_good_sitemap(tmp_path):
    sitemap = tmp_path / "sitemap.xml"
    sitemap.write_text(VALID_SITEMAP, encoding="utf-8")
    status, messages = validate(sitemap)
    assert status == 0, messages


@pytest.mark.parametrize(
    "good, bad, culprit",
    [
        ("<lastmod>2026-06-02T09:00:00+02:00</lastmod>", "<lastmod>2026-02-30</lastmod>", "lastmod"),
        ('hreflang="fr" ', "", "hreflang"),
        ('href="https://hub.test/"', 'href="/"', "href"),
        ('rel="alternate" hreflang="en"', 'rel="canonical" hreflang="en"', "rel"),
        ("<loc>https://hub.test/fr/conseils/donnez-d-abord/</loc>", "", "loc"),
        ('<xhtml:link rel="alternate" hreflang="x-default"', '<xhtml:meta rel="alternate" hreflang="x-default"', "meta"),
    ],
    ids=["impossible-lastmod", "missing-hreflang", "relative-href", "wrong-rel", "missing-loc", "unknown-element"],
)
def test_the_schema_rejects_a_broken_sitemap(tmp_path, good, bad, culprit):
    assert good in VALID_SITEMAP
    sitemap = tmp_path / "sitemap.xml"
    sitemap.write_text(VALID_SITEMAP.replace(good, bad, 1), encoding="utf-8")
    status, messages = validate(sitemap)
    assert status != 0, f"the schema accepted a sitemap with a bad {culprit}"
    assert culprit in messages, messages
