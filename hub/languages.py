"""The languages a site is built in, and where each one's pages live."""

from dataclasses import dataclass
from functools import cache

from babel import Locale, UnknownLocaleError
from babel.core import get_global

from .urls import is_url_word

# Words used in URLs; a language overrides any of them in LANGUAGES.
DEFAULT_PATH_WORDS = {
    "tips": "tips",
    "category": "category",
    "tag": "tag",
    "page": "page",
    "freebies": "freebies",
    "search": "search",
}


class LanguageConfigError(ValueError):
    """LANGUAGES in the settings names something that is not a language."""


@dataclass(frozen=True, eq=False)
class Language:
    code: str
    name: str  # in the language itself, as a menu shows it: "Français"
    locale: Locale
    words: dict

    @classmethod
    def from_setting(cls, code, words):
        try:
            locale = Locale.parse(code.replace("-", "_"))
        except (ValueError, UnknownLocaleError):
            raise LanguageConfigError(
                f"LANGUAGES: {code!r} is not a language code Babel knows; "
                "use an ISO 639 code such as 'fr' or 'pt_BR'"
            ) from None
        unknown = set(words or {}) - set(DEFAULT_PATH_WORDS)
        if unknown:
            raise LanguageConfigError(
                f"LANGUAGES[{code!r}]: unknown URL word(s) {sorted(unknown)}; "
                f"the words a language can set are {sorted(DEFAULT_PATH_WORDS)}"
            )
        words = {**DEFAULT_PATH_WORDS, **(words or {})}
        for key, word in words.items():
            if not is_url_word(word):
                raise LanguageConfigError(
                    f"LANGUAGES[{code!r}][{key!r}]: {word!r} cannot be a folder of a URL; "
                    "write one word of letters, digits, '-' or '_' (no '/', '.' or space)"
                )
        by_word = {}
        for key, word in words.items():
            if word in by_word:
                raise LanguageConfigError(
                    f"LANGUAGES[{code!r}]: {by_word[word]!r} and {key!r} are both {word!r}, so their pages would "
                    f"share one URL; give {key!r} a word of its own"
                )
            by_word[word] = key
        name = locale.get_display_name(locale)
        return cls(
            code=code,
            name=name[:1].upper() + name[1:],
            locale=locale,
            words=words,
        )

    def url(self, *parts):
        """The URL (relative to SITEURL) of a folder under this language."""
        return "/".join((self.code, *parts, ""))

    @property
    def og_locale(self):
        """The language as Open Graph wants it, language_TERRITORY ("fr_FR")."""
        return _og_locale(str(self.locale))

    @property
    def home_url(self):
        return self.url()

    @property
    def archives_url(self):
        """Every tip, newest first: the folder the tips' own URLs live in."""
        return self.url(self.words["tips"])

    @property
    def categories_url(self):
        return self.url(self.words["category"])

    @property
    def tags_url(self):
        return self.url(self.words["tag"])

    def paginated_url(self, first_url, number):
        """Page `number` of the listing whose first page is at `first_url`."""
        if number == 1:
            return first_url
        return f"{first_url}{self.words['page']}/{number}/"

    def feed_url(self, feed_name):
        return f"{self.code}/{feed_name}"


class Languages:
    """The configured languages, in the order of LANGUAGES; the first is the default."""

    def __init__(self, setting):
        if not setting:
            raise LanguageConfigError("LANGUAGES is empty: configure at least one language")
        self._by_code = {
            code: Language.from_setting(code, words) for code, words in setting.items()
        }
        self.default = next(iter(self._by_code.values()))

    def __iter__(self):
        return iter(self._by_code.values())

    def __len__(self):
        return len(self._by_code)

    def __contains__(self, code):
        return code in self._by_code

    def __getitem__(self, code):
        return self._by_code[code]

    def get(self, code, default=None):
        return self._by_code.get(code, default)

    @property
    def codes(self):
        return list(self._by_code)


def language_codes(settings):
    """The site's language codes as its settings give them, the first the source language: what `make check`
    and the catalogs need, with or without the multilingual plugin (which also sets DEFAULT_LANG to the first)."""
    return list(settings.get("LANGUAGES") or [settings.get("DEFAULT_LANG", "en")])


class MultilingualMissing(RuntimeError):
    """PLUGINS lacks the multilingual plugin, on which every page in a language is built."""


def site_languages(settings):
    """The Languages of a site, built once per settings object."""
    languages = settings.get("SITE_LANGUAGES")
    if languages is None:
        if not any(str(getattr(plugin, "__name__", plugin)).rsplit(".", 1)[-1] == "multilingual"
                   for plugin in settings.get("PLUGINS", ["multilingual"])):
            raise MultilingualMissing(
                "PLUGINS lacks \"multilingual\", which builds each language's pages, so the site cannot be built: "
                "add \"multilingual\" to PLUGINS in pelicanconf.py"
            )
        languages = settings["SITE_LANGUAGES"] = Languages(settings["LANGUAGES"])
    return languages


def save_as(url):
    """Where a pretty URL (a folder) is written."""
    return f"{url}index.html"


def located(error, settings_file):
    """A LanguageConfigError as one line naming the settings file and the line of LANGUAGES."""
    return f"{settings_file}:{_setting_line(settings_file, 'LANGUAGES')}: {error}"


def _setting_line(settings_file, name):
    """The line of a settings file where `name = …` is set (1 when it cannot be found)."""
    try:
        with open(settings_file, encoding="utf-8") as settings:
            for number, line in enumerate(settings, start=1):
                if line.split("=", 1)[0].strip() == name:
                    return number
    except OSError:
        pass
    return 1


@cache  # every page asks, and Locale.parse scans Babel's whole list of locales each time
def _og_locale(identifier):
    """Babel knows each language's likeliest territory."""
    locale = Locale.parse(identifier)
    if not locale.territory:
        likely = get_global("likely_subtags").get(locale.language)
        locale = Locale.parse(likely) if likely else locale
    return f"{locale.language}_{locale.territory}" if locale.territory else locale.language
