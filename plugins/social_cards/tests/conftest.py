"""What the tests of the social cards share: the default style, its fonts, and titles to draw."""

import pytest
from social_cards.drawing import Fonts
from social_cards.settings import style_from
from support import ROOT

THEME = str(ROOT / "theme")


@pytest.fixture(scope="module")
def style():
    return style_from({"THEME": THEME})


@pytest.fixture(scope="module")
def fonts(style):
    return Fonts(style)
