"""The shape of each provider's embeddable sign-up form: where it posts and the fields it expects.

Shapes follow each provider's own embed code: Buttondown's embed-subscribe
endpoint, Mailchimp's list-manage form (with its b_<u>_<id> honeypot), Kit's
form subscriptions URL, Brevo's sibforms form (OPT_IN consent field), and
listmonk's public /subscription/form (list UUIDs in `l`, `nonce` honeypot).
"""

from dataclasses import dataclass, field, replace
from urllib.parse import parse_qs, quote, urlsplit

LOCAL_HOSTS = ("localhost", "127.0.0.1", "::1")


class ProviderConfigError(ValueError):
    """NEWSLETTER is missing something its provider needs."""


@dataclass(frozen=True)
class SignupForm:
    provider: str
    action: str
    email_field: str
    hidden: list = field(default_factory=list)  # [(name, value)], a name may repeat
    honeypot: str = ""  # a field people never see and bots fill in
    consent_field: str = ""  # the provider's own consent field, sent when ticked
    consent_value: str = "1"


def _need(config, key):
    value = config.get(key)
    if not value:
        raise ProviderConfigError(f"NEWSLETTER: the {config['provider']!r} provider needs {key!r}")
    return value


def _https_url(config, key, host_suffix=""):
    url = str(_need(config, key))
    parts = urlsplit(url)
    if parts.scheme == "http" and parts.hostname in LOCAL_HOSTS and not host_suffix:
        return url  # a provider's stand-in on this machine, for tests and previews
    if parts.scheme != "https" or not parts.netloc.endswith(host_suffix):
        where = f" on {host_suffix}" if host_suffix else ""
        raise ProviderConfigError(f"NEWSLETTER[{key!r}]: expected an https:// URL{where}, got {url!r}")
    return url


def buttondown(config, lang):
    username = quote(str(_need(config, "username")), safe="")
    hidden = [("embed", "1")]
    if config.get("tag"):  # Buttondown tags the subscriber (and creates the tag if need be)
        hidden.append(("tag", str(config["tag"])))
    return SignupForm("buttondown", f"https://buttondown.com/api/emails/embed-subscribe/{username}", "email", hidden)


def mailchimp(config, lang):
    # the owner pastes the form action of their audience's embedded form
    action = _https_url(config, "action", ".list-manage.com")
    query = parse_qs(urlsplit(action).query)
    if not (query.get("u") and query.get("id")):
        raise ProviderConfigError("NEWSLETTER['action']: a Mailchimp form action has u=… and id=… in it")
    return SignupForm("mailchimp", action, "EMAIL", honeypot=f"b_{query['u'][0]}_{query['id'][0]}")


def kit(config, lang):
    form_id = quote(str(_need(config, "form_id")), safe="")
    return SignupForm("kit", f"https://app.kit.com/forms/{form_id}/subscriptions", "email_address")


def brevo(config, lang):
    action = _https_url(config, "action", ".sibforms.com")
    return SignupForm(
        "brevo", action, "EMAIL", [("locale", lang)], honeypot="email_address_check", consent_field="OPT_IN"
    )


def listmonk(config, lang):
    root = _https_url(config, "url").rstrip("/")
    lists = config.get("lists")
    if isinstance(lists, dict):  # one list per language
        lists = lists.get(lang) or lists.get("*")
    if not lists:
        raise ProviderConfigError("NEWSLETTER: the 'listmonk' provider needs 'lists' (list UUIDs)")
    if isinstance(lists, str):
        lists = [lists]
    return SignupForm("listmonk", f"{root}/subscription/form", "email", [("l", uuid) for uuid in lists], honeypot="nonce")


def generic(config, lang):
    action = _https_url(config, "action")
    return SignupForm(
        "generic",
        action,
        config.get("email_field", "email"),
        [],
        honeypot=config.get("honeypot", ""),
        consent_field=config.get("consent_field", ""),
        consent_value=str(config.get("consent_value", "1")),
    )


PROVIDERS = {
    "buttondown": buttondown,
    "mailchimp": mailchimp,
    "kit": kit,
    "brevo": brevo,
    "listmonk": listmonk,
    "generic": generic,
}


def signup_form(config, lang):
    """The form of the configured provider for a page in `lang`, or None if there is no provider."""
    if not config:
        return None
    provider = config.get("provider")
    if provider not in PROVIDERS:
        raise ProviderConfigError(f"NEWSLETTER['provider']: {provider!r} is not one of {sorted(PROVIDERS)}")
    form = PROVIDERS[provider](config, lang)
    # any provider: extra hidden fields, e.g. Mailchimp's `tags`; "{lang}" becomes the page's language
    extra = [(str(name), str(value).format(lang=lang)) for name, value in (config.get("hidden") or {}).items()]
    return replace(form, hidden=form.hidden + extra) if extra else form
