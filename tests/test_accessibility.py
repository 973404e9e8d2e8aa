"""Accessibility of the published build in Debian's Chromium: axe-core finds no violation on each kind of page in
every language, the keyboard alone reaches the language switcher and the share links with a visible focus, and a
tip is photographed at phone and desktop widths (build/screenshots/) for people to look at.
"""

import pytest
from pelican.settings import read_settings
from support import DEV_SETTINGS, ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# axe's default rules, plus WCAG 2.2's touch target size (off by default in axe; Lighthouse checks it)
AXE_OPTIONS = "{resultTypes: ['violations'], rules: {'target-size': {enabled: true}}}"
LANGUAGE_CODES = list(read_settings(str(DEV_SETTINGS))["LANGUAGES"])
AXE_PAGES = ["home", "tip", "freebie", "search", "contact"]
SCREENSHOTS = ROOT / "build" / "screenshots"
WIDTHS = {"phone": (390, 844), "desktop": (1280, 800)}
MAX_TABS = 200
SEARCH_DONE = "document.querySelector('[data-search-status]')?.textContent.trim()"


@pytest.fixture
def open_page(browser, served_published_site):
    """open_page(path, **context options): a fresh page of the served site, at `path`."""
    server, _, _ = served_published_site
    contexts = []

    def open_page(path, **options):
        context = browser.new_context(**options)
        contexts.append(context)
        page = context.new_page()
        response = page.goto(f"{server.origin}/{path}")
        assert response is not None and response.ok, f"/{path}: {response.status if response else 'no response'}"
        return page

    yield open_page
    for context in contexts:
        context.close()


def axe_violations(page):
    assert AXE.exists(), f"{AXE.relative_to(ROOT)} is missing: run `make test`, which installs it with npm ci"
    page.add_script_tag(path=str(AXE))
    return page.evaluate(f"axe.run(document, {AXE_OPTIONS}).then(results => results.violations)")


def describe(violations):
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} [{violation['helpUrl']}]")
        for node in violation["nodes"][:10]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {' > '.join(map(str, node['target']))}: {summary}")
    return "\n".join(lines)


@pytest.mark.parametrize("kind", AXE_PAGES)
@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_axe_finds_no_violation(open_page, served_pages, code, kind):
    path = served_pages[code][kind]
    page = open_page(path)
    if kind == "search":  # audit the results too, once the script has listed them
        page.wait_for_function(SEARCH_DONE, timeout=15_000)
    violations = axe_violations(page)
    assert not violations, f"/{path}: {len(violations)} axe violations\n{describe(violations)}"


@pytest.mark.parametrize("kind", ["home", "tip"])
@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_axe_finds_no_violation_on_a_phone_in_dark_mode(open_page, served_pages, code, kind):
    path = served_pages[code][kind]
    columns, rows = WIDTHS["phone"]
    page = open_page(path, color_scheme="dark", viewport={"width": columns, "height": rows}, is_mobile=True)
    violations = axe_violations(page)
    assert not violations, f"/{path} (phone, dark): {len(violations)} axe violations\n{describe(violations)}"


# What has the focus, and how it shows: an outline or a shadow on the element, or on an ancestor that draws one
# while something inside it has the focus (a card around its title link).
FOCUS = """() => {
  const element = document.activeElement;
  if (!element || element === document.body) return null;
  const transparent = (color) => color === 'transparent' || /rgba\\(.*,\\s*0\\)$/.test(color);
  const shows = (node) => {
    const style = getComputedStyle(node);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
      && !transparent(style.outlineColor);
    return outline || style.boxShadow !== 'none';
  };
  let indicator = null;
  for (let node = element; node && node !== document.body; node = node.parentElement) {
    if (shows(node)) { indicator = node; break; }
  }
  const box = element.getBoundingClientRect();
  return {
    key: element.__focusNumber ??= (window.__focusCount = (window.__focusCount || 0) + 1),
    text: element.textContent.trim().replace(/\\s+/g, ' ').slice(0, 60),
    switcher: element.matches('.switcher a'),
    share: element.matches('a.share__link'),
    indicator: indicator ? indicator.tagName.toLowerCase() + '.' + indicator.className : null,
    visible: box.width > 0 && box.height > 0,
  };
}"""


@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_the_keyboard_alone_reaches_the_switcher_and_share_links_with_a_visible_focus(
    open_page, served_pages, code
):
    path = served_pages[code]["tip"]
    page = open_page(path)
    switcher = page.locator(".switcher a").count()
    share = page.locator("a.share__link").count()
    assert switcher and share, f"/{path}: no switcher or share links to reach"
    reached, unseen = {"switcher": set(), "share": set()}, []
    seen = set()
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS)
        if focus is None or focus["key"] in seen:
            break  # back at the top of the page
        seen.add(focus["key"])
        if not (focus["indicator"] and focus["visible"]):
            unseen.append(focus["text"] or f"element {focus['key']}")
        for group in reached:
            if focus[group]:
                reached[group].add(focus["key"])
        if len(reached["switcher"]) == switcher and len(reached["share"]) == share:
            break
    assert len(reached["switcher"]) == switcher, f"/{path}: Tab reached {len(reached['switcher'])} of {switcher} languages"
    assert len(reached["share"]) == share, f"/{path}: Tab reached {len(reached['share'])} of {share} share links"
    assert not unseen, f"/{path}: no visible focus on {unseen}"


@pytest.mark.parametrize("width", list(WIDTHS))
@pytest.mark.parametrize("code", LANGUAGE_CODES)
def test_a_tip_fits_the_screen_and_is_photographed(open_page, served_pages, code, width):
    path = served_pages[code]["tip"]
    columns, rows = WIDTHS[width]
    page = open_page(path, viewport={"width": columns, "height": rows}, is_mobile=width == "phone")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"tip-{code}-{columns}.png", full_page=True)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"/{path} is {overflow}px wider than a {columns}px screen"
