"""Social cards: a 1200×630 image per tip and language, its title and the site's brand, for link previews."""

from .social_cards import register

__all__ = ["register"]
