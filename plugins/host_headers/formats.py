"""The site's rules written in the format each host reads."""

import re

def _page_headers(rules, page):
    headers = {}
    if not rules.in_meta:
        headers["Content-Security-Policy"] = page.csp
    if page.noindex:
        headers["X-Robots-Tag"] = "noindex"
    return headers


def _private_headers(rules, private):
    headers = {"X-Robots-Tag": "noindex", "Referrer-Policy": "no-referrer"}
    if not rules.in_meta:
        headers["Content-Security-Policy"] = private.csp
    return headers


def _page_urls(rules, page):
    """A page's addresses: /a/b/ and /a/b/index.html are one page, asked for either way."""
    return sorted({page.url, f"{rules.prefix}/{page.path}"})


def _header_csp(rules, csp):
    return rules.headers_csp or csp


def netlify(rules):
    """`_headers` (Netlify, Cloudflare Pages). A file matching several rules gets the headers of all, and a
    header set twice gets both values joined by a comma, so each header is set once for a file: pages get their
    policy from their own rule only, and caching is set for the files named by their content only (the rest keeps
    the hosts' default, `public, max-age=0, must-revalidate`, which revalidates). Referrer-Policy is the one
    exception: its last value wins, so a delivery rule's `no-referrer`, after the site-wide one, is the one
    browsers apply."""
    blocks = []

    def rule(path, headers):
        if headers:
            blocks.append(path + "\n" + "".join(f"  {name}: {value}\n" for name, value in headers.items()))

    site_wide = dict(rules.site_wide)
    if rules.in_meta:
        site_wide["Content-Security-Policy"] = rules.headers_csp
    rule(f"{rules.prefix}/*", site_wide)
    for private in rules.private:
        rule(f"{private.landing_prefix}:slug/:token/*", _private_headers(rules, private))
    immutable = {"Cache-Control": rules.settings["CACHE_IMMUTABLE"]}
    for folder in rules.immutable_folders:
        rule(f"{folder}*", immutable)
    for url in rules.immutable_files:
        rule(url, immutable)
    for url, cache in rules.wasm_scripts:
        if cache == immutable["Cache-Control"]:
            rule(url, immutable)
    if not rules.in_meta:
        # an SVG opened on its own is a document that could run script: the files get the default policy
        for url in [f"{folder}*" for folder in rules.file_folders] + rules.loose_images:
            rule(url, {"Content-Security-Policy": rules.default_csp})
    for page in rules.pages:
        headers = _page_headers(rules, page)
        for url in _page_urls(rules, page):
            rule(url, headers)
    return "# Response headers for Netlify and Cloudflare Pages, written by each build.\n\n" + "\n".join(blocks)


def _nginx_quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _not_served(rules):
    names = [re.escape(name) for name in rules.settings["HOST_HEADERS_FILES"].values() if name]
    return f"^{re.escape(rules.prefix)}/({'|'.join([*names, '[.]ht'])})"


def nginx(rules):
    """An include for the site's `server { }` block. A location that adds a header of its own inherits none of
    the server's, so every location repeats them all."""
    settings = rules.settings
    base = {**rules.site_wide, "Cache-Control": settings["CACHE_REVALIDATE"]}
    base["Content-Security-Policy"] = _header_csp(rules, rules.default_csp)

    def add(headers, indent):
        return "".join(f"{indent}add_header {name} {_nginx_quote(value)} always;\n" for name, value in headers.items())

    lines = [
        "# Response headers of the site, written by each build: include this file in its server { } block,",
        "# e.g. `include /etc/nginx/snippets/reciprocity-hub-headers.conf;`, beside `root` and `index index.html;`.",
        "# Keep it out of the folder nginx serves (make rsync_upload does not upload it).",
        "",
        add(base, "").rstrip("\n"),
        "",
        "# the files written for the hosts, if they are in the served folder, are not for visitors",
        f"location ~ {_nginx_quote(_not_served(rules))} {{",
        "    return 404;",
        "}",
    ]
    for private in rules.private:
        lines += [f"location ~ {_nginx_quote(private.regex)} {{", add({**base, **_private_headers(rules, private)}, "    ") + "}"]
    immutable = {**base, "Cache-Control": settings["CACHE_IMMUTABLE"]}
    for folder in rules.immutable_folders:
        lines += [f"location ^~ {_nginx_quote(folder)} {{", add(immutable, "    ") + "}"]
    for url in rules.immutable_files:
        lines += [f"location = {_nginx_quote(url)} {{", add(immutable, "    ") + "}"]
    for url, cache in rules.wasm_scripts:
        headers = {**base, "Cache-Control": cache, "Content-Security-Policy": _header_csp(rules, rules.wasm_csp)}
        lines += [f"location = {_nginx_quote(url)} {{", add(headers, "    ") + "}"]
    for page in rules.pages:
        headers = add({**base, **_page_headers(rules, page)}, "    ")
        # `index` serves /a/b/ by an internal redirect to /a/b/index.html, `try_files $uri/index.html` does not
        lines += [line for url in _page_urls(rules, page) for line in (f"location = {_nginx_quote(url)} {{", headers + "}")]
    return "\n".join(lines) + "\n"


def _apache_quote(text):
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _apache_value(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def apache(rules):
    """`.htaccess` for Apache's mod_headers. `<If>` sections apply after the others, in order, and
    `Header always set` replaces a value set before: each section sets what differs for its files."""
    settings = rules.settings

    def set_headers(headers, indent="  "):
        return "".join(f"{indent}Header always set {name} {_apache_value(value)}\n" for name, value in headers.items())

    base = {**rules.site_wide, "Cache-Control": settings["CACHE_REVALIDATE"]}
    base["Content-Security-Policy"] = _header_csp(rules, rules.default_csp)
    sections = []

    def section(condition, headers):
        if headers:
            sections.append(f'  <If "{condition}">\n' + set_headers(headers, "    ") + "  </If>\n")

    for private in rules.private:
        section(f"%{{REQUEST_URI}} =~ m#{private.regex}#", _private_headers(rules, private))
    immutable = {"Cache-Control": settings["CACHE_IMMUTABLE"]}
    for folder in rules.immutable_folders:
        section(f"%{{REQUEST_URI}} -strmatch {_apache_quote(folder + '*')}", immutable)
    for url in rules.immutable_files:
        section(f"%{{REQUEST_URI}} == {_apache_quote(url)}", immutable)
    for url, cache in rules.wasm_scripts:
        headers = {"Cache-Control": cache, "Content-Security-Policy": _header_csp(rules, rules.wasm_csp)}
        section(f"%{{REQUEST_URI}} == {_apache_quote(url)}", headers)
    for page in rules.pages:
        urls = _page_urls(rules, page)
        section(f"%{{REQUEST_URI}} in {{ {', '.join(_apache_quote(url) for url in urls)} }}", _page_headers(rules, page))
    return (
        "# Response headers of the site for Apache (mod_headers), written by each build.\n"
        "<IfModule mod_headers.c>\n" + set_headers(base) + "".join(sections) + "</IfModule>\n"
        "# the files written for the hosts are not for visitors\n"
        f"<IfModule mod_alias.c>\n  RedirectMatch 404 {_apache_value(_not_served(rules))}\n</IfModule>\n"
    )


def s3_immutable_list(rules):
    """The files `make s3_upload` sends with the year-long Cache-Control, as s3cmd's --include-from globs
    relative to the output folder (a folder's files by `folder/*`); everything else is sent revalidated. S3
    metadata carries no security header: the policy is in each page's <meta> (HEADERS_IN_META)."""
    strip = len(rules.prefix) + 1
    globs = [folder[strip:] + "*" for folder in rules.immutable_folders] + [url[strip:] for url in rules.immutable_files]
    return "".join(_glob_escape(glob) + "\n" for glob in globs)


def _glob_escape(text):
    return "".join(f"[{c}]" if c in "?[" else c for c in text)


FORMATS = {"netlify": netlify, "nginx": nginx, "apache": apache, "s3": s3_immutable_list}
