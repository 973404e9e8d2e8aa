"""Coupons: a freebie that delivers a code, shown on its delivery page only, until its offer ends.

The sample's own Expires date passes one day; these tests set the dates of a copy of the content around today
(the build's date), so that they hold whatever the day they run.
"""

import gzip
import re
import shutil
from datetime import timedelta

import pytest
from babel.dates import format_date

from hub.offer_end import build_date
from support import (
    PUBLISH_SETTINGS,
    PUBLISHED_SECRET,
    PUBLISHED_SITEURL,
    ROOT,
    build,
    file_for,
    html,
    is_private,
    make_check,
    read_metadata,
    sources,
)

KEY = "first-workshop-offer"
WORDS = {"en": "freebies", "fr": "cadeaux", "pl": "materialy", "fi": "materiaalit"}
LOCALES = {"en": "en", "fr": "fr", "pl": "pl", "fi": "fi"}
TODAY = build_date({"TIMEZONE": "Europe/Paris"})
# far enough from today that a build around midnight reads them the same
LAST_DAYS = {"en": TODAY + timedelta(days=60), "fr": TODAY + timedelta(days=90), "pl": TODAY - timedelta(days=30),
             "fi": TODAY + timedelta(days=7)}
LIVE = {"en", "fr", "fi"}


def coupon_sources():
    return {lang: path for key, lang, path in sources("freebies") if key == KEY}


def set_line(path, key, value):
    """Replace the `Key:` line of a source's header (or add it after the title)."""
    text = path.read_text(encoding="utf-8")
    if re.search(rf"(?m)^{key}:", text):
        text = re.sub(rf"(?m)^{key}: .*$", f"{key}: {value}", text, count=1)
    else:
        text = text.replace("\n", f"\n{key}: {value}\n", 1)
    path.write_text(text, encoding="utf-8")


def line_of(path, key):
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if line.startswith(f"{key}:"))


def dated_copy(folder):
    content = folder / "content"
    shutil.copytree(ROOT / "content", content)
    for lang, day in LAST_DAYS.items():
        set_line(content / "freebies" / f"{KEY}.{lang}.md", "Expires", day.isoformat())
    return content


@pytest.fixture(scope="module")
def coupon_site(tmp_path_factory):
    """The sample built as `make publish` builds it, with the coupon live in en, fr, fi and ended in pl."""
    folder = tmp_path_factory.mktemp("coupons")
    content = dated_copy(folder)
    output = folder / "output"
    build(output, PUBLISH_SETTINGS, PATH=str(content), SITEURL=PUBLISHED_SITEURL, FEED_DOMAIN=PUBLISHED_SITEURL,
          FREEBIE_SECRET=PUBLISHED_SECRET)
    return output


def landing(output, lang):
    slug = read_metadata(coupon_sources()[lang])["slug"]
    return output / lang / WORDS[lang] / slug / "index.html"


def delivery(output, lang):
    [page] = [path for path in landing(output, lang).parent.glob("*/index.html")]
    return page


def everything_written(output):
    for path in sorted(output.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            yield path, gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data


def test_the_sample_has_one_coupon_in_every_language_each_with_its_own_code_behind_a_sign_up():
    found = coupon_sources()
    assert set(found) == set(WORDS)
    codes = set()
    for path in found.values():
        metadata = read_metadata(path)
        assert metadata["gate"] == "email" and metadata["code"] and metadata["terms"] and metadata["expires"]
        codes.add(metadata["code"])
    assert len(codes) == 4 and read_metadata(found["fr"])["code"] == "MERCI15"
    offering = [path for _, _, path in sources("tips") if read_metadata(path).get("freebie") == KEY]
    assert sorted(path.name.split(".")[1] for path in offering) == sorted(WORDS)


@pytest.mark.parametrize("lang", sorted(LIVE))
def test_the_delivery_page_shows_the_code_its_last_day_and_terms_and_is_kept_from_search_engines(coupon_site, lang):
    source = read_metadata(coupon_sources()[lang])
    page = html(delivery(coupon_site, lang))
    assert is_private(page) and page.select_one('meta[name="referrer"]')["content"] == "no-referrer"
    assert page.select_one("[data-pagefind-body]") is None and page.select_one('script[type="application/ld+json"]') is None
    assert page.select_one(".coupon__code").get_text() == source["code"]
    button = page.select_one("button[data-copy-code]")
    assert button.has_attr("hidden"), "the button is the script's to show; without it the code is plain text"
    assert page.find("script", src=re.compile(r"/theme/js/copy-code\.[0-9a-f]{16}\.js$")) is not None
    assert not page.select("script:not([src])"), "no inline script"
    day = format_date(LAST_DAYS[lang], format="long", locale=LOCALES[lang])
    assert day in page.select_one(".coupon__expires").get_text()
    assert page.select_one(".coupon__terms").get_text() == source["terms"]


@pytest.mark.parametrize("lang", sorted(LIVE))
def test_the_landing_page_says_what_the_offer_is_never_the_code(coupon_site, lang):
    source = read_metadata(coupon_sources()[lang])
    page = html(landing(coupon_site, lang))
    assert page.select_one(".freebie-get form") is not None and page.select_one(".offer-ended") is None
    assert source["code"] not in str(page)
    assert format_date(LAST_DAYS[lang], format="long", locale=LOCALES[lang]) in page.select_one(".coupon__expires").get_text()
    listing = html(coupon_site / lang / WORDS[lang] / "index.html")
    assert landing(coupon_site, lang).parent.name in " ".join(a["href"] for a in listing.select(".card__title a"))


def test_a_code_is_written_in_its_delivery_page_and_nowhere_else(coupon_site):
    codes = {lang: read_metadata(path)["code"].encode() for lang, path in coupon_sources().items()}
    deliveries = {lang: delivery(coupon_site, lang) for lang in codes}
    found = {lang: [] for lang in codes}
    checked = 0
    for path, data in everything_written(coupon_site):
        checked += 1
        for lang, code in codes.items():
            if code in data or code.lower() in data.lower():
                found[lang].append(path)
    assert checked > 100
    for lang in LIVE:
        assert found[lang] == [deliveries[lang]], "not in listings, feeds, search, sitemap, JSON-LD, cards or offers"
    assert found["pl"] == [], "an ended offer's code is written nowhere"


def test_an_ended_offer_says_so_offers_the_newsletter_and_leaves_the_listing_and_the_tips(coupon_site):
    page = html(landing(coupon_site, "pl"))
    ended = page.select_one(".offer-ended")
    assert ended is not None and format_date(LAST_DAYS["pl"], format="long", locale="pl") in ended.get_text()
    assert page.select_one(".freebie-get form") is None, "no sign-up for what is no longer given"
    assert page.select_one(".newsletter form") is not None
    assert page.select_one("[data-pagefind-body]") is None
    gone = html(delivery(coupon_site, "pl"))
    assert gone.select_one(".offer-ended") is not None and gone.select_one(".coupon__code") is None and is_private(gone)
    listing = html(coupon_site / "pl" / WORDS["pl"] / "index.html")
    assert landing(coupon_site, "pl").parent.name not in " ".join(a["href"] for a in listing.select(".card__title a"))
    tips = [path for path in coupon_site.glob("pl/porady/*/index.html") if html(path).select_one(".tip__meta")]
    offers = [html(path).select_one(".offer__title a") for path in tips]
    assert all(KEY not in a["href"] and "rabat" not in a["href"] for a in offers if a is not None)
    sitemap = (coupon_site / "sitemap.xml").read_text(encoding="utf-8")
    assert landing(coupon_site, "fr").parent.name in sitemap


def test_live_offers_are_offered_at_the_top_of_their_tip(coupon_site):
    for lang in LIVE:
        url = f"/{landing(coupon_site, lang).parent.relative_to(coupon_site).as_posix()}/"
        tips = [html(path) for path in coupon_site.glob(f"{lang}/*/*/index.html")]
        offers = [tip.select_one(".offer") for tip in tips if tip.select_one(".tip__meta") and tip.select_one(".offer")]
        links = [offer for offer in offers if offer.select_one(".offer__title a")["href"] == PUBLISHED_SITEURL + url]
        assert len(links) == 1, lang
        assert links[0].select_one("a[download]") is None and links[0].select_one(".coupon__expires") is not None


def test_make_check_warns_two_weeks_ahead_and_names_a_bad_expires_at_its_line(tmp_path):
    content = dated_copy(tmp_path)
    status, printed = make_check(path=content)
    fi = content / "freebies" / f"{KEY}.fi.md"
    pl = content / "freebies" / f"{KEY}.pl.md"
    assert status == 0, printed
    assert f"{fi}:{line_of(fi, 'Expires')}: the offer ends on {LAST_DAYS['fi'].isoformat()}, in 7 day(s)" in printed
    assert f"{pl}:{line_of(pl, 'Expires')}: the offer ended on {LAST_DAYS['pl'].isoformat()}" in printed
    assert f"{KEY}.en.md:" not in printed and f"{KEY}.fr.md:" not in printed

    fr = content / "freebies" / f"{KEY}.fr.md"
    set_line(fr, "Expires", "30/06/2027")
    status, printed = make_check(path=content)
    assert status == 1
    assert f"{fr}:{line_of(fr, 'Expires')}: Expires '30/06/2027' is not a date: write" in printed


def test_a_bad_expires_or_a_code_without_a_sign_up_is_reported_and_left_out(tmp_path, caplog):
    content = dated_copy(tmp_path)
    fr = content / "freebies" / f"{KEY}.fr.md"
    set_line(fr, "Expires", "2027-02-30")
    en = content / "freebies" / f"{KEY}.en.md"
    set_line(en, "Gate", "none")
    output = tmp_path / "output"
    with caplog.at_level("ERROR"):
        build(output, PATH=str(content))
    messages = " ".join(record.getMessage() for record in caplog.records if record.levelname == "ERROR")
    assert f"{fr}:{line_of(fr, 'Expires')}: Expires '2027-02-30' is not a date" in messages
    assert f"{en}:{line_of(en, 'Code')}: a Code is only given on the delivery page" in messages
    assert not list(output.glob("fr/cadeaux/offre-premier-atelier/*"))
    assert not list(output.glob("en/freebies/first-workshop-offer/*"))
    assert (output / "fi" / "materiaalit" / "ensimmainen-tyopaja-edullisemmin" / "index.html").is_file()
    assert file_for(output, "/en/freebies/").is_file(), "the rest is built"
