"""Where customers' stories live and what each must say before it is published: who told it, when it happened,
when it was received and when its teller agreed to its publication. The stories plugin reads them, and
`make check` checks them, with or without that plugin."""

from hub.sources import iso_date

# folders under PATH that hold one Markdown file per story (each story is in one language)
STORY_FOLDERS = {"STORY_PATHS": ["stories"]}

# the metadata of a story: (field, what it is), the dates in the order they happen
WHO = "who"
DATE_FIELDS = (
    ("experienced", "the date of the experience the story tells"),
    ("received", "the date the story reached you"),
    ("consented", "the date its teller agreed to its publication"),
)


def story_folders(settings):
    """The folders under PATH that hold the stories."""
    return list(settings.get("STORY_PATHS", STORY_FOLDERS["STORY_PATHS"]) or [])


def story_problems(value_of, line_of, has_body):
    """[(line, message)] of what keeps a story from being published: each makes the story left out.

    `value_of(field)` is a metadata value ("" when absent), `line_of(field)` its line (0 when absent)."""
    found = []
    if not value_of(WHO):
        found.append((line_of(WHO) or 1, "Who is missing: add `Who: …` with the teller's name or initials, "
                                         "as they agreed to be named"))
    dates = {}
    for field, meaning in DATE_FIELDS:
        label = field.capitalize()
        value = value_of(field)
        if not value:
            found.append((line_of(field) or 1, f"{label} is missing: add `{label}: YYYY-MM-DD`, {meaning} "
                                               "(the law on published reviews asks for it)"))
            continue
        date = iso_date(value)
        if date is None or len(value) != 10:
            found.append((line_of(field), f"{label} {value!r} is not a real date: write YYYY-MM-DD"))
        else:
            dates[field] = date
    if "experienced" in dates and "received" in dates and dates["experienced"] > dates["received"]:
        found.append((line_of("experienced"), "Experienced is after Received: a story tells what happened before "
                                              "it was sent; correct one of the dates"))
    if not has_body:
        found.append((1, "the story itself is missing: write it below the metadata, after a blank line"))
    return found
