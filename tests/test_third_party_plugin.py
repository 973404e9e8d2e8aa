"""A plugin of pelican-plugins works on the hub's pages: image-process reads each written page on
`content_written`, makes the derivatives of its images and rewrites the page to show them, so the page must
be on disk, complete, when the signal comes (pinned in requirements.txt; used by no setting of the site)."""

import shutil

from PIL import Image
from support import ROOT, html, pelican_run, settings_file, tip_pages

from pelicanconf import PLUGINS

THUMB = ["scale_in 120 120 True"]


def test_image_process_makes_and_shows_the_derivative_of_an_image_in_a_tip(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    (content / "images").mkdir()
    Image.new("RGB", (800, 600), (200, 80, 40)).save(content / "images" / "shop-front.png")
    tip = content / "tips" / "give-first.en.md"
    text = tip.read_text(encoding="utf-8")
    header, body = text.split("\n\n", 1)
    picture = '<img class="image-process-thumb" src="{static}/images/shop-front.png" alt="The shop front">'
    tip.write_text(f"{header}\n\n{picture}\n\n{body}", encoding="utf-8")

    settings = settings_file(
        tmp_path, PATH=str(content), CACHE_PATH=str(tmp_path / "cache"),
        PLUGINS=[*PLUGINS, "pelican.plugins.image_process"], IMAGE_PROCESS={"thumb": THUMB},
    )
    output = tmp_path / "output"
    status, log = pelican_run(content, output, settings)
    assert status == 0 and "ERROR" not in log and "Traceback" not in log, log

    [page] = [document for path, document in tip_pages(output, "en") if document.select_one('img[alt="The shop front"]')]
    image = page.select_one('img[alt="The shop front"]')
    assert image["src"].endswith("/images/derivatives/thumb/shop-front.png"), image
    with Image.open(output / "images" / "derivatives" / "thumb" / "shop-front.png") as thumb:
        assert max(thumb.size) == 120
    # the rest of the page is the hub's, whole: the plugin read it complete and wrote it back
    assert page.select_one("footer.site-footer") and page.select_one(".tip__footer")
    assert len(list(output.rglob("*.html"))) > 150
    assert html(output / "fr" / "index.html").select_one("main")
