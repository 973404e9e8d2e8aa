"""The dev server's quick path: when a writer saves a tip or a page, write its page again at once, from
the last build's memory, before the whole site is rebuilt.

Only the dev server turns this plugin on (scripts/devserver.py adds it to PLUGINS). It keeps the
generators of the last full build; `rewrite_page(path)` reads the saved file again, puts what it
now says into the tip or page the build already knows (its links to other languages, its freebie
and its card stay as they were), and renders that one page. Everything else the edit may change
(listings, feeds, the search index) comes with the full rebuild that follows.
"""

import logging
import os

from pelican import signals
from pelican.contents import Article, Page
from pelican.generators import ArticlesGenerator, PagesGenerator
from pelican.writers import Writer

from hub import fragments
from hub.editions import unlisted_pages, unlisted_tips
from hub.reading_time import reading_minutes

logger = logging.getLogger(__name__)

# what a freshly read content has empty, and the build filled in after reading
LINKED = {"translations"}


class LastBuild:
    def __init__(self):
        self.generators = []
        self._by_source = None  # source file -> (generator, content), made on the first save after a build

    def keep(self, generators):
        self.generators = list(generators)
        self._by_source = None

    def _known(self, path):
        """(generator, content) of the tip or page read from `path` in the last build, or None."""
        if self._by_source is None:
            self._by_source = {}
            for generator in self.generators:
                if isinstance(generator, ArticlesGenerator):
                    built = [*generator.articles, *generator.translations, *unlisted_tips(generator)]
                elif isinstance(generator, PagesGenerator):
                    built = [*generator.pages, *generator.translations, *unlisted_pages(generator)]
                else:
                    continue
                for content in built:
                    self._by_source[os.path.realpath(content.source_path)] = (generator, content)
        return self._by_source.get(os.path.realpath(path))

    def rewrite_page(self, path):
        """Write the page of the tip or page at `path` again; the page's output path, or None when the
        last build does not know the file (a new file: the full rebuild writes it)."""
        known = self._known(path)
        if known is None:
            return None
        generator, content = known
        kind = Article if isinstance(generator, ArticlesGenerator) else Page
        fresh = generator.readers.read_file(
            base_path=generator.path,
            path=os.path.relpath(os.path.realpath(path), os.path.realpath(generator.path)),
            content_class=kind,
            context=generator.context,
        )
        placed = ("lang", "slug", "save_as", "url", "template")
        if any(getattr(fresh, name) != getattr(content, name) for name in placed):
            return None  # another address or layout: only the full rebuild checks and moves the page
        # metadata the build replaced with what it stands for (a freebie's name with the freebie, a
        # category with its localized one) stays; when the file now says something else, only the
        # full rebuild can link it
        linked = {name for name, value in content.metadata.items() if vars(content).get(name, value) is not value}
        if any(fresh.metadata.get(name) != content.metadata[name] for name in linked):
            return None
        for name, value in vars(fresh).items():
            if name not in linked and name not in LINKED:
                setattr(content, name, value)
        type(content).get_content.cache.clear()
        if isinstance(content, Article):
            content.reading_minutes = reading_minutes(content)
        fragments.forget()  # the last build's blocks may show what this edit changed
        writer = Writer(generator.output_path, settings=generator.settings)
        template = generator.get_template(content.template)
        if isinstance(content, Article):
            writer.write_file(content.save_as, template, generator.context, article=content,
                              category=getattr(content, "category", None), url=content.url, blog=True)
        else:
            writer.write_file(content.save_as, template, generator.context, page=content,
                              relative_urls=generator.settings["RELATIVE_URLS"], url=content.url)
        return content.save_as


last_build = LastBuild()


def register():
    signals.all_generators_finalized.connect(last_build.keep)
