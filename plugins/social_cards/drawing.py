"""Draw a social card: a tip's title, as large as it fits, above the site's brand.

Everything that changes the pixels goes through `fingerprint()`, so a cached
card is redrawn exactly when it would look different.
"""

import hashlib
import html
import io
import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import PIL
from PIL import Image, ImageDraw, ImageFont, features

from .glyphs import characters_of

WIDTH, HEIGHT = 1200, 630
# Change it whenever the drawing below changes: every cached card is then redrawn.
RENDERER_VERSION = 1

EDGE = 16  # the accent band along the left side
MARGIN = 80  # left and right, from the card's sides
TOP = 64
FOOTER_LINE = 498  # the hairline above the brand
FOOTER_MIDDLE = (FOOTER_LINE + HEIGHT) // 2
RULE = (96, 8)  # the short highlight rule above the title
RULE_GAP = 28
MARK_SIZE = 56
SITE_NAME_SIZES = range(36, 19, -2)
CAPTION_SIZE = 28

TITLE_SIZES = range(88, 43, -2)  # the largest that fits wins; 44 px still reads in a small preview
LINE_HEIGHT = 1.15
ELLIPSIS = "\u2026"


@dataclass(frozen=True)
class Box:
    left: int
    top: int
    right: int
    bottom: int

    def contains(self, other):
        return (
            self.left <= other.left and self.top <= other.top
            and other.right <= self.right and other.bottom <= self.bottom
        )


# Where the title may go: inside the margins, above the brand.
TITLE_AREA = Box(MARGIN, TOP + RULE[1] + RULE_GAP, WIDTH - MARGIN, FOOTER_LINE - 48)


@dataclass
class Layout:
    """Where the title went: its size, lines and their inked boxes, and whether it had to be shortened."""

    size: int
    lines: list
    boxes: list = field(default_factory=list)
    area: Box = TITLE_AREA
    shortened: bool = False


@dataclass
class Card:
    png: bytes
    layout: Layout


class Fonts:
    """The regular and bold faces, read once: every size, glyph check and hash comes from the same bytes."""

    def __init__(self, style):
        self.data = {}
        for face, path in (("regular", style.font), ("bold", style.bold_font)):
            with open(path, "rb") as font_file:
                self.data[face] = font_file.read()
        self.characters = {face: characters_of(data) for face, data in self.data.items()}
        self.digest = {face: hashlib.sha256(data).hexdigest() for face, data in self.data.items()}
        self.at = lru_cache(maxsize=None)(self._load)

    def _load(self, face, size):
        # the basic layout engine gives the same pixels whether or not libraqm is installed
        return ImageFont.truetype(io.BytesIO(self.data[face]), size, layout_engine=ImageFont.Layout.BASIC)


def plain_title(title):
    """The text of a title: no markup or entities, spaces collapsed (not no-break ones), accents composed."""
    text = html.unescape(re.sub(r"<[^>]*>", "", str(title)))
    return unicodedata.normalize("NFC", re.sub(r"[ \t\r\n]+", " ", text).strip())


def fingerprint(title, site_name, caption, style, fonts):
    """A hash of everything that decides a card's pixels."""
    inputs = {
        "renderer": RENDERER_VERSION,
        "size": [WIDTH, HEIGHT],
        "title": title,
        "site_name": site_name,
        "caption": caption,
        "style": {name: value for name, value in vars(style).items() if name not in ("font", "bold_font")},
        "fonts": fonts.digest,
        # another rasterizer may draw the same text a pixel differently
        "pillow": PIL.__version__,
        "freetype": features.version("freetype2"),
    }
    return hashlib.sha256(json.dumps(inputs, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


# --- the title -------------------------------------------------------------------------------------------


@lru_cache(maxsize=4096)  # wrapping measures the same words and lines many times over
def _ink(font, text):
    """How far the ink of `text` reaches left and right of where it starts."""
    left, _, right, _ = font.getbbox(text, anchor="ls") if text else (0, 0, 0, 0)
    return left, right


def _overhang(font, text):
    """How far the ink reaches left of where the text starts (a "J" does in Noto Sans)."""
    return max(0, -_ink(font, text)[0])


def _width(font, text):
    """The width of the ink of `text`, its overhang on the left included."""
    left, right = _ink(font, text)
    return right + max(0, -left)


def _block_height(font, lines):
    ascent, descent = font.getmetrics()
    return ascent + descent + round(font.size * LINE_HEIGHT) * (lines - 1)


def _wrap(words, font, width):
    """Lines made greedily, breaking at spaces only; None when a word alone is wider than `width`."""
    lines = []
    for word in words:
        if _width(font, word) > width:
            return None
        if lines and _width(font, f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def _balanced(words, font, width, count):
    """The same number of lines, as even as they go: no lonely last word under a full line."""
    narrowest = max(_width(font, word) for word in words)
    low, high = narrowest, width
    while low < high:
        middle = (low + high) // 2
        if len(_wrap(words, font, middle)) <= count:
            high = middle
        else:
            low = middle + 1
    return _wrap(words, font, low)


def fits(title, fonts, area=TITLE_AREA):
    """Whether the whole title fits `area` at the smallest size, unbroken (a quick check: no layout)."""
    font = fonts.at("bold", TITLE_SIZES[-1])
    lines = _wrap(title.split(" "), font, area.right - area.left)
    return lines is not None and _block_height(font, len(lines)) <= area.bottom - area.top


def fit_title(title, fonts, area=TITLE_AREA):
    """The largest size at which the whole title fits `area`, and its lines.

    A title that does not fit even at the smallest size is shortened at a word
    (ending in an ellipsis), and a word wider than a line is broken with a
    hyphen; the Layout says so, for the build to warn about it.
    """
    words = title.split(" ")
    width, height = area.right - area.left, area.bottom - area.top
    for size in TITLE_SIZES:
        font = fonts.at("bold", size)
        lines = _wrap(words, font, width)
        if lines is not None and _block_height(font, len(lines)) <= height:
            return Layout(size, _balanced(words, font, width, len(lines)), area=area)
    font = fonts.at("bold", TITLE_SIZES[-1])
    room = max(line for line in range(1, 100) if _block_height(font, line) <= height)
    pieces = [piece for word in words for piece in _break(word, font, width)]
    lines = _wrap(pieces, font, width)
    if len(lines) > room:
        lines = lines[: room - 1] + [_ellipsized(lines[room - 1], font, width)]
    return Layout(font.size, lines, area=area, shortened=True)


def _break(word, font, width):
    """A word too wide for a line, in pieces that fit, each but the last ending in a hyphen."""
    pieces = []
    while _width(font, word) > width:
        cut = max(cut for cut in range(1, len(word)) if cut == 1 or _width(font, word[:cut] + "-") <= width)
        pieces.append(word[:cut] + "-")
        word = word[cut:]
    return [*pieces, word]


def _ellipsized(line, font, width):
    """`line` with an ellipsis, dropping words from its end until both fit."""
    words = line.split(" ")
    while len(words) > 1 and _width(font, " ".join(words) + ELLIPSIS) > width:
        words.pop()
    text = " ".join(words)
    while len(text) > 1 and _width(font, text + ELLIPSIS) > width:
        text = text[:-1]
    return text + ELLIPSIS


# --- the card --------------------------------------------------------------------------------------------


def draw_card(title, *, site_name, caption, style, fonts):
    """The PNG of a card and where its title went. Same input, same bytes: PNGs carry no date."""
    image = Image.new("RGB", (WIDTH, HEIGHT), style.background)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, EDGE - 1, HEIGHT - 1), fill=style.accent)

    layout = fit_title(title, fonts)
    font = fonts.at("bold", layout.size)
    ascent, _ = font.getmetrics()
    step = round(layout.size * LINE_HEIGHT)
    # the rule and the title, centred together in the space above the brand
    group = RULE[1] + RULE_GAP + _block_height(font, len(layout.lines))
    top = TOP + (layout.area.bottom - TOP - group) // 2
    draw.rectangle((MARGIN, top, MARGIN + RULE[0] - 1, top + RULE[1] - 1), fill=style.highlight)
    baseline = top + RULE[1] + RULE_GAP + ascent
    for number, line in enumerate(layout.lines):
        origin = (MARGIN + _overhang(font, line), baseline + number * step)
        draw.text(origin, line, font=font, fill=style.foreground, anchor="ls")
        layout.boxes.append(Box(*draw.textbbox(origin, line, font=font, anchor="ls")))

    _draw_footer(image, draw, site_name, caption, style, fonts)
    output = io.BytesIO()
    image.save(output, format="PNG")
    return Card(output.getvalue(), layout)


def _draw_footer(image, draw, site_name, caption, style, fonts):
    hairline = _mix(style.background, style.muted, 0.22)
    draw.rectangle((MARGIN, FOOTER_LINE, WIDTH - MARGIN - 1, FOOTER_LINE + 1), fill=hairline)
    mark = brand_mark(MARK_SIZE, style.accent_soft, style.accent)
    image.paste(mark, (MARGIN, FOOTER_MIDDLE - MARK_SIZE // 2), mark)

    caption_font = fonts.at("regular", CAPTION_SIZE)
    if caption:
        draw.text((WIDTH - MARGIN, FOOTER_MIDDLE), caption, font=caption_font, fill=style.muted, anchor="rm")
    name_left = MARGIN + MARK_SIZE + 20
    room = WIDTH - MARGIN - name_left - (_width(caption_font, caption) + 40 if caption else 0)
    for size in SITE_NAME_SIZES:
        name_font = fonts.at("bold", size)
        if _width(name_font, site_name) <= room:
            break
    else:
        site_name = _ellipsized(site_name, name_font, room)
    draw.text((name_left, FOOTER_MIDDLE), site_name, font=name_font, fill=style.foreground, anchor="lm")


def _mix(one, other, amount):
    return tuple(round(a + (b - a) * amount) for a, b in zip(one, other))


# --- the brand mark: the gift box of theme/templates/base.html (viewBox 0 0 32 32) ------------------------

SUPERSAMPLE = 4  # shapes are drawn large and scaled down: Pillow does not smooth their edges


@lru_cache(maxsize=4)  # the same on every card
def brand_mark(size, fill, stroke):
    """The site's gift-box mark as an RGBA image of `size` pixels square."""
    scale = size * SUPERSAMPLE / 32
    line = round(2 * scale)
    canvas = Image.new("RGBA", (size * SUPERSAMPLE,) * 2, (0, 0, 0, 0))
    draw = ImageDraw.Draw(canvas)

    def at(x, y):
        return (x * scale, y * scale)

    for x, y, w, h in ((4, 13, 24, 15), (2, 8, 28, 6)):  # the box, then its lid over it
        # an SVG stroke straddles the outline; Pillow's is drawn inside it
        half = line / 2
        box = (x * scale - half, y * scale - half, (x + w) * scale + half, (y + h) * scale + half)
        draw.rounded_rectangle(box, radius=2 * scale + half, fill=fill, outline=stroke, width=line)
    draw.line((at(16, 8), at(16, 28)), fill=stroke, width=line)
    for side in (-1, 1):  # the bow's two loops
        loop = _bezier((16, 8), (16 + 3 * side, 3), (16 + 9 * side, 3), (16 + 8 * side, 7))
        loop += _bezier((16 + 8 * side, 7), (16 + 7 * side, 10), (16, 8), (16, 8))[1:]
        points = [at(x, y) for x, y in loop]
        draw.polygon(points, fill=fill)
        draw.line(points + points[:2], fill=stroke, width=line, joint="curve")
    return canvas.resize((size, size), Image.Resampling.LANCZOS)


def _bezier(start, control1, control2, end, steps=24):
    points = []
    for step in range(steps + 1):
        t = step / steps
        points.append(tuple(
            (1 - t) ** 3 * a + 3 * (1 - t) ** 2 * t * b + 3 * (1 - t) * t ** 2 * c + t ** 3 * d
            for a, b, c, d in zip(start, control1, control2, end)
        ))
    return points
