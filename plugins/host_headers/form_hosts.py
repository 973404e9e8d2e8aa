"""Where the site's forms may post: the providers the owner configured, not whatever a page's HTML names, so a
form slipped into a tip cannot open the policy to another host."""

from urllib.parse import urlsplit

from hub.languages import language_codes
from hub.signup_forms import ProviderConfigError, signup_form


def _origin(url):
    parts = urlsplit(str(url or ""))
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") and parts.netloc else None


def _signup_configs(settings):
    """Every sign-up form configuration: the newsletter's, and each freebie's and event's change to it."""
    newsletter = settings.get("NEWSLETTER") or {}
    if newsletter:
        yield newsletter
    for name in ("FREEBIE_SIGNUP", "EVENT_SIGNUP"):
        for per_language in (settings.get(name) or {}).values():
            for override in (per_language or {}).values():
                yield {**newsletter, **override}


def configured_form_origins(settings):
    """scheme://host of each form endpoint configured in the settings, sorted."""
    origins = set()
    for config in _signup_configs(settings):
        for lang in language_codes(settings):
            try:
                form = signup_form(config, lang)
            except ProviderConfigError:
                continue  # the plugin owning that form reports it
            if form is not None:
                origins.add(_origin(form.action))
    story_form = (settings.get("STORIES") or {}).get("form") or {}
    origins.add(_origin(story_form.get("action")))
    return sorted(origins - {None})
