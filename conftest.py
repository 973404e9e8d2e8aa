"""Fixtures shared by the site tests (tests/) and the plugins' own tests (plugins/*/tests/)."""

import pytest
from pelican.log import LimitFilter

from support import PUBLISH_SETTINGS, PUBLISHED_SECRET, PUBLISHED_SITEURL, build


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """The sample site built with the development settings."""
    output = tmp_path_factory.mktemp("site")
    settings = build(output)
    return output, settings


@pytest.fixture(scope="session")
def published_site(tmp_path_factory):
    """The sample site built as `make publish` builds it, with absolute URLs."""
    output = tmp_path_factory.mktemp("published")
    settings = build(
        output, PUBLISH_SETTINGS, SITEURL=PUBLISHED_SITEURL, FEED_DOMAIN=PUBLISHED_SITEURL, FREEBIE_SECRET=PUBLISHED_SECRET
    )
    return output, settings


@pytest.fixture(autouse=True)
def fresh_log_limits():
    """Pelican shows each warning once per process; every test expects to see its own."""
    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()
