"""Any plugin can be listed anywhere in PLUGINS, and any one of them left out: the site still builds, without
that plugin's feature only. Each build is a real `pelican` run in a process of its own, as an owner runs it:
a plugin loaded by an earlier build in the same process would still be connected to Pelican's signals."""

import hashlib
import random
import re

import pytest
from support import ROOT, pelican_run, settings_file

from pelicanconf import PLUGINS

# the plugin every page in a language is built on: without it the build stops with one line saying so
CORE = "multilingual"
SEARCH_BUNDLE = "pagefind/"
PAGE_CARDS = "social-cards/"  # named by the heading and language they show: some go with the page they show
# the theme's files under the hash of their published bytes: the stylesheets' change without minify_css
THEME_FINGERPRINTS = re.compile(r"^theme/.+\.[0-9a-f]{16}\.\w+$")
# what each plugin adds to the output that the site has without it (beyond these, the same pages)
OWN_FILES = {
    "freebies": re.compile(r"/(freebies|cadeaux|materialy|materiaalit)/"),
    "events": re.compile(r"/(events|evenements|wydarzenia|tapahtumat)/"),
    "stories": re.compile(r"/(stories|temoignages|historie|tarinat)/"),
    "site_search": re.compile(r"(^pagefind/|/(search|recherche|szukaj|haku)/)"),
    "social_cards": re.compile(r"(card\.png$|^social-cards/)"),
    "discovery": re.compile(r"(^robots\.txt|sitemap\.xml)$"),
    "host_headers": re.compile(r"^(_headers|\.htaccess|nginx-headers\.conf|s3-immutable-files\.txt)$"),
    "asset_fingerprints": THEME_FINGERPRINTS,
}


def pelican(folder, plugins, **settings):
    """A `pelican` run of the sample site with these PLUGINS: (exit status, what it logged, output folder)."""
    folder.mkdir(parents=True, exist_ok=True)
    output = folder / "output"
    status, log = pelican_run(ROOT / "content", output, settings_file(folder, PLUGINS=plugins, **settings))
    return status, log, output


def tree(output):
    """Every file of an output folder and a digest of its bytes."""
    return {
        str(path.relative_to(output)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(output.rglob("*")) if path.is_file()
    }


def problems(log):
    """What a build logged that is more than a warning about the sample content."""
    return [line for line in log.splitlines() if re.search(r"ERROR|CRITICAL|Traceback|Cannot load plugin", line)]


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    """One cache folder for every build here: a build's output never depends on what the cache holds."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(scope="module")
def as_listed(tmp_path_factory, cache):
    status, log, output = pelican(tmp_path_factory.mktemp("as-listed"), PLUGINS, CACHE_PATH=str(cache))
    assert status == 0 and not problems(log), log
    files = tree(output)
    assert sum(name.endswith(".html") for name in files) > 150
    return files


def orders():
    shuffled = [random.Random(seed).sample(PLUGINS, len(PLUGINS)) for seed in ("hub", "reciprocity")]
    return [list(reversed(PLUGINS)), *shuffled]


@pytest.mark.parametrize("plugins", orders(), ids=["reversed", "shuffled", "shuffled-again"])
def test_the_plugins_in_any_order_build_the_same_site_to_the_byte(tmp_path, cache, as_listed, plugins):
    status, log, output = pelican(tmp_path, plugins, CACHE_PATH=str(cache))
    assert status == 0 and not problems(log), "\n".join(problems(log)) or log
    built = tree(output)
    different = sorted(name for name in set(built) | set(as_listed) if built.get(name) != as_listed.get(name))
    assert not different, f"{len(different)} files differ from the build in PLUGINS' order: {different[:10]}"


@pytest.mark.parametrize("left_out", [plugin for plugin in PLUGINS if plugin != CORE])
def test_the_site_builds_without_any_one_plugin(tmp_path, cache, as_listed, left_out):
    status, log, output = pelican(tmp_path, [plugin for plugin in PLUGINS if plugin != left_out], CACHE_PATH=str(cache))
    assert status == 0 and not problems(log), "\n".join(problems(log)) or log
    built = tree(output)
    own = OWN_FILES.get(left_out)
    # the search bundle's files, the pages' cards and the theme's fingerprinted files are named by what they
    # hold, and the pages hold less (or other words) without some plugins
    expected = {name for name in as_listed if not (own and own.search(name))
                and not name.startswith((SEARCH_BUNDLE, PAGE_CARDS)) and not THEME_FINGERPRINTS.match(name)}
    assert expected <= set(built), f"missing without {left_out}: {sorted(expected - set(built))[:10]}"
    if own:
        assert not any(own.search(name) for name in built), f"{left_out}'s own files were written without it"
        assert set(built) - expected <= {name for name in built if not name.endswith(".html")}


def test_without_the_incremental_writer_the_site_is_the_same_to_the_byte(tmp_path, cache, as_listed):
    status, log, output = pelican(tmp_path, [plugin for plugin in PLUGINS if plugin != "incremental_writer"],
                                  CACHE_PATH=str(cache))
    assert status == 0, log
    assert tree(output) == as_listed


def test_without_the_multilingual_plugin_the_build_stops_with_one_line_saying_what_to_add(tmp_path, cache):
    status, log, output = pelican(tmp_path, [plugin for plugin in PLUGINS if plugin != CORE], CACHE_PATH=str(cache))
    assert status != 0
    [said] = problems(log)
    assert 'PLUGINS lacks "multilingual"' in said and 'add "multilingual" to PLUGINS in pelicanconf.py' in said, log
    assert "Traceback" not in log
