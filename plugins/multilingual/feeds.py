"""One Atom feed per language, listing only that language's tips."""

import os
from urllib.parse import urljoin

from feedgenerator import Atom1Feed, get_tag_uri
from pelican.utils import sanitised_join, set_date_tzinfo


def write_feed(output_path, feed_url, edition, site_url, title, subtitle, max_items, timezone):
    """Write the feed of `edition` to `feed_url` under `output_path`; return its path."""
    base = (site_url or "") + "/"
    feed = Atom1Feed(
        title=title,
        link=urljoin(base, edition.language.home_url),
        feed_url=urljoin(base, feed_url),
        description=subtitle,
        subtitle=subtitle,
        language=edition.code,
    )
    for tip in edition.tips[:max_items]:
        link = urljoin(base, tip.url)
        feed.add_item(
            title=tip.title,  # plain text, as the page's heading shows it
            link=link,
            unique_id=get_tag_uri(link, tip.date),
            description=tip.summary,
            content=tip.get_content(site_url),
            categories=[term.name for term in [getattr(tip, "category", None), *getattr(tip, "tags", [])] if term],
            author_name=getattr(tip, "author", ""),
            pubdate=set_date_tzinfo(tip.date, timezone),
            updateddate=set_date_tzinfo(tip.modified, timezone) if hasattr(tip, "modified") else None,
        )
    path = sanitised_join(output_path, feed_url)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as file:
        feed.write(file, "utf-8")
    return path
