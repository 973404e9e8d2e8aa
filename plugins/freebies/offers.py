"""Tips that name a freebie (`Freebie: <name>`) offer it near their top, in their own language."""

import logging

from hub.sources import where

logger = logging.getLogger(__name__)


def attach_offers(tips, freebies):
    """Set `freebie` on each tip: the named freebie in the tip's language, or None.

    `freebies` maps a freebie's name (its file name without `.lang.md`) to its
    versions by language. An offer that has ended is offered no more: its landing page says it has ended.
    """
    for tip in tips:
        tip.freebie = None
        name = str(tip.metadata.get("freebie") or "").strip()
        if not name:
            continue
        versions = freebies.get(name)
        if versions is None:
            known = ", ".join(sorted(freebies)) or "none yet"
            logger.error(
                "%s: there is no freebie %r (the freebies are: %s); correct the Freebie line or add "
                "content/freebies/%s.%s.md",
                where(tip.source_path, "Freebie"), name, known, name, tip.lang,
            )
        elif tip.lang not in versions:
            logger.warning(
                "%s: the freebie %r has no %s version yet, so this tip offers none; add content/freebies/%s.%s.md",
                where(tip.source_path, "Freebie"), name, tip.lang, name, tip.lang,
            )
        elif getattr(versions[tip.lang], "ended", False):
            logger.warning(
                "%s: the offer %r ended on %s, so this tip offers it no more; remove the Freebie line or name another",
                where(tip.source_path, "Freebie"), name, versions[tip.lang].expires.isoformat(),
            )
        else:
            tip.freebie = versions[tip.lang]
