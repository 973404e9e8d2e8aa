"""Freebies: checklists and templates given away on a landing page per language, free or after an e-mail sign-up."""

from .freebies import register

__all__ = ["register"]
