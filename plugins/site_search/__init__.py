"""Site search: a search page per language, and a Pagefind index of the public pages, one per language."""

from .site_search import register

__all__ = ["register"]
