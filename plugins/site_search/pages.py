"""Write the search page of every language."""

from pelican.generators import Generator

from hub.editions import Listing
from hub.languages import save_as, site_languages
from hub.pages import write_page

from .entry_script import PLAIN
from .plurals import plural_samples
from .settings import ENTRY_SETTING, bundle_folder


class SearchPagesGenerator(Generator):
    """One search page per language, at <lang>/<search word>/."""

    def generate_context(self):
        if not self.settings["SEARCH_ENABLED"]:
            return
        languages = site_languages(self.settings)
        urls = [(language, language.url(language.words["search"])) for language in languages]
        # set before any page is written: the navigation of every page links to its language's search page
        self.context["search_pages"] = {
            language.code: Listing(language, url, urls, x_default=urls[0][1]) for language, url in urls
        }

    def generate_output(self, writer):
        for page in self.context.get("search_pages", {}).values():
            write_page(
                self,
                writer,
                save_as(page.url),
                "search",
                page,
                search_script=f"{bundle_folder(page.language)}/{self.settings.get(ENTRY_SETTING, PLAIN)}",
                plural_samples=plural_samples(page.language.locale),
            )
