"""Events: customer appreciation evenings, workshops and draws, with a page each, a listing and calendar files
per language."""

from .events import register

__all__ = ["register"]
