"""Every check of the writers' files, each answering with Problems that say where and what to do."""

import os
import re
from collections import defaultdict
from pathlib import Path

from pelican.utils import get_date

from hub.boundary import inside, links_leaving, written_inside
from hub.catalogs import catalog_problems
from hub.languages import Languages
from hub.problems import Problem
from hub.sources import freebie_folders, iso_date, language_in_name, markdown_files, translation_key
from hub.story_sources import story_folders, story_problems

from .addresses import check_address, slug_of, theme_templates
from .offers import check_offer, offer_reminders
from .rendered import check_rendered
from .sources import Source, read_source
from .unpublished import unpublished_targets

# Longer titles and descriptions are cut short in search results.
DEFAULT_LIMITS = {"title": 65, "summary": 160}
# raw <script>, on*= handlers and embedded frames in a body are a problem unless the owner allows them
DEFAULT_ALLOWS_SCRIPTS = False
# the events plugin's folders when it has not set EVENT_PATHS (make check reads the settings without plugins)
DEFAULT_EVENT_PATHS = ["events"]

# none of them reads past the start of the next match it could make, so a line of 40,000 `<img ` or `![` is
# read once, not 40,000 times
IMAGE = re.compile(r"!\[(?P<alt>[^\[\]]*)\]\((?P<url>[^)\s]*)")
HTML_IMAGE = re.compile(r"<img\b(?P<attributes>[^<>]*)>", re.IGNORECASE)
HTML_ALT = re.compile(r"""\balt\s*=\s*(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)'|(?P<bare>[^\s>]+))""", re.IGNORECASE)
INTERNAL_LINK = re.compile(r"""[{|](?P<kind>filename|static|attach)[}|](?P<target>[^)\s"'#?]+)""")
# any line the three above can match, lowercased, holds one of these: only the lines they find are searched with those
WORTH_CHECKING = tuple(map(re.compile, (
    r"!\[", r"<img\b", r"\{(?:filename|static|attach)[}|]", r"\|(?:filename|static|attach)[}|]",
)))


class Kind:
    """A kind of content: where it lives and what its metadata must hold."""

    def __init__(self, name, folders, required, excluded=()):
        self.name = name
        self.folders = folders
        self.required = required
        self.excluded = excluded


def kinds(settings):
    freebie_paths, files_folders = freebie_folders(settings)
    return [
        Kind("tip", settings.get("ARTICLE_PATHS", []), ("title", "date", "category")),
        Kind("page", settings.get("PAGE_PATHS", []), ("title",)),
        # File, unless a Code is what it delivers: _check_freebie_file
        Kind("freebie", freebie_paths, ("title", "gate"), files_folders),
        Kind("story", story_folders(settings), ()),
        # the events plugin checks an event's own fields; here only what its body would run
        Kind("event", settings.get("EVENT_PATHS", DEFAULT_EVENT_PATHS) or [], ()),
    ]


def check_content(settings):
    """Every problem in the content folder, sorted by file and line. A LANGUAGES setting that cannot work
    raises hub.languages.LanguageConfigError, as it stops the build."""
    root = settings["PATH"]
    site_languages = Languages(settings.get("LANGUAGES") or {settings.get("DEFAULT_LANG", "en"): {}})
    languages = site_languages.codes
    limits = {**DEFAULT_LIMITS, **settings.get("CONTENT_CHECK_LIMITS", {})}
    templates = theme_templates(settings)
    problems = [
        Problem(link, 0, f"is a link to {target}, outside the content folder, so the build leaves it out: "
                         "put the file itself in the content folder", leaves_out=True)
        for link, target in links_leaving(root)
    ]
    read = []
    for kind in kinds(settings):
        for path in _files(root, kind, settings.get("IGNORE_FILES") or []):
            source = read_source(path)
            if isinstance(source, Problem):
                problems.append(source)
            else:
                read.append((kind, source))
    freebies = {_key(source) for kind, source in read if kind.name == "freebie"}
    for kind, source in read:
        problems += check_rendered(source, settings.get("CONTENT_ALLOWS_SCRIPTS", DEFAULT_ALLOWS_SCRIPTS))
        if kind.name == "event":
            continue
        problems += _check_metadata(kind, source, languages, limits)
        problems += check_address(kind.name, source, site_languages.get(_lang(source)), settings, templates)
        problems += _check_body(source, root)
        if kind.name == "tip":
            problems += _check_freebie_name(source, freebies)
        if kind.name == "freebie":
            problems += _check_freebie_file(source, root)
            problems += check_offer(source)
        if kind.name == "story":
            problems += _check_story(source)
    read = [(kind, source) for kind, source in read if kind.name != "event"]
    problems += _check_unique(read, settings, languages)
    problems += unpublished_targets(read, root, settings, _key)
    return sorted(set(problems))


def reminders(settings):
    """What `make check` points out without failing: offers ending soon, or ended."""
    freebie_paths, files_folders = freebie_folders(settings)
    kind = Kind("freebie", freebie_paths, (), files_folders)
    sources = [read_source(path) for path in _files(settings["PATH"], kind, settings.get("IGNORE_FILES") or [])]
    return sorted(offer_reminders([source for source in sources if not isinstance(source, Problem)], settings))


def check_site_sources(settings):
    """What `make check` and `make publish` check: the content, and the catalogs of the interface's strings
    (which the build reports as it reads them)."""
    return sorted(set(check_content(settings)) | set(catalog_problems(settings)))


def _files(root, kind, ignores):
    return [str(path) for path in markdown_files(Path(root), kind.folders, kind.excluded, ignores)]


def _key(source):
    return translation_key(source.path, source.header)


def _lang(source):
    """The language the file claims ("" when `Lang:` is empty), or None when it claims none."""
    if "lang" in source:
        return source.value("lang")
    return language_in_name(source.path)


def _check_metadata(kind, source, languages, limits):
    path = source.path
    found = []
    for field in kind.required:
        label = field.capitalize()
        # a page needs its title and a tip its date too; without a category, Pelican files a tip under its default
        leaves_out = field != "category"
        if field not in source:
            found.append(Problem(
                path, 1, f"{label} is missing: add a `{label}: …` line to the metadata at the top", leaves_out,
            ))
        elif not source.value(field):
            found.append(Problem(path, source.line_of(field), f"{label} is empty: give it a value", leaves_out))

    lang = _lang(source)
    if lang is None:
        found.append(Problem(path, 1, "Lang is missing: name the file <name>.<lang>.md (e.g. give-first.fr.md) or add `Lang: fr`"))
    elif not lang:
        found.append(Problem(path, source.line_of("lang"), "Lang is empty: write the language code, e.g. `Lang: fr`"))
    elif lang not in languages:
        found.append(Problem(
            path, source.line_of("lang") or 1,
            f"the language {lang!r} is not configured (LANGUAGES has {', '.join(languages)}): "
            "correct the language or add it to LANGUAGES in pelicanconf.py",
        ))

    for field in ("date", "modified"):
        if source.value(field):
            try:
                iso_date(source.value(field)) or get_date(source.value(field))
            except (ValueError, OverflowError):
                found.append(Problem(
                    path, source.line_of(field),
                    f"{field.capitalize()} {source.value(field)!r} is not a real date: write YYYY-MM-DD or YYYY-MM-DD HH:MM",
                ))

    for field, limit in limits.items():
        length = len(source.value(field))
        if length > limit:
            found.append(Problem(
                path, source.line_of(field),
                f"{field.capitalize()} is {length} characters long; search results show about {limit}: shorten it",
            ))
    return found


def _check_body(source, root):
    found = []
    for number, line in source.body_lines_with(*WORTH_CHECKING):
        for image in IMAGE.finditer(line):
            if not image["alt"].strip():
                found.append(Problem(
                    source.path, number,
                    f"the image {image['url']} has no alt text: describe it in the brackets, ![What it shows]({image['url']})",
                ))
        for image in HTML_IMAGE.finditer(line):
            alt = HTML_ALT.search(image["attributes"])
            if alt is None or not (alt["double"] or alt["single"] or alt["bare"] or "").strip():
                found.append(Problem(source.path, number, "an <img> has no alt text: add alt=\"what it shows\""))
        for link in INTERNAL_LINK.finditer(line):
            target = link["target"]
            base = root if target.startswith("/") else os.path.dirname(source.path)
            # written to lead out (a link on the way that leads out is a problem of its own: links_leaving)
            if not written_inside(root, os.path.join(base, target.lstrip("/"))):
                found.append(Problem(
                    source.path, number,
                    f"links to {{{link['kind']}}}{target}, which is outside the content folder and is never published: "
                    "put the file in the content folder and link to it there",
                ))
            elif not os.path.exists(os.path.join(base, target.lstrip("/"))):
                found.append(Problem(
                    source.path, number,
                    f"links to {{{link['kind']}}}{target}, which does not exist: correct the path "
                    "(relative to this file, or starting with / from the content folder)",
                ))
    return found


def _check_freebie_name(source, freebies):
    name = source.value("freebie")
    if not name or name in freebies:
        return []
    known = ", ".join(sorted(freebies)) or "none yet"
    return [Problem(
        source.path, source.line_of("freebie"),
        f"there is no freebie {name!r} (the freebies are: {known}): correct the name or add content/freebies/{name}.<lang>.md",
    )]


def _check_freebie_file(source, root):
    name = source.value("file")
    if not name and source.value("code"):
        return []  # a coupon: the code is what it delivers
    if "file" not in source:
        return [Problem(
            source.path, 1, "File is missing: add a `File: …` line to the metadata at the top (or `Code: …` for a coupon)",
            leaves_out=True,
        )]
    if not name:
        return [Problem(source.path, source.line_of("file"), "File is empty: give it a value", leaves_out=True)]
    path = os.path.join(os.path.dirname(source.path), name)
    if not inside(root, path):
        return [Problem(
            source.path, source.line_of("file"),
            f"File {name} is outside the content folder: put what the freebie delivers in its files/ folder "
            "and name it from there", leaves_out=True,
        )]
    if os.path.isfile(path):
        return []
    return [Problem(
        source.path, source.line_of("file"), f"the file {name} does not exist next to this freebie: add it or correct File",
        leaves_out=True,
    )]


def _check_story(source):
    has_body = any(line.strip() for line in source.lines[source.header.body_start :])
    return [Problem(source.path, line, message, leaves_out=True)
            for line, message in story_problems(source.value, source.line_of, has_body)]


def _check_unique(read, settings, languages):
    """Two files may not share a URL, nor claim to be the same translation: each of them is told, and all but
    the first (by path) are left out of the build, as the build would leave them."""
    by_slug, by_version = defaultdict(list), defaultdict(list)
    for kind, source in sorted(read, key=lambda pair: pair[1].path):
        lang = _lang(source)
        if not lang or lang not in languages or not source.value("title"):
            continue
        slug = slug_of(source, settings)
        by_slug[(kind.name, lang, slug)].append(source)
        by_version[(kind.name, lang, _key(source))].append(source)
    found = []
    for (kind, lang, slug), sources in by_slug.items():
        for source in sources if len(sources) > 1 else ():
            others = ", ".join(other.path for other in sources if other is not source)
            found.append(Problem(
                source.path, source.line_of("slug") or source.line_of("title"),
                f"the {kind} {others} already has the slug {slug!r} in {lang}: give one of them another Slug",
                leaves_out=source is not sources[0],
            ))
    for (kind, lang, key), sources in by_version.items():
        for source in sources if len(sources) > 1 else ():
            others = ", ".join(other.path for other in sources if other is not source)
            found.append(Problem(
                source.path, source.line_of("translation_key") or 1,
                f"{others} is already the {lang} version of {key!r}: change the language or the Translation_Key of one of them",
            ))
    return found


__all__ = ["check_content", "Source"]
