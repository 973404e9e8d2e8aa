"""Pages in a language's frame for tips not translated into it yet (the FALLBACK setting).

A fallback page shows the source's text under the address the translation would have. It is nobody's
translation: no hreflang set names it, its canonical is the source, and neither listings, feeds, the sitemap
nor search know it. Each build works them out anew, so a translation replaces its fallback at once.
"""

from collections import defaultdict

from babel.dates import format_date

from hub.languages import save_as


class FallbackPage:
    """A tip in another language's frame: the source's in everything but its language and address.

    Anything not set here is the source's, read when the page is written, so what later plugins give the
    source (its social card...) is the fallback's too.
    """

    def __init__(self, source, language, url):
        self.fallback_of = source  # what hub.pages.is_fallback reads
        self.language = language
        self.lang = language.code
        self.url = url
        self.save_as = save_as(url)
        self.canonical_url = source.url
        self.alternates = []  # in no hreflang set, its own included: its text is another page's
        self.x_default = source.x_default
        self.versions = {}
        self.fallbacks = {}
        # the source's topic, tags and freebie live in the source's language, not in this frame
        self.category = None
        self.tags = []
        self.freebie = None
        self.outdated_source = None  # the notice of a translation behind its source: this is no translation
        self.locale_date = format_date(source.date, format="long", locale=language.locale)

    def __getattr__(self, name):
        return getattr(self.fallback_of, name)


def fallback_pages(languages, fallback, tips, taken_urls):
    """The FallbackPages of the published tips `tips`, and on each real version of a tip, `fallbacks`
    ({language code: URL of its fallback page}) for the language switcher."""
    if not fallback:
        return []
    groups = defaultdict(dict)
    for tip in tips:
        groups[tip.translation_key].setdefault(tip.lang, tip)
    pages = []
    for versions in groups.values():
        made = {}
        for code, source_code in fallback.items():
            source = versions.get(source_code)
            if code in versions or source is None:
                continue
            language = languages[code]
            url = language.url(language.words["tips"], source.slug)
            if url in taken_urls:  # another tip of that language has the slug: the switcher keeps the home
                continue
            made[code] = FallbackPage(source, language, url)
        if not made:
            continue
        urls = {code: page.url for code, page in made.items()}
        for tip in versions.values():
            tip.fallbacks = urls
        for page in made.values():
            page.versions = {**page.fallback_of.versions, page.lang: page.url}
            page.fallbacks = {code: url for code, url in urls.items() if code != page.lang}
        pages.extend(made.values())
    return pages
