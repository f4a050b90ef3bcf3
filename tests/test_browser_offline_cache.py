"""With no network, a phone that opened the site once still reads every guide (the service worker):
tested by stopping the server, as a phone loses its signal."""
from __future__ import annotations

import re

from playwright.sync_api import expect

from conftest import serve
from sotay import service_worker


def test_every_guide_and_the_directory_are_kept_with_what_they_load(built_site):
    text = service_worker.script(built_site)
    kept = set(re.findall(r'"([^"]+)"', text.split("var PRECACHE = ", 1)[1].split(";", 1)[0]))
    guides = {p.parent.name for p in (built_site / "huong-dan").glob("*/index.html")}
    assert len(guides) >= 14 and {f"huong-dan/{g}/" for g in guides} | {"./", "huong-dan/"} <= kept
    assert any(k.startswith("assets/stylesheets/main.") for k in kept) and any(k.startswith("assets/javascripts/bundle.") for k in kept)
    assert "huong-dan/img/vneid-1.svg" in kept
    # every guide ends with "ask your village's team": the directory and its data are kept too
    assert {"danh-ba/", "assets/danh-ba-data.js", "assets/danh-ba-thanh-vien.js", "assets/js/danh-ba.js"} <= kept
    assert not any("search_index" in k or k.startswith(("don-vi/", "to/")) for k in kept)  # only what residents read
    # A new build of other guides or styles is a new version: phones drop the old copies.
    assert re.search(r'var VERSION = "[0-9a-f]{16}"', text)


def test_a_guide_never_opened_reads_with_no_network(phone_page, built_site):
    server, url = serve(built_site)
    try:
        phone_page.goto(url)
        # ready: the worker is active, so its install (saving the files) has finished
        assert phone_page.evaluate("""() => Promise.race([navigator.serviceWorker.ready.then(r => !!r.active),
                                                           new Promise(done => setTimeout(() => done(false), 15000))])""")
        # and it controls this page (clients.claim() in its activation): only then does it see the page's
        # requests. "ready" comes before that; a fetch in between went past it (failed twice under load).
        assert phone_page.evaluate("""() => new Promise(done => {
            if (navigator.serviceWorker.controller) return done(true);
            navigator.serviceWorker.addEventListener("controllerchange", () => done(true));
            setTimeout(() => done(!!navigator.serviceWorker.controller), 15000);
        })""")
        # what is visited is kept, files to save are not (a 13 MB ZIP would be stored twice on the phone)
        vcf = next(built_site.glob("to/*/*.vcf")).relative_to(built_site).as_posix()
        kept = phone_page.evaluate("""async (paths) => {
            for (const p of paths) await (await fetch(p)).text();
            const stored = async () => (await (await caches.open("sotay-seen")).keys()).map(k => new URL(k.url).pathname.slice(1));
            for (let i = 0; i < 50 && !(await stored()).includes(paths[0]); i++) {  // the worker stores after answering
                await new Promise(done => setTimeout(done, 100));
            }
            await new Promise(done => setTimeout(done, 300));  // time for a wrong second entry to show up too
            return stored();
        }""", ["tap-huan/", vcf])
        assert "tap-huan/" in kept and vcf not in kept, kept
    finally:
        server.shutdown()
        server.server_close()
    phone_page.goto(url + "huong-dan/vneid/")  # not opened before, and the server is gone
    expect(phone_page.locator("h1")).to_have_text(re.compile("VNeID"))
    picture = phone_page.locator("article img[src*='vneid-1.svg']").first
    picture.scroll_into_view_if_needed()
    phone_page.wait_for_function("(img) => img.complete && img.naturalWidth > 0", arg=picture.element_handle())
    # the site's look came from the saved styles: Material's header colour, not the browser's default
    assert phone_page.evaluate("() => getComputedStyle(document.querySelector('.md-header')).position") == "sticky"
    # a page that was never saved says so, in Vietnamese, and offers the saved guides
    phone_page.goto(url + "don-vi/")
    expect(phone_page.locator("h1")).to_have_text("Chưa có mạng")
    links = phone_page.locator("li a")
    assert links.count() >= 14
    expect(phone_page.get_by_role("link", name=re.compile("^Danh bạ các tổ"))).to_have_attribute("href", re.compile("/danh-ba/$"))
    links.filter(has_text="Phòng tránh lừa đảo").click()
    expect(phone_page.locator("h1")).to_have_text(re.compile("Phòng tránh lừa đảo"))
    # the site search, never opened online, says it needs the network instead of "Đang chuẩn bị tìm kiếm"
    phone_page.locator("label.md-header__button[for='__search']").click()
    phone_page.locator("input[data-md-component='search-query']").press_sequentially("vneid")
    expect(phone_page.locator(".md-search-result__meta")).to_contain_text("Chưa tải được dữ liệu tìm kiếm vì chưa có mạng")
    saved = phone_page.locator(".md-search-result__meta a")  # and leads to the guides, which are saved
    expect(saved).to_have_text("mở mục Hướng dẫn")
    assert phone_page.evaluate("() => parseFloat(getComputedStyle(document.querySelector('.md-search-result__meta')).fontSize)") >= 12.8
    saved.click()
    expect(phone_page.locator("h1")).to_have_text(re.compile("Hướng dẫn"))
    # the directory was kept: it finds a village's team with no network
    phone_page.goto(url + "danh-ba/")
    phone_page.get_by_label("Tìm trong danh bạ").press_sequentially("cam thuong")
    expect(phone_page.locator("#sotay-dir-results")).to_contain_text("Cẩm Thượng")


def test_a_phone_saving_data_downloads_nothing_in_the_background(phone_page, built_site, request_log):
    """A review: the first page of a visit fetched 118 more files (the guides, the directory, ~350 KB
    compressed). With Data Saver on (navigator.connection.saveData), nothing is fetched unasked."""
    phone_page.add_init_script("Object.defineProperty(navigator, 'connection', {value: {saveData: true}})")
    server, url = serve(built_site)
    try:
        phone_page.goto(url + "huong-dan/vneid/", wait_until="networkidle")
        phone_page.wait_for_timeout(1500)
        assert phone_page.evaluate("navigator.serviceWorker.getRegistrations().then(r => r.length)") == 0
        assert not [u for u in request_log if "danh-ba-" in u or "sw.js" in u], request_log
    finally:
        server.shutdown()
        server.server_close()
