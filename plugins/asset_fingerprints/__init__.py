"""Fingerprinted names for the theme's files: each one published a second time as name.<hash>.ext, and every
page linking that name, so a browser may keep it for a year and still never show a stale one."""

from .asset_fingerprints import register

__all__ = ["register"]
