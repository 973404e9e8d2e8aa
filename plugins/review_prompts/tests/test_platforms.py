from urllib.parse import parse_qs, urlsplit

import pytest
from review_prompts.platforms import ReviewConfigError, review_link
from review_prompts.review_prompts import links_by_language


def test_google_links_to_the_write_a_review_form_of_a_place():
    link = review_link({"platform": "google", "place_id": "ChIJ abc+/="}, "here")
    parts = urlsplit(link.href)
    assert (parts.netloc, parts.path) == ("search.google.com", "/local/writereview")
    assert parse_qs(parts.query) == {"placeid": ["ChIJ abc+/="]}
    assert link.name == "Google"


def test_trustpilot_facebook_and_custom():
    assert review_link({"platform": "trustpilot", "domain": "shop.example"}, "x").href == (
        "https://www.trustpilot.com/evaluate/shop.example"
    )
    assert review_link({"platform": "facebook", "page": "salon.ania"}, "x").href == (
        "https://www.facebook.com/salon.ania/reviews"
    )
    ceneo = review_link({"platform": "custom", "name": "Ceneo", "url": "https://www.ceneo.pl/sklepy/x"}, "x")
    assert (ceneo.name, ceneo.href) == ("Ceneo", "https://www.ceneo.pl/sklepy/x")


@pytest.mark.parametrize(
    "entry, message",
    [
        ({"platform": "yelp"}, r"REVIEW_PLATFORMS\['pl'\]\[0\]: unknown platform 'yelp'"),
        ({"platform": "google"}, r"REVIEW_PLATFORMS\['pl'\]\[0\]: the 'google' platform needs 'place_id'"),
        ({"platform": "custom", "name": "Opineo", "url": "javascript:alert(1)"}, "must start with https://"),
    ],
)
def test_a_bad_entry_is_a_clear_error_naming_where_it_is(entry, message):
    with pytest.raises(ReviewConfigError, match=message):
        links_by_language({"pl": [entry]})
