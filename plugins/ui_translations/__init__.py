"""Translate the theme's UI strings and format dates and numbers per page language."""

from .ui_translations import register

__all__ = ["register"]
