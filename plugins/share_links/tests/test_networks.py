from urllib.parse import parse_qs, quote, unquote, urlencode, urlsplit

import pytest
from share_links.networks import NETWORKS, share_links
from share_links.share_links import ShareConfigError, networks_by_language

URL = "https://hub.test/pl/porady/jak-ulatwic/"
TITLE = 'Łatwe „polecenia” & “quotes” – ääkköset'


def query(href):
    return {key: values[0] for key, values in parse_qs(urlsplit(href).query, strict_parsing=True).items()}


@pytest.mark.parametrize("network", [name for name in NETWORKS if name != "email"])
def test_network_links_decode_back_to_the_url_and_title(network):
    [link] = share_links([network], URL, TITLE, "subject", "body")
    assert " " not in link.href and "+" not in link.href
    decoded = " ".join(query(link.href).values())
    assert URL in decoded
    if network not in ("facebook", "linkedin"):  # these two take the URL only
        assert TITLE in decoded


def test_email_link_follows_rfc_6068():
    [link] = share_links(["email"], URL, TITLE, f"Tip: {TITLE}", f"Look:\n{TITLE}\n{URL}")
    assert link.href.startswith("mailto:?subject=")
    assert "+" not in link.href and " " not in link.href
    assert "%20" in link.href and "%0D%0A" in link.href
    fields = dict(part.split("=", 1) for part in urlsplit(link.href).query.split("&"))
    assert unquote(fields["subject"]) == f"Tip: {TITLE}"
    assert unquote(fields["body"]) == f"Look:\r\n{TITLE}\r\n{URL}"


@pytest.mark.parametrize("network", list(NETWORKS))
def test_every_query_is_what_the_standard_library_encodes(network):
    [link] = share_links([network], URL, TITLE, f"Tip: {TITLE}", f"Look:\r\n{TITLE}\r\n{URL}")
    base, query_string = link.href.split("?", 1)
    fields = dict(part.split("=", 1) for part in query_string.split("&"))
    decoded = {name: unquote(value) for name, value in fields.items()}
    assert query_string == urlencode(decoded, quote_via=quote, safe="")


def test_networks_keep_the_owners_order():
    links = share_links(["telegram", "email", "x"], URL, TITLE, "s", "b")
    assert [link.network for link in links] == ["telegram", "email", "x"]


def test_a_plain_list_applies_to_every_language():
    assert networks_by_language(["email", "x"]) == {"*": ["email", "x"]}


def test_an_unknown_network_is_a_clear_error():
    with pytest.raises(ShareConfigError, match=r"SHARE_NETWORKS\['pl'\]: unknown network\(s\) \['myspace'\]"):
        networks_by_language({"pl": ["email", "myspace"]})
