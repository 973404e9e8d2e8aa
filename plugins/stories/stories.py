"""Signal receivers: set up and check the settings, add the generator, link stories to tips and their pages."""

from pelican import signals
from pelican.generators import PagesGenerator

from hub.languages import language_codes
from hub.read_lists import items_read, tips_reader
from hub.urls import is_url_word

from . import settings
from .form import StoriesConfigError, story_form
from .generator import StoriesGenerator, link_stories, wall_word


def configure(pelican):
    settings.apply(pelican.settings)
    config, policy = pelican.settings["STORIES"], pelican.settings["STORY_POLICY"]
    # checked here, so a bad setting stops the build at the start with its name
    languages = language_codes(pelican.settings)
    pelican.settings["STORY_FORMS"] = {lang: story_form(config, lang) for lang in languages}
    for lang in languages:
        if not is_url_word(wall_word(pelican.settings, lang)):
            raise StoriesConfigError(f"STORIES['wall']: {wall_word(pelican.settings, lang)!r} cannot be a folder of a "
                                     "URL; write one word of letters, digits, '-' or '_'")
    if policy.get("verification") not in settings.VERIFICATIONS:
        raise StoriesConfigError(f"STORY_POLICY['verification']: {policy.get('verification')!r} is not one of "
                                 f"{list(settings.VERIFICATIONS)}")
    days = policy.get("days_to_publish")
    if not isinstance(days, int) or isinstance(days, bool) or days < 1:
        raise StoriesConfigError(f"STORY_POLICY['days_to_publish']: write a whole number of days, not {days!r}")
    for name in ("on_home", "on_tip"):
        if not isinstance(config.get(name), int) or config[name] < 0:
            raise StoriesConfigError(f"STORIES[{name!r}]: write how many stories to show (0 for none), "
                                     f"not {config.get(name)!r}")


def add_generator(pelican):
    return StoriesGenerator


def link(generators):
    tips = tips_reader(generators)
    walls = tips.context.get("story_walls", {})
    pages = [page for generator in generators if isinstance(generator, PagesGenerator) for page in items_read(generator)]
    link_stories(items_read(tips), pages, walls, tips.settings)


def install(generator):
    forms = generator.settings.get("STORY_FORMS") or {}
    generator.env.globals["story_form"] = lambda lang: forms.get(lang)


def register():
    signals.initialized.connect(configure)
    signals.get_generators.connect(add_generator)
    signals.generator_init.connect(install)
    signals.all_generators_finalized.connect(link)
