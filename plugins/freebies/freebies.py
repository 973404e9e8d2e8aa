"""Signal receivers: set up the settings, add the generator, and link tips to their freebies."""

from pelican import signals
from pelican.generators import ArticlesGenerator

from . import settings
from .generator import FreebiesGenerator
from .offers import attach_offers
from .tokens import secret_from


def configure(pelican):
    settings.apply(pelican.settings)
    # checked before Pelican empties the output folder, so a missing secret costs nothing
    pelican.settings["FREEBIE_TOKEN_SECRET"] = secret_from(pelican.settings)


def add_generator(pelican):
    return FreebiesGenerator


def link_offers(generators):
    tips_reader = next(g for g in generators if isinstance(g, ArticlesGenerator))
    freebies = tips_reader.context.get("freebies", {})
    tips = [
        *tips_reader.articles, *tips_reader.translations,
        *tips_reader.hidden_articles, *tips_reader.hidden_translations,
        *tips_reader.drafts, *tips_reader.drafts_translations,
    ]
    attach_offers(tips, freebies)


def register():
    signals.initialized.connect(configure)
    signals.get_generators.connect(add_generator)
    signals.all_generators_finalized.connect(link_offers)
