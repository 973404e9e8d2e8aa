"""The theme's words, dates and numbers in the language of the page being rendered.

`ThemeText`, listed among JINJA_ENVIRONMENT's extensions in pelicanconf.py, is Jinja's i18n extension set up
for the theme: `{% trans %}` and `_()` give the templates' own English until the ui_translations plugin hands
over the catalogs (`use_catalogs`), and the filters `localdate` and `localnumber` and the global
`ui_language()` format with Babel in the page's locale. So the theme renders with or without that plugin,
and whatever order the plugins load in.

All languages are rendered by one Jinja environment per generator, so the functions look up the language of
the page being rendered in its template context.
"""

from functools import lru_cache

from babel.dates import format_date
from babel.numbers import format_decimal
from babel.support import NullTranslations
from jinja2 import pass_context
from jinja2.ext import InternationalizationExtension
from markupsafe import Markup, escape

from hub.catalogs import holds_markup
from hub.pages import written_page

UNTRANSLATED = NullTranslations()


def use_catalogs(catalogs, source):
    """Translate from now on with `catalogs` (language code -> Translations); `source`: those of the
    templates' own language, for a page in a language without a catalog."""
    _catalogs.clear()
    _catalogs.update(catalogs)
    _catalogs[None] = source


_catalogs = {}  # language code -> Translations; None -> those of the templates' own language


def page_language(context):
    """The language code of the page a template is rendering."""
    return getattr(written_page(context), "lang", None) or context.get("DEFAULT_LANG", "en")


def _catalog(context):
    return _catalogs.get(page_language(context)) or _catalogs.get(None) or UNTRANSLATED


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


class ThemeText(InternationalizationExtension):
    """Jinja's i18n extension with the theme's gettext functions, its trimmed `{% trans %}` blocks, and its
    date and number filters installed."""

    def __init__(self, environment):
        super().__init__(environment)
        environment.policies["ext.i18n.trimmed"] = True
        # newstyle: `{% trans %}` blocks pass their variables to these functions, which do the formatting
        environment.newstyle_gettext = True
        environment.globals.update(
            _=gettext, gettext=gettext, ngettext=ngettext, pgettext=pgettext, npgettext=npgettext,
            ui_language=ui_language,
        )
        environment.filters.update(localdate=localdate, localnumber=localnumber)
