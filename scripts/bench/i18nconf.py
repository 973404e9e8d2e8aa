"""Stock Pelican with the i18n_subsites plugin for the benchmark: one sub-site per extra language.

The main site is English; fr, pl and fi are built as sub-sites under /fr/, /pl/ and /fi/ by the plugin
(pip install pelican-i18n-subsites), with the default theme. Everything else is as in stockconf.py.
"""

import os
import sys

sys.path.append(os.path.dirname(os.path.abspath(__file__)))
from stockconf import *  # noqa: E402,F403

PLUGINS = ["pelican.plugins.i18n_subsites"]
I18N_SUBSITES = {"fr": {}, "pl": {}, "fi": {}}
JINJA_ENVIRONMENT = {"extensions": ["jinja2.ext.i18n"]}

# Each (sub-)site writes its own feed, in its own language.
FEED_ALL_ATOM = "feeds/all.atom.xml"
TRANSLATION_FEED_ATOM = None

# The hub's UI catalogs (compiled by `make translations`): each sub-site installs its language's catalog
# into the templates, as the plugin's documentation describes.
I18N_GETTEXT_LOCALEDIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "translations")
