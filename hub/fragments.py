"""Render once what many pages of a build repeat: a tip's card shows on every listing that lists the tip.

In a template: `{% call remembered("tip card", tip.source_path, level, ui_language()) %}…{% endcall %}`.
The key must name everything the block's output depends on. What is remembered belongs to the Jinja
environment that rendered it, which is a generator's, so a later build, with generators of its own,
never shows an edit stale. The theme gets `remembered` from JINJA_GLOBALS in pelicanconf.py.
"""

from weakref import WeakKeyDictionary

from jinja2 import pass_environment

_remembered = WeakKeyDictionary()  # Jinja environment -> {key: fragment}


@pass_environment
def remembered(environment, *key, caller):
    """The output of the call block, rendered the first time `key` is seen in this environment."""
    fragments = _remembered.setdefault(environment, {})
    try:
        return fragments[key]
    except KeyError:
        fragment = fragments[key] = caller()
        return fragment


def forget():
    """Render every block again: for a page rendered anew with an earlier build's generators (the dev server)."""
    _remembered.clear()
