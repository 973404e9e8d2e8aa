"""The headers of a built file: its Content-Security-Policy, caching and the site-wide security headers."""

from hub.assets import is_fingerprinted

# what a <meta http-equiv> cannot carry: browsers ignore it there
HEADER_ONLY_DIRECTIVES = ("frame-ancestors",)


def content_security_policy(script_hashes, script_files, form_origins, settings):
    """The policy of a page with these inline scripts' hashes, external scripts and forms posting off the site."""
    scripts = ["'self'", *script_hashes]
    if any(name.startswith(tuple(settings["CSP_WASM_SCRIPTS"])) for name in script_files):
        scripts.append("'wasm-unsafe-eval'")  # Pagefind's search runs as WebAssembly
    directives = {
        "default-src": ["'none'"],
        "script-src": scripts,
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],  # Pagefind fetches its index
        "worker-src": ["'self'"],
        "manifest-src": ["'self'"],
        "form-action": ["'self'", *form_origins],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
    }
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def without_header_only(policy):
    """The policy as a <meta> can carry it."""
    kept = [part for part in policy.split("; ") if part.split(" ", 1)[0] not in HEADER_ONLY_DIRECTIVES]
    return "; ".join(kept)


def meta_mode_header_policy():
    """What the header carries when each page's <meta> carries its policy: only what a <meta> cannot."""
    return "frame-ancestors 'none'"


def permissions_policy(settings):
    return ", ".join(f"{feature}=()" for feature in settings["PERMISSIONS_POLICY_DENIED"])


def site_wide_headers(settings):
    """The headers every file gets, whatever it is."""
    headers = {
        "X-Content-Type-Options": "nosniff",
        "Permissions-Policy": permissions_policy(settings),
        "Referrer-Policy": settings["REFERRER_POLICY"],
    }
    if settings["HSTS"]:
        headers["Strict-Transport-Security"] = settings["HSTS"]
    return headers


def cache_control(path, settings):
    """How long a browser keeps the file at `path` (relative to the output folder) without asking again."""
    return settings["CACHE_IMMUTABLE"] if is_fingerprinted(path) else settings["CACHE_REVALIDATE"]
