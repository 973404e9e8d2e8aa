"""The theme's files as Pelican copies them into the output, and the fingerprinted name of each, from its bytes
as published."""

from pathlib import Path

from hub.asset_transforms import published_bytes
from hub.assets import fingerprinted_name, is_fingerprinted


def theme_files(settings):
    """{path under the output's theme folder: source file}, as Pelican's static generator copies
    THEME_STATIC_PATHS: a folder's contents, a file by its name."""
    theme = Path(settings["THEME"])
    found = {}
    for static in settings.get("THEME_STATIC_PATHS", ["static"]):
        source = theme / static
        if source.is_dir():
            for path in sorted(source.rglob("*")):
                if path.is_file():
                    found[path.relative_to(source).as_posix()] = path
        elif source.is_file():
            found[source.name] = source
    return found


def fingerprinted_files(settings):
    """{path under the theme folder: (its fingerprinted path, the bytes published under it)}, for the files of
    the kinds ASSET_FINGERPRINTS_SUFFIXES names; a file already named by a hash is left as it is."""
    fingerprinted = {}
    for path, source in theme_files(settings).items():
        if not path.endswith(settings["ASSET_FINGERPRINTS_SUFFIXES"]) or is_fingerprinted(path):
            continue
        data = published_bytes(settings, path, source.read_bytes())
        fingerprinted[path] = (fingerprinted_name(path, data), data)
    return fingerprinted
