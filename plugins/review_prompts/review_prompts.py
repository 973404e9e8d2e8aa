"""Turn REVIEW_PLATFORMS into the review links of each language, for the theme."""

from jinja2 import pass_context
from pelican import signals

from .platforms import review_link

DEFAULTS = {
    # language code -> review platforms, "*" for every other language; empty: no prompt at all
    "REVIEW_PLATFORMS": {},
}


def links_by_language(setting):
    return {
        lang: [review_link(entry, f"REVIEW_PLATFORMS[{lang!r}][{index}]") for index, entry in enumerate(entries)]
        for lang, entries in setting.items()
    }


def configure(pelican):
    for name, value in DEFAULTS.items():
        pelican.settings.setdefault(name, value)
    pelican.settings["REVIEW_LINKS"] = links_by_language(pelican.settings["REVIEW_PLATFORMS"])


@pass_context
def review_links(context, lang):
    """The review links for a page in `lang`; an empty list when none are configured."""
    links = context.get("REVIEW_LINKS") or {}
    return links.get(lang, links.get("*", []))


def install(generator):
    generator.env.globals["review_links"] = review_links


def register():
    signals.initialized.connect(configure)
    signals.generator_init.connect(install)
