"""The headers of a whole built site, as rules any host's format can be written from: what every file gets,
each page's own policy, the delivery pages by pattern (their addresses are secret), and the files named by
their content, grouped by folder where a whole folder is."""

import os
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from hub.assets import is_fingerprinted
from hub.languages import site_languages

from . import policy
from .form_hosts import configured_form_origins
from .page_facts import read_facts

TOKEN_PATTERN = "[0-9a-f]{32}"  # the secret folder of a delivery page (the freebies plugin's token)


@dataclass
class PageRule:
    url: str  # from the host's root, e.g. /fr/conseils/slug/
    path: str  # of its file, relative to the output folder
    csp: str
    noindex: bool


@dataclass
class PrivateRule:
    """Every delivery page and gated file of one language's freebies, by pattern."""

    landing_prefix: str  # /fr/cadeaux/ : then a slug, the token, and the files
    csp: str
    matched: list = field(default_factory=list)  # the files it stands for, for the tests (never written out)

    @property
    def regex(self):
        return f"^{re.escape(self.landing_prefix)}[^/]+/{TOKEN_PATTERN}/"


@dataclass
class SiteRules:
    prefix: str  # SITEURL's path, "" at a domain's root
    site_wide: dict
    default_csp: str  # for a file no page rule names
    pages: list
    private: list
    immutable_folders: list  # urls ending in / : every file under them is named by its content
    immutable_files: list  # urls
    wasm_scripts: list  # (url, cache-control) of scripts running WebAssembly, served with a policy allowing it
    wasm_csp: str
    file_folders: list  # urls ending in / of the top folders holding neither a page nor such a script
    loose_images: list  # urls of the SVG files outside those folders
    in_meta: bool
    settings: dict

    @property
    def headers_csp(self):
        return policy.meta_mode_header_policy() if self.in_meta else None


def _url(prefix, path):
    if path == "index.html" or path.endswith("/index.html"):
        path = path[: -len("index.html")]
    return f"{prefix}/{path}"


def _files(output):
    found = []
    for folder, _, names in os.walk(output):
        relative = os.path.relpath(folder, output).replace(os.sep, "/")
        for name in names:
            found.append(name if relative == "." else f"{relative}/{name}")
    return sorted(found)


def _immutable_groups(files):
    """(folders whose every file is named by its content, the other such files), the folders outermost."""
    mutable_folders = set()
    for path in files:
        if not is_fingerprinted(path):
            parts = path.split("/")[:-1]
            mutable_folders.update("/".join(parts[: depth + 1]) for depth in range(len(parts)))
    folders, singles = set(), []
    for path in files:
        if not is_fingerprinted(path):
            continue
        parts = path.split("/")[:-1]
        outermost = next(
            ("/".join(parts[: depth + 1]) for depth in range(len(parts)) if "/".join(parts[: depth + 1]) not in mutable_folders),
            None,
        )
        if outermost is None:
            singles.append(path)
        else:
            folders.add(outermost)
    return sorted(folders), singles


def build_rules(output, settings, is_current=lambda path: True):
    """The rules of the site in `output`, the header files themselves left out, and the pages for which
    `is_current(path)` is false (an earlier build's, which this one no longer writes)."""
    prefix = urlsplit(settings.get("SITEURL") or "").path.rstrip("/")
    own = {name for name in settings["HOST_HEADERS_FILES"].values() if name}
    files = [
        path for path in _files(output)
        if path not in own and not path.startswith(".") and (not path.endswith(".html") or is_current(path))
    ]
    landings = [f"{language.code}/{language.words['freebies']}/" for language in site_languages(settings)]
    private_by_landing = {landing: [] for landing in landings}
    delivery = re.compile(rf"^({'|'.join(re.escape(landing) for landing in landings)})[^/]+/{TOKEN_PATTERN}/")

    facts_of = {}
    for path in files:
        if path.endswith(".html"):
            with open(os.path.join(output, path), encoding="utf-8", errors="replace") as page:
                facts_of[path] = read_facts(page.read())
    # every form of the site may post to any of the configured providers: one list for all pages
    origins = configured_form_origins(settings)
    site_origin = urlsplit(settings.get("SITEURL") or "")
    origins = [origin for origin in origins if origin != f"{site_origin.scheme}://{site_origin.netloc}"]

    def csp(hashes, script_files):
        return policy.content_security_policy(hashes, script_files, origins, settings)

    pages = []
    for path, facts in facts_of.items():
        match = delivery.match(path)
        if match:
            private_by_landing[match.group(1)].append((path, facts))
        else:
            pages.append(PageRule(_url(prefix, path), path, csp(facts.script_hashes, facts.script_files), facts.noindex))
    private = []
    for landing, members in private_by_landing.items():
        gated = [path for path in files if delivery.match(path) and path.startswith(landing)]
        if not gated:
            continue
        hashes = tuple(dict.fromkeys(h for _, facts in members for h in facts.script_hashes))
        script_files = tuple(name for _, facts in members for name in facts.script_files)
        private.append(PrivateRule(f"{prefix}/{landing}", csp(hashes, script_files), gated))
    folders, singles = _immutable_groups(files)
    wasm_prefixes = tuple(settings["CSP_WASM_SCRIPTS"])
    wasm = [path for path in files if path.endswith(".js") and path.rsplit("/", 1)[-1].startswith(wasm_prefixes)
            and not any(path.startswith(folder + "/") for folder in folders)]
    singles = [path for path in singles if path not in wasm]
    with_documents = {path.split("/")[0] for path in [*facts_of, *wasm]}
    file_folders = sorted({path.split("/")[0] for path in files if "/" in path} - with_documents)
    loose_images = [path for path in files if path.endswith(".svg") and path.split("/")[0] not in file_folders]
    return SiteRules(
        prefix=prefix,
        site_wide=policy.site_wide_headers(settings),
        default_csp=csp((), ()),
        pages=pages,
        private=private,
        immutable_folders=[f"{prefix}/{folder}/" for folder in folders],
        immutable_files=[f"{prefix}/{path}" for path in singles],
        wasm_scripts=[(f"{prefix}/{path}", policy.cache_control(path, settings)) for path in wasm],
        wasm_csp=csp((), ("pagefind",)),
        file_folders=[f"{prefix}/{folder}/" for folder in file_folders],
        loose_images=[f"{prefix}/{path}" for path in loose_images],
        in_meta=bool(settings["HEADERS_IN_META"]),
        settings=settings,
    )
