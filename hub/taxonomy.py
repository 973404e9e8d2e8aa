"""Categories and tags that belong to one language."""

from pelican.urlwrappers import Category, Tag

from hub.languages import save_as


class _Localized:
    """A category or tag whose URL lives under its language's prefix.

    Two languages may use the same word ("marketing"), so identity is the
    language plus the slug.
    """

    kind = None  # the key of the URL word in Language.words

    def __init__(self, name, settings, language):
        super().__init__(name, settings)
        self.language = language

    @property
    def url(self):
        return self.language.url(self.language.words[self.kind], self.slug)

    @property
    def save_as(self):
        return save_as(self.url)

    def __hash__(self):
        return hash((self.language.code, self.slug))

    def __eq__(self, other):
        if isinstance(other, _Localized):
            return (self.kind, self.language.code, self.slug) == (
                other.kind,
                other.language.code,
                other.slug,
            )
        return super().__eq__(other)

    def __lt__(self, other):
        return self.slug < other.slug


class LocalizedCategory(_Localized, Category):
    kind = "category"


class LocalizedTag(_Localized, Tag):
    kind = "tag"
