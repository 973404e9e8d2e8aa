"""Share URLs of each network, built from a page's URL and title.

Every value is percent-encoded as UTF-8 with spaces as %20 (never +), which is
what RFC 6068 requires for mailto: and what every network's share page decodes.
"""

from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote


@dataclass(frozen=True)
class ShareLink:
    network: str
    label: str
    href: str


def _query(**params):
    return "&".join(f"{name}={_quoted(value)}" for name, value in params.items())


@lru_cache(maxsize=256)  # a page's URL and title go into the links of several networks
def _quoted(value):
    return quote(value, safe="")


def email(url, title, subject, body):
    # RFC 6068: line breaks in a mailto: body are written as %0D%0A
    body = body.replace("\r\n", "\n").replace("\n", "\r\n")
    return "mailto:?" + _query(subject=subject, body=body)


def whatsapp(url, title, subject, body):
    return "https://wa.me/?" + _query(text=f"{title} {url}")


def facebook(url, title, subject, body):
    return "https://www.facebook.com/sharer/sharer.php?" + _query(u=url)


def linkedin(url, title, subject, body):
    return "https://www.linkedin.com/sharing/share-offsite/?" + _query(url=url)


def x(url, title, subject, body):
    return "https://x.com/intent/tweet?" + _query(text=title, url=url)


def telegram(url, title, subject, body):
    return "https://t.me/share/url?" + _query(url=url, text=title)


# network -> (label, URL builder); brand names are not translated, and the
# e-mail link, which has no brand, is labelled by the theme in the page's language
NETWORKS = {
    "email": (None, email),
    "whatsapp": ("WhatsApp", whatsapp),
    "facebook": ("Facebook", facebook),
    "linkedin": ("LinkedIn", linkedin),
    "x": ("X", x),
    "telegram": ("Telegram", telegram),
}


def share_links(networks, url, title, subject, body):
    links = []
    for network in networks:
        label, build = NETWORKS[network]
        links.append(ShareLink(network, label, build(url, title, subject, body)))
    return links
