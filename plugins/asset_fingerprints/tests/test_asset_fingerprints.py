"""The theme's files are published under names made of their published bytes, and every page links those names:
in the built sample site, across rebuilds of an edited theme, and whichever of minify_css and this plugin runs
first."""

import hashlib
import re
import shutil
from pathlib import Path

import pytest
from asset_fingerprints.settings import FingerprintSettingsError, apply
from support import ROOT, fresh_build, html, pages, pelican_run, settings_file

from hub.assets import HASH_LENGTH, is_fingerprinted
from pelicanconf import PLUGINS

THEME_STATIC = ROOT / "theme" / "static"
FINGERPRINTED = re.compile(rf"^(?P<stem>.+)\.(?P<hash>[0-9a-f]{{{HASH_LENGTH}}})(?P<suffix>\.\w+)$")
LINKING = ("href", "src", "data-script")


def linked(output, siteurl=""):
    """{(page, attribute value)} of every link of every page to the theme's or the search bundle's files, as
    paths from the site's root."""
    found = set()
    for path in pages(output):
        for element in html(path).find_all(lambda tag: any(tag.has_attr(name) for name in LINKING)):
            for name in LINKING:
                value = element.get(name)
                if not value:
                    continue
                if siteurl and value.startswith(siteurl):
                    value = value[len(siteurl):]
                if value.startswith(("/theme/", "/pagefind/")):
                    found.add((path.relative_to(output).as_posix(), value.lstrip("/")))
    return found


def wrong_links(output, siteurl=""):
    """The links of `linked` that name no file of the output, or a plain name of the theme's."""
    wrong = []
    for page, target in sorted(linked(output, siteurl)):
        if not (output / target).is_file():
            wrong.append(f"{page}: {target} is not in the output")
        elif target.startswith("theme/") and not is_fingerprinted(target):
            wrong.append(f"{page}: {target} is not a fingerprinted name")
    return wrong


def published_names(output):
    """{plain path under theme/: fingerprinted path} of the fingerprinted files in an output folder."""
    names = {}
    for path in sorted((output / "theme").rglob("*")):
        match = FINGERPRINTED.match(path.relative_to(output / "theme").as_posix())
        if match:
            names.setdefault(match["stem"] + match["suffix"], []).append(match[0])
    return names


def test_every_file_of_the_theme_is_published_again_under_the_hash_of_its_published_bytes(site):
    output, _ = site
    theme_files = [path.relative_to(THEME_STATIC).as_posix() for path in THEME_STATIC.rglob("*") if path.is_file()]
    assert {"css/hub.css", "css/search.css", "js/search.js", "js/share.js", "favicon.svg"} <= set(theme_files)
    names = published_names(output)
    for plain in theme_files:
        [name] = names[plain]  # one name: no earlier build's beside it
        published = (output / "theme" / plain).read_bytes()  # the plain name is kept for old pages and links
        assert (output / "theme" / name).read_bytes() == published
        assert FINGERPRINTED.match(name)["hash"] == hashlib.sha256(published).hexdigest()[:HASH_LENGTH]
        assert is_fingerprinted(f"theme/{name}")
    # the hash is of the minified stylesheet the reader gets, not of the theme's source
    source = (THEME_STATIC / "css" / "hub.css").read_bytes()
    assert hashlib.sha256(source).hexdigest()[:HASH_LENGTH] not in names["css/hub.css"][0]


@pytest.mark.parametrize("built", ["site", "published_site"])
def test_every_page_links_the_theme_and_the_search_bundle_by_names_that_exist(request, built):
    output, settings = request.getfixturevalue(built)
    found = linked(output, settings["SITEURL"])
    targets = {target for _, target in found}
    for plain in ("css/hub.css", "favicon.svg", "js/share.js", "js/search.js", "css/search.css", "css/events.css",
                  "css/stories.css", "css/coupons.css", "js/copy-code.js", "js/language-suggestion.js"):
        stem, suffix = plain.rsplit(".", 1)
        assert any(re.fullmatch(rf"theme/{stem}\.[0-9a-f]{{16}}\.{suffix}", target) for target in targets), plain
    assert sum(target.startswith("pagefind/") for target in targets) == len(settings["SITE_LANGUAGES"])
    assert not (wrong := wrong_links(output, settings["SITEURL"])), "\n".join(wrong)


@pytest.fixture
def theme(tmp_path):
    """A copy of the theme, to edit between builds."""
    copy = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", copy)
    return copy


def test_a_name_changes_when_the_published_bytes_do_and_only_then(tmp_path, theme):
    output = tmp_path / "output"
    options = {"THEME": str(theme), "CACHE_PATH": str(tmp_path / "cache"), "SEARCH_ENABLED": False}
    fresh_build(output, **options)
    first = published_names(output)
    stylesheet, script = theme / "static" / "css" / "hub.css", theme / "static" / "js" / "share.js"

    # blank lines and indentation, which the minifier takes out again: the reader gets the same bytes
    stylesheet.write_text(stylesheet.read_text(encoding="utf-8").replace("\n", "\n\n    "), encoding="utf-8")
    fresh_build(output, **options)
    assert published_names(output) == first
    assert not (wrong := wrong_links(output)), "\n".join(wrong)

    # a real change: a rule more in the stylesheet, a comment more in the script (scripts are not minified)
    stylesheet.write_text(stylesheet.read_text(encoding="utf-8") + "\n.tip__meta { letter-spacing: .01em }\n",
                          encoding="utf-8")
    script.write_text(script.read_text(encoding="utf-8") + "\n// end\n", encoding="utf-8")
    fresh_build(output, **options)
    second = published_names(output)
    changed = {plain for plain in first if second[plain] != first[plain]}
    assert changed == {"css/hub.css", "js/share.js"}
    # the earlier build's names are gone: no page of this build links them
    for plain in changed:
        [old] = first[plain]
        assert not (output / "theme" / old).exists()
    targets = {target for _, target in linked(output)}
    assert f"theme/{second['css/hub.css'][0]}" in targets and f"theme/{first['css/hub.css'][0]}" not in targets
    assert not (wrong := wrong_links(output)), "\n".join(wrong)


def tree(folder):
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def test_the_names_are_the_same_whichever_of_the_minifier_and_this_plugin_runs_first(tmp_path, site):
    output, _ = site
    ahead = ["asset_fingerprints", *(plugin for plugin in PLUGINS if plugin != "asset_fingerprints")]
    # the site fixture's build has the minifier first
    assert PLUGINS.index("minify_css") < PLUGINS.index("asset_fingerprints")
    assert ahead.index("asset_fingerprints") < ahead.index("minify_css")
    built = tmp_path / "output"
    status, log = pelican_run(ROOT / "content", built, settings_file(tmp_path, PLUGINS=ahead, SEARCH_ENABLED=False))
    assert status == 0, log
    assert tree(built / "theme") == tree(output / "theme")
    # the same pages link the same names (that build has no search pages)
    theme_links = {link for link in linked(output) if link[1].startswith("theme/") and (built / link[0]).is_file()}
    assert len(theme_links) > 150
    assert {link for link in linked(built) if link[1].startswith("theme/")} == theme_links


def test_without_the_plugin_pages_link_the_plain_names_and_none_other_is_written(tmp_path):
    built = tmp_path / "output"
    plugins = [plugin for plugin in PLUGINS if plugin != "asset_fingerprints"]
    status, log = pelican_run(ROOT / "content", built, settings_file(tmp_path, PLUGINS=plugins, SEARCH_ENABLED=False))
    assert status == 0, log
    assert not published_names(built)
    document = html(built / "en" / "index.html")
    assert document.select_one('link[rel="stylesheet"]')["href"] == "/theme/css/hub.css"
    assert document.select_one('link[rel="icon"]')["href"] == "/theme/favicon.svg"
    assert all((built / target).is_file() for _, target in linked(built))


@pytest.mark.parametrize("suffixes", [(".css", ".txt"), ".css"])
def test_only_kinds_the_headers_serve_as_immutable_may_be_fingerprinted(suffixes):
    with pytest.raises(FingerprintSettingsError, match="ASSET_FINGERPRINTS_SUFFIXES"):
        apply({"ASSET_FINGERPRINTS_SUFFIXES": suffixes})


def test_the_kinds_fingerprinted_can_be_narrowed(tmp_path):
    output = tmp_path / "output"
    fresh_build(output, ASSET_FINGERPRINTS_SUFFIXES=[".css"], SEARCH_ENABLED=False, CACHE_PATH=str(tmp_path / "cache"))
    assert set(published_names(output)) == {f"css/{path.name}" for path in (THEME_STATIC / "css").glob("*.css")}
    document = html(output / "en" / "index.html")
    assert is_fingerprinted(document.select_one('link[rel="stylesheet"]')["href"])
    assert document.select_one('link[rel="icon"]')["href"] == "/theme/favicon.svg"
