"""A freebie: a gift (checklist, template...) with a public landing page per language."""

from dataclasses import dataclass

from pelican.contents import Content


class Freebie(Content):
    mandatory_properties = ("title",)
    allowed_statuses = ("published", "hidden", "draft")
    default_status = "published"
    default_template = "freebie"

    @property
    def gated(self):
        return self.gate == "email"


@dataclass(frozen=True)
class Download:
    """The file a freebie delivers, ready to be written."""

    filename: str
    data: bytes
    url: str  # relative to SITEURL

    @property
    def kind(self):
        return self.filename.rpartition(".")[2].upper()

    @property
    def kilobytes(self):
        return max(1, round(len(self.data) / 1024))
