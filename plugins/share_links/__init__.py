"""“Tell a friend” links: share a page by e-mail or on the networks the owner picks, per language."""

from .share_links import register

__all__ = ["register"]
