import logging
import os
import types

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import write_po
from jinja2 import Environment

import ui_translations.ui_translations as ui
from ui_translations.catalogs import CatalogError, catalog_paths, load_catalogs


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


def test_a_broken_catalog_names_its_file(tmp_path):
    po_path, _ = catalog_paths(tmp_path, "fr")
    po_path.parent.mkdir(parents=True)
    po_path.write_text('msgid "Tips"\nmsgstr "Conseils"\nConseils, not a keyword\n', encoding="utf-8")
    with pytest.raises(CatalogError, match=r"fr/LC_MESSAGES/messages.po: cannot be read"):
        load_catalogs(tmp_path, ["fr"], "en")


def test_one_environment_translates_each_page_into_its_own_language(tmp_path):
    write_catalog(tmp_path, "fr", {"Tips": "Conseils"})
    write_catalog(tmp_path, "pl", {"Tips": "Porady"})
    settings = {"UI_TRANSLATIONS_PATH": str(tmp_path), "LANGUAGES": {"en": {}, "fr": {}, "pl": {}}, "DEFAULT_LANG": "en"}
    ui.load(types.SimpleNamespace(settings=settings))
    generator = types.SimpleNamespace(env=Environment(autoescape=True))
    ui.install(generator)
    template = generator.env.from_string("{{ _('Tips') }} {{ when|localdate }}")
    import datetime

    when = datetime.date(2026, 6, 2)
    for lang, expected in [("en", "Tips June 2, 2026"), ("fr", "Conseils 2 juin 2026"), ("pl", "Porady 2 czerwca 2026")]:
        page = types.SimpleNamespace(lang=lang)
        assert template.render(article=page, when=when) == expected
