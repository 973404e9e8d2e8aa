import pytest

from hub.signup_forms import ProviderConfigError, signup_form


def test_mailchimp_honeypot_comes_from_the_form_action():
    form = signup_form({"provider": "mailchimp", "action": "https://shop.us21.list-manage.com/subscribe/post?u=abc123&id=def456"}, "fr")
    assert (form.email_field, form.honeypot) == ("EMAIL", "b_abc123_def456")


def test_listmonk_lists_can_differ_per_language():
    config = {"provider": "listmonk", "url": "https://lists.shop.test/", "lists": {"pl": ["uuid-pl"], "*": ["uuid-all"]}}
    assert signup_form(config, "pl").hidden == [("l", "uuid-pl")]
    assert signup_form(config, "fi").hidden == [("l", "uuid-all")]
    assert signup_form(config, "fi").action == "https://lists.shop.test/subscription/form"


def test_generic_hidden_fields_can_name_the_language():
    form = signup_form({"provider": "generic", "action": "https://forms.test/f/x", "hidden": {"_language": "{lang}"}}, "fi")
    assert form.hidden == [("_language", "fi")]


def test_no_provider_means_no_form():
    assert signup_form({}, "en") is None


@pytest.mark.parametrize(
    "config, message",
    [
        ({"provider": "substack"}, r"NEWSLETTER\['provider'\]: 'substack' is not one of"),
        ({"provider": "kit"}, r"the 'kit' provider needs 'form_id'"),
        ({"provider": "mailchimp", "action": "https://example.com/subscribe"}, r"https:// URL on \.list-manage\.com"),
        ({"provider": "mailchimp", "action": "https://x.us1.list-manage.com/subscribe/post"}, "u=… and id=…"),
        ({"provider": "brevo", "action": "http://x.sibforms.com/serve/1"}, "expected an https:// URL"),
        ({"provider": "listmonk", "url": "https://lists.test"}, "needs 'lists'"),
    ],
)
def test_a_bad_setting_is_a_clear_error(config, message):
    with pytest.raises(ProviderConfigError, match=message):
        signup_form(config, "en")
