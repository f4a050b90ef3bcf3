"""The site builds with --strict from the shipped data, shows computed figures, and refuses bad data."""
from __future__ import annotations

import re

from conftest import build_site, edit_cell


def test_home_page_shows_the_headline_figures(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", " ", html)
    for figure in ("113", "12/12", "357", "235/235", "1.340", "6.891", "107", "1.499"):
        assert figure in text, figure
    assert "dữ liệu mẫu" in html


def test_every_unit_has_a_page(built_site):
    assert (built_site / "don-vi" / "index.html").exists()
    assert (built_site / "don-vi" / "thanh-pho-hai-duong" / "phuong-cam-thuong" / "index.html").exists()
    commune_pages = list((built_site / "don-vi").glob("*/*/index.html"))
    assert len(commune_pages) == 235


def test_no_request_to_a_font_service_or_cdn(built_site):
    for path in built_site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html
        assert not re.search(r'<script[^>]+src="https?://', html), path
        assert not re.search(r'<link rel="(stylesheet|preconnect|preload|icon|manifest|modulepreload)"[^>]+href="https?://', html), path


def test_bad_data_fails_the_build_with_the_validator_messages(tmp_path, mini):
    edit_cell(mini / "targets.csv", 2, "value", "1.000")
    result = build_site(tmp_path / "site", data_dir=mini)
    assert result.returncode != 0
    assert "targets.csv:2:value: 1.000: có dấu phân cách hàng nghìn: viết liền các chữ số, ví dụ 1000" in result.stderr + result.stdout
