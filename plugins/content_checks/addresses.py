"""Where a writer's file is written: a slug that makes a URL of its own, never a listing's, never set by hand."""

import functools
import os

from pelican.utils import slugify

from hub.problems import Problem
from hub.urls import is_url_word, reserved_slugs

# metadata Pelican reads as where a page goes: the hub gives every page its place from its language and slug
PLACING_FIELDS = {"save_as": "Save_as", "url": "URL"}


def slug_of(source, settings):
    """The slug Pelican gives the file: its Slug, or its title made into one."""
    return source.value("slug") or _slugified(source.value("title"), settings, "SLUG_REGEX_SUBSTITUTIONS")


def _slugified(text, settings, substitutions):
    """`text` made into a slug as Pelican makes it (for a category or tag, with their own substitutions if set)."""
    regex_subs = settings.get(substitutions, settings.get("SLUG_REGEX_SUBSTITUTIONS")) or []
    return _slug(
        text,
        tuple(map(tuple, regex_subs)),
        settings.get("SLUGIFY_PRESERVE_CASE", False),
        settings.get("SLUGIFY_USE_UNICODE", False),
    )


# the same few categories and tags are made into slugs for every tip: a third of the checks' time at 1000 tips
@functools.lru_cache(maxsize=4096)
def _slug(text, regex_subs, preserve_case, use_unicode):
    return slugify(text, regex_subs=regex_subs, preserve_case=preserve_case, use_unicode=use_unicode)


def theme_templates(settings):
    """The names a `Template:` line may give: the theme's templates (and their overrides), without `.html`."""
    folders = [*settings.get("THEME_TEMPLATES_OVERRIDES", []), os.path.join(settings["THEME"], "templates")]
    names = set()
    for folder in folders:
        for directory, _, files in os.walk(folder):
            for name in files:
                stem, extension = os.path.splitext(os.path.relpath(os.path.join(directory, name), folder))
                if extension in settings.get("TEMPLATE_EXTENSIONS", [".html"]):
                    names.add(stem.replace(os.sep, "/"))
    return names


def check_address(kind, source, language, settings, templates):
    """The problems that keep a file from having a page of its own; each leaves the file out of the build."""
    found = []

    def refuse(field, message):
        found.append(Problem(source.path, source.line_of(field) or 1, message, leaves_out=True))

    for field, label in PLACING_FIELDS.items():
        if field in source:
            refuse(field, f"{label} sets where the page is written, which the hub does from its language "
                          "and Slug: remove this line (to change the address, change Slug)")
    template = source.value("template")
    if template and template not in templates:
        refuse("template", f"Template {template!r} is not a template of the theme: use one of "
                           f"{', '.join(sorted(name for name in templates if not name.startswith('_')))}, or remove the line")

    own, slug = source.value("slug"), slug_of(source, settings)
    if own and not is_url_word(own):
        refuse("slug", f"Slug {own!r} cannot be a folder of a URL: use letters, digits, '-' and '_' only")
    elif not slug and source.value("title"):
        refuse("title", f"the title {source.value('title')!r} has no letter or digit to make its address from: "
                        "add a `Slug: …` line with words")
    if language is not None and slug in reserved_slugs(kind, language):
        refuse("slug" if own else "title", f"the slug {slug!r} is where the site lists its own pages in "
                                           f"{language.code}: give this {kind} another Slug")

    if kind == "tip":
        category = source.value("category")
        if category and not _slugified(category, settings, "CATEGORY_REGEX_SUBSTITUTIONS"):
            refuse("category", f"the category {category!r} has no letter or digit to make its address from: "
                               "name it with a word")
        for tag in _tags(source.value("tags")):
            if not _slugified(tag, settings, "TAG_REGEX_SUBSTITUTIONS"):
                refuse("tags", f"the tag {tag!r} has no letter or digit to make its address from: use a word, "
                               "or remove it")
    return found


def _tags(value):
    # as Pelican splits a metadata list: on ";" when there is one, else on ","
    separator = ";" if ";" in value else ","
    return [tag.strip() for tag in value.split(separator) if tag.strip()]
