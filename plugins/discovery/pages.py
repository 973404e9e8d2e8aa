"""Which written pages are public, and what a sitemap or a preview says about them."""

from dataclasses import dataclass, field
from urllib.parse import quote

# Characters a URL may keep as they are; anything else (ł, é, spaces) is percent-encoded.
_URL_SAFE = "/:@!$&'()*+,;=-._~%?#"


def absolute(site_url, url):
    """The address of a page given its URL relative to SITEURL."""
    return f"{site_url}/{quote(url, safe=_URL_SAFE)}"


def last_modified(page, listed=()):
    """When a page last changed: its own dates, or for a listing the newest of the tips it lists."""
    dates = [getattr(page, "modified", None) or getattr(page, "date", None)]
    dates += [getattr(tip, "modified", None) or getattr(tip, "date", None) for tip in listed]
    dates = [date for date in dates if date is not None]
    return max(dates).replace(microsecond=0) if dates else None


@dataclass(frozen=True)
class SitemapEntry:
    url: str  # relative to SITEURL
    alternates: tuple = field(default=())  # ((hreflang, url), ...), x-default included
    lastmod: object = None

    @classmethod
    def of(cls, page, listed=()):
        alternates = [(language.code, url) for language, url in getattr(page, "alternates", [])]
        if len(alternates) > 1:
            alternates.append(("x-default", page.x_default))
        else:
            alternates = []  # a page in one language has no alternates to announce
        return cls(page.url, tuple(alternates), last_modified(page, listed))
