"""The offline edition: one command builds a reproducible ZIP that works from file:// with no network,
and the online site offers it for download."""
from __future__ import annotations

import re
import zipfile

import pytest
from playwright.sync_api import expect

from conftest import SITE_TODAY, run_script
from sotay.offline import FIXED_TIME, local_polyfills

ENV = {"SITE_TODAY": SITE_TODAY}


@pytest.fixture(scope="module")
def offline_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("offline")
    result = run_script("build_offline.py", "--zip", str(out / "a.zip"), "--site", str(out / "site"), "--", "--strict", env=ENV)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return out


def test_polyfill_from_cdn_is_replaced_by_the_local_copy():
    assert local_polyfills(["https://unpkg.com/iframe-worker/shim"]) == ["assets/js/vendor/iframe-worker-shim.js"]
    assert local_polyfills(["x.js"]) == ["x.js"]


def test_zip_is_reproducible_sorted_and_offered_online(offline_build, tmp_path):
    again = run_script("build_offline.py", "--zip", str(tmp_path / "b.zip"), env=ENV)
    assert again.returncode == 0, again.stderr[-3000:]
    first, second = (offline_build / "a.zip").read_bytes(), (tmp_path / "b.zip").read_bytes()
    assert first == second
    with zipfile.ZipFile(offline_build / "a.zip") as archive:
        names = archive.namelist()
        assert names == sorted(names)
        assert {info.date_time for info in archive.infolist()} == {FIXED_TIME}
        assert "so-tay/index.html" in names and "so-tay/search/search_index.js" in names
        html = archive.read("so-tay/index.html").decode()
        assert "bản tải về này" in archive.read("so-tay/tai-ve/index.html").decode()
    assert "unpkg.com" not in html and "iframe-worker-shim.js" in html
    online = offline_build / "site"
    assert (online / "tai-ve" / "so-tay-offline.zip").read_bytes() == first
    page = (online / "tai-ve" / "index.html").read_text(encoding="utf-8")
    assert 'href="so-tay-offline.zip"' in page
    assert "iframe-worker" not in (online / "index.html").read_text(encoding="utf-8")


HREF = re.compile(r'href="([^"]*)"')


def test_every_link_of_the_offline_edition_opens_a_file(offline_build, tmp_path):
    """file:// opens no index page: a link to a folder showed a file listing, a guide's folder-style
    address (huong-dan/vneid/) did not exist at all (1,724 of the 1,757 pages had such a link)."""
    with zipfile.ZipFile(offline_build / "a.zip") as archive:
        names = archive.namelist()
        archive.extractall(tmp_path)
    root = tmp_path / "so-tay"
    # 404.html is for a web server (absolute /so-tay/… links); file:// never shows it
    pages = sorted(p for p in root.rglob("*.html") if p.name != "404.html")
    assert len(pages) > 1700
    broken: dict[str, int] = {}
    checked = 0
    for page in pages:
        for href in HREF.findall(page.read_text(encoding="utf-8")):
            target = href.split("#", 1)[0].split("?", 1)[0]
            if not target or re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:", target):
                continue  # same page, https:, tel:, mailto:…
            checked += 1
            if not (page.parent / target).is_file():
                broken[href] = broken.get(href, 0) + 1
    assert checked > 50000 and broken == {}, list(broken.items())[:20]
    # Left out of the ZIP: what a phone or a slow line should not carry for nothing.
    assert not [n for n in names if n.endswith(".map") or n.endswith("sitemap.xml") or n.endswith("search_index.json")]
    # A handout printed from the ZIP, and the page's canonical link, point to the online guide.
    guide = (root / "huong-dan" / "vneid.html").read_text(encoding="utf-8")
    assert 'rel="canonical" href="https://haiduong-cds.github.io/so-tay/huong-dan/vneid/"' in guide
    assert "https://haiduong-cds.github.io/so-tay/huong-dan/vneid/</" in guide and "vneid.html</" not in guide


def test_offline_site_works_from_file_without_network(offline_build, tmp_path, phone_page, request_log):
    with zipfile.ZipFile(offline_build / "a.zip") as archive:
        archive.extractall(tmp_path)
    root = tmp_path / "so-tay"
    page = phone_page
    page.goto((root / "index.html").as_uri())
    expect(page.locator("h1").first).to_contain_text("Sổ tay")
    # Navigation: a unit page through its link chain.
    page.goto((root / "don-vi" / "index.html").as_uri())
    expect(page.locator("article")).to_be_visible()
    # Site search from file:// (inlined index, local worker shim).
    page.goto((root / "index.html").as_uri())
    page.locator("label.md-header__button[for='__search']").click()
    page.locator("input[data-md-component='search-query']").press_sequentially("dich vu cong", delay=20)
    results = page.locator(".md-search-result__list > li.md-search-result__item > a")
    expect(results.first).to_be_visible(timeout=10000)
    guide = root / "huong-dan" / "dich-vu-cong-tao-tai-khoan.html"
    if guide.exists():
        expect(results.first).to_have_attribute("href", re.compile(r"huong-dan/dich-vu-cong-tao-tai-khoan\.html"))
        results.first.click()
        expect(page).to_have_url(re.compile(r"dich-vu-cong-tao-tai-khoan\.html"))
        expect(page.locator("h1").first).to_be_visible()
    # Directory search works from file:// (its data is a <script> file), once it is on this branch.
    directory = root / "danh-ba" / "index.html"
    box = None
    if directory.exists():
        page.goto(directory.as_uri())
        box = page.locator("input[type=search]:not(.md-search__input), input.sotay-directory-search").first
    if box is not None and box.count():
        box.press_sequentially("cam thuong", delay=20)
        expect(page.locator("main")).to_contain_text("Cẩm Thượng", timeout=5000)
        # A result opens the team's page, not a listing of its folder.
        page.locator("#sotay-dir-results a.sotay-hit__name").first.click()
        expect(page).to_have_url(re.compile(r"/to/[a-z0-9-]+/index\.html$"))
        expect(page.locator("h1").first).to_contain_text("Tổ")
    # Images load from the ZIP too.
    for img in root.rglob("*.png"):
        page.goto(img.as_uri())
        break
    outside = [url for url in request_log if not url.startswith("file://")]
    assert request_log and not outside, outside



def test_a_build_without_the_zip_tells_residents_where_to_get_it_not_a_command(built_site):
    text = (built_site / "tai-ve" / "index.html").read_text(encoding="utf-8")
    assert "Bản tải về chưa có trong bản này của trang" in text
    assert "python scripts" not in text and "so-tay-offline.zip" not in text
    # and a link to where it is (a review: "the official site" named no address)
    assert '<a href="https://haiduong-cds.github.io/so-tay/tai-ve/">trang chính thức của sổ tay</a>' in text
