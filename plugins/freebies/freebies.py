"""Signal receivers: set up the settings, add the generator, and link tips to their freebies."""

from pelican import signals

from hub.read_lists import items_read, tips_reader

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
    tips = tips_reader(generators)
    attach_offers(items_read(tips), tips.context.get("freebies", {}))


def register():
    signals.initialized.connect(configure)
    signals.get_generators.connect(add_generator)
    signals.all_generators_finalized.connect(link_offers)
