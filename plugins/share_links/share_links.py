"""Offer the theme a `share_links()` function that knows the networks of each page's language."""

from jinja2 import pass_context
from pelican import signals

from .networks import NETWORKS, share_links

DEFAULTS = {
    # language code -> networks, "*" for every other language; a plain list for all
    "SHARE_NETWORKS": {"*": ["email", "whatsapp", "facebook", "linkedin", "x", "telegram"]},
}


class ShareConfigError(ValueError):
    """SHARE_NETWORKS names a network the plugin does not know."""


def networks_by_language(setting):
    if isinstance(setting, (list, tuple)):
        setting = {"*": setting}
    for lang, networks in setting.items():
        unknown = [network for network in networks if network not in NETWORKS]
        if unknown:
            raise ShareConfigError(
                f"SHARE_NETWORKS[{lang!r}]: unknown network(s) {unknown}; choose from {sorted(NETWORKS)}"
            )
    return {lang: list(networks) for lang, networks in setting.items()}


def configure(pelican):
    for name, value in DEFAULTS.items():
        pelican.settings.setdefault(name, value)
    pelican.settings["SHARE_NETWORKS"] = networks_by_language(pelican.settings["SHARE_NETWORKS"])


@pass_context
def share_links_for_page(context, lang, url, title, subject, body):
    """The share links of a page in `lang`; none when the owner configured none."""
    setting = context["SHARE_NETWORKS"]
    networks = setting.get(lang, setting.get("*", []))
    # plain strings: text the template marked safe is not HTML here, and Markup's methods would escape
    return share_links(networks, str(url), str(title), str(subject), str(body))


def install(generator):
    generator.env.globals["share_links"] = share_links_for_page


def register():
    signals.initialized.connect(configure)
    signals.generator_init.connect(install)
