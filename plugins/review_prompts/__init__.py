"""Review prompts: invite every reader alike to review the business on the platforms of their country."""

from .review_prompts import register

__all__ = ["register"]
