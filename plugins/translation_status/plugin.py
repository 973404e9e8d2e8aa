"""Tell readers of an outdated translation that its source-language version has changed since.

Once every file has been read, each translation (a tip, page or freebie not in
the first language of LANGUAGES) is compared with its source, found by
translation key: when its Source_Hash differs from the source's current hash,
`outdated_source` is set to the source, and the theme shows a notice linking
to it. Every tip, page and freebie also gets `translation_status`: "source",
"current", "outdated", "untracked" or "no source".
"""

import logging

from pelican import signals

from hub.languages import language_codes
from hub.read_lists import items_read
from hub.source_hash import SourceError, file_hash, stored_hash
from hub.translation_records import CURRENT, NO_SOURCE, OUTDATED, UNTRACKED

logger = logging.getLogger(__name__)

SOURCE = "source"


def annotate(items, source_lang, hash_of=file_hash):
    """Set `translation_status` and `outdated_source` on every item; returns [(outdated item, its source)]."""
    sources = {}
    for item in items:
        if item.lang == source_lang:
            known = sources.get(item.translation_key)
            if known is None or (_is_draft(known) and not _is_draft(item)):
                sources[item.translation_key] = item  # a published source rather than a draft
    hashes = {}
    outdated = []
    for item in items:
        item.outdated_source = None
        if item.lang == source_lang:
            item.translation_status = SOURCE
            continue
        source = sources.get(item.translation_key)
        recorded = stored_hash(item.metadata.get("source_hash"))
        if source is None:
            item.translation_status = NO_SOURCE
            continue
        if recorded is None:
            item.translation_status = UNTRACKED
            continue
        if source.source_path not in hashes:
            try:
                hashes[source.source_path] = hash_of(source.source_path)
            except SourceError as error:  # Pelican has just read it: unlikely, and no reason to stop the build
                logger.warning("%s", error)
                hashes[source.source_path] = recorded
        if hashes[source.source_path] == recorded:
            item.translation_status = CURRENT
            continue
        item.translation_status = OUTDATED
        if not _is_draft(source):  # a draft source has no public page to link to
            item.outdated_source = source
        outdated.append((item, source))
    return outdated


def _is_draft(item):
    return getattr(item, "status", "published") == "draft"


def flag_outdated(generators):
    """Receiver of all_generators_finalized."""
    for generator in generators:
        items = items_read(generator)
        if not items:
            continue
        settings = generator.settings
        source_lang = language_codes(settings)[0]
        for item, source in annotate(items, source_lang):
            logger.info(
                "%s: outdated translation: %s has changed since its Source_Hash", item.source_path, source.source_path
            )


def register():
    signals.all_generators_finalized.connect(flag_outdated)
