"""Draw a social card: a tip's title, as large as it fits, above the site's brand.

Everything that changes the pixels goes through `fingerprint()`, so a cached
card is redrawn exactly when it would look different.
"""

import hashlib
import io
import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import PIL
from PIL import Image, ImageDraw, ImageFont, features

from .glyphs import characters_of
from .png import palette_png
from .typesetting import Typeface, has_kern_table, keep

WIDTH, HEIGHT = 1200, 630
# Change it whenever the drawing below changes: every cached card is then redrawn.
RENDERER_VERSION = 6

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
    """The regular and bold faces, read once: every size, glyph check and hash comes from the same bytes.
    `at(face, size)` is the Typeface that measures and draws text in that face at that size."""

    def __init__(self, style):
        self.data = {}
        for face, path in (("regular", style.font), ("bold", style.bold_font)):
            with open(path, "rb") as font_file:
                self.data[face] = font_file.read()
        self.characters = {face: characters_of(data) for face, data in self.data.items()}
        self.digest = {face: hashlib.sha256(data).hexdigest() for face, data in self.data.items()}
        self.at = lru_cache(maxsize=None)(self._load)

    def _load(self, face, size):
        """The Typeface of `face` at `size`: the one of any Fonts read from the same file before."""
        key = (self.digest[face], size)
        typeface = TYPEFACES.get(key)
        if typeface is None:
            data = self.data[face]
            # the basic layout engine gives the same pixels whether or not libraqm is installed
            font = ImageFont.truetype(io.BytesIO(data), size, layout_engine=ImageFont.Layout.BASIC)
            typeface = Typeface(font, kerned=has_kern_table(data))
            keep(TYPEFACES, key, typeface, TYPEFACES_KEPT)
        return typeface


# Each font file's typefaces and the glyphs they loaded, for the whole process: every build of a dev
# server's session reads the fonts into new Fonts, and draws with the glyphs loaded already.
TYPEFACES = {}  # (font file's sha256, size) -> Typeface
# every size a card may use, of the fonts in use and of those before a change of SOCIAL_CARDS' fonts
TYPEFACES_KEPT = 2 * (len(TITLE_SIZES) + len(SITE_NAME_SIZES) + 1)


def plain_title(title):
    """A title as a card shows it: the text the page's heading shows (a title is text, never markup), with
    spaces collapsed (not no-break ones) and accents composed."""
    return unicodedata.normalize("NFC", re.sub(r"[ \t\r\n]+", " ", str(title)).strip())


@lru_cache(maxsize=16384)  # asked twice a card in a build: when its drawing starts, and when it is placed
def fingerprint(title, site_name, caption, style, fonts):
    """A hash of everything that decides a card's pixels."""
    inputs = {"look": _look(style, fonts), "title": title, "site_name": site_name, "caption": caption}
    return hashlib.sha256(json.dumps(inputs, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


@lru_cache(maxsize=8)
def _look(style, fonts):
    """A hash of what decides the pixels of every card alike, worked out once rather than for each card."""
    inputs = {
        "renderer": RENDERER_VERSION,
        "size": [WIDTH, HEIGHT],
        "style": {name: value for name, value in vars(style).items() if name not in ("font", "bold_font")},
        "fonts": fonts.digest,
        # another rasterizer may draw the same text a pixel differently
        "pillow": PIL.__version__,
        "freetype": features.version("freetype2"),
    }
    return hashlib.sha256(json.dumps(inputs, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


# --- the title -------------------------------------------------------------------------------------------


def _placed(font, text, anchor, origin):
    left, top, right, bottom = font.bbox(text, anchor)
    return Box(origin[0] + left, origin[1] + top, origin[0] + right, origin[1] + bottom)


def _ink(font, text):
    """How far the ink of `text` reaches left and right of where it starts."""
    left, _, right, _ = font.bbox(text)
    return left, right


def _overhang(font, text):
    """How far the ink reaches left of where the text starts (a "J" does in Noto Sans)."""
    return max(0, -_ink(font, text)[0])


def _width(font, text):
    """The width of the ink of `text`, its overhang on the left included."""
    left, right = _ink(font, text)
    return right + max(0, -left)


def _block_height(font, lines):
    return font.ascent + font.descent + round(font.size * LINE_HEIGHT) * (lines - 1)


def _room(font, height):
    """How many lines of `font` fit `height`."""
    ascent, descent = font.ascent, font.descent
    if ascent + descent > height:
        return 0
    return 1 + (height - ascent - descent) // round(font.size * LINE_HEIGHT)


def _wrap(words, font, width, most=None):
    """Lines made greedily, breaking at spaces only; None when a word alone is wider than `width`,
    or as soon as there would be more than `most` lines."""
    lines = []
    for word in words:
        if _width(font, word) > width:
            return None
        if lines and _width(font, f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        elif most is not None and len(lines) == most:
            return None  # the rest of the title need not be measured at a size it cannot fit
        else:
            lines.append(word)
    return lines


def _lines_within(words, font, area):
    """The greedy lines of `words` in `font` if they fit `area`, else None."""
    return _wrap(words, font, area.right - area.left, most=_room(font, area.bottom - area.top))


def _balanced(words, font, width, count):
    """The same number of lines, as even as they go: no lonely last word under a full line."""
    # a search for the narrowest width giving `count` lines; greedy lines stay the same from the width of
    # their widest line up to that of the narrowest line with the next one's first word: it jumps to those
    low, high = max(_width(font, word) for word in words), width
    while low < high:
        lines = _wrap(words, font, (low + high) // 2)
        if len(lines) <= count:
            high = max(low, *(_width(font, line) for line in lines))
        else:
            low = min(_width(font, f"{line} {below.split(' ')[0]}") for line, below in zip(lines, lines[1:]))
    return _wrap(words, font, low)


def fits(title, fonts, area=TITLE_AREA):
    """Whether the whole title fits `area` at the smallest size, unbroken (a quick check: no layout)."""
    return _lines_within(title.split(" "), fonts.at("bold", TITLE_SIZES[-1]), area) is not None


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
        lines = _lines_within(words, font, area)
        if lines is not None:
            return Layout(size, _balanced(words, font, width, len(lines)), area=area)
    font = fonts.at("bold", TITLE_SIZES[-1])
    room = _room(font, height)
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


RAMP = 32  # shades from the background to a text colour, both included
MARK_CORNER = (MARGIN, FOOTER_MIDDLE - MARK_SIZE // 2)
_INKED = [0] + [255] * 255  # any coverage at all: the text's pixel replaces what is under it


@dataclass
class Plan:
    """What a card shows and where, whatever draws it."""

    layout: Layout
    rectangles: list  # (box, colour)
    blocks: list  # (colour, texts): texts of one colour drawn together, each (origin, text, font, anchor)


def plan_card(title, site_name, caption, style, fonts):
    """Where the title, the rule, the footer and their colours go; the title's lines fill `layout.boxes`."""
    layout, rule, lines = _plan_title(title, style, fonts)
    edge, hairline = _frame(style)
    blocks = [(style.foreground, lines), *_footer(site_name, caption, style, fonts)]
    return Plan(layout, [edge, rule, hairline], blocks)


def _plan_title(title, style, fonts):
    """The title's layout, the rule above it and the title's lines: what changes from card to card."""
    layout = fit_title(title, fonts)
    font = fonts.at("bold", layout.size)
    ascent = font.ascent
    step = round(layout.size * LINE_HEIGHT)
    # the rule and the title, centred together in the space above the brand
    group = RULE[1] + RULE_GAP + _block_height(font, len(layout.lines))
    top = TOP + (layout.area.bottom - TOP - group) // 2
    baseline = top + RULE[1] + RULE_GAP + ascent
    lines = []
    for number, line in enumerate(layout.lines):
        origin = (MARGIN + _overhang(font, line), baseline + number * step)
        lines.append((origin, line, font, "ls"))
        layout.boxes.append(_placed(font, line, "ls", origin))
    rule = ((MARGIN, top, MARGIN + RULE[0] - 1, top + RULE[1] - 1), style.highlight)
    return layout, rule, lines


def _frame(style):
    """The accent band down the left side and the hairline above the brand."""
    return [
        ((0, 0, EDGE - 1, HEIGHT - 1), style.accent),
        ((MARGIN, FOOTER_LINE, WIDTH - MARGIN - 1, FOOTER_LINE + 1), _hairline(style)),
    ]


def _footer(site_name, caption, style, fonts):
    blocks = []
    caption_font = fonts.at("regular", CAPTION_SIZE)
    if caption:
        blocks.append((style.muted, [((WIDTH - MARGIN, FOOTER_MIDDLE), caption, caption_font, "rm")]))
    name_left = MARGIN + MARK_SIZE + 20
    room = WIDTH - MARGIN - name_left - (_width(caption_font, caption) + 40 if caption else 0)
    for size in SITE_NAME_SIZES:
        name_font = fonts.at("bold", size)
        if _width(name_font, site_name) <= room:
            break
    else:
        site_name = _ellipsized(site_name, name_font, room)
    if site_name:
        blocks.append((style.foreground, [((name_left, FOOTER_MIDDLE), site_name, name_font, "lm")]))
    return blocks


def _hairline(style):
    return _mix(style.background, style.muted, 0.22)


def _mix(one, other, amount):
    return tuple(round(a + (b - a) * amount) for a, b in zip(one, other))


def draw_card(title, *, site_name, caption, style, fonts):
    """The PNG of a card and where its title went. Same input, same bytes: PNGs carry no date."""
    layout, (rule, colour), lines = _plan_title(title, style, fonts)
    palette = _palette(style)
    card = _background(site_name, caption, style, fonts).copy()
    ImageDraw.Draw(card).rectangle(rule, fill=palette.flat[colour])
    _paste_text(card, lines, palette.ramps[style.foreground])
    return Card(palette_png(card, palette.colours), layout)


@lru_cache(maxsize=16)  # the same on every card of a site name, caption (one a language) and style
def _background(site_name, caption, style, fonts):
    """Everything but the rule and the title, drawn once, as palette indices: the rule and title overlap
    none of it, so drawn over it later they give the same pixels as drawn in the plan's order."""
    palette = _palette(style)
    # palette indices, drawn as an "L" image: Pillow would draw text on a "P" one without smoothing it
    image = Image.new("L", (WIDTH, HEIGHT), 0)
    draw = ImageDraw.Draw(image)
    for box, colour in _frame(style):
        draw.rectangle(box, fill=palette.flat[colour])
    image.paste(palette.mark, MARK_CORNER, palette.mark_mask)
    for colour, texts in _footer(site_name, caption, style, fonts):
        _paste_text(image, texts, palette.ramps[colour])
    return image


def _paste_text(image, texts, ramp):
    """Texts of one colour, their coverage drawn together (overlapping ink adds up as on an RGB card)."""
    boxes = [_placed(font, text, anchor, origin) for origin, text, font, anchor in texts]
    left, top = min(box.left for box in boxes), min(box.top for box in boxes)
    right, bottom = max(box.right for box in boxes), max(box.bottom for box in boxes)
    if right <= left or bottom <= top:
        return
    coverage = Image.new("L", (right - left, bottom - top), 0)
    for (x, y), text, font, anchor in texts:
        font.draw(coverage, (x - left, y - top), text, anchor)
    box = (left, top, right, bottom)
    # on plain background (entry 0, where every ramp starts) the shades alone are the pixels: no mask to make
    mask = coverage.point(_INKED) if image.crop(box).getbbox() else None
    image.paste(coverage.point(ramp), box, mask)


@dataclass
class _Palette:
    colours: bytes  # RGB, entry after entry
    ramps: dict  # text colour -> the index of each coverage 0-255 over the background
    flat: dict  # rectangle colour -> its index
    mark: Image.Image  # the brand mark on the background, as indices
    mark_mask: Image.Image


@lru_cache(maxsize=4)  # the same on every card of a style
def _palette(style):
    """The background, a ramp to each text colour, the flat colours, then the brand mark's own colours."""
    colours = [style.background]
    ramps = {}
    for ink in (style.foreground, style.muted):
        if ink in ramps:
            continue
        first = len(colours)  # the ramp's step 0 is the background, entry 0
        colours += [_mix(style.background, ink, step / (RAMP - 1)) for step in range(1, RAMP)]
        steps = (round(coverage * (RAMP - 1) / 255) for coverage in range(256))
        ramps[ink] = [first + step - 1 if step else 0 for step in steps]
    flat = {}
    for colour in (style.accent, style.highlight, _hairline(style)):
        if colour not in flat:
            flat[colour] = len(colours)
            colours.append(colour)

    rgba = brand_mark(MARK_SIZE, style.accent_soft, style.accent)
    mark = Image.new("RGB", rgba.size, style.background)
    mark.paste(rgba, (0, 0), rgba)
    quantized = mark.quantize(256 - len(colours), method=Image.Quantize.MAXCOVERAGE)
    first = len(colours)
    own = quantized.getpalette()
    colours += [tuple(own[at:at + 3]) for at in range(0, len(own), 3)]
    indices = Image.frombytes("L", quantized.size, quantized.tobytes())
    indices = indices.point([min(first + index, 255) for index in range(256)])  # after the entries above
    data = bytes(value for colour in colours for value in colour)
    return _Palette(data, ramps, flat, indices, rgba.getchannel("A").point(_INKED))


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
