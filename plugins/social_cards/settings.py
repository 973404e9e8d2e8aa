"""The social cards' settings and their defaults, in one place.

pelicanconf.py changes any of them in one dict, e.g.
SOCIAL_CARDS = {"accent": "#7a2e8f", "bold_font": "fonts/MyFont-Bold.ttf"}
"""

import os
from dataclasses import dataclass

from PIL import ImageColor, ImageFont

# The hub's light palette (theme/static/css/hub.css): cards are seen on other sites, never in dark mode.
DEFAULTS = {
    "background": "#fbf8f3",  # --paper
    "foreground": "#1c2430",  # --ink: the title and the site's name
    "muted": "#4a5463",  # --ink-soft: the language's name
    "accent": "#0f5f59",  # --accent: the edge and the brand mark's outline
    "accent_soft": "#e3f1ee",  # --accent-soft: inside the brand mark
    "highlight": "#b3471b",  # --warm: the short rule above the title
    # None: the theme's fonts/NotoSans-*.ttf; a relative path starts from where Pelican runs
    "font": None,
    "bold_font": None,
}

COLOURS = ("background", "foreground", "muted", "accent", "accent_soft", "highlight")
FONTS = ("font", "bold_font")
THEME_FONTS = {"font": "NotoSans-Regular.ttf", "bold_font": "NotoSans-Bold.ttf"}


class SocialCardsConfigError(ValueError):
    """SOCIAL_CARDS in the settings cannot be used to draw cards."""


@dataclass(frozen=True)
class Style:
    """What a card looks like: colours as RGB tuples, fonts as absolute paths."""

    background: tuple
    foreground: tuple
    muted: tuple
    accent: tuple
    accent_soft: tuple
    highlight: tuple
    font: str
    bold_font: str


def style_from(settings):
    """The Style that SOCIAL_CARDS asks for, or SocialCardsConfigError saying what to change."""
    setting = settings.get("SOCIAL_CARDS") or {}
    if not isinstance(setting, dict):
        raise SocialCardsConfigError(
            f"SOCIAL_CARDS must be a dict such as {{'accent': '#0f5f59'}}, not {type(setting).__name__}"
        )
    unknown = sorted(set(setting) - set(DEFAULTS))
    if unknown:
        raise SocialCardsConfigError(
            f"SOCIAL_CARDS: unknown key(s) {unknown}; the keys it can set are {sorted(DEFAULTS)}"
        )
    chosen = {**DEFAULTS, **setting}
    values = {name: _colour(name, chosen[name]) for name in COLOURS}
    for name in FONTS:
        values[name] = _font(name, chosen[name], settings["THEME"])
    return Style(**values)


def _colour(name, value):
    try:
        return ImageColor.getrgb(value)[:3]
    except (ValueError, AttributeError, TypeError):
        raise SocialCardsConfigError(
            f"SOCIAL_CARDS[{name!r}]: {value!r} is not a colour; use '#rrggbb' or a CSS colour name"
        ) from None


def _font(name, value, theme):
    path = os.path.abspath(value if value else os.path.join(theme, "fonts", THEME_FONTS[name]))
    if not os.path.isfile(path):
        advice = "give the path of a .ttf or .otf file" + (
            ", or leave it out to use the theme's Noto Sans" if value else ""
        )
        raise SocialCardsConfigError(f"SOCIAL_CARDS[{name!r}]: there is no font file at {path}; {advice}")
    try:
        ImageFont.truetype(path, 12)
    except OSError:
        raise SocialCardsConfigError(
            f"SOCIAL_CARDS[{name!r}]: {path} is not a font Pillow can read; give a .ttf or .otf file"
        ) from None
    return path
