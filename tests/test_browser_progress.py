"""Progress pages in a real browser at a phone's viewport: drill-down, a late reporter's link, the
older period's list on a district page, axe-core, and a print-emulation screenshot saved under test-artifacts/."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

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

    # the newest notes of the province, every one shown; each district's notes are on its page
    newest = page.locator("#kho-khan-list li")
    assert newest.count() == 20 and all(newest.nth(i).is_visible() for i in range(20))
    counts = page.locator(".sotay-note-districts a")
    assert counts.count() == 12 and counts.first.get_attribute("href").endswith("/#kho-khan")
    # late and missing teams: counted by district, the newest period open
    rows = page.locator("details.sotay-period[open] table.sotay-late tbody tr")
    assert rows.count() > 0 and rows.first.is_visible()
    assert page.locator("details.sotay-period").count() > 1

    ARTIFACTS.mkdir(exist_ok=True)
    page.emulate_media(media="print")
    page.screenshot(path=str(ARTIFACTS / "tien-do-print.png"), full_page=True)
    assert page.locator(".md-header").is_hidden() and page.locator(".md-sidebar--primary").is_hidden()
    # the latest period's list prints; an older period its summary line (its counts), even opened, as the
    # theme opens every block to print; and the page says so on paper
    older = page.locator("details.sotay-period").nth(1)
    older.evaluate("d => d.open = true")
    assert older.locator("summary").is_visible() and older.locator("table.sotay-late").is_hidden()
    assert page.locator("details.sotay-period[open]").first.locator("table.sotay-late tr").first.is_visible()
    assert page.locator("#nop-muon + .sotay-print-only").is_visible()
    older.evaluate("d => d.open = false")
    page.emulate_media(media="screen")
    assert page.locator("#nop-muon + .sotay-print-only").is_hidden()

    # an older period's count of a district opens that period's list on the district's page
    older = page.locator("details.sotay-period").nth(1)
    older.locator("summary").click()
    link = older.locator("table.sotay-late tbody a").first
    district, anchor = link.get_attribute("href").split("/#")
    missing, late = (older.locator("table.sotay-late tbody tr").first.locator("td").nth(i).inner_text() for i in (0, 1))
    link.click()
    page.wait_for_url(f"**/tien-do/{district}/#{anchor}")
    listed = page.locator(f"details:has(#{anchor})")
    assert listed.locator("summary").inner_text().endswith(f"{late} tổ nộp muộn, {missing} tổ chưa nộp")
    assert listed.get_attribute("open") is not None  # opened by the link, though the page opens the newest only
    assert page.locator(f"#{anchor} ul.sotay-reporters a").first.is_visible()
    header = page.locator(".md-header").bounding_box()
    summary = listed.locator("summary").bounding_box()
    assert header["y"] + header["height"] <= summary["y"] < 800  # scrolled to, the month in view under the header
    page.goto(site_url + "tien-do/", wait_until="networkidle")

    # drill down into one district
    page.get_by_role("link", name="Thành phố Hải Dương", exact=True).first.click()
    page.wait_for_url("**/tien-do/thanh-pho-hai-duong/")
    assert "Theo xã, phường, thị trấn" in page.locator("article").inner_text()
    assert serious(page) == []

    # a team of the open period's lists (first those that have not reported) links to the team's page
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


def test_a_districts_progress_prints_on_few_sheets(page, site_url):
    """For the monthly meeting: the figures, the communes' table and the latest period's lists. Every period
    and every note printed open, bars 18 mm tall and a table pushed whole to the next sheet took 15 to 17."""
    sheets = {}
    for district in ("huyen-cam-giang", "thanh-pho-hai-duong"):
        page.goto(f"{site_url}tien-do/{district}/", wait_until="networkidle")
        page.emulate_media(media="print")
        bar = page.locator("svg.sotay-bar").first.bounding_box()
        assert bar["height"] <= 4 * 96 / 25.4, bar  # a thin line on paper
        sheets[district] = len(re.findall(rb"/Type\s*/Page[^s]", page.pdf(format="A4", prefer_css_page_size=True)))
    assert max(sheets.values()) <= 7, sheets


def test_the_charts_month_labels_keep_clear_of_the_axis_labels(phone_page, site_url):
    """At 360 px "T6/22" touched "70%", the axis's lowest label."""
    phone_page.goto(site_url + "tien-do/", wait_until="networkidle")
    labels = phone_page.locator(".sotay-chart svg text.sotay-chart__label")
    boxes = [labels.nth(i).bounding_box() for i in range(labels.count())]
    axis = [b for b, a in zip(boxes, [labels.nth(i).get_attribute("text-anchor") for i in range(len(boxes))]) if a == "end"]
    months = [b for b, a in zip(boxes, [labels.nth(i).get_attribute("text-anchor") for i in range(len(boxes))]) if a == "middle"]
    lowest = max(axis, key=lambda b: b["y"])
    assert months and months[0]["y"] - (lowest["y"] + lowest["height"]) >= 2, (lowest, months[0])
