"""A content's URL and output path, worked out once.

Pelican formats `url` and `save_as` from the URL settings every time a template
asks, and a site's listings ask for each tip's URL many times over. Once every
file is read and linked, neither changes, so each content object keeps the
values it has then.
"""

from functools import cache


def fix_urls(contents):
    for content in contents:
        fixed = {"url": content.url, "save_as": content.save_as}
        content.__class__ = _with_fixed_urls(type(content))
        content.fixed_urls = fixed


@cache
def _with_fixed_urls(cls):
    return type(cls.__name__, (cls,), {
        "__module__": cls.__module__,
        "url": property(lambda self: self.fixed_urls["url"]),
        "save_as": property(lambda self: self.fixed_urls["save_as"]),
    })
