"""Each language's edition of the site: its tips, pages, categories and tags.

Translations are linked here, once every file has been read, so that each
page knows its versions in the other languages.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from itertools import islice
from operator import attrgetter

from pelican.contents import Article

from hub.reading_time import reading_minutes


@dataclass
class Edition:
    language: object
    tips: list = field(default_factory=list)  # newest first
    pages: list = field(default_factory=list)
    categories: list = field(default_factory=list)  # (category, tips), by name
    tags: list = field(default_factory=list)  # (tag, tips), by name

    @property
    def code(self):
        return self.language.code

    def related(self, tip, count=3):
        """Up to `count` other tips of the same category, newest first."""
        same_category = self._by_category.get(getattr(tip, "category", None), ())
        return list(islice((other for other in same_category if other is not tip), count))

    @cached_property  # asked for on every tip's page, once the categories are grouped
    def _by_category(self):
        return dict(self.categories)


@dataclass
class Listing:
    """A page the plugin writes (a home, a category, an archive...).

    It offers templates the same attributes as a tip or page: `lang`,
    `language`, `url`, `alternates`, `x_default`.
    """

    language: object
    url: str
    alternates: list = field(default_factory=list)  # [(Language, url)]
    x_default: str = ""
    title: str = ""
    private: bool = False  # behind a secret address: kept out of sitemaps, search and previews

    @classmethod
    def alone(cls, language, url):
        """A listing that exists in one language only: its own alternate and x-default."""
        return cls(language, url, [(language, url)], x_default=url)

    @property
    def lang(self):
        return self.language.code

    @property
    def versions(self):
        return {language.code: url for language, url in self.alternates}


def build_editions(languages, tips, pages):
    """Group published tips and pages by language and link translations."""
    editions = {language.code: Edition(language) for language in languages}
    for items, attr in ((tips, "tips"), (pages, "pages")):
        for item in items:
            edition = editions.get(item.lang)
            if edition is not None:
                getattr(edition, attr).append(item)
        link_translations(languages, items)

    for edition in editions.values():
        edition.tips.sort(key=attrgetter("date"), reverse=True)
        edition.pages.sort(key=_menu_position)
        edition.categories = _group(edition.tips, lambda tip: [tip.category] if hasattr(tip, "category") else [])
        edition.tags = _group(edition.tips, lambda tip: getattr(tip, "tags", []))
        for tip in edition.tips:
            tip.reading_minutes = reading_minutes(tip)
    return editions


def link_translations(languages, items):
    """Set `alternates` (every version, itself included) and `x_default` on each item."""
    groups = defaultdict(dict)
    for item in items:
        if item.lang in languages:
            groups[item.translation_key].setdefault(item.lang, item)
    for item in items:
        _set_links(item, languages, groups.get(item.translation_key, {}))


def _set_links(item, languages, versions):
    """An item's `alternates`, `versions` and `x_default`, from its versions by language code."""
    item.alternates = [(language, versions[language.code].url) for language in languages if language.code in versions]
    item.versions = {language.code: url for language, url in item.alternates}
    item.x_default = item.alternates[0][1] if item.alternates else item.url


def _menu_position(page):
    """Pages are ordered by their `Order` metadata (a number), then by title."""
    try:
        order = int(getattr(page, "order", 0))
    except ValueError:
        order = 0
    return order, page.title


def _group(tips, terms_of):
    groups = defaultdict(list)
    for tip in tips:
        for term in terms_of(tip):
            groups[term].append(tip)
    return sorted(groups.items(), key=lambda pair: pair[0].slug)


def unlisted_tips(tips_reader):
    """The drafts and hidden tips an ArticlesGenerator read."""
    return [*tips_reader.drafts, *tips_reader.drafts_translations,
            *tips_reader.hidden_articles, *tips_reader.hidden_translations]


def unlisted_pages(pages_reader):
    """The hidden and draft pages a PagesGenerator read."""
    return [*pages_reader.hidden_pages, *pages_reader.hidden_translations,
            *pages_reader.draft_pages, *pages_reader.draft_translations]


def link_unlisted(languages, listed, unlisted):
    """Give drafts and hidden tips and pages the links the theme expects (`versions`, `alternates`...).

    Published versions never link to them; a draft links to its published
    versions first, then to the other drafts.
    """
    groups = defaultdict(list)
    for item in [*listed, *unlisted]:
        groups[item.translation_key].append(item)
    for item in unlisted:
        by_lang = {item.lang: item}
        for other in groups[item.translation_key]:
            by_lang.setdefault(other.lang, other)
        _set_links(item, languages, by_lang)
        if isinstance(item, Article):
            item.reading_minutes = reading_minutes(item)
