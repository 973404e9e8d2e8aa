"""Translate the theme's UI strings: the gettext catalogs of translations/, one per language of the site."""

from .ui_translations import register

__all__ = ["register"]
