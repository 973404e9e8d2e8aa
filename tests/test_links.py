"""No broken internal link or asset anywhere in the published build, and only absolute https addresses on the
site's own SITEURL where search engines read them (canonical links and hreflang alternates)."""

from urllib.parse import urlsplit

from content_checks.output import check_output
from support import html, pages


def test_every_internal_link_and_asset_of_the_published_build_exists(published_site):
    """The same check `make publish` runs before it swaps a build in: href, src, srcset and CSS url()."""
    output, settings = published_site
    problems = check_output(str(output), settings["SITEURL"])
    listed = "\n".join(str(problem).replace(str(output) + "/", "") for problem in problems)
    assert not problems, f"{len(problems)} broken links or assets:\n{listed}"


def test_canonical_and_hreflang_addresses_are_absolute_https_on_the_site(published_site):
    output, settings = published_site
    site = urlsplit(settings["SITEURL"])  # PUBLISHED_SITEURL, on https: an http or scheme-relative link is wrong
    wrong = []
    for path in pages(output):
        document = html(path)
        canonicals = document.select('link[rel="canonical"]')
        if len(canonicals) != 1:
            wrong.append(f"{path.relative_to(output)}: {len(canonicals)} canonical links")
        links = canonicals + document.select("link[hreflang]") + document.select("a[hreflang]")
        for link in links:
            url = urlsplit(link.get("href", ""))
            if (url.scheme, url.netloc) != (site.scheme, site.netloc) or not url.path.startswith(site.path + "/"):
                wrong.append(f"{path.relative_to(output)}: {link}")
    assert not wrong, "\n".join(wrong)
