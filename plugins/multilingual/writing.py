"""Writing a page the plugins make themselves (listings, freebies) the way Pelican writes its own."""


def write_page(generator, writer, path, template, this_page, **variables):
    """Render `template` for `this_page` into `path` under the output folder."""
    writer.write_file(
        path,
        generator.get_template(template),
        generator.context,
        relative_urls=generator.settings["RELATIVE_URLS"],
        url=this_page.url,
        this_page=this_page,
        **variables,
    )
