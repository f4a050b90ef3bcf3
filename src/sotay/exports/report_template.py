"""Report templates for one period: an Excel workbook with drop-down lists and a CSV file (UTF-8 with BOM).

The data sheet's columns are those of the reports table, so a filled template goes straight back in
through ``scripts/import_reports.py``.
"""
from __future__ import annotations

import csv
import io
import zipfile

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.writer.excel import ExcelWriter

from ..model import Indicator, Model, Period, Team
from ..text import format_date, sort_key
from .safe import FIXED_TIME, neutralise, neutralise_row, reproducible_zip

# Columns of the reports table (data/schemas/reports.yaml), in order.
REPORT_HEADER = ["team_id", "indicator_id", "period_id", "value", "submitted_on"]
DATA_SHEET = "Báo cáo"
INSTRUCTIONS_SHEET = "Hướng dẫn"
TEAMS_SHEET = "Danh sách tổ"
LISTS_SHEET = "Danh mục"
ROWS = 1000  # data rows prepared with the period and the drop-down lists
VALUE_MAX = 1_000_000  # as in the schema


def reporting_teams(model: Model, period: Period) -> list[Team]:
    """Village teams that exist during the period: the teams that may report for it."""
    teams = [t for t in model.teams_of_kind("village_team") if t.active_in(period.starts_on, period.ends_on)]
    return sorted(teams, key=lambda t: t.id)


def indicators(model: Model) -> list[Indicator]:
    return sorted(model.indicators.values(), key=lambda i: i.id)


def instructions(model: Model, period: Period) -> list[str]:
    """The instructions, one paragraph per line (first sheet of the workbook, and the editors page)."""
    return [
        f"MẪU BÁO CÁO KẾT QUẢ TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG — KỲ {period.id}",
        f"Kỳ báo cáo: từ {format_date(period.starts_on)} đến {format_date(period.ends_on)}. Hạn nộp: {format_date(period.due_on)}.",
        f"1. Điền ở trang '{DATA_SHEET}', mỗi dòng là một chỉ tiêu của một tổ. Không đổi tên, thứ tự các cột ở dòng tiêu đề.",
        "2. team_id (mã tổ): chọn trong danh sách thả xuống, ví dụ TCN-10507-01. Tra mã tổ ở trang "
        f"'{TEAMS_SHEET}' hoặc trong Danh bạ trên trang Sổ tay.",
        "3. indicator_id (mã chỉ tiêu): chọn trong danh sách thả xuống (xem bảng chỉ tiêu bên dưới).",
        f"4. period_id (kỳ báo cáo): đã điền sẵn {period.id}, không sửa.",
        "5. value (kết quả): số nguyên, không dùng dấu chấm hay dấu phẩy phân cách hàng nghìn (viết 1200, không viết 1.200).",
        "6. submitted_on (ngày nộp): ngày tổ gửi báo cáo, ví dụ 05/07/2022 hoặc 2022-07-05.",
        "7. Dòng chỉ có kỳ báo cáo mà không có số liệu sẽ được bỏ qua. Lưu tệp dưới dạng Excel (.xlsx) rồi gửi cho biên tập viên của huyện.",
        "8. Chỉ tiêu cộng dồn 'latest' ghi số lũy kế đến hết kỳ; chỉ tiêu 'sum' ghi số phát sinh trong kỳ.",
        "",
        "CÁC CHỈ TIÊU",
        *(f"{i.id}: {i.name} ({i.unit_label}; {'lũy kế' if i.aggregation == 'latest' else 'phát sinh trong kỳ'})"
          for i in indicators(model)),
    ]


def csv_template(model: Model, period: Period) -> bytes:
    """The CSV template: the header and one row with the period filled in; UTF-8 with BOM so that
    Excel shows tone marks."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(REPORT_HEADER)
    writer.writerow(neutralise_row(["", "", period.id, "", ""]))
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def xlsx_template(model: Model, period: Period) -> bytes:
    """The Excel template: instructions, the data sheet with drop-down lists, the list of teams."""
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
