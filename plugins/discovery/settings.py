"""The plugin's settings and their defaults, in one place."""

DEFAULTS = {
    # Drafts (and tips, pages or freebies dated in the future) are written under drafts/ for a preview, marked
    # noindex; the live build (publishconf.py) sets this to False and writes none of them.
    "DRAFTS_WRITTEN": True,
}

# How Pelican must be set up for what the README promises: a future date keeps a tip as a draft.
PELICAN_OVERRIDES = {
    "WITH_FUTURE_DATES": False,
}


def apply(settings):
    for name, value in DEFAULTS.items():
        settings.setdefault(name, value)
    settings.update(PELICAN_OVERRIDES)
