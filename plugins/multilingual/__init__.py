"""Build every language of the site in one Pelican run."""

from .multilingual import register

__all__ = ["register"]
