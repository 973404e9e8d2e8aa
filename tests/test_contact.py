"""The “make things right” page: one per language, the owner's details, a concrete promise."""

from support import build, expected_slug, html, pages, read_metadata, sources


def contact_pages(output, settings):
    for key, lang, source in sources("pages"):
        metadata = read_metadata(source)
        if metadata.get("template") == "contact":
            yield lang, output / lang / expected_slug(metadata) / "index.html"


def test_every_language_has_a_contact_page_with_the_owners_details(site):
    output, settings = site
    found = dict(contact_pages(output, settings))
    assert set(found) == set(settings["LANGUAGES"])
    contact = settings["CONTACT"]
    for lang, path in found.items():
        card = html(path).select_one(".contact-card")
        assert card.select_one(f'a[href="mailto:{contact["email"]}"]')
        assert card.select_one(f'a[href="tel:{contact["phone"].replace(" ", "")}"]')
        assert contact["address"] in card.get_text()
        assert card.select_one(".contact-card__promise").get_text(strip=True)


def test_the_promise_names_the_response_time_in_each_language(tmp_path):
    output = tmp_path / "output"
    settings = build(output, CONTACT={"email": "help@shop.test", "response_days": 3})
    promises = {lang: html(path).select_one(".contact-card__promise").get_text(strip=True) for lang, path in contact_pages(output, settings)}
    assert promises == {
        "en": "We answer every message within 3 working days.",
        "fr": "Nous répondons à chaque message sous 3 jours ouvrés.",
        "pl": "Odpowiadamy na każdą wiadomość w\u00a0ciągu 3 dni roboczych.",
        "fi": "Vastaamme jokaiseen viestiin 3 arkipäivän kuluessa.",
    }
    card = html(dict(contact_pages(output, settings))["pl"]).select_one(".contact-card")
    assert not card.select('a[href^="tel:"]'), "no phone configured, none shown"


def test_every_page_links_to_the_contact_page_of_its_language(site):
    output, settings = site
    targets = {lang: "/" + str(path.relative_to(output).parent) + "/" for lang, path in contact_pages(output, settings)}
    for path in pages(output):
        document = html(path)
        lang = document.html["lang"]
        if document.select_one(".site-nav") is None:
            continue  # the language chooser at the root
        assert document.select_one(f'.site-nav a[href="{targets[lang]}"]'), f"{path}: no link to {targets[lang]}"


def test_no_contact_card_without_contact_settings(tmp_path):
    output = tmp_path / "output"
    settings = build(output, CONTACT={})
    for _, path in contact_pages(output, settings):
        document = html(path)
        assert document.select_one(".contact-card") is None
        assert document.select_one(".prose").get_text(strip=True)
