"""“Tell a friend” links on every tip: they decode back to the page and its title, as the owner configured."""

import re
from urllib.parse import parse_qs, unquote, urlsplit

from support import PUBLISHED_SITEURL, build, html, tip_pages, tip_source


def decoded_values(href):
    parts = urlsplit(href)
    if parts.scheme == "mailto":
        return [unquote(value) for _, _, value in (field.partition("=") for field in parts.query.split("&"))]
    return [values[0] for values in parse_qs(parts.query).values()]


def test_share_links_decode_back_to_the_page_url_and_its_title(published_site):
    output, settings = published_site
    networks = settings["SHARE_NETWORKS"]["*"]
    checked = 0
    for path, document in tip_pages(output):
        canonical = document.select_one('link[rel="canonical"]')["href"]
        title = document.h1.get_text(strip=True)
        links = {a["data-network"]: a["href"] for a in document.select(".share a[data-network]")}
        assert list(links) == networks
        for network, href in links.items():
            assert "+" not in href and " " not in href, f"{path}: {network} link is not percent-encoded"
            text = " ".join(decoded_values(href))
            assert canonical in text, f"{path}: {network} does not carry {canonical}"
            if network not in ("facebook", "linkedin"):
                assert title in text, f"{path}: {network} does not carry the title"
        checked += 1
    assert checked >= 28


def test_email_is_in_the_pages_language(published_site):
    output, _ = published_site
    french = html(next(output.glob("fr/conseils/donnez-d-abord-demandez-ensuite/index.html")))
    mailto = french.select_one('.share a[data-network="email"]')
    subject = unquote(urlsplit(mailto["href"]).query.split("&")[0].partition("=")[2])
    assert subject == "Un conseil pour toi\u202f: Donnez d’abord, demandez ensuite"
    assert mailto.get_text(strip=True) == "E-mail"
    assert PUBLISHED_SITEURL in unquote(mailto["href"])


def test_copy_and_native_share_wait_for_javascript(site):
    output, _ = site
    _, document = next(tip_pages(output))
    for selector in ("[data-copy]", "[data-native]"):
        assert document.select_one(selector).find_parent("li").has_attr("hidden")
    script = document.find("script", src=re.compile(r"/theme/js/share\.[0-9a-f]{16}\.js$"))
    assert script is not None and script.has_attr("defer")


def test_owner_picks_networks_per_language_and_none_shows_nothing(tmp_path):
    output = tmp_path / "output"
    build(output, SHARE_NETWORKS={"*": ["email"], "pl": ["whatsapp", "telegram"], "fi": []})
    networks = {}
    for path, document in tip_pages(output):
        lang = document.html["lang"]
        found = [a["data-network"] for a in document.select(".share a[data-network]")]
        networks.setdefault(lang, found)
        if lang == "fi":
            assert document.select_one(".share") is None, "no share block where no network is configured"
    assert networks == {"en": ["email"], "fr": ["email"], "pl": ["whatsapp", "telegram"], "fi": []}


def test_links_carry_a_title_with_html_characters_as_plain_text(content, tmp_path):
    title = 'Tips & tricks for "regulars": don\'t wait'
    (content / "tips" / "tips-and-tricks.en.md").write_bytes(tip_source(title, extra="Slug: tips-and-tricks\n"))
    output = tmp_path / "output"
    build(output, PATH=str(content))
    document = html(output / "en" / "tips" / "tips-and-tricks" / "index.html")
    assert document.h1.get_text() == title
    links = {a["data-network"]: a["href"] for a in document.select(".share a[data-network]")}
    subject, body = decoded_values(links["email"])
    assert subject == f"A tip for you: {title}"
    assert body.startswith(f"I read this and thought of you:\r\n{title}\r\n")
    assert title in decoded_values(links["x"])
    assert document.select_one(".share")["data-title"] == title
