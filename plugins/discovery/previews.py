"""What a page tells link previews and search engines about itself: Open Graph locales and JSON-LD."""

import json

from markupsafe import Markup
from pelican.contents import Article

from .pages import absolute


def _date(value):
    return value.replace(microsecond=0).isoformat() if value else None


def article_data(tip, site_url, site_name, description, image_url=None):
    organization = {"@type": "Organization", "name": site_name, "url": f"{site_url}/"}
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": tip.title,
        "description": description,
        "inLanguage": tip.lang,
        "url": absolute(site_url, tip.url),
        "mainEntityOfPage": absolute(site_url, tip.url),
        "datePublished": _date(tip.date),
        "dateModified": _date(getattr(tip, "modified", None) or tip.date),
        "author": organization,
        "publisher": organization,
    }
    if image_url:
        data["image"] = image_url
    if getattr(tip, "category", None):
        data["articleSection"] = tip.category.name
    if getattr(tip, "tags", None):
        data["keywords"] = [tag.name for tag in tip.tags]
    return data


def search_action(site_url, search_url):
    """Tells search engines the site's own search page takes a query in `q`."""
    return {
        "@type": "SearchAction",
        "target": {"@type": "EntryPoint", "urlTemplate": absolute(site_url, search_url) + "?q={search_term_string}"},
        "query-input": "required name=search_term_string",
    }


def website_data(home, site_url, site_name, description, languages):
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": site_name,
        "description": description,
        "url": absolute(site_url, home.url),
        "inLanguage": languages,
    }


def as_script(data):
    """JSON for a <script type="application/ld+json">: `<` escaped so no text can close the script."""
    text = json.dumps(data, ensure_ascii=False, indent=None, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def structured_data(context, page, description, image_url=None):
    """JSON-LD for a tip (Article) or a home page (WebSite); None for other pages."""
    site_url, site_name = context["SITEURL"], context["SITENAME"]
    # the page's description as its <meta> tag holds it, escaped: JSON-LD wants the text itself
    description = Markup(description).unescape()
    if isinstance(page, Article):
        return as_script(article_data(page, site_url, site_name, description, image_url))
    language = page.language
    if page.url == "":  # the site's root, which offers every language
        return as_script(website_data(page, site_url, site_name, description, [code for code in context["LANGUAGES"]]))
    if page.url == language.home_url:
        data = website_data(page, site_url, site_name, description, language.code)
        if context.get("SEARCH_ENABLED") and "search" in language.words:
            data["potentialAction"] = search_action(site_url, language.url(language.words["search"]))
        return as_script(data)
    return None
