"""sitemap.xml (sitemaps.org 0.9 with xhtml:link hreflang alternates) and robots.txt."""

from xml.etree import ElementTree

from .pages import absolute

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
ElementTree.register_namespace("", SITEMAP_NS)
ElementTree.register_namespace("xhtml", XHTML_NS)


def render_sitemap(site_url, entries):
    """The sitemap's bytes: one <url> per entry, in URL order so that builds are reproducible."""
    urlset = ElementTree.Element(f"{{{SITEMAP_NS}}}urlset")
    for entry in sorted(entries, key=lambda entry: entry.url):
        url = ElementTree.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
        ElementTree.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = absolute(site_url, entry.url)
        if entry.lastmod is not None:
            ElementTree.SubElement(url, f"{{{SITEMAP_NS}}}lastmod").text = entry.lastmod.isoformat()
        for hreflang, href in entry.alternates:
            ElementTree.SubElement(
                url, f"{{{XHTML_NS}}}link", rel="alternate", hreflang=hreflang, href=absolute(site_url, href)
            )
    ElementTree.indent(urlset)
    return ElementTree.tostring(urlset, encoding="utf-8", xml_declaration=True) + b"\n"


def render_robots(sitemap_url=None, drafts_folder=None):
    """Every crawler may read every public page, which the sitemap lists, and no draft."""
    lines = ["User-agent: *", "Allow: /"]
    if drafts_folder:
        lines.append(f"Disallow: {drafts_folder}")
    if sitemap_url:
        lines += ["", f"Sitemap: {sitemap_url}"]
    return "\n".join(lines) + "\n"
