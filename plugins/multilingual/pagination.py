"""Split a listing into numbered pages with localized URLs."""

from dataclasses import dataclass
from math import ceil


@dataclass
class Pagination:
    number: int
    count: int  # how many pages in all
    items: list
    urls: list  # the URL of every page, first page first

    @property
    def previous_url(self):
        return self.urls[self.number - 2] if self.number > 1 else None

    @property
    def next_url(self):
        return self.urls[self.number] if self.number < self.count else None


def paginate(items, per_page, language, first_url):
    """One Pagination per page; an empty listing still has one page."""
    count = max(1, ceil(len(items) / per_page)) if per_page else 1
    per_page = per_page or max(1, len(items))
    urls = [language.paginated_url(first_url, number) for number in range(1, count + 1)]
    return [
        Pagination(number, count, items[(number - 1) * per_page : number * per_page], urls)
        for number in range(1, count + 1)
    ]
