"""Settings for the live site: `make publish` builds with these."""

import os
import sys

sys.path.append(os.path.dirname(__file__))
from pelicanconf import *  # noqa: E402,F403

# Absolute URLs are required for canonical links, hreflang and feeds.
SITEURL = os.environ.get("SITEURL", "https://reciprocity-hub.example")
FEED_DOMAIN = SITEURL
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True

# Gated freebies' delivery URLs are derived from this secret: keep it out of the
# repository, and keep it the same from one publish to the next.
FREEBIE_SECRET = os.environ.get("FREEBIE_SECRET", "")
FREEBIE_SECRET_REQUIRED = True

# Drafts, and whatever is dated in the future, are not part of the live site: none of them is written.
DRAFTS_WRITTEN = False
