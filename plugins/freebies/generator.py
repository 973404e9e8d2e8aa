"""Read the freebies, make their files, and write their landing, delivery and index pages."""

import logging
import os

from pelican.generators import Generator
from pelican.utils import sanitised_join

from hub.boundary import inside
from hub.content_files import files_to_read, read_item
from hub.editions import Listing, link_translations
from hub.files import write_if_changed
from hub.languages import save_as, site_languages
from hub.offer_end import ExpiresError, build_date, ends_soon, has_ended, parse_expires
from hub.pages import write_page
from hub.pool import BackgroundWorkFailed, InBackground, can_fork
from hub.read_lists import one_per_address
from hub.signup_forms import ProviderConfigError, signup_form
from hub.sources import freebie_folders, where

from .contents import Download, Freebie
from .pdf import FreebieFileError
from .pdf_cache import PdfCache
from .preview import PREVIEW_NAME, PreviewCache, PreviewError
from .settings import GATES
from .tokens import delivery_token

logger = logging.getLogger(__name__)


class Shelf:
    """One language's freebies and the page that lists them."""

    def __init__(self, language, freebies, page):
        self.language = language
        self.freebies = freebies
        self.page = page

    @property
    def url(self):
        return self.page.url


class FreebiesGenerator(Generator):
    def __init__(self, *args, **kwargs):
        self.freebies = []
        super().__init__(*args, **kwargs)
        self.secret = self.settings["FREEBIE_TOKEN_SECRET"]
        self.pdf_cache = PdfCache(self.settings.get("CACHE_PATH"))
        self.previews = PreviewCache(self.settings.get("CACHE_PATH"))
        self.sources = self._sources()  # the freebie files, listed once for the rendering ahead and the reading
        self.today = build_date(self.settings)  # what decides whether an offer has ended
        ahead.start(self)

    def generate_context(self):
        self.languages = site_languages(self.settings)
        self.pdf_cache.rendered_ahead = ahead.rendered()
        for path in files_to_read(self, self.sources):
            freebie = self._read(path)
            if freebie is not None and freebie.lang not in self.languages:
                continue  # reported by the multilingual plugin when the file was read
            if freebie is not None and freebie.status == "published":
                self.freebies.append(freebie)
            if freebie is not None:
                self.add_source_path(freebie)
        self.freebies = one_per_address(self.freebies)
        link_translations(self.languages, self.freebies)
        self.context["freebies"] = self._by_key()
        self.context["freebie_shelves"] = self._shelves()
        cache = self.pdf_cache
        if cache.rendered or cache.reused:
            where_from = cache.folder or "no cache (CACHE_PATH is not set)"
            logger.info("Freebie PDFs: %d rendered, %d reused from %s", cache.rendered, cache.reused, where_from)
        removed = cache.keep_used_only()  # of freebies edited or deleted since: not needed again
        if removed:
            logger.info("Freebie PDFs: %d no longer used removed from %s", removed, cache.folder)
        self.previews.keep_used_only()

    def _sources(self):
        paths, excluded = freebie_folders(self.settings)
        return sorted(self.get_files(paths, exclude=excluded))

    def _read(self, path):
        freebie = read_item(self, path, Freebie)
        if freebie is None:
            return None
        if not freebie.is_valid():
            return None
        source = freebie.source_path
        gate = str(getattr(freebie, "gate", "")).strip().lower()
        if gate not in GATES:
            logger.error(
                "%s: Gate must be 'none' (a direct download) or 'email' (a sign-up form first), not %r",
                where(source, "Gate"), gate,
            )
            return None
        freebie.gate = gate
        if not self._prepare_offer(freebie):
            return None
        self._prepare_delivery(freebie)
        if not self._prepare_download(freebie):
            return None
        if freebie.gated and not self._prepare_form(freebie):
            return None
        return freebie

    def _prepare_offer(self, freebie):
        """The code a coupon delivers, its terms and the last day of the offer; whether the offer has ended."""
        source = freebie.source_path
        freebie.code = str(getattr(freebie, "code", "") or "").strip()
        freebie.terms = str(getattr(freebie, "terms", "") or "").strip()
        try:
            freebie.expires = parse_expires(getattr(freebie, "expires", ""))
        except ExpiresError as error:
            logger.error("%s: %s", where(source, "Expires"), error)
            return False
        if freebie.code and not freebie.gated:
            logger.error(
                "%s: a Code is only given on the delivery page, behind the sign-up: set `Gate: email`, "
                "or remove the Code line", where(source, "Code"),
            )
            return False
        freebie.coupon = bool(freebie.code)
        freebie.ended = has_ended(freebie.expires, self.today)
        if freebie.ended:
            freebie.code = ""  # an ended offer's code is written nowhere
            freebie.metadata.pop("code", None)
        elif ends_soon(freebie.expires, self.today):
            logger.warning(
                "%s: the offer ends on %s: the first build after that day shows it as ended; plan what replaces it",
                where(source, "Expires"), freebie.expires.isoformat(),
            )
        return True

    def _prepare_delivery(self, freebie):
        if freebie.gated:
            token = delivery_token(self.secret, freebie.translation_key, freebie.lang)
            freebie.delivery = Listing.alone(freebie.language, f"{freebie.url}{token}/")
            freebie.delivery.title = freebie.title
            freebie.delivery.private = True
        else:
            freebie.delivery = None

    def _prepare_download(self, freebie):
        source = freebie.source_path
        name = str(getattr(freebie, "file", "")).strip()
        freebie.download = None
        freebie.preview = None
        if not name and freebie.coupon:
            return True  # the code is what it delivers
        if not name:
            logger.error(
                "%s: add `File: files/<name>` naming what this freebie delivers, or `Code:` for a coupon", where(source)
            )
            return False
        file_path = os.path.normpath(os.path.join(os.path.dirname(source), name))
        if not inside(self.path, file_path):
            logger.error(
                "%s: File %s is outside the content folder, so the freebie is left out: put what it delivers in "
                "its files/ folder and name it from there", where(source, "File"), name,
            )
            return False
        if not os.path.isfile(file_path):
            logger.error(
                "%s: the file %s does not exist; put it there or correct the File line",
                where(source, "File"), file_path,
            )
            return False
        try:
            if file_path.endswith(".md"):
                with open(file_path, encoding="utf-8-sig") as markdown_file:
                    data = self.pdf_cache.render(
                        markdown_file.read(),
                        title=freebie.title,
                        lang=freebie.lang,
                        author=self.settings["SITENAME"],
                        footer_text=f"{self.settings['SITENAME']} · {freebie.title}",
                        fonts=self.settings["FREEBIE_PDF_FONTS"],
                    )
                filename = f"{freebie.slug}.pdf"
            else:
                with open(file_path, "rb") as delivered:
                    data = delivered.read()
                filename = os.path.basename(file_path)
        except (FreebieFileError, UnicodeDecodeError, OSError) as error:
            logger.error("%s: %s", file_path, error)
            return False

        if freebie.ended:
            return True  # checked all the same, so a mistake shows before the next offer; but no longer handed out
        folder = freebie.delivery.url if freebie.delivery is not None else freebie.url
        freebie.download = Download(filename, data, folder + filename)
        if filename.lower().endswith(".pdf"):
            freebie.preview = self._preview(freebie, file_path, data)
        return True

    def _preview(self, freebie, file_path, data):
        """The picture of the PDF's first page; always public, beside the landing page, even when the PDF is gated."""
        try:
            return self.previews.preview(data, freebie.url)
        except PreviewError as error:
            logger.warning(
                "%s: its first page cannot be shown on the landing page, %s; the freebie is published without "
                "a preview. Export the PDF again (PDF/A or \"print to PDF\") to get one", file_path, error,
            )
            return None

    def render_ahead(self, path):
        """In a child process: read a freebie as generate_context will, so its PDF goes into the cache;
        the keys of the PDFs rendered. Problems are left for generate_context to report."""
        logging.disable(logging.CRITICAL)
        rendered = len(self.pdf_cache.rendered_keys)
        try:
            self._read(path)
        except Exception:
            pass
        return self.pdf_cache.rendered_keys[rendered:]

    def _prepare_form(self, freebie):
        signup = self.settings.get("FREEBIE_SIGNUP") or {}
        per_language = signup.get(freebie.translation_key) or {}
        override = per_language.get(freebie.lang, per_language.get("*", {}))
        newsletter = self.settings.get("NEWSLETTER") or {}
        # tag the subscriber with the freebie where the provider can (Buttondown), for a delivery automation
        config = {**newsletter, "tag": freebie.translation_key, **override} if (newsletter or override) else {}
        try:
            freebie.signup_form = signup_form(config, freebie.lang)
        except ProviderConfigError as error:
            logger.error("%s: %s", where(freebie.source_path, "Gate"), error)
            return False
        if freebie.signup_form is None:
            logger.error(
                "%s: `Gate: email` needs a sign-up form: set NEWSLETTER (or FREEBIE_SIGNUP[%r]) in pelicanconf.py, "
                "or make the freebie `Gate: none`",
                where(freebie.source_path, "Gate"), freebie.translation_key,
            )
            return False
        return True

    def _by_key(self):
        by_key = {}
        for freebie in self.freebies:
            by_key.setdefault(freebie.translation_key, {})[freebie.lang] = freebie
        return by_key

    def _shelves(self):
        shelves = {}
        for language in self.languages:
            # an ended offer keeps its landing page, which says so, but leaves the listing
            freebies = sorted(
                (f for f in self.freebies if f.lang == language.code and not f.ended), key=lambda f: f.title
            )
            if freebies:
                shelves[language.code] = Shelf(language, freebies, None)
        pages = [(language, language.url(language.words["freebies"])) for language in self.languages if language.code in shelves]
        for language, url in pages:
            shelves[language.code].page = Listing(language, url, pages, x_default=pages[0][1])
        return shelves

    def generate_output(self, writer):
        for freebie in self.freebies:
            write_page(self, writer, freebie.save_as, freebie.template, freebie, freebie=freebie)
            if freebie.download is not None:
                self._write_file(freebie.download)
            if freebie.preview is not None:
                self._write_preview(freebie.preview)
            if freebie.delivery is not None:
                write_page(self, writer, save_as(freebie.delivery.url), "freebie_delivery", freebie.delivery, freebie=freebie)
        for shelf in self.context["freebie_shelves"].values():
            write_page(self, writer, save_as(shelf.url), "freebies", shelf.page, shelf=shelf)

    def _write_preview(self, preview):
        """Write a preview, and remove an earlier build's beside it (of the PDF before an edit): no page links it."""
        path = self._write_file(preview)
        folder, name = os.path.split(path)
        for other in os.listdir(folder):
            if other != name and PREVIEW_NAME.fullmatch(other):
                os.remove(os.path.join(folder, other))

    def _write_file(self, file):
        path = sanitised_join(self.output_path, file.url)  # raises rather than write outside the output folder
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if write_if_changed(path, file.data):  # a file holding these bytes already keeps its date
            logger.info('Writing "%s"', path)
        return path


class RenderingAhead:
    """The freebies' PDFs rendered by a child process into the cache while the tips are read: the
    generator finds them there. A build without a cache, or without fork, renders them itself."""

    def __init__(self):
        self.work = None

    def start(self, generator):
        self.discard()  # a build that stopped before its freebies were read
        if generator.pdf_cache.folder and can_fork():
            self.work = InBackground(generator.render_ahead, generator.sources)

    def rendered(self):
        """The keys of the PDFs the child rendered, once it is done."""
        work, self.work = self.work, None
        try:
            return {key for keys in work.wait() for key in keys} if work else set()
        except BackgroundWorkFailed:
            return set()

    def discard(self):
        if self.work is not None:
            self.work.discard()
            self.work = None


ahead = RenderingAhead()
