"""Give the theme `signup_form(lang)`, checked once when the build starts."""

from jinja2 import pass_context
from pelican import signals

from .providers import signup_form

DEFAULTS = {
    # {"provider": "buttondown" | "mailchimp" | "kit" | "brevo" | "listmonk" | "generic", ...}; empty: no form
    "NEWSLETTER": {},
}


def configure(pelican):
    for name, value in DEFAULTS.items():
        pelican.settings.setdefault(name, value)
    # fail at the start, with the setting named, rather than halfway through rendering
    for lang in pelican.settings.get("LANGUAGES") or [pelican.settings["DEFAULT_LANG"]]:
        signup_form(pelican.settings["NEWSLETTER"], lang)


@pass_context
def signup_form_for(context, lang):
    return signup_form(context.get("NEWSLETTER"), lang)


def install(generator):
    generator.env.globals["signup_form"] = signup_form_for


def register():
    signals.initialized.connect(configure)
    signals.generator_init.connect(install)
