"""Read the events, then write their pages, their calendar files and each language's events page and feed."""

import logging
import os
import re
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from markupsafe import Markup
from pelican.generators import Generator
from pelican.utils import sanitised_join

from hub.content_files import files_to_read, read_item
from hub.editions import Listing, link_translations
from hub.files import write_if_changed
from hub.languages import save_as, site_languages
from hub.markdown import to_html
from hub.pages import write_page
from hub.read_lists import one_per_address
from hub.signup_forms import ProviderConfigError, signup_form
from hub.sources import iso_date, read_header_lines, where

from .calendar_files import calendar_bytes
from .contents import EventPage
from .facts import BadEvent, read_facts
from .settings import url_word
from .structured import as_script, event_data
from .wording import short_date, when_text, zone_text

logger = logging.getLogger(__name__)


class Programme:
    """One language's events, upcoming soonest first and past latest first, and the page that lists them."""

    def __init__(self, language, events, page, feed_url):
        self.language = language
        self.upcoming = sorted((e for e in events if not e.past), key=lambda e: (e.facts.start, e.title))
        self.past = sorted((e for e in events if e.past), key=lambda e: (e.facts.start, e.title), reverse=True)
        self.page = page
        self.feed_url = feed_url

    @property
    def url(self):
        return self.page.url

    @property
    def events(self):
        return self.upcoming + self.past


class EventsGenerator(Generator):
    def __init__(self, *args, **kwargs):
        self.events = []
        super().__init__(*args, **kwargs)

    def generate_context(self):
        self.languages = site_languages(self.settings)
        self.now = self._now()
        for path in files_to_read(self, sorted(self.get_files(self.settings["EVENT_PATHS"]))):
            event = self._read(path)
            if event is None:
                continue
            self.add_source_path(event)
            if event.status == "published":
                self.events.append(event)
        self.events = one_per_address(self.events)
        link_translations(self.languages, self.events)
        self.context["event_programmes"] = self._programmes()

    def _now(self):
        """The moment that makes an event past: EVENTS_NOW (in TIMEZONE), or when the build runs."""
        setting = self.settings.get("EVENTS_NOW")
        if not setting:
            return datetime.now(timezone.utc)
        moment = iso_date(str(setting))
        if moment is None:
            raise ValueError(f"EVENTS_NOW: {setting!r} is not a date: write YYYY-MM-DD or YYYY-MM-DD HH:MM")
        return datetime(*moment.timetuple()[:6], tzinfo=ZoneInfo(self.settings.get("TIMEZONE") or "UTC"))

    def _read(self, path):
        # the header first: Pelican itself stops at a Timezone it does not know, with no line to show
        source = os.path.join(self.path, path)
        header = read_header_lines(source)
        if header is None:
            logger.error("%s: is not UTF-8 text; save it as UTF-8", source)
            return None
        try:
            facts = read_facts(source, header, self.settings.get("TIMEZONE") or "UTC")
        except BadEvent as error:
            logger.error("%s (the event is left out of the build)", error.problem)
            return None
        event = read_item(self, path, EventPage)
        if event is None:
            return None
        if event.lang not in self.languages:
            return None  # reported by the multilingual plugin when the file was read
        word = url_word(self.settings, event.lang)
        event.override_url = f"{event.lang}/{word}/{event.slug}/"
        event.override_save_as = save_as(event.override_url)
        if not event.is_valid():
            return None  # a missing title, reported by Pelican
        event.facts = facts
        event.past = event.facts.end <= self.now
        event.uid = f"{event.translation_key}-{event.lang}@{self._uid_domain()}"
        event.ics_url = f"{event.override_url}{event.slug}.ics"
        locale = event.language.locale
        event.when = when_text(event.facts, locale)
        event.zone_name = zone_text(event.facts, locale)
        event.day = short_date(event.facts, locale)
        event.plain_summary = Markup(getattr(event, "summary", "") or "").striptags()
        event.plain_description = Markup(event.content).striptags()
        event.rules_html = Markup(to_html(event.facts.rules)) if event.facts.rules else ""
        event.signup_form = None
        if event.facts.signup and not self._prepare_form(event):
            return None
        return event

    def _uid_domain(self):
        name = self.settings.get("SITENAME") or "site"
        return self.settings.get("EVENT_UID_DOMAIN") or re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")

    def _prepare_form(self, event):
        signup = self.settings.get("EVENT_SIGNUP") or {}
        per_language = signup.get(event.translation_key) or {}
        override = per_language.get(event.lang, per_language.get("*", {}))
        newsletter = self.settings.get("NEWSLETTER") or {}
        # tag the sign-up with the event where the provider can, so the owner sees who is coming
        config = {**newsletter, "tag": event.translation_key, **override} if (newsletter or override) else {}
        try:
            event.signup_form = signup_form(config, event.lang)
        except ProviderConfigError as error:
            logger.error("%s: %s (the event is left out of the build)", where(event.source_path, "Signup"), error)
            return False
        if event.signup_form is None:
            logger.error(
                "%s: `Signup: yes` needs a sign-up form: set NEWSLETTER (or EVENT_SIGNUP[%r]) in pelicanconf.py, "
                "or write `Signup: no` (the event is left out of the build)",
                where(event.source_path, "Signup"), event.translation_key,
            )
            return False
        return True

    def _programmes(self):
        by_language = {}
        for language in self.languages:
            events = [event for event in self.events if event.lang == language.code]
            if events:
                by_language[language.code] = events
        pages = [(language, language.url(url_word(self.settings, language.code)))
                 for language in self.languages if language.code in by_language]
        programmes = {}
        for language, url in pages:
            listing = Listing(language, url, pages, x_default=pages[0][1])
            feed = f"{url}{self.settings['EVENT_FEED_NAME']}"
            programmes[language.code] = Programme(language, by_language[language.code], listing, feed)
        return programmes

    def generate_output(self, writer):
        site_url, site_name = self.settings["SITEURL"], self.settings["SITENAME"]
        programmes = self.context["event_programmes"]
        for event in self.events:
            data = as_script(event_data(event, site_url, site_name))
            write_page(self, writer, event.save_as, event.template, event, event=event, event_data=data,
                       programme=programmes.get(event.lang))
            self._write_file(event.ics_url, calendar_bytes([event], site_name, site_url, event.lang, event.title))
        for programme in programmes.values():
            write_page(self, writer, save_as(programme.url), "events", programme.page, programme=programme)
            name = f"{site_name} · {programme.language.name}"
            self._write_file(programme.feed_url, calendar_bytes(programme.events, site_name, site_url,
                                                                programme.language.code, name))

    def _write_file(self, url, data):
        path = sanitised_join(self.output_path, url)  # raises rather than write outside the output folder
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if write_if_changed(path, data):
            logger.info('Writing "%s"', path)
