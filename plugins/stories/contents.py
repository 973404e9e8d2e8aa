"""A customer's story, as its owner published it after reading it."""

from pelican.contents import Content


class Story(Content):
    mandatory_properties = ()
    allowed_statuses = ("published", "draft")
    default_status = "published"
    default_template = "stories"


class Wall:
    """One language's stories, newest first, and the page that shows them."""

    def __init__(self, language, stories, page, invitation):
        self.language = language
        self.stories = stories
        self.page = page
        self.invitation = invitation  # the page asking for stories in this language, or None

    @property
    def url(self):
        return self.page.url

    def latest(self, count, tip=None):
        """The `count` newest stories (those that tell of `tip`, when given)."""
        told = [story for story in self.stories if tip is None or story.tip == tip.translation_key]
        return told[: max(0, int(count or 0))]
