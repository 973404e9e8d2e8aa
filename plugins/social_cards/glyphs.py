"""Which characters of a text a font cannot draw: Pillow would put the font's blank or box in their place."""

import io

from fontTools.ttLib import TTFont


def characters_of(font_data):
    """The code points a font (its file's bytes) maps to a glyph."""
    with TTFont(io.BytesIO(font_data), lazy=True) as font:
        return frozenset(font.getBestCmap() or {})


def missing_characters(text, characters):
    """The characters of `text` not among `characters`, each once, in the order they appear."""
    missing = []
    for character in text:
        if ord(character) not in characters and character not in missing:
            missing.append(character)
    return missing


def describe(characters):
    """'中' (U+4E2D), '☃' (U+2603): readable in a log line, even where the terminal lacks the glyph too."""
    return ", ".join(f"{character!r} (U+{ord(character):04X})" for character in characters)
