"""E-mail sign-up forms that post straight to the owner's newsletter provider."""

from .newsletter import register

__all__ = ["register"]
