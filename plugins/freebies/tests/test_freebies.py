"""Freebies: a landing page per language, free downloads, gated ones behind a sign-up, secret delivery URLs."""

import io
import re

import pytest
from pypdf import PdfReader

from freebies.links import delivery_links
from freebies.tokens import SecretError, delivery_token
from pelican.settings import read_settings
from hub.offer_end import build_date, has_ended, parse_expires
from support import (
    PUBLISH_SETTINGS,
    PUBLISHED_SECRET,
    PUBLISHED_SITEURL,
    build,
    expected_slug,
    file_for,
    freebie_pages,
    html,
    read_metadata,
    sources,
    tip_pages,
)

WORDS = {"en": "freebies", "fr": "cadeaux", "pl": "materialy", "fi": "materiaalit"}
TOKEN = re.compile(r"/([0-9a-f]{32})/")


def freebie_sources():
    return [(key, lang, path) for key, lang, path in sources("freebies") if path.parent.name == "freebies"]


def offered(metadata):
    """Whether the sample's freebie is still on offer by today's build (a coupon's offer ends)."""
    return not has_ended(parse_expires(metadata.get("expires")), build_date({"TIMEZONE": "Europe/Paris"}))


def landing_url(lang, metadata):
    return f"/{lang}/{WORDS[lang]}/{expected_slug(metadata)}/"


def delivery_folders(output):
    return sorted(path.parent for path in output.glob("*/*/*/*/index.html") if TOKEN.search(f"/{path.parent.name}/"))


@pytest.fixture
def secret_site(published_site):
    return published_site[0]


def test_two_sample_freebies_one_free_one_gated_in_every_language():
    found = freebie_sources()
    gates = {key: set() for key, _, _ in found}
    for key, lang, path in found:
        gates[key].add(read_metadata(path)["gate"])
    assert {lang for _, lang, _ in found} == set(WORDS)
    assert len(found) >= 8 and {"none", "email"} <= set().union(*gates.values())
    assert all(len(values) == 1 for values in gates.values()), "a freebie's gate is the same in every language"


@pytest.mark.parametrize("key,lang,source", freebie_sources(), ids=lambda value: str(getattr(value, "name", value)))
def test_each_freebie_has_a_landing_page_per_language(site, key, lang, source):
    output, _ = site
    metadata = read_metadata(source)
    document = html(file_for(output, landing_url(lang, metadata)))
    assert document.html["lang"] == lang
    assert document.h1.get_text(strip=True) == metadata["title"]
    assert document.select_one('meta[name="robots"]') is None
    download = document.select_one("a[download]")
    if not offered(metadata):
        assert document.select_one(".offer-ended") is not None and download is None
    elif metadata["gate"] == "none":
        # a direct download, no strings attached
        assert document.select_one("form") is None
        assert download["href"].startswith(landing_url(lang, metadata)) and download["href"].endswith(".pdf")
        assert file_for(output, download["href"]).read_bytes().startswith(b"%PDF")
    else:
        assert download is None and document.select_one(".freebie-get form") is not None
        consent = document.select_one('.freebie-get input[type="checkbox"]')
        assert consent.has_attr("required") and not consent.has_attr("checked")


def test_freebie_pdfs_are_in_their_language(site):
    output, _ = site
    pdfs = sorted(output.rglob("*.pdf"))
    files = [path for _, _, path in freebie_sources() if read_metadata(path).get("file") and offered(read_metadata(path))]
    assert len(pdfs) == len(files)
    for pdf in pdfs:
        lang = pdf.relative_to(output).parts[0]
        reader = PdfReader(io.BytesIO(pdf.read_bytes()))
        text = "".join(page.extract_text() for page in reader.pages)
        assert len(text.split()) > 150, pdf
        assert {"pl": "ą", "fi": "ä", "fr": "é"}.get(lang, "e") in text, pdf  # the font has every letter
        assert reader.metadata.title and reader.metadata.title in text


def test_tips_offer_their_freebie_near_the_top_in_their_language(site):
    output, _ = site
    offers = 0
    for path, document in tip_pages(output):
        offer = document.select_one(".offer")
        if offer is None:
            continue
        offers += 1
        lang = document.html["lang"]
        link = offer.select_one(".offer__title a")["href"]
        assert link.startswith(f"/{lang}/{WORDS[lang]}/"), path
        assert offer.find_next(class_="prose") is not None, "the gift comes before the tip"
        landing = html(file_for(output, link))
        assert landing.h1.get_text(strip=True) == link_text(offer)
        if landing.select_one("form"):
            assert offer.select_one("a[download]") is None
        else:
            assert offer.select_one("a[download]")["href"] == landing.select_one("a[download]")["href"]
    tips = [path for _, _, path in sources("tips") if "freebie" in read_metadata(path)]
    on_offer = {key for key, _, path in freebie_sources() if offered(read_metadata(path))}
    assert offers == len([tip for tip in tips if read_metadata(tip)["freebie"] in on_offer]) >= 8


def link_text(offer):
    return offer.select_one(".offer__title a").get_text(strip=True)


def test_delivery_pages_are_private_and_lead_to_the_file(secret_site):
    output = secret_site
    folders = delivery_folders(output)
    gated = [source for source in freebie_sources() if read_metadata(source[2])["gate"] == "email"]
    assert len(folders) == len(gated) >= 4
    tokens = {folder.name for folder in folders}
    assert len(tokens) == len(folders), "a token per freebie and language"
    for folder in folders:
        document = html(folder / "index.html")
        assert document.select_one('meta[name="robots"]')["content"] == "noindex, nofollow"
        assert document.select_one('meta[name="referrer"]')["content"] == "no-referrer"
        assert document.select_one('link[hreflang]') is None
        download = document.select_one("a[download]")
        if download is None:  # a coupon: its code instead of a file, or the news that its offer has ended
            assert document.select_one(".coupon__code, .offer-ended") is not None, folder
        else:
            href = download["href"]
            assert folder.name in href and file_for(output, href, PUBLISHED_SITEURL).read_bytes().startswith(b"%PDF")
        assert document.select_one(".tip__lede").get_text(strip=True), "a specific thank-you, written for this freebie"
        assert document.select(".review-prompt a"), "the review prompt follows the gift"
        for share in document.select(".share__links a"):
            assert folder.name not in share["href"], "sharing gives the landing page, never the delivery URL"


def test_tokens_never_appear_outside_their_delivery_folder(secret_site):
    output = secret_site
    folders = delivery_folders(output)
    tokens = {folder.name for folder in folders}
    checked = 0
    for path in output.rglob("*"):
        if path.is_dir() or any(folder in path.parents for folder in folders):
            continue
        data = path.read_bytes()
        leaked = [token for token in tokens if token.encode() in data]
        assert not leaked, f"{path} gives away a delivery URL"
        checked += 1
    assert checked > 100


def test_tokens_are_stable_differ_per_freebie_and_language_and_change_with_the_secret():
    first = delivery_token(PUBLISHED_SECRET, "review-request-kit", "fr")
    assert first == delivery_token(PUBLISHED_SECRET, "review-request-kit", "fr")
    assert re.fullmatch(r"[0-9a-f]{32}", first)
    others = {
        delivery_token(PUBLISHED_SECRET, "review-request-kit", "pl"),
        delivery_token(PUBLISHED_SECRET, "thank-you-checklist", "fr"),
        delivery_token(PUBLISHED_SECRET + "!", "review-request-kit", "fr"),
    }
    assert first not in others and len(others) == 3


def test_a_new_secret_moves_every_delivery_page(secret_site, tmp_path):
    output = tmp_path / "output"
    build(output, PUBLISH_SETTINGS, SITEURL=PUBLISHED_SITEURL, FREEBIE_SECRET="another secret, just as long")
    before = {folder.name for folder in delivery_folders(secret_site)}
    after = {folder.name for folder in delivery_folders(output)}
    assert len(after) == len(before) and not before & after


def test_the_live_site_needs_a_secret(tmp_path):
    with pytest.raises(SecretError, match="FREEBIE_SECRET"):
        build(tmp_path / "output", PUBLISH_SETTINGS, FREEBIE_SECRET="")


def test_development_builds_warn_about_the_missing_secret(site, caplog, tmp_path):
    with caplog.at_level("WARNING"):
        build(tmp_path / "output", FREEBIE_SECRET="")
    assert any("FREEBIE_SECRET is not set" in record.getMessage() for record in caplog.records)


def test_the_links_command_prints_the_built_delivery_urls(secret_site):
    settings = read_settings(str(PUBLISH_SETTINGS), override={"SITEURL": PUBLISHED_SITEURL, "FREEBIE_SECRET": PUBLISHED_SECRET})
    printed = {url for _, url in delivery_links(settings)}
    built = {f"{PUBLISHED_SITEURL}/{folder.relative_to(secret_site).as_posix()}/" for folder in delivery_folders(secret_site)}
    assert printed == built


def test_a_tip_naming_a_missing_freebie_is_an_error_naming_the_file(content, tmp_path, caplog):
    tip = content / "tips" / "give-first.fr.md"
    lines = tip.read_text(encoding="utf-8").splitlines()
    lines.insert(3, "Freebie: no-such-gift")
    tip.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with caplog.at_level("ERROR"):
        build(tmp_path / "output", PATH=str(content))
    messages = [record.getMessage() for record in caplog.records if record.levelname == "ERROR"]
    assert any(f"{tip}:4:" in message and "no-such-gift" in message for message in messages), messages
    built = html(next(tmp_path.glob("output/fr/conseils/*/index.html")))
    assert built is not None


def test_a_freebie_with_a_bad_gate_or_file_is_reported_and_left_out(content, tmp_path, caplog):
    bad_gate = content / "freebies" / "thank-you-checklist.fr.md"
    bad_gate.write_text(re.sub(r"(?m)^Gate: .*$", "Gate: maybe", bad_gate.read_text(encoding="utf-8")), encoding="utf-8")
    bad_file = content / "freebies" / "thank-you-checklist.pl.md"
    bad_file.write_text(re.sub(r"(?m)^File: .*$", "File: files/missing.pdf", bad_file.read_text(encoding="utf-8")), encoding="utf-8")
    with caplog.at_level("ERROR"):
        build(tmp_path / "output", PATH=str(content))
    messages = " ".join(record.getMessage() for record in caplog.records if record.levelname == "ERROR")
    assert f"{bad_gate}:{line_of(bad_gate, 'Gate')}: Gate must be" in messages
    assert f"{bad_file}:{line_of(bad_file, 'File')}: the file" in messages
    assert (tmp_path / "output" / "en" / "freebies" / "thank-you-checklist" / "index.html").exists()


def line_of(path, key):
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if line.startswith(f"{key}:"))


def test_one_form_per_freebie_where_the_provider_needs_it(tmp_path):
    output = tmp_path / "output"
    build(
        output,
        NEWSLETTER={"provider": "kit", "form_id": "1111111"},
        FREEBIE_SIGNUP={"review-request-kit": {"*": {"form_id": "2222222"}, "pl": {"form_id": "3333333"}}},
    )
    kit = {f"/{lang}/{WORDS[lang]}/{expected_slug(read_metadata(path))}/"
           for key, lang, path in freebie_sources() if key == "review-request-kit"}
    actions = {path.relative_to(output).parts[0]: document.select_one(".freebie-get form")["action"]
               for path, document in freebie_pages(output)
               if f"/{path.parent.relative_to(output).as_posix()}/" in kit}
    assert actions == {
        "en": "https://app.kit.com/forms/2222222/subscriptions",
        "fr": "https://app.kit.com/forms/2222222/subscriptions",
        "fi": "https://app.kit.com/forms/2222222/subscriptions",
        "pl": "https://app.kit.com/forms/3333333/subscriptions",
    }
    _, tip = next(tip_pages(output, "en"))
    assert tip.select_one(".newsletter form")["action"] == "https://app.kit.com/forms/1111111/subscriptions"


def test_every_language_lists_its_freebies_in_the_menu(site):
    output, _ = site
    for lang, word in WORDS.items():
        index = html(output / lang / word / "index.html")
        listed = {a["href"] for a in index.select(".card__title a")}
        expected = {landing_url(lang, read_metadata(path)) for _, source_lang, path in freebie_sources()
                    if source_lang == lang and offered(read_metadata(path))}
        assert listed == expected
        home = html(output / lang / "index.html")
        assert f"/{lang}/{word}/" in {a["href"] for a in home.select(".site-nav a")}
