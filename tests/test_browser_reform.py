"""The 2025 reform in Debian's Chromium at a phone's viewport, on the site built as of 10/01/2026: the
directory and the site search find a commune by its 2022 name and by the name of the ward it is part
of today; the banner of an old page leads to the new ward's page."""
from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from browsing import directory_search, site_search
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("query", ["Cẩm Thượng", "cam thuong"])
def test_directory_finds_a_commune_by_its_2022_name_and_says_where_it_is_now(phone_page, site_url_2026, query):
    errors: list[str] = []
    phone_page.on("pageerror", lambda exc: errors.append(str(exc)))
    phone_page.goto(site_url_2026 + "danh-ba/")
    first = directory_search(phone_page, query).first
    expect(first).to_contain_text("Phường Cẩm Thượng, Thành phố Hải Dương (nay thuộc Phường Thành Đông)")
    assert errors == []


@pytest.mark.parametrize("query", ["Thành Đông", "thanh dong"])
def test_directory_finds_the_teams_of_a_new_ward(phone_page, site_url_2026, query):
    phone_page.goto(site_url_2026 + "danh-ba/")
    hits = directory_search(phone_page, query)
    expect(hits.first).to_contain_text("(nay thuộc Phường Thành Đông)")
    places = {re.sub(r",.*", "", hits.nth(i).locator(".sotay-hit__where").inner_text()) for i in range(min(hits.count(), 30))}
    # The teams of the 2022 wards that formed Phường Thành Đông come first.
    assert {"Phường Cẩm Thượng", "Phường Bình Hàn"} <= places
    hits.first.locator("a.sotay-hit__name").click()
    assert re.search(r"/to/tcn-[0-9]+-[0-9]+/$", phone_page.url)


@pytest.mark.parametrize("query", ["Thành Đông", "Phường Thành Đông"])
def test_site_search_finds_the_new_ward_page(phone_page, site_url_2026, query):
    phone_page.goto(site_url_2026)
    results = site_search(phone_page, query)
    expect(results.first).to_have_attribute("href", re.compile(r"don-vi/2025/phuong-thanh-dong/"))
    results.first.click()
    expect(phone_page.locator("h1")).to_have_text("Phường Thành Đông")
    expect(phone_page.locator("article")).to_contain_text("Phường Cẩm Thượng")


def test_site_search_finds_the_old_commune_page_and_its_banner_leads_to_the_new_ward(phone_page, site_url_2026):
    phone_page.goto(site_url_2026)
    results = site_search(phone_page, "Phường Cẩm Thượng")
    expect(results.first).to_have_attribute("href", re.compile(r"don-vi/thanh-pho-hai-duong/phuong-cam-thuong/"))
    results.first.click()
    banner = phone_page.locator("#nay-thuoc")
    expect(banner).to_contain_text("Từ 01/07/2025, Phường Cẩm Thượng thuộc Phường Thành Đông, Thành phố Hải Phòng.")
    banner.get_by_role("link", name="Phường Thành Đông").click()
    expect(phone_page.locator("h1")).to_have_text("Phường Thành Đông")
    assert phone_page.url.endswith("/don-vi/2025/phuong-thanh-dong/")


@pytest.mark.parametrize("path", ["don-vi/2025/", "don-vi/2025/phuong-thanh-dong/", "don-vi/thanh-pho-hai-duong/"])
def test_reform_pages_have_no_serious_accessibility_violation(phone_page, site_url_2026, path):
    phone_page.goto(site_url_2026 + path)
    violations = [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
                  for v in Axe().run(phone_page).response["violations"] if v["impact"] in ("serious", "critical")]
    assert violations == []


def test_site_search_finds_the_new_ward_without_tone_marks(phone_page, site_url_2026):
    phone_page.goto(site_url_2026)
    results = site_search(phone_page, "phuong thanh dong")
    expect(results.first).to_have_attribute("href", re.compile(r"don-vi/2025/phuong-thanh-dong/"))
