"""Print the delivery URL of every gated freebie, to paste into the newsletter provider.

    python -m freebies.links [publishconf.py]

Run it with the same FREEBIE_SECRET and SITEURL as `make publish`.
"""

import logging
import sys
import tempfile

from pelican import Pelican
from pelican.settings import read_settings

from .generator import FreebiesGenerator
from .tokens import SecretError


def delivery_links(settings):
    """(freebie, absolute delivery URL) of every gated freebie, by name then language."""
    Pelican(settings)  # loads the plugins, as a build does
    with tempfile.TemporaryDirectory() as nowhere:
        generator = FreebiesGenerator(
            context={**settings, "generated_content": {}, "static_links": set(), "static_content": {}},
            settings=settings,
            path=settings["PATH"],
            theme=settings["THEME"],
            output_path=nowhere,
        )
        generator.generate_context()
    site = settings["SITEURL"].rstrip("/")
    gated = sorted((f for f in generator.freebies if f.gated), key=lambda f: (f.translation_key, f.lang))
    return [(freebie, f"{site}/{freebie.delivery.url}") for freebie in gated]


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s: %(message)s")
    settings_file = argv[0] if argv else "publishconf.py"
    try:
        links = delivery_links(read_settings(settings_file))
    except SecretError as error:
        print(f"{settings_file}: {error}", file=sys.stderr)
        return 2
    if not links:
        print("No gated freebie (`Gate: email`) in the content.")
        return 0
    print("Set each provider form's redirect-after-subscribe to its freebie's delivery URL:")
    for freebie, url in links:
        print(f"  {freebie.translation_key} [{freebie.lang}]  {url}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
