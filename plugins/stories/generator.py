"""Read the stories and write each language's wall."""

import logging

from babel.dates import format_date
from pelican.generators import Generator

from hub.content_files import files_to_read, read_item
from hub.editions import Listing
from hub.languages import save_as, site_languages
from hub.pages import write_page
from hub.sources import iso_date, metadata_line, where
from hub.story_sources import DATE_FIELDS, story_folders, story_problems

from .contents import Story, Wall

logger = logging.getLogger(__name__)


def wall_word(settings, lang):
    words = settings["STORIES"].get("wall") or {}
    return words.get(lang) or words.get("*") or "stories"


class StoriesGenerator(Generator):
    def __init__(self, *args, **kwargs):
        self.stories = []
        super().__init__(*args, **kwargs)

    def generate_context(self):
        self.languages = site_languages(self.settings)
        for path in files_to_read(self, sorted(self.get_files(story_folders(self.settings)))):
            story = self._read(path)
            if story is not None:
                self.add_source_path(story)
                if story.status == "published":
                    self.stories.append(story)
        # newest first, by the date each reached the owner, as the note on publishing says
        self.stories.sort(key=lambda story: (story.received, story.source_path), reverse=True)
        self.context["story_walls"] = self._walls()

    def _read(self, path):
        story = read_item(self, path, Story)
        if story is None:
            return None
        if story.lang not in self.languages:
            return None  # reported when the file was read
        source = story.source_path

        def value_of(field):
            return str(story.metadata.get(field) or "").strip()

        problems = story_problems(value_of, lambda field: metadata_line(source, field) or 0,
                                  bool(story._content and story._content.strip()))
        for line, message in problems:
            logger.error("%s:%s: %s (the story is left out of the build)", source, line, message)
        if problems:
            return None
        story.who = value_of("who")
        story.town = value_of("town")
        story.tip = value_of("tip")
        for field, _ in DATE_FIELDS:
            date = iso_date(value_of(field)).date()
            setattr(story, field, date)
            setattr(story, f"{field}_text", format_date(date, format="long", locale=story.language.locale))
        story.anchor = f"story-{story.translation_key}"
        story.override_url = f"{story.language.url(wall_word(self.settings, story.lang))}#{story.anchor}"
        story.tip_page = None
        return story

    def _walls(self):
        by_lang = {}
        for story in self.stories:
            by_lang.setdefault(story.lang, []).append(story)
        pages = [(language, language.url(wall_word(self.settings, language.code))) for language in self.languages]
        walls = {}
        for language, url in pages:
            page = Listing(language, url, pages, x_default=pages[0][1])
            walls[language.code] = Wall(language, by_lang.get(language.code, []), page, None)
        return walls

    def generate_output(self, writer):
        for wall in self.context["story_walls"].values():
            write_page(self, writer, save_as(wall.url), "stories", wall.page, wall=wall)


def link_stories(tips, pages, walls, settings):
    """Give each wall its invitation page, each story the tip it tells of and its text, and each tip its latest
    stories."""
    for page in pages:
        wall = walls.get(page.lang)
        if wall is not None and getattr(page, "template", "") == "story_form" and page.status == "published":
            wall.invitation = wall.invitation or page
    tips_by_key = {(tip.lang, tip.translation_key): tip for tip in tips if tip.status == "published"}
    for wall in walls.values():
        for story in wall.stories:
            story.text = story.content  # its links resolved, now that every page has its address
            if story.tip:
                story.tip_page = tips_by_key.get((story.lang, story.tip))
                if story.tip_page is None:
                    known = sorted({key for lang, key in tips_by_key if lang == story.lang})
                    logger.warning(
                        "%s: there is no published %s tip %r (the tips are: %s), so the story links to none; "
                        "write the tip's name (its file name without .%s.md) or remove the Tip line",
                        where(story.source_path, "Tip"), story.lang, story.tip, ", ".join(known), story.lang,
                    )
    count = settings["STORIES"].get("on_tip", 0)
    for tip in tips:
        wall = walls.get(tip.lang)
        tip.stories = wall.latest(count, tip) if wall is not None else []
