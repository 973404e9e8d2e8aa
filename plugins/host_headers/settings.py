"""The host_headers plugin's settings and their defaults, in one place."""

DEFAULTS = {
    # the file each kind of host reads, written in the output folder; "" leaves that format out
    "HOST_HEADERS_FILES": {
        "netlify": "_headers",  # Netlify and Cloudflare Pages
        "nginx": "nginx-headers.conf",  # included in the server block; never uploaded
        "apache": ".htaccess",  # mod_headers
        "s3": "s3-immutable-files.txt",  # what `make s3_upload` serves for a year; never uploaded
    },
    # each page's policy also in a <meta http-equiv> at the top of its <head>: for hosts that send no headers
    # (GitHub Pages, S3); the header files then carry only what a <meta> cannot (frame-ancestors)
    "HEADERS_IN_META": False,
    # Strict-Transport-Security, e.g. "max-age=63072000; includeSubDomains"; "" sends none. Turn it on only
    # once every address of the domain answers over HTTPS: browsers then refuse HTTP for max-age seconds
    "HSTS": "",
    "REFERRER_POLICY": "strict-origin-when-cross-origin",
    # browser features the site never uses, denied to it and to anything it embeds
    "PERMISSIONS_POLICY_DENIED": [
        "accelerometer", "autoplay", "browsing-topics", "camera", "display-capture", "geolocation",
        "gyroscope", "hid", "interest-cohort", "magnetometer", "microphone", "midi", "payment", "serial", "usb",
    ],
    # scripts (file names start with one of these) that run WebAssembly: they and their pages allow
    # 'wasm-unsafe-eval' (Pagefind's worker runs under the policy its own file is served with)
    "CSP_WASM_SCRIPTS": ["search.", "pagefind"],
    "CACHE_IMMUTABLE": "public, max-age=31536000, immutable",
    "CACHE_REVALIDATE": "no-cache",
}


def apply(settings):
    for name, value in DEFAULTS.items():
        settings.setdefault(name, value)
