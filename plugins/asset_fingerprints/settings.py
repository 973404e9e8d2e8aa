"""The asset fingerprints plugin's settings and their defaults, in one place."""

from hub.assets import FINGERPRINTED_SUFFIXES

DEFAULTS = {
    # the kinds of the theme's files that get a fingerprinted name (any of hub.assets' suffixes, which the
    # host's headers serve as immutable); the theme's other files keep their one name
    "ASSET_FINGERPRINTS_SUFFIXES": FINGERPRINTED_SUFFIXES,
}


class FingerprintSettingsError(ValueError):
    """A setting of the plugin holds a value it cannot use."""


def apply(settings):
    for name, value in DEFAULTS.items():
        settings.setdefault(name, value)
    suffixes = settings["ASSET_FINGERPRINTS_SUFFIXES"]
    if isinstance(suffixes, str) or not all(suffix in FINGERPRINTED_SUFFIXES for suffix in suffixes):
        raise FingerprintSettingsError(
            f"ASSET_FINGERPRINTS_SUFFIXES is {suffixes!r}: list some of {', '.join(FINGERPRINTED_SUFFIXES)} "
            "(the host's headers serve no other kind as immutable)"
        )
    settings["ASSET_FINGERPRINTS_SUFFIXES"] = tuple(suffixes)
