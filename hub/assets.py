"""Which built files are named by a hash of their bytes, so a browser may keep them for a year unasked.

The asset_fingerprints plugin names the theme's stylesheets, scripts and icons `<name>.<hash>.<ext>`; the
social cards, the freebies' previews and Pagefind's fragments, indexes and metadata carry a hash of their own.
"""

import hashlib
import re

HASH_LENGTH = 16  # hex digits of the theme's fingerprinted names: name.0123456789abcdef.css
# the kinds of file a fingerprinted name may have: the first pattern below knows no other
FINGERPRINTED_SUFFIXES = (".css", ".js", ".mjs", ".svg", ".woff2", ".woff", ".png", ".ico")

_HASHED_NAMES = (
    re.compile(rf"\.[0-9a-f]{{{HASH_LENGTH}}}\.(css|js|mjs|svg|woff2?|png|ico)$"),  # the theme's, fingerprinted
    re.compile(r"(^|/)social-cards/[0-9a-f]{32}\.png$"),
    re.compile(r"/preview-[0-9a-f]{16}\.png$"),
    re.compile(r"(^|/)pagefind/[^/]+/(fragment/[a-z-]+_[0-9a-f]+\.pf_fragment|index/[a-z-]+_[0-9a-f]+\.pf_index"
               r"|pagefind\.[a-z-]+_[0-9a-f]+\.pf_meta)$"),
)


def is_fingerprinted(path):
    """Whether the file at `path` (relative to the output folder, with `/`) is named by its content."""
    return any(pattern.search(path) for pattern in _HASHED_NAMES)


def fingerprinted_name(path, data):
    """`path` with the hash of `data`, the bytes published under it, before its suffix: css/hub.css gives
    css/hub.0123456789abcdef.css."""
    folder, slash, name = path.rpartition("/")
    stem, dot, suffix = name.rpartition(".")
    if not dot or not stem:
        raise ValueError(f"{path} has no suffix to keep after its fingerprint")
    return f"{folder}{slash}{stem}.{hashlib.sha256(data).hexdigest()[:HASH_LENGTH]}.{suffix}"
