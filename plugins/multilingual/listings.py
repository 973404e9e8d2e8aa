"""Write each language's home, category, tag and archive pages and its feed."""

import logging

from pelican.generators import Generator

from hub.editions import Listing
from hub.languages import save_as, site_languages
from hub.pages import write_page

from .feeds import write_feed
from .pagination import paginate

logger = logging.getLogger(__name__)


class ListingsGenerator(Generator):
    """Writes the pages that list tips, once per language.

    The editions are built by the all_generators_finalized receiver, when
    Pelican has read every tip and page; this generator only writes.
    """

    editions = None
    fallbacks = ()

    def generate_context(self):
        self.languages = site_languages(self.settings)
        self.context["languages"] = self.languages

    def generate_output(self, writer):
        if self.editions is None:
            return
        self._write_root(writer)
        for edition in self.editions.values():
            self._write_home(writer, edition)
            self._write_terms(writer, edition, "category", edition.categories)
            self._write_terms(writer, edition, "tag", edition.tags)
            self._write_archives(writer, edition)
            self._write_term_index(writer, edition, "categories", edition.language.categories_url)
            self._write_term_index(writer, edition, "tags", edition.language.tags_url)
            self._write_feed(edition)
        for fallback in self.fallbacks:
            self._write(writer, "article", fallback, article=fallback)

    def _write(self, writer, template, this_page, **variables):
        write_page(self, writer, save_as(this_page.url), template, this_page, **variables)

    def _shared_listing(self, url_of):
        """Listings that exist in every language link to each other."""
        return [(language, url_of(language)) for language in self.languages]

    def _write_root(self, writer):
        homes = self._shared_listing(lambda language: language.home_url)
        this_page = Listing(self.languages.default, "", homes, x_default="")
        cards = [Listing(language, url, homes, x_default="") for language, url in homes]
        self._write(writer, "root", this_page, root_cards=cards)

    def _write_home(self, writer, edition):
        homes = self._shared_listing(lambda language: language.home_url)
        self._write_paginated(writer, "index", edition, edition.language.home_url, edition.tips, homes, x_default="")

    def _write_terms(self, writer, edition, kind, groups):
        for term, tips in groups:
            self._write_paginated(writer, kind, edition, term.url, tips, tip_count=len(tips), **{kind: term})

    def _write_archives(self, writer, edition):
        archives = self._shared_listing(lambda language: language.archives_url)
        url = edition.language.archives_url
        this_page = Listing(edition.language, url, archives, x_default=archives[0][1])
        self._write(writer, "archives", this_page, edition=edition, tips=edition.tips)

    def _write_term_index(self, writer, edition, template, url):
        """The page at a topic or tag URL's parent folder: every topic, or every tag."""
        self._write(writer, template, Listing.alone(edition.language, url), edition=edition)

    def _write_paginated(self, writer, template, edition, first_url, tips, alternates=None, x_default=None, **variables):
        per_page = self.settings.get("DEFAULT_PAGINATION") or 0
        for pagination in paginate(tips, per_page, edition.language, first_url):
            url = pagination.urls[pagination.number - 1]
            if pagination.number == 1 and alternates:
                this_page = Listing(edition.language, url, alternates, x_default=x_default)
            else:
                this_page = Listing.alone(edition.language, url)
            self._write(writer, template, this_page, edition=edition, tips=pagination.items, pagination=pagination, **variables)

    def _write_feed(self, edition):
        feed_url = edition.language.feed_url(self.settings["LANGUAGE_FEED_NAME"])
        path = write_feed(
            self.output_path,
            feed_url,
            edition,
            site_url=self.settings.get("FEED_DOMAIN") or self.settings["SITEURL"],
            title=f"{self.settings['SITENAME']} ({edition.language.name})",
            subtitle=self.settings.get("SITESUBTITLE", ""),
            max_items=self.settings["LANGUAGE_FEED_MAX_ITEMS"],
            timezone=self.settings.get("TIMEZONE"),
        )
        logger.info('Writing "%s"', path)
