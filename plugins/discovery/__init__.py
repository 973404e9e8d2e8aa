"""Help search engines and link previews find every public page: sitemap, robots.txt, Open Graph and JSON-LD."""

from .discovery import register

__all__ = ["register"]
