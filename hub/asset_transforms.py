"""What the build does to the theme's files on their way to the output (the stylesheets' minifying), as
functions a plugin registers in the settings: another plugin can then know a file's bytes as published before
they are written, whichever of the two runs first.

A transform must be idempotent (given its own output, it gives the same bytes), since the plugin that
registers it may also rewrite files already written through it.
"""

SETTING = "ASSET_TRANSFORMS"  # {suffix: {name: function from bytes to bytes}}


def add_transform(settings, suffix, name, transform):
    """Register `transform` for every published file whose name ends in `suffix` (".css")."""
    settings.setdefault(SETTING, {}).setdefault(suffix, {})[name] = transform


def published_bytes(settings, path, data):
    """The bytes of a file named `path` as the build publishes `data`: every transform registered for its
    suffix, in the order of their names, so the order of PLUGINS changes nothing."""
    for suffix, transforms in sorted(settings.get(SETTING, {}).items()):
        if path.endswith(suffix):
            for _, transform in sorted(transforms.items()):
                data = transform(data)
    return data
