"""The site builds with --strict from the shipped data, shows computed figures, and refuses bad data."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SITE_TODAY, build_site, edit_cell


def test_home_page_shows_the_headline_figures(built_site):
    html = (built_site / "index.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", " ", html)
    for figure in ("113", "12/12", "357", "235/235", "1.340", "6.891", "107", "1.499"):
        assert figure in text, figure
    # 107 of 235 communes have their own steering group: "107 xã" beside "1.340 tổ ở 235/235 xã" read as a gap
    assert "107/235 xã, phường, thị trấn có tổ riêng" in text
    assert "<strong>Dữ liệu mẫu</strong>" in html


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


def _material_strings(language: str) -> dict[str, str]:
    import material
    path = Path(material.__file__).parent / "templates" / "partials" / "languages" / f"{language}.html"
    return dict(re.findall(r'"([a-z0-9.\-_]+)": "([^"]*)"', path.read_text(encoding="utf-8")))


def test_no_theme_string_left_in_english(built_site):
    """Material's Vietnamese file leaves a few strings in English ("Initializing search" shows while the
    index loads, "Tabs" is read out); Python-Markdown titles heading links "Permanent link"."""
    english, vietnamese = _material_strings("en"), _material_strings("vi")
    untranslated = {v for k, v in english.items() if vietnamese.get(k, v) == v and re.search(r"[A-Za-z]{3} [a-zA-Z]|^[A-Z][a-z]+$", v)}
    assert {"Initializing search", "Tabs"} <= untranslated  # what is checked: Material's own list
    pages = ["index.html", "huong-dan/vneid/index.html", "don-vi/index.html", "tien-do/index.html", "danh-ba/index.html",
             "cach-lam-hay/index.html", "cach-lam-hay/lop-buoi-toi-cho-cong-nhan-di-lam-ca/index.html", "404.html"]
    for page in pages:
        html = (built_site / page).read_text(encoding="utf-8")
        shown = re.findall(r">\s*([^<]*?)\s*<", html) + re.findall(r'(?:aria-label|title|alt|placeholder)="([^"]*)"', html)
        assert not untranslated & set(shown), (page, untranslated & set(shown))
        assert "Permanent link" not in html, page
    guide = (built_site / "huong-dan/vneid/index.html").read_text(encoding="utf-8")
    assert 'title="Liên kết đến mục này"' in guide
    assert 'aria-label="Xóa"' in guide and "Xoá" not in guide  # one spelling, the guides' one


def test_not_found_page_is_vietnamese_and_leads_on(built_site):
    html = (built_site / "404.html").read_text(encoding="utf-8")
    assert "Not found" not in html and "<h1>Không tìm thấy trang này</h1>" in html
    # Served for any missing address at any depth: its links are absolute from the site's root.
    for target in ("/so-tay/huong-dan/", "/so-tay/danh-ba/", "/so-tay/don-vi/"):
        assert f'href="{target}"' in html, target


@pytest.mark.parametrize("edit, message", [
    # a cell the first pass refuses; a key and a rule the rest of the check (run beside the build) refuses
    (("targets.csv", 2, "value", "1.000"), "targets.csv:2:value: 1.000: có dấu phân cách hàng nghìn"),
    (("members/288.csv", 3, "team_id", "TCN-10507-99"), "members/288.csv:3:team_id: TCN-10507-99: không có mã này"),
    (("teams/288.csv", 3, "dissolved_on", "2022-06-30"), "members/288.csv:3:until: (trống): tổ đã giải thể ngày 30/06/2022"),
    # rules the model's own assumptions rest on (a review: the first hung the build, the second ended in a traceback)
    (("units.csv", 3, "parent_id", "10507"), "units.csv:3:parent_id: 10507: đơn vị cấp trên (Phường Cẩm Thượng) là cấp xã"),
    (("units.csv", 3, "parent_id", ""), "units.csv:3:parent_id: (trống): đơn vị cấp huyện, xã phải có đơn vị cấp trên"),
])
def test_bad_data_writes_no_page_and_fails_the_build_with_the_validator_message(tmp_path, mini, edit, message):
    file, line, column, value = edit
    edit_cell(mini / file, line, column, value)
    out = tmp_path / "site"
    result = build_site(out, data_dir=mini)
    assert result.returncode != 0
    assert message in result.stderr + result.stdout
    assert "Traceback" not in result.stderr + result.stdout
    assert not out.exists() or not [p for p in out.rglob("*") if p.is_file()]


def test_bad_data_leaves_the_last_good_site_as_it_was(tmp_path, mini):
    """The rest of the check runs beside the build; the build waits for it before MkDocs empties the site
    folder (a review: a bad edit had emptied it, and under mkdocs serve the preview with it)."""
    out = tmp_path / "site"
    assert build_site(out, data_dir=mini).returncode == 0
    before = sorted(p.relative_to(out) for p in out.rglob("*") if p.is_file())
    edit_cell(mini / "teams/288.csv", 3, "dissolved_on", "2022-06-30")  # the model builds; a rule refuses it
    result = build_site(out, data_dir=mini)
    assert result.returncode != 0 and "tổ đã giải thể ngày 30/06/2022" in result.stderr + result.stdout
    assert sorted(p.relative_to(out) for p in out.rglob("*") if p.is_file()) == before


def test_bad_data_fails_the_build_with_the_validator_messages(tmp_path, mini):
    edit_cell(mini / "targets.csv", 2, "value", "1.000")
    result = build_site(tmp_path / "site", data_dir=mini)
    assert result.returncode != 0
    assert "targets.csv:2:value: 1.000: có dấu phân cách hàng nghìn: viết liền các chữ số, ví dụ 1000" in result.stderr + result.stdout


def _same_files(one: Path, two: Path) -> int:
    names = sorted(p.relative_to(one) for p in one.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(two) for p in two.rglob("*") if p.is_file())
    for name in names:
        assert (one / name).read_bytes() == (two / name).read_bytes(), name
    return len(names)


@pytest.mark.parametrize("offline", ["false", "true"])  # the offline edition: file:// links, .../index.html
def test_generated_pages_in_shells_are_byte_for_byte_what_the_theme_renders(tmp_path, mini, offline):
    """The glue skips Markdown and the theme for generated pages outside the navigation (a shell per
    folder, filled in): SOTAY_PLAIN_BUILD=1 renders every page the ordinary way; same bytes."""
    env = {"SITE_DATA_DIR": str(mini), "SITE_TODAY": SITE_TODAY, "OFFLINE": offline}
    fast = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-v", "--strict", "-d", str(tmp_path / "fast")],
                          capture_output=True, text=True, cwd=ROOT, env={**os.environ, **env}, timeout=600)
    assert fast.returncode == 0, fast.stderr[-3000:]
    stamped = re.search(r"pages filled into a theme shell: (\d+)", fast.stderr + fast.stdout)
    assert stamped and int(stamped.group(1)) >= 3  # mini: 5 team pages in to/, two of them check the shell
    direct = re.search(r"pages written directly after the build: (\d+)", fast.stderr + fast.stdout)
    assert direct and int(direct.group(1)) == 3  # mini: 5 team pages; two check the shell, three skip MkDocs
    assert "generated files and direct pages made in a second process" in fast.stderr + fast.stdout
    plain = build_site(tmp_path / "plain", data_dir=mini, extra_env={"SOTAY_PLAIN_BUILD": "1", "OFFLINE": offline})
    assert plain.returncode == 0, plain.stderr[-3000:]
    assert _same_files(tmp_path / "fast", tmp_path / "plain") > 50
    # as under mkdocs serve (its server's threads): the same work in this process, the same bytes
    one = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-v", "--strict", "-d", str(tmp_path / "one")],
                         capture_output=True, text=True, cwd=ROOT, env={**os.environ, **env, "SOTAY_JOBS": "1"}, timeout=600)
    assert one.returncode == 0, one.stderr[-3000:]
    assert "generated files and direct pages made in this process" in one.stderr + one.stdout
    assert _same_files(tmp_path / "one", tmp_path / "plain") > 50


def test_a_shell_needs_exactly_one_content_mark():
    from sotay.shell import MARKS, make_shell
    shell = make_shell(f"<title>{MARKS['title']}</title><main>{MARKS['content']}</main><h1>{MARKS['title']}</h1>")
    assert shell.fill({"title": "A &amp; B", "content": MARKS["title"]}) == \
        f"<title>A &amp; B</title><main>{MARKS['title']}</main><h1>A &amp; B</h1>"  # content is not searched
    assert make_shell("<main></main>") is None
    assert make_shell(MARKS["content"] * 2) is None


def test_demo_site_in_shells_is_the_plain_build(built_site, tmp_path):
    """The same on the demo data: 1,460 team pages, 235 commune pages in 12 folders, progress pages."""
    plain = build_site(tmp_path / "plain", extra_env={"SOTAY_PLAIN_BUILD": "1"})
    assert plain.returncode == 0, plain.stderr[-3000:]
    assert _same_files(built_site, tmp_path / "plain") > 3000


def test_a_broken_package_description_fails_the_build_with_the_validator_message(tmp_path, mini):
    """Not a traceback (the guides' check used to ask for a platforms table that was never read)."""
    path = mini / "datapackage.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  - name: ", "\t- name: ", 1), encoding="utf-8")
    result = build_site(tmp_path / "site", data_dir=mini)
    output = result.stderr + result.stdout
    assert result.returncode != 0 and "Traceback" not in output
    assert re.search(r"datapackage\.yaml:\d+:: .*YAML không hợp lệ: có ký tự Tab", output), output[-2000:]


def test_the_edit_link_is_a_labelled_link_at_the_foot_not_a_pencil(built_site):
    """Residents tapped the pencil above the title and landed on GitHub's sign-in page."""
    for page, target in [("huong-dan/vneid/index.html", "docs/huong-dan/vneid.md"), ("don-vi/index.html", "data/members/30.csv")]:
        html = (built_site / page).read_text(encoding="utf-8")
        assert "md-content__button" not in html, page
        link = f'<a href="https://github.com/haiduong-cds/so-tay/edit/main/{target}" rel="edit">Dành cho biên tập viên: sửa trang này trên GitHub</a>'
        assert link in html and html.index(link) > html.index("</h1>"), page


def test_pages_outside_the_navigation_show_their_section(built_site):
    """Guides, unit, team and district progress pages are outside the navigation: the menu and tabs
    marked no section, so a reader on a commune page could not see where they were; now their folder's
    ("Đơn vị" for team pages, also those written directly)."""
    teams = sorted(p.parent.name for p in (built_site / "to").glob("*/index.html"))
    pages = {"don-vi/huyen-binh-giang/xa-long-xuyen/": "Đơn vị", "don-vi/huyen-binh-giang/": "Đơn vị",
             f"to/{teams[0]}/": "Đơn vị", f"to/{teams[-1]}/": "Đơn vị", "don-vi/": "Đơn vị", "danh-ba/": "Danh bạ",
             "huong-dan/vneid/": "Hướng dẫn", "tien-do/huyen-binh-giang/": "Tiến độ"}
    for path, section in pages.items():
        html = (built_site / path / "index.html").read_text(encoding="utf-8")
        tabs = re.findall(r'<li class="md-tabs__item md-tabs__item--active">\s*<a[^>]*>\s*([^<]*?)\s*</a>', html)
        menu = re.findall(r'<li class="md-nav__item md-nav__item--active[^"]*">\s*(?:<[^>]*>\s*)*?([^<\s][^<]*?)\s*<', html)
        assert tabs == [section] and menu[:1] == [section], (path, tabs, menu)
