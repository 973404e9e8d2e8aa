"""Text measured and drawn as Pillow's basic layout sets it, from glyphs loaded once.

Pillow asks FreeType for every glyph of a text again on each getbbox, getlength and render (render loads
each one three times), and a card measures dozens of candidate lines at several sizes. A Typeface loads
each character once: its advance, its box and its coverage. Measured on 4000 cards of the benchmark corpus
(scripts/bench/cards.py), Pillow's own getbbox (each text measured once) and ImageDraw.text take 0.9 ms a
card more: 3.6-3.8 CPU-s, 18-20 % of a clean build of 1000 tips in four languages (about 19.5 CPU-s); built
so, that build took 4.7 CPU-s more. It sets text as the basic layout does:

- glyph i starts PIXEL(P_i) pixels right of the text's origin, P_i being the sum of the advances before it
  in 26.6 fixed point; so drawing a text is drawing each character alone, shifted. Coverage adds up as in
  Pillow, c + (255 - c) * glyph / 255, glyph after glyph: on an empty image, the same bytes as Pillow's;
  over ink already there, where two glyphs overlap, a level apart at most (Pillow sums the line's glyphs
  first, then adds the line);
- only a font with a legacy `kern` table is kerned (FreeType's FT_HAS_KERNING): Pillow then moves a
  glyph by what it adds for the pair before it, measured here once per pair;
- a text's box is the union of its glyphs' boxes, each with its pen line as getbbox gives it for the
  character alone: Pillow's box exactly when advances are whole pixels (they are, hinted), and at most a
  pixel wider on the right otherwise; every drawn glyph lies inside it.
"""

import io
from typing import NamedTuple

from fontTools.ttLib import TTFont
from PIL import Image, ImageDraw

GLYPHS_KEPT = 2048  # characters measured, per typeface: a few hundred bytes each
INKS_KEPT = 512  # characters' coverage, per typeface drawn: a few KB each at the largest title size
RUNS_KEPT = 512  # texts measured: a title's candidate lines, and the words they grow from


def pixel(position):
    """A 26.6 fixed-point position rounded to a whole pixel, as FreeType and Pillow round it."""
    return (position + 32) >> 6


def has_kern_table(font_data):
    """Whether a font (its file's bytes) has a legacy `kern` table: the only kerning the basic layout does."""
    with TTFont(io.BytesIO(font_data), lazy=True) as font:
        return "kern" in font


class Typeface:
    """A font at one size: text measured and drawn from its glyphs, each loaded from FreeType once."""

    def __init__(self, font, kerned):
        self.font = font  # a Pillow FreeTypeFont with the basic layout
        self.size = font.size
        self.ascent, self.descent = font.getmetrics()
        self.kerned = kerned
        self._glyphs = {}  # character -> (advance in 26.6, left, top, right, bottom from the pen)
        self._inks = {}  # character -> (its coverage cropped to its ink, where that is from the pen), or None
        self._kerning = {}  # (character, next character) -> what Pillow adds to the first's advance
        self._runs = {}  # text -> Run
        self._anchors = {"s": 0}  # the second letter of an anchor -> its height below the baseline

    def bbox(self, text, anchor="ls"):
        """The box of `text` drawn from `anchor` at (0, 0): what Pillow's getbbox gives."""
        if not text:
            return (0, 0, 0, 0)
        run = self._run(text)
        if anchor == "ls":  # the pen's start on the baseline: what wrapping measures, many times over
            return run[2:]
        x, y = self._anchored(run, anchor)
        return (run.left - x, run.top - y, run.right - x, run.bottom - y)

    def draw(self, image, xy, text, anchor="ls"):
        """Draw `text` on an "L" image of coverage, full coverage being 255, as ImageDraw.text does with
        fill=255 at a whole-pixel `xy` (but for a level where glyphs overlap over other ink)."""
        if not text:
            return
        x, y = self._anchored(self._run(text), anchor)
        x, y = xy[0] - x, xy[1] - y
        position, previous = 0, ""
        for character in text:
            if self.kerned:
                position += self._kern(previous, character)
            ink = self._ink(character)
            if ink is not None:
                mask, left, top = ink
                left += x + pixel(position)
                top += y
                image.paste(255, (left, top, left + mask.width, top + mask.height), mask)
            position += self._glyph(character)[0]
            previous = character

    def _glyph(self, character):
        glyph = self._glyphs.get(character)
        if glyph is None:
            advance = round(self.font.getlength(character) * 64)
            glyph = (advance, *self.font.getbbox(character, anchor="ls"))
            keep(self._glyphs, character, glyph, GLYPHS_KEPT)
        return glyph

    def _kern(self, previous, character):
        """What the basic layout adds to `previous`'s advance when `character` follows it, in 26.6."""
        if not previous:
            return 0
        pair = (previous, character)
        kerning = self._kerning.get(pair)
        if kerning is None:
            together = round(self.font.getlength(previous + character) * 64)
            kerning = together - self._glyph(previous)[0] - self._glyph(character)[0]
            keep(self._kerning, pair, kerning, GLYPHS_KEPT)
        return kerning

    def _run(self, text):
        run = self._runs.get(text)
        if run is None:
            # wrapping grows a line a word at a time: go on from the line without its last word
            head, space, _ = text.rpartition(" ")
            start = self._runs.get(head) if space else None
            run = self._extended(start, text[len(head):]) if start else self._extended(EMPTY, text)
            keep(self._runs, text, run, RUNS_KEPT)
        return run

    def _extended(self, run, text):
        """`run` with `text` set after it."""
        position, previous, left, top, right, bottom = run
        kerned, glyphs = self.kerned, self._glyphs
        for character in text:
            if kerned:
                position += self._kern(previous, character)
            advance, glyph_left, glyph_top, glyph_right, glyph_bottom = (
                glyphs.get(character) or self._glyph(character)
            )
            x = (position + 32) >> 6
            left = min(left, x + glyph_left)
            right = max(right, x + glyph_right)
            top = min(top, glyph_top)
            bottom = max(bottom, glyph_bottom)
            position += advance
            previous = character
        # the pen line's end: with fractional advances, each glyph's own, rounded alone, may fall short of it
        return Run(position, previous, left, top, max(right, pixel(position)), bottom)

    def _ink(self, character):
        ink = self._inks.get(character, False)
        if ink is False:
            left, top, right, bottom = self._glyph(character)[1:]
            ink = None
            if right > left and bottom > top:
                # the character alone as ImageDraw.text draws it, its box's corner at the image's
                image = Image.new("L", (right - left, bottom - top), 0)
                ImageDraw.Draw(image).text((-left, -top), character, font=self.font, fill=255, anchor="ls")
                inked = image.getbbox()
                if inked:  # a space has none: nothing to draw
                    ink = (image.crop(inked), left + inked[0], top + inked[1])
            keep(self._inks, character, ink, INKS_KEPT)
        return ink

    def _anchored(self, run, anchor):
        """Where the point drawn at the origin is, from the start of the text's baseline (Pillow's anchors
        for horizontal text)."""
        across, down = anchor
        if across == "l":
            x = 0
        elif across == "m":
            x = pixel(int(run.advance / 2))  # C's division: toward zero
        elif across == "r":
            x = pixel(run.advance)
        else:
            raise ValueError(f"bad anchor specified: {anchor}")
        if down == "t":
            return x, run.top
        if down == "b":
            return x, run.bottom
        y = self._anchors.get(down)
        if y is None:
            # the font's ascender and descender in 26.6 are not to be had from Pillow: measure once
            y = self.font.getbbox("x", anchor="ls")[1] - self.font.getbbox("x", anchor="l" + down)[1]
            self._anchors[down] = y
        return x, y


class Run(NamedTuple):
    """A text set from its origin: where the pen ends (26.6), its last character, and its box."""

    advance: int
    last: str
    left: int
    top: int
    right: int
    bottom: int


EMPTY = Run(0, "", 0, 0, 0, 0)  # the pen's start, on the baseline: in every box, as in Pillow's


def keep(cache, key, value, most):
    """Put `value` in `cache`, forgetting the oldest entry when it holds `most` already."""
    if len(cache) >= most:
        del cache[next(iter(cache))]
    cache[key] = value
