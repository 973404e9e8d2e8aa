"""Translations are linked by file name, or by Translation_Key when the names differ."""

from support import build, html

TIP = """Title: {title}
Date: 2026-06-02 09:00
Category: {category}
{extra}
{title}.
"""


def write(folder, name, **fields):
    fields.setdefault("extra", "")
    (folder / name).write_text(TIP.format(**fields), encoding="utf-8")


def test_files_are_linked_by_name_or_by_translation_key(tmp_path):
    tips = tmp_path / "content" / "tips"
    (tips / "sub").mkdir(parents=True)
    write(tips, "welcome-gift.en.md", title="A welcome gift", category="Giving first")
    write(tips / "sub", "welcome-gift.fr.md", title="Un cadeau de bienvenue", category="Donner")
    write(tips, "reviews.en.md", title="Ask for reviews", category="Reviews")
    write(tips, "avis-clients.fr.md", title="Demandez des avis", category="Avis", extra="Translation_Key: reviews\n")
    output = tmp_path / "output"
    build(output, PATH=str(tmp_path / "content"), STATIC_PATHS=[])

    gift = html(output / "en" / "tips" / "a-welcome-gift" / "index.html")
    assert gift.select_one('link[hreflang="fr"]')["href"] == "/fr/conseils/un-cadeau-de-bienvenue/"
    reviews = html(output / "fr" / "conseils" / "demandez-des-avis" / "index.html")
    assert reviews.select_one('link[hreflang="en"]')["href"] == "/en/tips/ask-for-reviews/"
    assert reviews.select_one('.switcher a[hreflang="en"]')["href"] == "/en/tips/ask-for-reviews/"
    # neither French tip falls back: both have their English version
    assert not gift.select(".switcher__fallback[hreflang=fr]")
