"""What editors get: the data dictionary, report templates, the guide scaffold and the good-practice blog."""
from __future__ import annotations

import csv
import datetime as dt
import html
import io
import re

import yaml
from openpyxl import load_workbook

from conftest import DATA, ROOT, SITE_TODAY, edit_cell, run_script
from sotay.exports.report_template import (DATA_SHEET, INSTRUCTIONS_SHEET, LISTS_SHEET, REPORT_HEADER, TEAMS_SHEET,
                                           csv_template, reporting_teams, xlsx_template)
from sotay.exports.safe import neutralise, neutralise_row
from sotay.load import load_model
from sotay.package import read_package
from sotay.slugs import slugify
from sotay.scaffold import FRONT_MATTER_KEYS, GUIDE_SECTIONS
from sotay.validate.guides import check_guides
from sotay.yamlio import load_yaml

TODAY = dt.date.fromisoformat(SITE_TODAY)


def text_of(path) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", path.read_text(encoding="utf-8")))


# Data dictionary -----------------------------------------------------------------------------------

def test_data_dictionary_lists_every_table_and_field(built_site):
    page = built_site / "bien-tap" / "tu-dien-du-lieu" / "index.html"
    source = page.read_text(encoding="utf-8")
    text = re.sub(r"\s+", " ", text_of(page))
    package, problems = read_package(DATA)
    assert not problems
    for resource in package.resources.values():
        anchor = f"bang-{resource.name.replace('_', '-')}"
        assert f'id="{anchor}"' in source, resource.name
        assert resource.title in text
        for field in resource.fields:
            assert f'id="{anchor}-{field.name.replace("_", "-")}"' in source, (resource.name, field.name)
            assert re.sub(r"\s+", " ", field.description) in text, (resource.name, field.name)
            assert str(field.example) in text, (resource.name, field.name)
            for value in field.constraints.get("enum", []):
                assert value in text


def test_data_dictionary_states_types_keys_and_constraints(built_site):
    text = re.sub(r"\s+", " ", text_of(built_site / "bien-tap" / "tu-dien-du-lieu" / "index.html"))
    assert "Khóa chính (không được có hai dòng trùng): team_id + indicator_id + period_id" in text
    assert "Khóa ngoại: team_id phải có trong cột id của bảng teams" in text
    assert "chỉ một trong: Tổ trưởng, Tổ phó, Tổ viên" in text
    assert "lớn nhất 1.000.000" in text
    assert "nhỏ nhất 2020" in text and "2.020" not in text  # a year is not grouped
    assert "chỉ ghi 'có' hoặc 'không'" in text


# Report templates ----------------------------------------------------------------------------------

def test_templates_for_every_period_open_and_hold_current_teams_and_indicators(built_site):
    model = load_model(DATA, TODAY)
    folder = built_site / "bien-tap" / "mau-bao-cao"
    page = (folder / "index.html").read_text(encoding="utf-8")
    for period in model.periods.values():
        assert f'href="{period.id}.xlsx"' in page and f'href="{period.id}.csv"' in page
        # shown as the other pages show a month, with the code report files use
        assert f'<td>{period.starts_on:%m/%Y} <span class="sotay-muted">(mã <code>{period.id}</code>)</span></td>' in page
        workbook = load_workbook(folder / f"{period.id}.xlsx")
        assert workbook.sheetnames[0] == INSTRUCTIONS_SHEET
        assert f"KỲ {period.id}" in workbook[INSTRUCTIONS_SHEET]["A1"].value
        sheet = workbook[DATA_SHEET]
        assert [c.value for c in sheet[1]] == REPORT_HEADER
        assert sheet["C2"].value == period.id and sheet["A2"].value is None
        lists = workbook[LISTS_SHEET]
        assert lists.sheet_state == "hidden"
        teams = [t.id for t in reporting_teams(model, period)]
        assert [r[0] for r in lists.iter_rows(min_row=2, max_col=1, values_only=True) if r[0]] == teams
        assert [r[0] for r in lists.iter_rows(min_row=2, min_col=2, max_col=2, values_only=True) if r[0]] == sorted(model.indicators)
        formulas = {str(v.sqref): v.formula1 for v in sheet.data_validations.dataValidation}
        assert formulas["A2:A1001"] == f"'{LISTS_SHEET}'!$A$2:$A${len(teams) + 1}"
        assert formulas["B2:B1001"] == f"'{LISTS_SHEET}'!$B$2:$B${len(model.indicators) + 1}"
        assert {r[0] for r in workbook[TEAMS_SHEET].iter_rows(min_row=2, max_col=1, values_only=True)} == set(teams)
        raw = (folder / f"{period.id}.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        assert list(csv.reader(io.StringIO(raw.decode("utf-8-sig")))) == [REPORT_HEADER, ["", "", period.id, "", ""]]
    # Every village team that existed during the period is expected to report in it.
    june = model.periods["2022-06"]
    expected = sum(1 for t in model.teams_of_kind("village_team") if t.active_in(june.starts_on, june.ends_on))
    count = len(reporting_teams(model, june))
    assert count == expected and 1200 < count < 1340


def test_templates_are_reproducible(mini):
    model = load_model(mini, TODAY)
    period = model.periods["2022-07"]
    first = xlsx_template(model, period)
    assert xlsx_template(load_model(mini, TODAY), period) == first
    properties = load_workbook(io.BytesIO(first)).properties
    assert properties.created == properties.modified == dt.datetime(2022, 1, 1)


def openpyxl_template(model, period) -> bytes:
    """The template as it was built with openpyxl: the reference for the small writer in report_template."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation
    from openpyxl.writer.excel import ExcelWriter
    import zipfile
    from sotay.exports.report_template import ROWS, VALUE_MAX, indicators, instructions
    from sotay.exports.safe import FIXED_TIME, reproducible_zip
    from sotay.text import sort_key
    teams = reporting_teams(model, period)
    codes = indicators(model)
    workbook = Workbook()
    bold = Font(bold=True)

    guide = workbook.active
    guide.title = INSTRUCTIONS_SHEET
    guide.column_dimensions["A"].width = 120
    for row, line in enumerate(instructions(model, period), start=1):
        cell = guide.cell(row=row, column=1, value=neutralise(line))
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if row == 1 or line == "CÁC CHỈ TIÊU":
            cell.font = Font(bold=True, size=13 if row == 1 else 11)

    sheet = workbook.create_sheet(DATA_SHEET)
    sheet.append(REPORT_HEADER)
    header_fill = PatternFill("solid", fgColor="DDE3F5")
    for cell in sheet[1]:
        cell.font = bold
        cell.fill = header_fill
    for row in range(2, ROWS + 2):
        sheet.cell(row=row, column=3, value=period.id)
        sheet.cell(row=row, column=5).number_format = "dd/mm/yyyy"
    for column, width in zip("ABCDE", (18, 22, 12, 12, 14)):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A2"

    lists = workbook.create_sheet(LISTS_SHEET)
    lists.sheet_state = "hidden"
    lists.append(["team_id", "indicator_id"])
    for index in range(max(len(teams), len(codes))):
        lists.append([teams[index].id if index < len(teams) else None, codes[index].id if index < len(codes) else None])
    last = ROWS + 1
    team_list = DataValidation(type="list", formula1=f"'{LISTS_SHEET}'!$A$2:$A${len(teams) + 1}", allow_blank=True,
                               showErrorMessage=True, errorTitle="Mã tổ không có trong danh sách",
                               error="Chọn mã tổ trong danh sách thả xuống (xem trang Danh sách tổ).")
    indicator_list = DataValidation(type="list", formula1=f"'{LISTS_SHEET}'!$B$2:$B${len(codes) + 1}", allow_blank=True,
                                    showErrorMessage=True, errorTitle="Mã chỉ tiêu không có trong danh sách",
                                    error="Chọn mã chỉ tiêu trong danh sách thả xuống.")
    whole = DataValidation(type="whole", operator="between", formula1="0", formula2=str(VALUE_MAX), allow_blank=True,
                           showErrorMessage=True, errorTitle="Kết quả không hợp lệ",
                           error="Chỉ ghi số nguyên từ 0 trở lên, không dùng dấu phân cách hàng nghìn.")
    team_list.add(f"A2:A{last}")
    indicator_list.add(f"B2:B{last}")
    whole.add(f"D2:D{last}")
    for validation in (team_list, indicator_list, whole):
        sheet.add_data_validation(validation)

    directory = workbook.create_sheet(TEAMS_SHEET)
    directory.append(["team_id", "Tên tổ", "Thôn, khu dân cư", "Xã, phường, thị trấn", "Huyện, thị xã, thành phố"])
    for cell in directory[1]:
        cell.font = bold
    ordered = sorted(teams, key=lambda t: (sort_key(t.unit.district.name if t.unit.district else ""), sort_key(t.unit.name), t.id))
    for team in ordered:
        district = team.unit.district
        directory.append(neutralise_row([team.id, team.name, team.village or "", team.unit.name, district.name if district else ""]))
    for column, width in zip("ABCDE", (18, 48, 28, 28, 28)):
        directory.column_dimensions[column].width = width
    directory.freeze_panes = "A2"

    workbook.active = 0
    workbook.properties.creator = "Sổ tay Công nghệ số cộng đồng"
    workbook.properties.title = f"Mẫu báo cáo kỳ {period.id}"
    workbook.properties.created = FIXED_TIME
    workbook.properties.modified = FIXED_TIME
    workbook.properties.lastModifiedBy = None
    buffer = io.BytesIO()
    # ExcelWriter directly: save_workbook() would stamp the current time as "modified".
    ExcelWriter(workbook, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)).save()
    return reproducible_zip(buffer.getvalue())


def _parts(data: bytes) -> dict[str, bytes]:
    import zipfile
    archive = zipfile.ZipFile(io.BytesIO(data))
    return {info.filename: archive.read(info.filename) for info in archive.infolist()}


def test_template_parts_are_those_openpyxl_writes(mini):
    """Every part but docProps/app.xml (the application's name) is the same bytes, in the same order,
    as openpyxl's for the same workbook: demo periods, and hostile names that look like formulas or markup."""
    from sotay.load import forget
    demo = load_model(DATA, TODAY)
    cases = [(demo, p) for p in demo.periods.values()]
    forget()  # the model below is changed in memory (past the validator): not for other tests
    hostile = load_model(mini, TODAY)
    forget()
    team = hostile.teams["TCN-10507-01"]
    team.name, team.village = '=HYPERLINK("http://example.com","Bấm") & <b>"x"</b>', " -1 thôn\t"
    cases += [(hostile, p) for p in hostile.periods.values()]
    for model, period in cases:
        ours, theirs = _parts(xlsx_template(model, period)), _parts(openpyxl_template(model, period))
        assert list(ours) == list(theirs)
        for name in ours:
            if name != "docProps/app.xml":
                assert ours[name] == theirs[name], (period.id, name)


def test_formula_like_text_is_neutralised_in_templates(mini):
    assert neutralise("=1+1") == "'=1+1" and neutralise("+84") == "'+84" and neutralise("-x") == "'-x"
    assert neutralise("@SUM(A1)") == "'@SUM(A1)" and neutralise("Tổ 1") == "Tổ 1" and neutralise(12) == 12
    assert neutralise_row(["=A1", "b", None]) == ["'=A1", "b", None]
    edit_cell(mini / "teams" / "288.csv", 3, "name", '=HYPERLINK("http://example.com","Bấm")')
    model = load_model(mini, TODAY)
    workbook = load_workbook(io.BytesIO(xlsx_template(model, model.periods["2022-06"])))
    names = {row[0].value: row[1] for row in workbook[TEAMS_SHEET].iter_rows(min_row=2)}
    cell = names["TCN-10507-01"]
    assert cell.data_type == "s" and cell.value == "'=HYPERLINK(\"http://example.com\",\"Bấm\")"
    assert csv_template(model, model.periods["2022-06"]).decode("utf-8-sig").splitlines()[1] == ",,2022-06,,"


# Guide scaffold ------------------------------------------------------------------------------------

def front_matter(text: str) -> dict:
    assert text.startswith("---\n")
    block = text.split("---\n", 2)[1]
    value, problems = load_yaml(block, "guide.md")
    assert not problems
    return value


def test_new_guide_has_valid_front_matter_and_the_section_pattern(tmp_path):
    result = run_script("new_guide.py", "Cài đặt ứng dụng VNeID", "--out", str(tmp_path))
    assert result.returncode == 0, result.stderr
    path = tmp_path / "cai-dat-ung-dung-vneid.md"
    text = path.read_text(encoding="utf-8")
    meta = front_matter(text)
    assert tuple(meta) == FRONT_MATTER_KEYS
    assert meta["title"] == "Cài đặt ứng dụng VNeID"
    assert meta["platforms"] == ["vneid"]
    platforms = {row["id"] for row in csv.DictReader((DATA / "platforms.csv").open(encoding="utf-8"))}
    assert set(meta["platforms"]) <= platforms
    assert set(meta["audience"]) <= {"resident", "household_business", "team_member"}
    assert meta["difficulty"] in {"de", "vua", "kho"}
    assert isinstance(meta["last_reviewed"], dt.date) and meta["reviewer"]
    assert all(isinstance(meta[k], list) and meta[k] for k in ("prerequisites", "tags"))
    assert isinstance(meta["time"], str) and isinstance(meta["summary"], str)
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert tuple(headings) == GUIDE_SECTIONS
    steps = re.findall(r"^(\d)\. .+$", text, re.M)  # a numbered list, as the published guides
    assert steps == ["1", "2", "3"]
    images = re.findall(r"^    !\[([^\]]+)\]\(img/cai-dat-ung-dung-vneid/buoc-(\d)\.png\)$", text, re.M)
    assert [n for _, n in images] == ["1", "2", "3"] and all(alt.strip() for alt, _ in images)


def test_new_guide_passes_the_guides_check_once_its_pictures_are_added(tmp_path):
    # What an editor does: create the guide, add the three screenshots it names, run the check.
    docs = tmp_path / "docs"
    assert run_script("new_guide.py", "Cài đặt ứng dụng VNeID", "--out", str(docs / "huong-dan")).returncode == 0
    (docs / "danh-ba").mkdir(parents=True)
    (docs / "danh-ba" / "index.md").write_text("# Danh bạ\n", encoding="utf-8")  # the page 'Hỏi ai' links to
    pictures = docs / "huong-dan" / "img" / "cai-dat-ung-dung-vneid"
    pictures.mkdir(parents=True)
    for n in (1, 2, 3):
        (pictures / f"buoc-{n}.png").write_bytes(PNG_1PX)
    platforms = {row["id"] for row in csv.DictReader((DATA / "platforms.csv").open(encoding="utf-8"))}
    assert [str(p) for p in check_guides(docs, platforms)] == []


PNG_1PX = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ff"
                        "ff3f0005fe02fea7d6a4e20000000049454e44ae426082")


def test_new_guide_never_overwrites(tmp_path):
    assert run_script("new_guide.py", "Thanh toán bằng mã QR", "--out", str(tmp_path)).returncode == 0
    path = tmp_path / "thanh-toan-bang-ma-qr.md"
    assert front_matter(path.read_text(encoding="utf-8"))["platforms"] == ["thanh-toan"]
    path.write_text("bài đã viết", encoding="utf-8")
    result = run_script("new_guide.py", "Thanh toán bằng mã QR", "--out", str(tmp_path))
    assert result.returncode == 1 and "không ghi đè" in result.stderr
    assert path.read_text(encoding="utf-8") == "bài đã viết"


def test_new_guide_refuses_an_unknown_platform(tmp_path):
    result = run_script("new_guide.py", "Bài thử", "--platform", "khong-co", "--out", str(tmp_path))
    assert result.returncode == 2 and "Không có nền tảng khong-co" in result.stderr
    assert not list(tmp_path.iterdir())


# Good practices ------------------------------------------------------------------------------------

SECTIONS = ("Tình huống", "Tổ đã làm gì", "Kết quả bằng số liệu", "Điều nơi khác có thể học")


def test_good_practice_posts_follow_the_format_and_are_marked_as_samples(built_site):
    posts = sorted((ROOT / "docs" / "cach-lam-hay" / "posts").glob("*.md"))
    assert len(posts) >= 3
    index = text_of(built_site / "cach-lam-hay" / "index.html")
    for post in posts:
        source = post.read_text(encoding="utf-8")
        meta = yaml.safe_load(source.split("---\n", 2)[1])
        title = re.search(r"^# (.+)$", source, re.M)[1]
        assert title in index
        assert "Bài mẫu" in source and "bài mẫu" in source
        assert [h for h in re.findall(r"^## (.+)$", source, re.M)] == list(SECTIONS)
        assert re.search(r"^\|.*\|\s*\d", source, re.M), f"{post.name}: the result needs figures"
        assert isinstance(meta["date"], dt.date) and meta["categories"]
        built = built_site / "cach-lam-hay" / slugify(title) / "index.html"
        assert "Bài mẫu" in text_of(built) and all(section in text_of(built) for section in SECTIONS)


def test_categories_cover_platforms_and_every_district(built_site):
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    blog = next(p["blog"] for p in config["plugins"] if isinstance(p, dict) and "blog" in p)
    allowed = blog["categories_allowed"]
    districts = [r["name"] for r in csv.DictReader((DATA / "units.csv").open(encoding="utf-8")) if r["level"] == "district"]
    assert set(districts) <= set(allowed)
    assert "Sổ sức khỏe điện tử" in allowed and "Gian hàng số" in allowed
    for slug in ("huyen-thanh-ha", "huyen-gia-loc", "so-suc-khoe-dien-tu", "gian-hang-so"):
        page = built_site / "cach-lam-hay" / "category" / slug / "index.html"
        assert page.exists(), slug
    assert "Cách làm hay" in text_of(built_site / "cach-lam-hay" / "category" / "huyen-gia-loc" / "index.html")


# Editors' guide ------------------------------------------------------------------------------------

def test_editors_page_explains_each_task_and_links_the_downloads(built_site):
    page = built_site / "bien-tap" / "index.html"
    source = page.read_text(encoding="utf-8")
    text = text_of(page)
    for anchor in ("sua-to-thanh-vien", "them-bai-huong-dan", "them-bai-cach-lam-hay", "nhap-bao-cao",
                   "thong-bao-kiem-tra", "sau-khi-tao-yeu-cau"):
        assert f'id="{anchor}"' in source, anchor
    assert 'href="tu-dien-du-lieu/"' in source and 'href="mau-bao-cao/"' in source
    for key in FRONT_MATTER_KEYS:
        assert key in text
    assert "tệp:dòng:cột: giá trị: điều cần sửa" in text
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for words in ("Sửa thông tin một tổ", "Thêm bài hướng dẫn", "Thêm bài cách làm hay", "Nhập báo cáo",
                  "Thông báo kiểm tra", "Sau khi tạo yêu cầu hợp nhất"):
        assert words in contributing
