"""What a reader does in the browser tests: search the site from the header, search the directory."""
from __future__ import annotations

from playwright.sync_api import expect

from sotay.bench.browser import MEMBERS_IN


def site_search(page, query: str):
    """Open the search from the header (phone layout) and type query key by key; the result links."""
    page.locator("label.md-header__button[for='__search']").click()
    box = page.locator("input[data-md-component='search-query']")
    expect(box).to_be_visible()
    box.press_sequentially(query, delay=20)
    page.wait_for_timeout(600)  # the worker answers each keyup; let the last answer land
    results = page.locator(".md-search-result__list > li.md-search-result__item > a")
    expect(results.first).to_be_visible(timeout=5000)
    return results


def directory_search(page, query: str):
    """Type query into the directory's search box (cleared first), once the members' file is in (it
    comes after the page's data); the result items."""
    page.wait_for_function(MEMBERS_IN)
    box = page.get_by_label("Tìm trong danh bạ")
    box.fill("")
    box.press_sequentially(query)
    return page.locator("#sotay-dir-results > li")
