"""The hub's own library: what several plugins, `make check` and the scripts share.

Plugins import from here, never from each other, so any plugin can be listed in any order or left out.
`pelicanconf.py` puts the project folder on the import path before Pelican loads a plugin.
"""
