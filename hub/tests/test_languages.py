import pytest

from hub.languages import LanguageConfigError, Languages, save_as


def test_languages_keep_the_settings_order_and_the_first_is_the_default():
    languages = Languages({"fr": {"tips": "conseils"}, "en": {}})
    assert languages.codes == ["fr", "en"]
    assert languages.default.code == "fr"


def test_names_come_from_babel_in_the_language_itself():
    languages = Languages({"en": {}, "fr": {}, "pl": {}, "fi": {}})
    assert [language.name for language in languages] == ["English", "Français", "Polski", "Suomi"]


def test_urls_use_the_languages_words_and_english_ones_by_default():
    french = Languages({"fr": {"tips": "conseils", "category": "categorie"}})["fr"]
    assert french.home_url == "fr/"
    assert french.archives_url == "fr/conseils/"
    assert french.categories_url == "fr/categorie/"
    assert french.tags_url == "fr/tag/"
    assert french.paginated_url("fr/", 1) == "fr/"
    assert french.paginated_url("fr/", 3) == "fr/page/3/"
    assert save_as(french.home_url) == "fr/index.html"


def test_an_unknown_language_code_is_a_clear_error():
    with pytest.raises(LanguageConfigError, match="'xx-nope' is not a language code"):
        Languages({"xx-nope": {}})


def test_an_unknown_url_word_is_a_clear_error():
    with pytest.raises(LanguageConfigError, match=r"unknown URL word\(s\) \['tipz'\]"):
        Languages({"fr": {"tipz": "conseils"}})


def test_no_language_is_a_clear_error():
    with pytest.raises(LanguageConfigError, match="LANGUAGES is empty"):
        Languages({})
