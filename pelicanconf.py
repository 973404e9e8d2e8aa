"""Settings of the hub, used by `make html`, `make serve` and `make devserver`."""

import sys
from pathlib import Path

HERE = Path(__file__).parent
# the hub's own library (hub/), which the plugins import, whatever order PLUGINS lists them in
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

SITENAME = "Reciprocity Hub"
AUTHOR = "Reciprocity Hub"
SITEURL = ""
TIMEZONE = "Europe/Paris"

# The languages of the site, one per line: the code, then the words its URLs
# use (tips, category, tag, page, freebies, search). The first one is the default.
LANGUAGES = {
    "en": {},
    "fr": {"tips": "conseils", "category": "categorie", "tag": "etiquette", "freebies": "cadeaux", "search": "recherche"},
    "pl": {"tips": "porady", "category": "kategoria", "page": "strona", "freebies": "materialy", "search": "szukaj"},
    "fi": {"tips": "vinkit", "category": "aihe", "tag": "avainsana", "page": "sivu", "freebies": "materiaalit", "search": "haku"},
}

PATH = "content"
ARTICLE_PATHS = ["tips"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]
THEME = "theme"
# what the theme's templates call beside Pelican's own variables and its plugins': blocks rendered once per
# build, whether readers and search engines may find a page (anything else is marked noindex), and the
# address of one of the theme's files (its fingerprinted name with the asset_fingerprints plugin)
from hub.asset_links import asset  # noqa: E402
from hub.fragments import remembered  # noqa: E402
from hub.pages import is_public  # noqa: E402

JINJA_GLOBALS = {"remembered": remembered, "is_public": is_public, "asset": asset}
PLUGIN_PATHS = ["plugins"]
PLUGINS = [
    "plain_errors",
    "content_boundary",
    "incremental_writer",
    "cmark_reader",
    "multilingual",
    "ui_translations",
    "share_links",
    "review_prompts",
    "newsletter",
    "freebies",
    "events",
    "stories",
    "content_checks",
    "translation_status",
    "site_search",
    "discovery",
    "social_cards",
    "minify_css",
    "asset_fingerprints",
    "host_headers",
]
UI_TRANSLATIONS_PATH = str(HERE / "translations")

DEFAULT_PAGINATION = 6

# The theme's stylesheets, scripts, icon and fonts are published a second time as name.<hash of their bytes>.ext,
# and pages link that name, so browsers keep them for a year and still see every change. The kinds of file
# that get such a name (any of .css .js .mjs .svg .woff2 .woff .png .ico; all of them by default):
# ASSET_FINGERPRINTS_SUFFIXES = (".css", ".js", ".mjs", ".svg", ".woff2", ".woff", ".png", ".ico")

# The owner's details on the contact page ("make things right"), and how many
# working days a reply takes at most.
CONTACT = {
    "email": "hello@reciprocity-hub.example",
    "phone": "+33 2 40 12 34 56",
    "address": "12 rue des Artisans, 44000 Nantes, France",
    "response_days": 1,
}

# The newsletter provider: its sign-up form ends every tip. One of
#   {"provider": "buttondown", "username": "…"}
#   {"provider": "mailchimp", "action": "https://….list-manage.com/subscribe/post?u=…&id=…"}
#   {"provider": "kit", "form_id": "…"}
#   {"provider": "brevo", "action": "https://….sibforms.com/serve/…"}
#   {"provider": "listmonk", "url": "https://lists.example.com", "lists": ["<list uuid>"]}
#   {"provider": "generic", "action": "https://…", "email_field": "email", "hidden": {…}}
# An empty setting shows no form.
NEWSLETTER = {"provider": "buttondown", "username": "reciprocityhub"}

# Freebies (content/freebies/): a gated one (`Gate: email`) posts its form to the
# NEWSLETTER provider; FREEBIE_SIGNUP changes that form per freebie and language,
# e.g. {"review-request-kit": {"*": {"form_id": "…"}}} for one Kit form per freebie.
# The secret behind the delivery URLs comes from the environment in publishconf.py.
# A coupon (`Code:`, `Expires:`, `Terms:` in a freebie) ends by the date of the build:
# rebuild after its last day (a daily scheduled `make publish`) for it to show as ended.
FREEBIE_SIGNUP = {}

# Events (content/events/): each language's events page lists them at
# /<lang>/<EVENT_URL_WORDS[lang]>/, with a calendar feed (EVENT_FEED_NAME) there
# and an .ics file per event. An event with `Signup: yes` posts its form to the
# NEWSLETTER provider; EVENT_SIGNUP changes that form per event and language, as
# FREEBIE_SIGNUP does. EVENTS_NOW ("YYYY-MM-DD HH:MM", in TIMEZONE) fixes the
# moment that makes an event past; None: when the build runs. EVENT_UID_DOMAIN
# ends each calendar UID ("": SITENAME made into a slug).
EVENT_URL_WORDS = {"en": "events", "fr": "evenements", "pl": "wydarzenia", "fi": "tapahtumat"}
EVENT_SIGNUP = {}
# Customers' stories (content/stories/<name>.<lang>.md, added by hand once read): the page with
# `Template: story_form` asks for them; each language has a wall of them (its URL word in "wall"), the home
# page shows the latest "on_home", and a tip the latest "on_tip" of those whose `Tip:` names it.
# "form": any form endpoint (Formspree, Basin, Netlify Forms, listmonk, Formbricks, your own handler):
#   {"action": "https://…", "fields": {"name": …, "town": …, "experienced": …, "story": …, "email": …,
#    "consent": …}, "honeypot": "…", "hidden": {…}} ({lang} in a hidden value becomes the page's language);
#   {} for none. "email": the address of the mailto: link, which works without any endpoint.
STORIES = {
    "form": {"action": "https://formspree.io/f/reciprocity-stories", "honeypot": "_gotcha",
             "hidden": {"_subject": "Story ({lang})"}},
    "email": "stories@reciprocity-hub.example",
    "wall": {"*": "stories", "fr": "temoignages", "pl": "historie", "fi": "tarinat"},
    "on_home": 3,
    "on_tip": 2,
}
# The note "How we publish stories", beside every story: how stories are known to be real ("contact": we
# write back to the teller; "records": we find the visit or order in our records; "none": not checked, and
# the note says so), and the most days between receiving a story and publishing it.
STORY_POLICY = {"verification": "contact", "days_to_publish": 14}

# Review prompts after each tip, per language ("*": every other language); every
# reader gets the same invitation. Platforms: google (place_id), trustpilot
# (domain), facebook (page), custom (name, url). An empty setting shows none.
REVIEW_PLATFORMS = {
    "*": [
        {"platform": "google", "place_id": "ChIJN1t_tDeuEmsRUsoyG83frY4"},
        {"platform": "trustpilot", "domain": "reciprocity-hub.example"},
    ],
    "pl": [
        {"platform": "google", "place_id": "ChIJN1t_tDeuEmsRUsoyG83frY4"},
        {"platform": "custom", "name": "Opineo", "url": "https://www.opineo.pl/opinie/reciprocity-hub-example"},
    ],
    "fr": [
        {"platform": "google", "place_id": "ChIJN1t_tDeuEmsRUsoyG83frY4"},
        {"platform": "trustpilot", "domain": "reciprocity-hub.example"},
        {"platform": "facebook", "page": "reciprocityhub"},
    ],
    # the platforms the Finnish tip on reviews names as the ones Finnish customers read
    "fi": [
        {"platform": "google", "place_id": "ChIJN1t_tDeuEmsRUsoyG83frY4"},
        {"platform": "facebook", "page": "reciprocityhub"},
        {"platform": "custom", "name": "Tripadvisor", "url": "https://www.tripadvisor.fi/UserReviewEdit-d00000000"},
    ],
}

# “Tell a friend” links under each tip, per language ("*": every other language).
# Networks: email, whatsapp, facebook, linkedin, x, telegram. An empty list shows none.
SHARE_NETWORKS = {
    "*": ["email", "whatsapp", "facebook", "linkedin", "x", "telegram"],
}

# Each language gets its own Atom feed (<lang>/atom.xml) from the multilingual
# plugin; Pelican's site-wide feeds would mix the languages.
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
SUMMARY_MAX_LENGTH = 40

JINJA_ENVIRONMENT = {
    "trim_blocks": True,
    "lstrip_blocks": True,
    "autoescape": True,
    # one build reads each template once: no check of the file's date at every include
    "auto_reload": False,
    # the theme's words, dates and numbers in each page's language (hub/theme_text.py)
    "extensions": ["hub.theme_text.ThemeText"],
}

# The headers the host sends (host_headers, written by every build: _headers, nginx-headers.conf, .htaccess,
# s3-immutable-files.txt; see the README). HSTS: e.g. "max-age=63072000; includeSubDomains", only once every
# address of the domain answers over HTTPS ("": none). HEADERS_IN_META: each page's content policy also in a
# <meta> at the top of its <head>, for hosts that send no headers (GitHub Pages, S3) or few rules (Cloudflare
# Pages). Every other setting and its default: plugins/host_headers/settings.py.
HSTS = ""
HEADERS_IN_META = False

# Development builds link from the site root; see publishconf.py for the live site.
RELATIVE_URLS = False
LOAD_CONTENT_CACHE = False

# Tips missing in a language: {"fi": "en"} gives each English tip without a Finnish version a page in the
# Finnish frame (menu, switcher, footer) showing the English text, marked as such, until a translation exists.
# Such pages point search engines to the source and are left out of listings, feeds, the sitemap and search.
# Empty (the default): the switcher sends readers to that language's home instead.
FALLBACK = {"fi": "en"}
