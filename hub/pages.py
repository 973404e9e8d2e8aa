"""Writing a page the plugins make themselves (listings, freebies) the way Pelican writes its own, and
knowing, from a written file's context, which page it was and whether readers may find it."""


def write_page(generator, writer, path, template, this_page, **variables):
    """Render `template` for `this_page` into `path` under the output folder."""
    writer.write_file(
        path,
        generator.get_template(template),
        generator.context,
        relative_urls=generator.settings["RELATIVE_URLS"],
        url=this_page.url,
        this_page=this_page,
        **variables,
    )


def written_page(context):
    """The tip, page or listing a written file shows, as base.html reads it; None for other files."""
    return context.get("this_page") or context.get("article") or context.get("page")


def is_public(page):
    """A page readers and search engines may find: published (listings always are), not behind a secret address."""
    if getattr(page, "private", False):
        return False
    return getattr(page, "status", "published") == "published"


def is_fallback(page):
    """A page in one language's frame showing another language's text, for want of a translation: readers
    reach it from the language switcher, but it has no text of its own to list, index or search."""
    return getattr(page, "fallback_of", None) is not None
