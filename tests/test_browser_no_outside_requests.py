"""Over http, the main pages make no request to any host but the site's own (fonts, scripts, styles,
images, the GitHub API): every request is recorded while the page loads and the search is used."""
from __future__ import annotations

import pytest

PAGES = ["", "huong-dan/", "don-vi/", "don-vi/thanh-pho-hai-duong/phuong-cam-thuong/", "danh-ba/", "tap-huan/",
         "tien-do/", "tai-ve/"]


@pytest.mark.parametrize("path", PAGES)
def test_only_requests_to_the_site(phone_page, request_log, site_url, path):
    response = phone_page.goto(site_url + path)
    assert response is not None and response.status == 200
    phone_page.wait_for_load_state("networkidle")
    if path == "":  # the search worker and its index
        phone_page.locator("label.md-header__button[for='__search']").click()
        phone_page.locator("input[data-md-component='search-query']").press_sequentially("zalo")
        phone_page.wait_for_selector(".md-search-result__meta")
        phone_page.wait_for_load_state("networkidle")
    outside = [url for url in request_log if not url.startswith(site_url)]
    assert len(request_log) > 1 and not outside, outside
