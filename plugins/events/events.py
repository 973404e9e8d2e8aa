"""Signal receivers: set up the settings and add the events generator."""

from pelican import signals

from . import settings
from .generator import EventsGenerator


def configure(pelican):
    settings.apply(pelican.settings)


def add_generator(pelican):
    return EventsGenerator


def register():
    signals.initialized.connect(configure)
    signals.get_generators.connect(add_generator)
