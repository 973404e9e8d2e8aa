"""The newsletter sign-up: the configured provider's form action and fields, consent never pre-ticked."""

import pytest

from support import build, freebie_pages, html, read_metadata, sources, tip_pages

PROVIDERS = {
    "buttondown": (
        {"provider": "buttondown", "username": "salon-ania"},
        "https://buttondown.com/api/emails/embed-subscribe/salon-ania",
        "email",
        {"embed": ["1"]},
        None,
    ),
    "mailchimp": (
        {"provider": "mailchimp", "action": "https://shop.us21.list-manage.com/subscribe/post?u=1a2b&id=3c4d"},
        "https://shop.us21.list-manage.com/subscribe/post?u=1a2b&id=3c4d",
        "EMAIL",
        {},
        "b_1a2b_3c4d",
    ),
    "kit": (
        {"provider": "kit", "form_id": "7654321"},
        "https://app.kit.com/forms/7654321/subscriptions",
        "email_address",
        {},
        None,
    ),
    "brevo": (
        {"provider": "brevo", "action": "https://f1e2d3.sibforms.com/serve/MUIFAbCdEf"},
        "https://f1e2d3.sibforms.com/serve/MUIFAbCdEf",
        "EMAIL",
        {"locale": ["{lang}"]},
        "email_address_check",
    ),
    "listmonk": (
        {"provider": "listmonk", "url": "https://lists.shop.test", "lists": ["6b1c6a7e-uuid"]},
        "https://lists.shop.test/subscription/form",
        "email",
        {"l": ["6b1c6a7e-uuid"]},
        "nonce",
    ),
    "generic": (
        {"provider": "generic", "action": "https://formspree.io/f/abcd", "email_field": "email", "hidden": {"_next": "https://shop.test/thanks/"}},
        "https://formspree.io/f/abcd",
        "email",
        {"_next": ["https://shop.test/thanks/"]},
        None,
    ),
}


def hidden_fields(form):
    fields = {}
    for field in form.select('input[type="hidden"]'):
        fields.setdefault(field["name"], []).append(field["value"])
    return fields


@pytest.mark.parametrize("provider", PROVIDERS)
def test_each_provider_gets_its_own_form_action_and_fields(tmp_path, provider):
    config, action, email_field, hidden, honeypot = PROVIDERS[provider]
    output = tmp_path / "output"
    settings = build(output, NEWSLETTER=config)
    pages = list(tip_pages(output))
    assert len(pages) >= 28
    for path, document in pages:
        lang = document.html["lang"]
        form = document.select_one(".newsletter form")
        assert form["action"] == action and form["method"] == "post", path
        assert form.select_one(f'input[type="email"][name="{email_field}"]').has_attr("required")
        expected = {name: [value.format(lang=lang) for value in values] for name, values in hidden.items()}
        assert hidden_fields(form) == expected
        trap = form.select_one(".signup__trap input")
        assert (trap["name"] if trap else None) == honeypot
        consent = form.select_one('input[type="checkbox"]')
        assert consent.has_attr("required") and not consent.has_attr("checked")
        assert consent.get("name") == ("OPT_IN" if provider == "brevo" else None)
        assert form.select_one(f'label[for="{consent["id"]}"]').get_text(strip=True)

    # the newsletter's own page and every gated freebie post to the same provider
    signup_pages = [document for _, document in freebie_pages(output) if document.select_one(".freebie-get form")]
    signup_pages += [html(path) for path in output.glob("*/*/index.html") if html(path).select_one(".newsletter-page")]
    gated = [path for path in sources("freebies") if read_metadata(path[2]).get("gate") == "email"]
    assert len(signup_pages) == len(gated) + len(settings["SITE_LANGUAGES"])
    for document in signup_pages:
        lang = document.html["lang"]
        form = document.select_one(".freebie-get form, .newsletter-page form")
        assert form["action"] == action
        assert form.select_one(f'input[type="email"][name="{email_field}"]').has_attr("required")
        fields = hidden_fields(form)
        if provider == "buttondown" and document.select_one(".freebie-get"):
            tag = fields.pop("tag")  # subscribers are tagged with the freebie
            assert tag in [[key] for key, _, path in gated]
        assert fields == {name: [value.format(lang=lang) for value in values] for name, values in hidden.items()}


def test_newsletter_comes_last_in_a_tip(site):
    _, document = next(tip_pages(site[0], "fr"))
    newsletter = document.select_one(".newsletter")
    assert newsletter.find_previous(class_="prose") and newsletter.find_previous(class_="share")
    assert newsletter.find_next(class_="prose") is None


def test_no_form_without_a_provider(tmp_path):
    output = tmp_path / "output"
    build(output, NEWSLETTER={})
    for _, document in tip_pages(output):
        assert document.select_one(".newsletter") is None
        assert document.select_one("form") is None
