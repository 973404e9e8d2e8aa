"""The build reads and copies only files inside the content folder, links followed."""

from .content_boundary import register

__all__ = ["register"]
