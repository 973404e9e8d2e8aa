"""The fingerprinted names of hub.assets, and the published bytes of hub.asset_transforms."""

import hashlib

import pytest

from hub.asset_links import asset_path
from hub.asset_transforms import add_transform, published_bytes
from hub.assets import FINGERPRINTED_SUFFIXES, HASH_LENGTH, fingerprinted_name, is_fingerprinted


@pytest.mark.parametrize("suffix", FINGERPRINTED_SUFFIXES)
def test_every_kind_fingerprinted_is_known_to_be_named_by_its_content(suffix):
    name = fingerprinted_name(f"css/sheet{suffix}", b"bytes")
    assert name == f"css/sheet.{hashlib.sha256(b'bytes').hexdigest()[:HASH_LENGTH]}{suffix}"
    assert is_fingerprinted(f"theme/{name}") and not is_fingerprinted(f"theme/css/sheet{suffix}")


def test_a_name_follows_the_bytes():
    assert fingerprinted_name("a.js", b"x") == fingerprinted_name("a.js", b"x") != fingerprinted_name("a.js", b"y")
    assert fingerprinted_name("js/a.min.js", b"x").startswith("js/a.min.")


@pytest.mark.parametrize("path", ["Makefile", ".hidden", "css/"])
def test_a_name_without_a_suffix_is_refused(path):
    with pytest.raises(ValueError, match="no suffix"):
        fingerprinted_name(path, b"x")


def test_transforms_apply_to_their_suffix_in_the_order_of_their_names_whoever_registered_first():
    first, second = {}, {}
    upper, exclaim = bytes.upper, lambda data: data + b"!"
    add_transform(first, ".css", "b-exclaim", exclaim)
    add_transform(first, ".css", "a-upper", upper)
    add_transform(second, ".css", "a-upper", upper)
    add_transform(second, ".css", "b-exclaim", exclaim)
    for settings in (first, second):
        assert published_bytes(settings, "css/hub.css", b"a{}") == b"A{}!"
        assert published_bytes(settings, "js/share.js", b"a{}") == b"a{}"


def test_without_fingerprints_a_link_names_the_file_as_pelican_copies_it():
    assert asset_path({"THEME_STATIC_DIR": "theme"}, "css/hub.css") == "theme/css/hub.css"
    names = {"ASSET_NAMES": {"css/hub.css": "css/hub.0123456789abcdef.css"}, "THEME_STATIC_DIR": "static"}
    assert asset_path(names, "css/hub.css") == "static/css/hub.0123456789abcdef.css"
