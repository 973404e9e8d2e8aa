"""Review prompts after each tip: the platforms of each language, the same for every reader, none if unset."""

from support import build, tip_pages


def prompt_links(document):
    return [(a["data-platform"], a["href"]) for a in document.select(".review-prompt a")]


def test_each_language_shows_its_platforms_after_the_tip(site):
    output, settings = site
    for lang in settings["LANGUAGES"]:
        configured = settings["REVIEW_LINKS"].get(lang, settings["REVIEW_LINKS"].get("*", []))
        expected = [(link.platform, link.href) for link in configured]
        pages = list(tip_pages(output, lang))
        assert pages
        for _, document in pages:
            assert prompt_links(document) == expected
            prompt = document.select_one(".review-prompt")
            # after the tip's text, and asking nothing first: no form, no question to filter readers
            assert prompt.find_previous(class_="prose") is not None
            assert prompt.find("form") is None and prompt.find("input") is None and prompt.find("button") is None
    _, polish = next(tip_pages(output, "pl"))
    assert ("custom", "https://www.opineo.pl/opinie/reciprocity-hub-example") in prompt_links(polish)
    assert "Opineo" in polish.select_one(".review-prompt").get_text()


def test_no_prompt_where_no_platform_is_configured(tmp_path):
    output = tmp_path / "output"
    build(output, REVIEW_PLATFORMS={"fi": [{"platform": "custom", "name": "Tripadvisor", "url": "https://www.tripadvisor.fi/x"}]})
    for lang in ("en", "fr", "pl"):
        for _, document in tip_pages(output, lang):
            assert document.select_one(".review-prompt") is None
    _, finnish = next(tip_pages(output, "fi"))
    assert [name for name, _ in prompt_links(finnish)] == ["custom"]
