"""hub.catalogs: each string a page cannot use, named at its .po line; and how the pages show the rest."""

import types

import pytest
import ui_translations.ui_translations as ui
from jinja2 import Environment
from markupsafe import Markup

from hub.catalogs import catalog_problems, read_catalog
from hub.theme_text import ThemeText

HEADER = 'msgid ""\nmsgstr ""\n"Language: fr\\n"\n"Plural-Forms: nplurals=2; plural=(n > 1);\\n"\n\n'


def po(tmp_path, body, code="fr", header=HEADER):
    path = tmp_path / "translations" / code / "LC_MESSAGES" / "messages.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes((header + body).encode("utf-8") if isinstance(body, str) else header.encode() + body)
    return path


def line_of(path, text):
    return 1 + path.read_text(encoding="utf-8").split("\n").index(text)


@pytest.mark.parametrize(
    "english, french, expected",
    [
        ("100%% free", "100 %% gratuit", None),
        ("Tips", "Conseils à 100 %", "lone '%'"),
        ("Tips", "50 % de remise", "lone '%'"),  # '% d' would read as a placeholder
        ("Tips", "100 % gratuits", "lone '%'"),  # and '% g'
        ("Page %(number)s", "Page %(nombre)s", "'%(nombre)s'"),
        ("Page %(number)s", "Page %(number)d", "'%(number)d'"),
        ("Page %(number)s", "Page %s", "lone '%' ('%s' reads as a placeholder)"),
        ("Page %(number)s", "Une page", None),  # leaving a placeholder out is the translator's choice
    ],
)
def test_percent_signs_and_placeholders(tmp_path, english, french, expected):
    path = po(tmp_path, f'msgid "{english}"\nmsgstr "{french}"\n')
    found = read_catalog(path, "fr")
    if expected is None:
        assert found.problems == [] and found.catalog.get(english).string == french
        return
    [problem] = found.problems
    assert problem.line == line_of(path, f'msgstr "{french}"') and problem.leaves_out
    assert expected in problem.message and "English string is shown" in problem.message
    assert found.catalog.get(english) is None, "left out: the page shows the English string"


def test_each_plural_form_is_named_at_its_own_line(tmp_path):
    body = 'msgid "%(num)s tip"\nmsgid_plural "%(num)s tips"\nmsgstr[0] "%(num)s conseil"\nmsgstr[1] "%(nombre)s conseils"\n'
    path = po(tmp_path, body)
    [problem] = read_catalog(path, "fr").problems
    assert problem.line == line_of(path, 'msgstr[1] "%(nombre)s conseils"')


def test_a_string_of_the_template_that_is_html_keeps_its_tags_and_no_other(tmp_path):
    body = (
        'msgid "<em>Tips</em> &amp; more"\nmsgstr "<em>Conseils</em> &amp; plus"\n\n'
        'msgid "<b>Read</b> this"\nmsgstr "<b>Lisez</b> <script>alert(1)</script>"\n\n'
        'msgid "<b>Go</b>"\nmsgstr "<b>Allez"\n'
    )
    path = po(tmp_path, body)
    found = read_catalog(path, "fr")
    assert found.catalog.get("<em>Tips</em> &amp; more").string == "<em>Conseils</em> &amp; plus"
    assert [problem.line for problem in found.problems] == [
        line_of(path, 'msgstr "<b>Lisez</b> <script>alert(1)</script>"'),
        line_of(path, 'msgstr "<b>Allez"'),
    ]
    assert all("<b>, </b>" in problem.message and problem.leaves_out for problem in found.problems)


def test_html_in_the_translation_of_text_is_named_and_kept_as_text(tmp_path):
    path = po(tmp_path, 'msgid "Tips"\nmsgstr "<i>Conseils</i>"\n\nmsgid "Tip"\nmsgstr "Conseil&nbsp;!"\n')
    found = read_catalog(path, "fr")
    assert [problem.line for problem in found.problems] == [7, 10]
    assert not any(problem.leaves_out for problem in found.problems)
    assert found.catalog.get("Tips").string == "<i>Conseils</i>", "kept: the page shows it as text"


@pytest.mark.parametrize(
    "body, bad_line, said",
    [
        (b'msgid "Tips"\nmsgstr "Conseils\n', 7, "must start and end with '\"'"),
        (b'msgid "Tips"\nmsgstr "Con"seils"\n', 7, "must start and end with '\"'"),
        (b'msgid "Tips"\nmsgstr Conseils\n', 7, "must start and end"),
        (b'msgid "Tips"\nmsgstr "Conseils"\nConseils\n', 8, "'Conseils' is not a keyword"),
        (b'msgid "%(num)s tip"\nmsgid_plural "%(num)s tips"\nmsgstr[x] "conseil"\n', 8, "'msgstr[x]' is not a keyword"),
        (b'msgid "Tips"\nmsgstr "Conseils \xe9t\xe9"\n', 7, "not UTF-8"),
        (b'msgid "Tips"\n\nmsgid "Tip"\nmsgstr "Conseil"\n', 6, "missing msgstr"),
    ],
)
def test_a_catalog_that_does_not_parse_is_named_at_its_line(tmp_path, body, bad_line, said):
    path = po(tmp_path, body)
    found = read_catalog(path, "fr")
    assert found.catalog is None
    [problem] = found.problems
    assert (problem.line, problem.leaves_out) == (bad_line, True)
    assert said in problem.message and "interface is shown in English until it is fixed" in problem.message


def test_what_babel_writes_is_read_as_it_is(tmp_path):
    body = (
        '#, fuzzy\nmsgid "Home"\nmsgstr "50 % accueil"\n\n'  # fuzzy: never shown, so never a problem
        'msgid ""\n"A long "\n"line"\nmsgstr ""\n"Une longue "\n"ligne \\"citée\\""\n\n'
        '#~ msgid "Old"\n#~ msgstr "Ancien"\n'
    )
    found = read_catalog(po(tmp_path, body.replace("\n", "\r\n"), header="\ufeff" + HEADER.replace("\n", "\r\n")), "fr")
    assert found.problems == []
    assert found.catalog.get("A long line").string == 'Une longue ligne "citée"'


def test_make_check_reads_every_language_of_the_site(tmp_path):
    po(tmp_path, 'msgid "Tips"\nmsgstr "50 % conseils"\n', code="fr")
    po(tmp_path, 'msgid "Tips"\nmsgstr "Porady\n', code="pl")
    po(tmp_path, 'msgid "Tips"\nmsgstr "50 % vinkit"\n', code="de")  # not a language of the site
    settings = {"UI_TRANSLATIONS_PATH": str(tmp_path / "translations"), "LANGUAGES": {"en": {}, "fr": {}, "pl": {}}}
    problems = catalog_problems(settings)
    assert [(problem.path.split("translations/")[1], problem.line) for problem in problems] == [
        ("fr/LC_MESSAGES/messages.po", 7),
        ("pl/LC_MESSAGES/messages.po", 7),
    ]
    assert str(problems[0]).endswith("messages.po:7: " + problems[0].message)


# How a page shows the translations that are used.


def render(tmp_path, body, source, autoescape=True, **variables):
    po(tmp_path, body)
    settings = {"UI_TRANSLATIONS_PATH": str(tmp_path / "translations"), "LANGUAGES": {"en": {}, "fr": {}}, "DEFAULT_LANG": "en"}
    ui.load(types.SimpleNamespace(settings=settings))
    generator = types.SimpleNamespace(env=Environment(autoescape=autoescape, extensions=[ThemeText]))
    return generator.env.from_string(source).render(article=types.SimpleNamespace(lang="fr"), **variables)


def test_the_translation_of_text_is_escaped_wherever_the_page_shows_it(tmp_path):
    body = 'msgid "Tips"\nmsgstr "<script>x</script> & \\"plus\\""\n'
    shown = "&lt;script&gt;x&lt;/script&gt; &amp; &#34;plus&#34;"
    assert render(tmp_path, body, "<p>{{ _('Tips') }}</p>") == f"<p>{shown}</p>"
    assert render(tmp_path, body, '<a title="{{ _(\'Tips\') }}">') == f'<a title="{shown}">'
    assert render(tmp_path, body, "{% trans %}Tips{% endtrans %}") == shown
    assert render(tmp_path, body, "{{ _('Tips') }}", autoescape=False) == '<script>x</script> & "plus"', "no HTML"


def test_a_filter_reads_the_text_of_a_translation_not_its_html(tmp_path):
    body = 'msgid "Something went wrong"\nmsgstr "Quelque chose s\'est mal passé & voilà"\n'
    assert render(tmp_path, body, "{{ _('Something went wrong')|urlencode }}") == (
        "Quelque%20chose%20s%27est%20mal%20pass%C3%A9%20%26%20voil%C3%A0"
    )


def test_variables_are_escaped_and_markup_variables_stay_markup(tmp_path):
    body = 'msgid "Read the %(language)s version"\nmsgstr "Lire la <version> %(language)s"\n'
    link = Markup('<a href="/en/">English</a>')
    assert render(tmp_path, body, "{{ _('Read the %(language)s version', language=link) }}", link=link) == (
        'Lire la &lt;version&gt; <a href="/en/">English</a>'
    )
    assert render(tmp_path, body, "{% trans language=name %}Read the {{ language }} version{% endtrans %}",
                  name="<b>") == "Lire la &lt;version&gt; &lt;b&gt;"


def test_a_translation_of_html_is_html_with_the_templates_tags_only(tmp_path):
    body = (
        'msgid "<em>Tips</em> for %(name)s"\nmsgstr "<em>Conseils</em> pour %(name)s"\n\n'
        'msgid "<b>Read</b> this"\nmsgstr "<b>Lisez</b><img src=x onerror=alert(1)>"\n'
    )
    source = "{{ _('<em>Tips</em> for %(name)s', name=who) }} {{ _('<b>Read</b> this') }}"
    assert render(tmp_path, body, source, who="<i>") == "<em>Conseils</em> pour &lt;i&gt; <b>Read</b> this"
