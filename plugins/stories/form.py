"""The form of the invitation page, shaped from STORIES: where it posts, the names of its fields, its hidden
fields and honeypot, and the address of the mailto: link that works without any endpoint."""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from hub.signup_forms import LOCAL_HOSTS

from .settings import FORM_FIELDS


class StoriesConfigError(ValueError):
    """STORIES or STORY_POLICY holds something the plugin cannot use."""


@dataclass(frozen=True)
class StoryForm:
    action: str  # "" when there is no endpoint: the mailto: link alone
    fields: dict  # meaning -> the name the endpoint expects
    hidden: list = field(default_factory=list)  # [(name, value)]
    honeypot: str = ""  # a field people never see and bots fill in
    email: str = ""  # the address of the mailto: link


def story_form(config, lang):
    """The StoryForm of STORIES for a page in `lang`, or None when there is neither an endpoint nor an address."""
    form = config.get("form") or {}
    email = str(config.get("email") or "").strip()
    if email and ("@" not in email or any(c in email for c in " <>?&")):
        raise StoriesConfigError(f"STORIES['email']: {email!r} is not an e-mail address")
    if not form and not email:
        return None
    action = ""
    if form:
        action = str(form.get("action") or "")
        parts = urlsplit(action)
        local = parts.scheme == "http" and parts.hostname in LOCAL_HOSTS  # a stand-in on this machine
        if not (parts.scheme == "https" and parts.netloc) and not local:
            raise StoriesConfigError(f"STORIES['form']['action']: expected the https:// URL your form endpoint "
                                     f"gives, got {action!r}")
    names = form.get("fields") or {}
    unknown = set(names) - set(FORM_FIELDS)
    if unknown:
        raise StoriesConfigError(f"STORIES['form']['fields']: unknown field(s) {sorted(unknown)}; "
                                 f"the form sends {sorted(FORM_FIELDS)}")
    hidden = [(str(name), str(value).format(lang=lang)) for name, value in (form.get("hidden") or {}).items()]
    return StoryForm(action, {**FORM_FIELDS, **names}, hidden, str(form.get("honeypot") or ""), email)

