"""Install gettext, and Babel-backed date and number filters, in the theme's Jinja environment.

All languages are rendered by one Jinja environment, so the functions look up
the language of the page being rendered in its template context.
"""

import os
from functools import lru_cache

from babel.dates import format_date
from babel.numbers import format_decimal
from jinja2 import pass_context
from markupsafe import Markup, escape
from pelican import signals

from hub.catalogs import DEFAULTS, holds_markup

from .catalogs import load_catalogs

_catalogs = {}


def page_language(context):
    """The language code of the page a template is rendering."""
    for name in ("this_page", "article", "page"):
        lang = getattr(context.get(name), "lang", None)
        if lang:
            return lang
    return context.get("DEFAULT_LANG", "en")


def _catalog(context):
    return _catalogs.get(page_language(context)) or _catalogs[None]


# Jinja's newstyle gettext (`_('Page %(number)s', number=…)`), as Jinja's own wrappers give it, in one call
# rather than three; the parameters are positional-only, so a string's variables may take any name.


@pass_context
def gettext(context, message, /, **variables):
    return _formatted(context, holds_markup(message), _catalog(context).ugettext(message), variables)


@pass_context
def ngettext(context, singular, plural, number, /, **variables):
    variables.setdefault("num", number)
    markup = holds_markup(singular) or holds_markup(plural)
    return _formatted(context, markup, _catalog(context).ungettext(singular, plural, number), variables)


@pass_context
def pgettext(context, message_context, message, /, **variables):
    variables.setdefault("context", message_context)
    translated = _catalog(context).upgettext(message_context, message)
    return _formatted(context, holds_markup(message), translated, variables)


@pass_context
def npgettext(context, message_context, singular, plural, number, /, **variables):
    variables.setdefault("context", message_context)
    variables.setdefault("num", number)
    markup = holds_markup(singular) or holds_markup(plural)
    translated = _catalog(context).unpgettext(message_context, singular, plural, number)
    return _formatted(context, markup, translated, variables)


def _formatted(context, markup, text, variables):
    """A translation as a page shows it, and always a format string (`%%` is a `%`), as in Jinja.

    Jinja would trust every translation as HTML; here only that of a string that is HTML in the template,
    which hub.catalogs lets through only with the template's own tags. Any other is text, escaped where
    the page shows it; formatted with Markup when a variable is Markup (a link), so that it stays a link
    and the text around it is escaped. Not formatted when there is nothing to format, which costs more
    than the translation did."""
    if context.eval_ctx.autoescape:
        if markup:
            text = Markup(text)
        elif any(hasattr(value, "__html__") for value in variables.values()):
            text = escape(text)
    return text % variables if variables or "%" in text else text


@pass_context
def ui_language(context):
    """The language of the theme's strings on the page being rendered."""
    return page_language(context)


@pass_context
def localdate(context, value, format="long"):
    return format_date(value, format=format, locale=page_language(context).replace("-", "_"))


@pass_context
def localnumber(context, value):
    return _decimal(value, page_language(context).replace("-", "_"))


@lru_cache(maxsize=4096)  # every listing shows the same few counts and reading times
def _decimal(value, locale):
    return format_decimal(value, locale=locale)


def load(pelican):
    settings = pelican.settings
    for name, value in DEFAULTS.items():
        settings.setdefault(name, value)
    directory = os.path.abspath(settings["UI_TRANSLATIONS_PATH"])
    codes = list(settings.get("LANGUAGES") or [settings["DEFAULT_LANG"]])
    _catalogs.clear()
    _catalogs.update(load_catalogs(directory, codes, settings["UI_SOURCE_LANG"]))
    _catalogs[None] = _catalogs.get(settings["UI_SOURCE_LANG"]) or next(iter(_catalogs.values()))


def install(generator):
    env = generator.env
    env.add_extension("jinja2.ext.i18n")
    env.policies["ext.i18n.trimmed"] = True
    # newstyle: `{% trans %}` blocks pass their variables to these functions, which do the formatting
    env.newstyle_gettext = True
    env.globals.update(_=gettext, gettext=gettext, ngettext=ngettext, pgettext=pgettext, npgettext=npgettext)
    env.filters["localdate"] = localdate
    env.filters["localnumber"] = localnumber
    env.globals["ui_language"] = ui_language


def register():
    signals.initialized.connect(load)
    signals.generator_init.connect(install)
