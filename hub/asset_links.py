"""The theme's links to its own files: `{{ SITEURL }}/{{ asset('css/hub.css') }}`.

The asset_fingerprints plugin puts the fingerprinted name of each file in the settings (NAMES_SETTING); without
it, a link names the file as Pelican copies it, `theme/css/hub.css`.
"""

from jinja2 import pass_context

NAMES_SETTING = "ASSET_NAMES"  # path under the theme's static folder -> its fingerprinted path there


def asset_path(settings, path):
    """The address of the theme's file `path` (as under theme/static/), relative to SITEURL."""
    names = settings.get(NAMES_SETTING) or {}
    return f"{settings.get('THEME_STATIC_DIR', 'theme')}/{names.get(path, path)}"


@pass_context
def asset(context, path):
    return asset_path(context, path)
