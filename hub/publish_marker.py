"""The mark `make publish` leaves in the site it checked, so that the upload targets can tell it from a development
build, whose freebie delivery pages use the public development secret.

The mark holds nothing secret (which settings, which SITEURL, when); every development build removes it first.
deploy.mk knows its name too (PUBLISH_MARKER).
"""

import json
from datetime import UTC, datetime
from pathlib import Path

MARKER_NAME = ".published.json"


def write_marker(folder, settings_file, site_url):
    marker = {
        "made_by": "make publish",
        "settings": Path(settings_file).name,
        "siteurl": site_url,
        "published_at": datetime.now(UTC).replace(microsecond=0).isoformat(),
    }
    (Path(folder) / MARKER_NAME).write_text(json.dumps(marker, indent=2) + "\n", encoding="utf-8")


def remove_marker(folder):
    (Path(folder) / MARKER_NAME).unlink(missing_ok=True)
