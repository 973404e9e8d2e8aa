"""Customers' stories: an invitation to send one, a wall per language, the latest on the home page and on the
tips they tell of, each with its dates and the note on how stories are published."""

from .stories import register

__all__ = ["register"]
