"""Render once what many pages of a build repeat: a tip's card shows on every listing that lists the tip.

In a template: `{% call remembered("tip card", tip.source_path, level, ui_language()) %}…{% endcall %}`.
The key must name everything the block's output depends on. What is remembered lasts one flush of
the writer, in the process that renders its pages, so an edit is never shown stale by a later build.
"""

_remembered = {}


def remembered(*key, caller):
    """The output of the call block, rendered the first time `key` is seen."""
    try:
        return _remembered[key]
    except KeyError:
        fragment = _remembered[key] = caller()
        return fragment


def forget():
    _remembered.clear()
