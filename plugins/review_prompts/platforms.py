"""Where each review platform takes a reader who wants to write a review."""

from dataclasses import dataclass
from urllib.parse import quote, urlencode, urlsplit


class ReviewConfigError(ValueError):
    """A REVIEW_PLATFORMS entry that cannot become a link."""


@dataclass(frozen=True)
class ReviewLink:
    platform: str
    name: str
    href: str


def _require(entry, field, where):
    value = str(entry.get(field) or "").strip()
    if not value:
        raise ReviewConfigError(f"{where}: the {entry['platform']!r} platform needs {field!r}")
    return value


def google(entry, where):
    # the "write a review" form of a Google Business Profile, from its place id
    place_id = _require(entry, "place_id", where)
    return "Google", "https://search.google.com/local/writereview?" + urlencode({"placeid": place_id}, quote_via=quote)


def trustpilot(entry, where):
    domain = _require(entry, "domain", where)
    return "Trustpilot", f"https://www.trustpilot.com/evaluate/{quote(domain, safe='.-')}"


def facebook(entry, where):
    page = _require(entry, "page", where)
    return "Facebook", f"https://www.facebook.com/{quote(page, safe='.-_')}/reviews"


def custom(entry, where):
    # any other platform (Ceneo, Opineo, Tripadvisor…): a name and the URL of its review page
    name = _require(entry, "name", where)
    url = _require(entry, "url", where)
    if urlsplit(url).scheme not in ("https", "http"):
        raise ReviewConfigError(f"{where}: the review URL of {name!r} must start with https://")
    return name, url


PLATFORMS = {"google": google, "trustpilot": trustpilot, "facebook": facebook, "custom": custom}


def review_link(entry, where):
    platform = entry.get("platform")
    if platform not in PLATFORMS:
        raise ReviewConfigError(f"{where}: unknown platform {platform!r}; choose from {sorted(PLATFORMS)}")
    name, href = PLATFORMS[platform](entry, where)
    return ReviewLink(platform, entry.get("name") or name, href)
