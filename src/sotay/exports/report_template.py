"""Report templates for one period: an Excel workbook with drop-down lists and a CSV file (UTF-8 with BOM).

The data sheet's columns are those of the reports table, so a filled template goes straight back in
through ``scripts/import_reports.py``.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import lru_cache

from ..model import Indicator, Model, Period, Team
from ..text import format_date, sort_key
from .safe import FIXED_TIME, neutralise, neutralise_row, zip_parts

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
        "8. Chỉ tiêu có chữ 'lũy kế' ở bảng dưới: ghi số tính từ đầu đến hết kỳ. Chỉ tiêu có chữ 'phát sinh trong kỳ': "
        "chỉ ghi số mới làm được trong kỳ này, không cộng các kỳ trước.",
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
    lines = instructions(model, period)
    guide = [[_Cell(neutralise(line), 1 if row == 1 else 3 if line == "CÁC CHỈ TIÊU" else 2)]
             for row, line in enumerate(lines, start=1)]
    data = [[_Cell(name, 4) for name in REPORT_HEADER]]
    data += [[None, None, _Cell(period.id), None, _Cell(None, 5)] for _ in range(ROWS)]
    lists = [[_Cell("team_id"), _Cell("indicator_id")]]
    lists += [[_Cell(teams[i].id) if i < len(teams) else None, _Cell(codes[i].id) if i < len(codes) else None]
              for i in range(max(len(teams), len(codes)))]
    ordered = sorted(teams, key=lambda t: (sort_key(t.unit.district.name if t.unit.district else ""), sort_key(t.unit.name), t.id))
    directory = [[_Cell(name, 6) for name in ("team_id", "Tên tổ", "Thôn, khu dân cư", "Xã, phường, thị trấn", "Huyện, thị xã, thành phố")]]
    for team in ordered:
        district = team.unit.district
        directory.append([_Cell(v) for v in neutralise_row([team.id, team.name, team.village or "", team.unit.name,
                                                            district.name if district else ""])])
    last = ROWS + 1
    validations = [
        ("list", f"A2:A{last}", "Mã tổ không có trong danh sách", "Chọn mã tổ trong danh sách thả xuống (xem trang Danh sách tổ).",
         f"'{LISTS_SHEET}'!$A$2:$A${len(teams) + 1}", None),
        ("list", f"B2:B{last}", "Mã chỉ tiêu không có trong danh sách", "Chọn mã chỉ tiêu trong danh sách thả xuống.",
         f"'{LISTS_SHEET}'!$B$2:$B${len(codes) + 1}", None),
        ("whole", f"D2:D{last}", "Kết quả không hợp lệ", "Chỉ ghi số nguyên từ 0 trở lên, không dùng dấu phân cách hàng nghìn.",
         "0", str(VALUE_MAX)),
    ]
    sheets = [
        _sheet(guide, widths=[120]),
        _sheet(data, widths=[18, 22, 12, 12, 14], frozen=True, validations=validations),
        _sheet(lists),
        _sheet(directory, widths=[18, 48, 28, 28, 28], frozen=True),
    ]
    return _package(sheets, title=f"Mẫu báo cáo kỳ {period.id}")


# A small SpreadsheetML writer: openpyxl took ~0.13 s a workbook (0.9 s a build) for these four plain
# sheets. The parts are the ones openpyxl writes, element for element, so the same readers open them;
# tests/test_editors.py checks every part against an openpyxl-built workbook.

@dataclass(frozen=True, slots=True)
class _Cell:
    value: str | None
    style: int = 0  # index into the cellXfs of _STYLES


def _column(index: int) -> str:
    return "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[index]  # five columns at most


def _text(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attribute(value: str) -> str:
    return _text(value).replace('"', "&quot;").replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#09;")


def _cells(rows: list[list[_Cell | None]]) -> str:
    out = []
    for r, row in enumerate(rows, start=1):
        cells = []
        for c, cell in enumerate(row):
            if cell is None or (cell.value is None and not cell.style):
                continue
            ref = f"{_column(c)}{r}"
            style = f' s="{cell.style}"' if cell.style else ""
            if cell.value is None:
                cells.append(f'<c r="{ref}"{style} t="n" />')
            elif cell.value == "":
                cells.append(f'<c r="{ref}"{style} t="inlineStr" />')
            else:
                stripped = cell.value.strip()
                space = ' xml:space="preserve"' if stripped and stripped != cell.value else ""
                cells.append(f'<c r="{ref}"{style} t="inlineStr"><is><t{space}>{_text(cell.value)}</t></is></c>')
        out.append(f'<row r="{r}">{"".join(cells)}</row>' if cells else f'<row r="{r}" />')
    return "".join(out)


def _sheet(rows: list[list[_Cell | None]], widths: list[int] = (), frozen: bool = False,
           validations: list[tuple] = ()) -> str:
    width = max(len(row) for row in rows)
    if frozen:
        view = ('<sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen" />'
                '<selection pane="bottomLeft" activeCell="A1" sqref="A1" /></sheetView>')
    else:
        view = '<sheetView workbookViewId="0"><selection activeCell="A1" sqref="A1" /></sheetView>'
    cols = "".join(f'<col width="{w}" customWidth="1" min="{i}" max="{i}" />' for i, w in enumerate(widths, start=1))
    checks = ""
    if validations:
        items = []
        for kind, ref, title, error, formula1, formula2 in validations:
            operator = ' operator="between"' if formula2 is not None else ""
            second = f"<formula2>{_text(formula2)}</formula2>" if formula2 is not None else ""
            items.append(f'<dataValidation sqref="{ref}" showDropDown="0" showInputMessage="0" showErrorMessage="1" '
                         f'allowBlank="1" errorTitle="{_attribute(title)}" error="{_attribute(error)}" type="{kind}"{operator}>'
                         f"<formula1>{_text(formula1)}</formula1>{second}</dataValidation>")
        checks = f'<dataValidations count="{len(items)}">{"".join(items)}</dataValidations>'
    return (f'<worksheet xmlns="{_MAIN}"><sheetPr><outlinePr summaryBelow="1" summaryRight="1" /><pageSetUpPr /></sheetPr>'
            f'<dimension ref="A1:{_column(width - 1)}{len(rows)}" /><sheetViews>{view}</sheetViews>'
            f'<sheetFormatPr baseColWidth="8" defaultRowHeight="15" />{f"<cols>{cols}</cols>" if cols else ""}'
            f"<sheetData>{_cells(rows)}</sheetData>{checks}"
            '<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5" /></worksheet>')


def _package(sheets: list[str], title: str) -> bytes:
    names = [INSTRUCTIONS_SHEET, DATA_SHEET, LISTS_SHEET, TEAMS_SHEET]
    hidden = {LISTS_SHEET}
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ")
    parts = {
        "docProps/app.xml": '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
                            "<Application>Sổ tay Công nghệ số cộng đồng</Application></Properties>",
        "docProps/core.xml": '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
                             'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
                             'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Sổ tay Công nghệ số cộng đồng</dc:creator>'
                             f'<dc:title>{_text(title)}</dc:title><dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
                             f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified></cp:coreProperties>',
        "xl/theme/theme1.xml": _theme(),
        **{f"xl/worksheets/sheet{i}.xml": sheet for i, sheet in enumerate(sheets, start=1)},
        "xl/styles.xml": _STYLES,
        "_rels/.rels": f'<Relationships xmlns="{_RELS}">'
                       f'<Relationship Type="{_DOC_REL}/officeDocument" Target="xl/workbook.xml" Id="rId1" />'
                       '<Relationship Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" '
                       'Target="docProps/core.xml" Id="rId2" />'
                       f'<Relationship Type="{_DOC_REL}/extended-properties" Target="docProps/app.xml" Id="rId3" /></Relationships>',
        "xl/workbook.xml": f'<workbook xmlns:r="{_DOC_REL}" xmlns="{_MAIN}"><workbookPr /><workbookProtection /><bookViews>'
                           '<workbookView visibility="visible" minimized="0" showHorizontalScroll="1" showVerticalScroll="1" '
                           'showSheetTabs="1" tabRatio="600" firstSheet="0" activeTab="0" autoFilterDateGrouping="1" /></bookViews><sheets>'
                           + "".join(f'<sheet name="{_attribute(name)}" sheetId="{i}" state="{"hidden" if name in hidden else "visible"}" '
                                     f'r:id="rId{i}" />' for i, name in enumerate(names, start=1))
                           + '</sheets><definedNames /><calcPr calcId="124519" fullCalcOnLoad="1" /></workbook>',
        "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{_RELS}">'
                                      + "".join(f'<Relationship Type="{_DOC_REL}/worksheet" Target="/xl/worksheets/sheet{i}.xml" Id="rId{i}" />'
                                                for i in range(1, len(sheets) + 1))
                                      + f'<Relationship Type="{_DOC_REL}/styles" Target="styles.xml" Id="rId{len(sheets) + 1}" />'
                                      + f'<Relationship Type="{_DOC_REL}/theme" Target="theme/theme1.xml" Id="rId{len(sheets) + 2}" />'
                                      + "</Relationships>",
        "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                               f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml" />'
                               '<Default Extension="xml" ContentType="application/xml" />'
                               f'<Override PartName="/xl/styles.xml" ContentType="{_OFFICE}.spreadsheetml.styles+xml" />'
                               f'<Override PartName="/xl/theme/theme1.xml" ContentType="{_OFFICE}.theme+xml" />'
                               '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml" />'
                               f'<Override PartName="/docProps/app.xml" ContentType="{_OFFICE}.extended-properties+xml" />'
                               + "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{_OFFICE}.spreadsheetml.worksheet+xml" />'
                                         for i in range(1, len(sheets) + 1))
                               + f'<Override PartName="/xl/workbook.xml" ContentType="{_OFFICE}.spreadsheetml.sheet.main+xml" /></Types>',
    }
    return zip_parts(parts)


_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_OFFICE = "application/vnd.openxmlformats-officedocument"
# Fonts, fills and cell formats of the four sheets; cellXfs indexes are the _Cell styles:
# 1 title (bold 13, wrapped), 2 instruction (wrapped), 3 heading (bold, wrapped), 4 data header (bold, shaded),
# 5 date (dd/mm/yyyy), 6 list header (bold).
_STYLES = (
    f'<styleSheet xmlns="{_MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy" /></numFmts>'
    '<fonts count="4"><font><name val="Calibri" /><family val="2" /><color theme="1" /><sz val="11" /><scheme val="minor" /></font>'
    '<font><b val="1" /><sz val="13" /></font><font><b val="1" /><sz val="11" /></font><font><b val="1" /></font></fonts>'
    '<fills count="3"><fill><patternFill /></fill><fill><patternFill patternType="gray125" /></fill>'
    '<fill><patternFill patternType="solid"><fgColor rgb="00DDE3F5" /></patternFill></fill></fills>'
    '<borders count="1"><border><left /><right /><top /><bottom /><diagonal /></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" /></cellStyleXfs><cellXfs count="7">'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" pivotButton="0" quotePrefix="0" xfId="0" />'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" applyAlignment="1" pivotButton="0" quotePrefix="0" xfId="0"><alignment vertical="top" wrapText="1" /></xf>'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" applyAlignment="1" pivotButton="0" quotePrefix="0" xfId="0"><alignment vertical="top" wrapText="1" /></xf>'
    '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" applyAlignment="1" pivotButton="0" quotePrefix="0" xfId="0"><alignment vertical="top" wrapText="1" /></xf>'
    '<xf numFmtId="0" fontId="3" fillId="2" borderId="0" pivotButton="0" quotePrefix="0" xfId="0" />'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" pivotButton="0" quotePrefix="0" xfId="0" />'
    '<xf numFmtId="0" fontId="3" fillId="0" borderId="0" pivotButton="0" quotePrefix="0" xfId="0" /></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0" hidden="0" /></cellStyles>'
    '<tableStyles count="0" defaultTableStyle="TableStyleMedium9" defaultPivotStyle="PivotStyleLight16" />'
    # Excel's legacy 64-colour palette
    '<colors><indexedColors>' + "".join(f'<rgbColor rgb="00{rgb}" />' for rgb in (
        "000000 FFFFFF FF0000 00FF00 0000FF FFFF00 FF00FF 00FFFF 000000 FFFFFF FF0000 00FF00 0000FF FFFF00 FF00FF 00FFFF "
        "800000 008000 000080 808000 800080 008080 C0C0C0 808080 9999FF 993366 FFFFCC CCFFFF 660066 FF8080 0066CC CCCCFF "
        "000080 FF00FF FFFF00 00FFFF 800080 800000 008080 0000FF 00CCFF CCFFFF CCFFCC FFFF99 99CCFF FF99CC CC99FF FFCC99 "
        "3366FF 33CCCC 99CC00 FFCC00 FF9900 FF6600 666699 969696 003366 339966 003300 333300 993300 993366 333399 333333"
    ).split()) + "</indexedColors></colors></styleSheet>"
)


@lru_cache(maxsize=1)
def _theme() -> str:
    """The default Office theme, as openpyxl writes it (the theme part Excel expects beside the styles)."""
    from openpyxl.writer.theme import theme_xml
    return theme_xml
