"""An event: a customer appreciation evening, a workshop, a draw, with its page in each language."""

from pelican.contents import Content


class EventPage(Content):
    mandatory_properties = ("title",)
    allowed_statuses = ("published", "hidden", "draft")
    default_status = "published"
    default_template = "event"

    @property
    def contest(self):
        """A contest or draw is an event with rules."""
        return bool(self.facts.rules)
