"""Legal but dangerous values end to end: the site is built (mkdocs build --strict) from data whose
text fields hold template, Markdown and spreadsheet-formula syntax. Nothing is evaluated, the text
is shown literally (escaped), and every CSV/XLSX the site offers neutralises formula cells."""
from __future__ import annotations

import html

import pytest

from conftest import build_site, run_script
from corpus import make_mini, set_cell
from outputs import documents, formula_cells

# (file, line, column, value written, what it would become if evaluated)
PAYLOADS = [
    ("units.csv", 4, "name", "Phường {{ 7*7 }} Cẩm Thượng", "Phường 49 Cẩm Thượng"),
    ("units.csv", 5, "name", "Phường {% raw %}Bình Hàn", None),
    ("teams/288.csv", 3, "name", "Tổ {{ 7*7 }} khu dân cư số 1", "Tổ 49 khu"),
    ("teams/288.csv", 3, "village", "Khu [dân cư](https://example.invalid/x) số 1", 'href="https://example.invalid/x"'),
    ("teams/288.csv", 4, "village", "-2+3", None),
    ("teams/288.csv", 5, "name", "Tổ {{ config.site_name }} số 1", "Tổ Sổ tay"),
    ("members/288.csv", 3, "full_name", "Phạm **Thị** Dung", "<strong>Thị</strong>"),
    ("members/288.csv", 3, "organisation", '=HYPERLINK("https://example.invalid","bấm")', None),
    ("members/288.csv", 4, "organisation", "@SUM(1+1)", None),
    ("members/288.csv", 5, "organisation", "+cmd|' /C calc'!A0", None),
    ("trainings.csv", 2, "venue", "Hội trường {{ ''.__class__.__mro__ }}", "<class"),
    ("trainings.csv", 3, "trainer", "{% for x in range(3) %}lặp{% endfor %}", "lặplặplặp"),
    ("report_notes.csv", 2, "difficulties", "=1+1 ${7*7} #{7*7} <%= 7*7 %>".replace("<", "‹"), None),
    ("organisations.csv", 2, "name", "Sở {{ 7*7 }} Thông tin", "Sở 49 Thông tin"),
    ("platforms.csv", 2, "description", "Xem ![ảnh](https://example.invalid/a.png) và `mã`", 'src="https://example.invalid/a.png"'),
]


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    data = make_mini(root / "data")
    for file, line, column, value, _ in PAYLOADS:
        set_cell(file, line, column, value)(data)
    check = run_script("validate.py", str(data), "--today", "2023-01-20")
    assert check.returncode == 0, check.stdout  # every payload is legal text
    result = build_site(root / "site", data_dir=data)
    assert result.returncode == 0, result.stderr[-3000:]
    return root / "site"


def test_template_and_markdown_syntax_is_never_evaluated(hostile_site):
    evaluated = [e for *_, e in PAYLOADS if e]
    hits = [(name, e) for name, data in documents(hostile_site) for e in evaluated if e.encode() in data]
    assert hits == []


def test_the_literal_text_is_shown_escaped(hostile_site):
    pages = {name: data.decode("utf-8", "replace") for name, data in documents(hostile_site) if name.endswith(".html")}
    shown = [p for p in PAYLOADS if any(html.escape(p[3], quote=False) in text for text in pages.values())]
    # Unit names are on the unit pages today; every other field is checked as soon as a page shows it.
    assert ("units.csv", 4, "name", "Phường {{ 7*7 }} Cẩm Thượng", "Phường 49 Cẩm Thượng") in shown
    page = pages["don-vi/thanh-pho-hai-duong/phuong-cam-thuong/index.html"]
    assert "<title>Phường {{ 7*7 }} Cẩm Thượng" in page


def test_every_download_neutralises_formula_cells(hostile_site):
    """Every CSV and XLSX in the site (also inside ZIPs): no cell a spreadsheet would run."""
    assert formula_cells(hostile_site) == []


def test_formula_check_finds_unneutralised_cells(tmp_path):
    """The download check itself can fail."""
    import io
    import zipfile

    import openpyxl
    (tmp_path / "a.csv").write_text("ten,to\n=1+1,'=2+2\n", encoding="utf-8")
    book = openpyxl.Workbook()
    book.active.append(["@SUM(1)", "'+3", 5, -5])
    book.active["E1"] = "=1+1"
    buffer = io.BytesIO()
    book.save(buffer)
    (tmp_path / "b.xlsx").write_bytes(buffer.getvalue())
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("mau/c.csv", "a\n-2+3\n")
    (tmp_path / "c.zip").write_bytes(archive.getvalue())
    found = formula_cells(tmp_path)
    assert [f.split(":")[0] for f in found] == ["a.csv dòng 2 cột 1", "b.xlsx Sheet!A1", "b.xlsx Sheet!E1", "c.zip!mau/c.csv dòng 2 cột 1"]


def test_html_in_data_fails_the_build_with_a_located_message(tmp_path):
    data = make_mini(tmp_path / "data")
    set_cell("teams/288.csv", 3, "name", "Tổ <script>alert(1)</script>")(data)
    result = build_site(tmp_path / "site", data_dir=data)
    assert result.returncode != 0
    assert "teams/288.csv:3:name: Tổ <script>alert(1)</script>: có mã HTML" in result.stderr + result.stdout
    assert not (tmp_path / "site" / "index.html").exists()
