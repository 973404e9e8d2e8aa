"""Minify the built site's stylesheets: readers download less, the theme keeps its comments and layout."""

from .minify_css import register

__all__ = ["register"]
