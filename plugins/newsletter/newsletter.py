"""Give the theme `signup_form(lang)`, built once per language when the build starts."""

from jinja2 import pass_context
from pelican import signals

from hub.languages import language_codes
from hub.signup_forms import signup_form

DEFAULTS = {
    # {"provider": "buttondown" | "mailchimp" | "kit" | "brevo" | "listmonk" | "generic", ...}; empty: no form
    "NEWSLETTER": {},
}


def configure(pelican):
    for name, value in DEFAULTS.items():
        pelican.settings.setdefault(name, value)
    # built here, so a bad setting stops the build at the start with its name
    config = pelican.settings["NEWSLETTER"]
    pelican.settings["NEWSLETTER_FORMS"] = {lang: signup_form(config, lang) for lang in language_codes(pelican.settings)}


@pass_context
def signup_form_for(context, lang):
    """The sign-up form for a page in `lang`, or None when there is no provider."""
    return (context.get("NEWSLETTER_FORMS") or {}).get(lang)


def install(generator):
    generator.env.globals["signup_form"] = signup_form_for


def register():
    signals.initialized.connect(configure)
    signals.generator_init.connect(install)
