"""Home page in a real browser at a phone's viewport: figures visible, no console error, nothing external."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_home_on_a_phone(phone_page, site_url, request_log):
    errors: list[str] = []
    phone_page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    phone_page.on("pageerror", lambda exc: errors.append(str(exc)))
    phone_page.goto(site_url, wait_until="networkidle")
    body = phone_page.locator("article").inner_text()
    for figure in ("113", "12/12", "357", "235/235", "1.340", "6.891", "1.499"):
        assert figure in body
    # a resident who does not type finds the teams by district and commune (a review: no link led there)
    units = phone_page.get_by_role("link", name="Xem các tổ của từng huyện, xã")
    assert units.get_attribute("href") == "don-vi/"
    outside = [u for u in request_log if not u.startswith(site_url)]
    assert outside == []
    assert errors == []
