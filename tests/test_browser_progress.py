"""Progress pages in a real browser at a phone's viewport: drill-down, a late reporter's link, the
district filter, axe-core, and a print-emulation screenshot saved under test-artifacts/."""
from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from sotay.text import format_int
from conftest import ROOT

pytestmark = pytest.mark.browser
ARTIFACTS = ROOT / "test-artifacts"


def serious(page) -> list[str]:
    results = Axe().run(page)
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])})" for v in results.response["violations"]
            if v.get("impact") in ("serious", "critical")]


def test_progress_drill_down_late_reporter_axe_and_print(phone_page, site_url, built_site, request_log):
    page = phone_page
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)

    page.goto(site_url + "tien-do/", wait_until="networkidle")
    assert page.locator("svg[role=img]").first.is_visible()
    assert serious(page) == []

    # the district filter appears with JavaScript and narrows the notes
    select = page.locator("#loc-huyen")
    assert select.is_visible()
    # notes come by period, the newest period open: a year of notes is hundreds long on a phone
    notes = page.locator("#kho-khan-list li")
    total = notes.count()
    blocks = page.locator("#kho-khan-list > details")
    assert blocks.count() > 1 and blocks.first.get_attribute("open") is not None
    newest = page.locator("#kho-khan-list > details[open] li:visible").count()
    assert 0 < newest < total
    select.select_option("thanh-pho-hai-duong")
    shown = page.locator("#kho-khan-list li:visible").count()
    assert 0 < shown < total  # every period of that district, opened
    said = page.locator(".sotay-filter__count").inner_text()
    assert said == f"Đang hiện {shown} ý kiến của Thành phố Hải Dương (trong tổng số {format_int(total)} ý kiến).", said
    for i in range(blocks.count()):  # each period's count is the district's
        block = blocks.nth(i)
        assert block.locator(".sotay-notes__count").inner_text() == str(block.locator("li:visible").count())
    assert shown > page.locator("#kho-khan-list > details").first.locator("li:visible").count()
    assert page.locator("#kho-khan-list li:visible [href]").first.inner_text()
    select.select_option("")
    assert page.locator("#kho-khan-list li:visible").count() == newest
    assert page.locator(".sotay-filter__count").inner_text() == ""  # all of them: the page says how many

    ARTIFACTS.mkdir(exist_ok=True)
    page.emulate_media(media="print")
    page.screenshot(path=str(ARTIFACTS / "tien-do-print.png"), full_page=True)
    assert page.locator(".md-header").is_hidden() and page.locator(".md-sidebar--primary").is_hidden()
    # every period's notes and late reporters print, not only the open ones
    assert page.locator("#kho-khan-list > details:not([open]) li").first.is_visible()
    assert page.locator("details.sotay-period:not([open]) h3").first.is_visible()
    page.emulate_media(media="screen")

    # drill down into one district
    page.get_by_role("link", name="Thành phố Hải Dương", exact=True).first.click()
    page.wait_for_url("**/tien-do/thanh-pho-hai-duong/")
    assert "Theo xã, phường, thị trấn" in page.locator("article").inner_text()
    assert serious(page) == []

    # a late reporter of the newest period (its <details> is open) links to the team's directory entry
    link = page.locator("details.sotay-period[open] ul.sotay-reporters a").first
    href = link.get_attribute("href")
    assert href.startswith("../../to/tcn-") and href.endswith("/")
    team_id = href.split("/")[-2]
    assert Path(built_site, "to", team_id, "index.html").exists()
    name = link.inner_text()
    link.click()
    page.wait_for_url(f"**/to/{team_id}/")
    assert name in page.locator("article").inner_text()  # the team's entry: its name, members and contacts
    assert page.locator("article .sotay-people").count() == 1
    page.emulate_media(media="print")
    page.goto(site_url + "tien-do/thanh-pho-hai-duong/", wait_until="networkidle")
    page.screenshot(path=str(ARTIFACTS / "tien-do-huyen-print.png"), full_page=True)

    outside = [u for u in request_log if not u.startswith(site_url)]
    assert outside == [] and errors == []


def test_training_page_is_accessible_on_a_phone(phone_page, site_url):
    phone_page.goto(site_url + "tap-huan/", wait_until="networkidle")
    assert phone_page.get_by_role("heading", name="Mức độ bao phủ theo huyện và nội dung").is_visible()
    assert serious(phone_page) == []
