import logging
import os
import types

import pytest
import ui_translations.ui_translations as ui
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po
from jinja2 import Environment
from ui_translations.catalogs import catalog_paths, load_catalogs

from hub import theme_text
from hub.theme_text import ThemeText


def write_catalog(directory, code, translations):
    catalog = Catalog(locale=code)
    for english, translated in translations.items():
        catalog.add(english, translated)
    po_path, _ = catalog_paths(directory, code)
    po_path.parent.mkdir(parents=True, exist_ok=True)
    with po_path.open("wb") as file:
        write_po(file, catalog)
    return po_path


def test_a_catalog_without_mo_is_compiled(tmp_path):
    write_catalog(tmp_path, "fr", {"Tips": "Conseils"})
    catalogs = load_catalogs(tmp_path, ["en", "fr"], "en")
    assert catalog_paths(tmp_path, "fr")[1].exists()
    assert catalogs["fr"].ugettext("Tips") == "Conseils"
    assert catalogs["en"].ugettext("Tips") == "Tips"


def test_a_po_newer_than_its_mo_is_recompiled(tmp_path):
    write_catalog(tmp_path, "fr", {"Tips": "Conseils"})
    load_catalogs(tmp_path, ["fr"], "en")
    po_path = write_catalog(tmp_path, "fr", {"Tips": "Astuces"})
    mo_path = catalog_paths(tmp_path, "fr")[1]
    os.utime(mo_path, (1, 1))
    assert load_catalogs(tmp_path, ["fr"], "en")["fr"].ugettext("Tips") == "Astuces"
    assert mo_path.stat().st_mtime >= po_path.stat().st_mtime


def test_a_missing_catalog_warns_and_falls_back_to_the_source_strings(tmp_path, caplog):
    with caplog.at_level(logging.WARNING):
        catalogs = load_catalogs(tmp_path, ["en", "de"], "en")
    assert catalogs["de"].ugettext("Tips") == "Tips"
    assert "No UI catalog for 'de'" in caplog.text
    assert "make translations-init CODE=de" in caplog.text


def test_a_broken_catalog_names_its_file_and_line_and_leaves_its_language_in_english(tmp_path, caplog):
    po_path, _ = catalog_paths(tmp_path, "fr")
    po_path.parent.mkdir(parents=True)
    po_path.write_text('msgid "Tips"\nmsgstr "Conseils"\nConseils, not a keyword\n', encoding="utf-8")
    with caplog.at_level(logging.ERROR):
        catalogs = load_catalogs(tmp_path, ["fr"], "en")
    assert catalogs["fr"].ugettext("Tips") == "Tips"
    [error] = [record.getMessage() for record in caplog.records]
    assert "fr/LC_MESSAGES/messages.po:3: 'Conseils,' is not a keyword" in error
    assert "shown in English until it is fixed" in error


def test_one_environment_translates_each_page_into_its_own_language(tmp_path):
    write_catalog(tmp_path, "fr", {"Tips": "Conseils"})
    write_catalog(tmp_path, "pl", {"Tips": "Porady"})
    settings = {"UI_TRANSLATIONS_PATH": str(tmp_path), "LANGUAGES": {"en": {}, "fr": {}, "pl": {}}, "DEFAULT_LANG": "en"}
    ui.load(types.SimpleNamespace(settings=settings))
    generator = types.SimpleNamespace(env=Environment(autoescape=True, extensions=[ThemeText]))
    template = generator.env.from_string("{{ _('Tips') }} {{ when|localdate }}")
    import datetime

    when = datetime.date(2026, 6, 2)
    for lang, expected in [("en", "Tips June 2, 2026"), ("fr", "Conseils 2 juin 2026"), ("pl", "Porady 2 czerwca 2026")]:
        page = types.SimpleNamespace(lang=lang)
        assert template.render(article=page, when=when) == expected


TEMPLATES = [
    "{{ _('Tips') }}",
    "{{ _('100%% free') }} {{ _('<em>Tips</em> & more') }}",
    "{{ _('Hello %(name)s', name='<b>Ana</b>') }} {{ _('Say %(message)s', message='hi') }}",
    "{% trans %}Tips{% endtrans %} {% trans name='<i>' %}Hello {{ name }}{% endtrans %}",
    "{% trans count=n %}{{ count }} tip{% pluralize %}{{ count }} tips{% endtrans %}",
    "{{ ngettext('%(num)s tip', '%(num)s tips', n) }} {{ gettext('Tips') }}",
    "{{ pgettext('button', 'Search') }} {{ npgettext('button', '%(num)s tip', '%(num)s tips', n, context='x') }}",
]


@pytest.mark.parametrize("autoescape", [True, False])
@pytest.mark.parametrize("source", TEMPLATES)
def test_translations_are_formatted_as_by_jinjas_own_newstyle_gettext(tmp_path, source, autoescape):
    catalog = Catalog(locale="fr")
    catalog.add("Tips", "Conseils")
    catalog.add("100%% free", "100 %% gratuit")
    catalog.add("<em>Tips</em> & more", "<em>Conseils</em> & plus")
    catalog.add("Hello %(name)s", "Bonjour %(name)s")
    catalog.add("Say %(message)s", "Dites %(message)s")
    catalog.add(("%(count)s tip", "%(count)s tips"), ("%(count)s conseil", "%(count)s conseils"))
    catalog.add(("%(num)s tip", "%(num)s tips"), ("%(num)s conseil", "%(num)s conseils"))
    catalog.add(("%(num)s tip", "%(num)s tips"), ("%(num)s bouton", "%(num)s boutons"), context="button")
    catalog.add("Search", "Chercher", context="button")
    po_path, _ = catalog_paths(tmp_path, "fr")
    po_path.parent.mkdir(parents=True)
    with po_path.open("wb") as file:
        write_po(file, catalog)
    settings = {"UI_TRANSLATIONS_PATH": str(tmp_path), "LANGUAGES": {"en": {}, "fr": {}}, "DEFAULT_LANG": "en"}
    ui.load(types.SimpleNamespace(settings=settings))
    french = theme_text._catalogs["fr"]
    generator = types.SimpleNamespace(env=Environment(autoescape=autoescape, extensions=[ThemeText]))
    jinjas = Environment(autoescape=autoescape, extensions=["jinja2.ext.i18n"])
    jinjas.policies["ext.i18n.trimmed"] = True
    jinjas.install_gettext_callables(
        french.ugettext, french.ungettext, newstyle=True, pgettext=french.upgettext, npgettext=french.unpgettext
    )
    page = types.SimpleNamespace(lang="fr")
    for n in (1, 2):
        ours = generator.env.from_string(source).render(article=page, n=n)
        assert ours == jinjas.from_string(source).render(n=n)
        assert any(french in ours.lower() for french in ("conseil", "chercher", "bonjour", "gratuit")), ours
