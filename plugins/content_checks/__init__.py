"""Content checks: `make check` lists every problem with its file and line; builds show them as warnings."""

from .content_checks import register

__all__ = ["register"]
