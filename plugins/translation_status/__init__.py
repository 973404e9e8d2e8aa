"""Translation status: which translations are behind their source, a notice for their readers, and commands."""

from .plugin import register

__all__ = ["register"]
