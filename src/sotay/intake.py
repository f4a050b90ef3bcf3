"""Taking in a team's filled report template (.xlsx or .csv) and merging it into data/reports/.

Steps, in order:
1. ``read_filled``: read the file as teams really send it and turn every cell into the text the data
   files hold (see ``normalise_cell``); blank rows and rows with only the prefilled period are skipped.
2. ``plan``: match each row with the rows already in data/ by (team, indicator, period): new,
   unchanged (same value), conflicting (another value), or rejected (unknown period, repeated in the
   file with another value).
3. ``validate_plan``: write the merged files into a temporary copy of data/ and run the very check of
   ``scripts/validate.py`` on it; every problem in a merged row comes back located in the sent file.
4. ``apply``: only when nothing is rejected, write the changed files atomically, keeping every byte of
   every existing row (new rows at the end, replaced values in place).
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
import shutil
import tempfile
import unicodedata
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from .csvio import decode, read_csv, write_bytes_atomic
from .errors import CannotRun, Problem
from .exports.report_template import DATA_SHEET, LISTS_SHEET, REPORT_HEADER
from .package import DESCRIPTOR, read_package
from .validate.check import check

KEY = ("team_id", "indicator_id", "period_id")
_DMY = re.compile(r"([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})")
_INTEGER_FLOAT = re.compile(r"(-?[0-9]+)\.0+")


# Reading the sent file ---------------------------------------------------------------------------

@dataclass
class SentRow:
    """One row of the sent file: its row number as the sender sees it and its five cells as text."""

    line: int
    cells: dict[str, str]
    source: str  # the file as problems name it, with its sheet when several sheets hold rows

    @property
    def key(self) -> tuple[str, str, str]:
        return tuple(self.cells[k] for k in KEY)

    @property
    def where(self) -> tuple[str, int]:
        return self.source, self.line


def normalise_cell(name: str, value: object) -> str:
    """The text a data file holds for one sent cell.

    - empty cells, spaces and non-breaking spaces around the text are dropped; text is put in NFC;
    - Excel numbers become digits (12.0 -> "12", and 74.99999999999999, which Excel shows as 75, -> "75");
      numbers typed as text ("12 ") are kept as digits;
    - Excel date cells (with a time or not) and dates typed day first (05/07/2022, 5.7.2022) become
      2022-07-05; a period Excel turned into a date (it does so with "2022-12" and "12/2022") becomes 2022-12;
    - team ids are put in capitals (tcn-10507-01 -> TCN-10507-01), indicator ids in lower case.
    Anything else is left as sent, for the validator to explain.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, dt.date) and name == "period_id" and value.day == 1:
        text = f"{value.year:04d}-{value.month:02d}"
    elif isinstance(value, dt.datetime):
        # the template shows dd/mm/yyyy: a time typed with the date is not seen, and not kept
        text = value.date().isoformat() if value.time() == dt.time(0) or name == "submitted_on" else value.isoformat(sep=" ")
    elif isinstance(value, dt.date):
        text = value.isoformat()
    elif isinstance(value, int):
        text = str(value)
    elif isinstance(value, float):
        value = float(f"{value:.15g}")  # what Excel shows: it keeps 15 significant digits
        text = str(int(value)) if value.is_integer() else repr(value)
    else:
        text = unicodedata.normalize("NFC", str(value)).strip().strip("\u200b\ufeff").strip()
    if name == "submitted_on":
        match = _DMY.fullmatch(text)
        if match:
            try:
                text = dt.date(int(match[3]), int(match[2]), int(match[1])).isoformat()
            except ValueError:
                pass  # an impossible date: the validator explains it
    elif name == "value":
        match = _INTEGER_FLOAT.fullmatch(text)
        if match:
            text = match[1]
    elif name == "team_id":
        text = text.upper()
    elif name == "indicator_id":
        text = text.lower()
    return text


def _header_positions(header: list[object], file: str, line: int) -> tuple[dict[str, int] | None, list[Problem]]:
    names = [normalise_cell("", h).lower() for h in header]
    missing = [n for n in REPORT_HEADER if n not in names]
    if missing:
        return None, [Problem(file, line, 0, "", ",".join(str(h or "") for h in header)[:80],
                              f"dòng tiêu đề thiếu cột {', '.join(missing)}: dùng mẫu báo cáo trên trang Sổ tay, giữ nguyên dòng tiêu đề {','.join(REPORT_HEADER)}")]
    return {n: names.index(n) for n in REPORT_HEADER}, []


def _rows_from(table: list[tuple[int, list[object]]], file: str) -> tuple[list[SentRow], list[Problem]]:
    """Rows (line, cells) of one sheet or CSV file -> SentRows; the first non-blank row is the header."""
    rows = [(line, cells) for line, cells in table if any(normalise_cell("", c) for c in cells)]
    if not rows:
        return [], [Problem(file, 0, 0, "", "", "tệp không có dòng nào: cần dòng tiêu đề và các dòng số liệu")]
    header_line, header = rows[0]
    positions, problems = _header_positions(header, file, header_line)
    if positions is None:
        return [], problems
    sent = []
    for line, cells in rows[1:]:
        values = {name: normalise_cell(name, cells[i] if i < len(cells) else None) for name, i in positions.items()}
        if not any(values[n] for n in ("team_id", "indicator_id", "value")):
            continue  # a blank row to the sender: only the prefilled period, or a date filled down the sheet
        sent.append(SentRow(line, values, file))
    return sent, []


_OLE = b"\xd0\xcf\x11\xe0"  # a compound file: an .xls renamed, or an .xlsx saved with a password


def _header(table: list[tuple[int, list[object]]]) -> tuple[int, list[str]] | None:
    """(index in table, names) of the first row with anything in it."""
    return next(((i, [normalise_cell("", c).lower() for c in cells]) for i, (_, cells) in enumerate(table)
                 if any(normalise_cell("", c) for c in cells)), None)


# Merged over several rows, these read as typed in each row (one team id, period or date for a block of
# rows); a merged result or indicator is left to its first row: copying it would invent values.
_FILLED_DOWN = ("team_id", "period_id", "submitted_on")


def _fill_merged(sheet, table: list[tuple[int, list[object]]]) -> None:
    """Excel keeps a merged cell's value in its top left cell: put it in the rows below it, in the columns
    of _FILLED_DOWN, where the sender typed a team, indicator or result (a row empty but for the merge and
    the template's prefilled period stays empty)."""
    header = _header(table)
    if header is None:
        return
    names = header[1]
    for merged in sheet.merged_cells.ranges:
        columns = range(merged.min_col - 1, merged.max_col)
        if merged.min_row == merged.max_row or any(c >= len(names) or names[c] not in _FILLED_DOWN for c in columns):
            continue
        top = merged.min_row - 1
        if top >= len(table):
            continue
        value = table[top][1][merged.min_col - 1] if merged.min_col - 1 < len(table[top][1]) else None
        for row in range(top + 1, min(merged.max_row, len(table))):
            cells = table[row][1]
            if any(normalise_cell("", c) for i, c in enumerate(cells)
                   if i not in columns and i < len(names) and names[i] in ("team_id", "indicator_id", "value")):
                for col in columns:
                    if col < len(cells):
                        cells[col] = value


def _read_xlsx(path: Path, file: str) -> list[tuple[str, list[tuple[int, list[object]]]]]:
    """(name for problems, rows) of each sheet holding report rows: the sheets whose first row names every
    column of the template (a sender copies the sheet for a second village), else the template's data
    sheet or the first sheet, whose header problem is then said. Visible sheets only, unless all are hidden;
    the template's list of codes never counts, even made visible."""
    from openpyxl import load_workbook

    with path.open("rb") as handle:
        if handle.read(4) == _OLE:
            raise CannotRun(f"'{file}' có mật khẩu hoặc là tệp Excel cũ đổi tên: mở bằng Excel, bỏ mật khẩu nếu có "
                            "(Tệp → Thông tin → Bảo vệ sổ làm việc), rồi Lưu thành 'Sổ làm việc Excel (.xlsx)' và nhập lại.")
    try:
        with warnings.catch_warnings():  # openpyxl's English notes on parts it does not read (Excel's x14 lists)
            warnings.simplefilter("ignore")
            workbook = load_workbook(path, data_only=True)
    except Exception:  # a damaged file fails anywhere in zip, XML or openpyxl: one answer for all
        raise CannotRun(f"không mở được '{file}' như tệp Excel (.xlsx): tệp bị hỏng hoặc không phải tệp Excel. "
                        "Mở tệp bằng Excel và lưu lại dạng .xlsx, hoặc xin tổ gửi lại tệp.") from None
    try:
        sheets = [ws for ws in workbook.worksheets if ws.sheet_state == "visible" and ws.title != LISTS_SHEET]
        if not sheets:
            sheets = [ws for ws in workbook.worksheets if ws.title != LISTS_SHEET]
        tables = []
        for sheet in sheets:
            table = [(line, list(cells)) for line, cells in enumerate(sheet.iter_rows(values_only=True), start=1)]
            _fill_merged(sheet, table)
            tables.append((sheet.title, table))
        found = [(title, table) for title, table in tables
                 if (header := _header(table)) is not None and set(REPORT_HEADER) <= set(header[1])]
        if len(found) > 1:
            return [(f"{file} (trang {title})", table) for title, table in found]
        if found:
            return [(file, found[0][1])]
        fallback = next((t for t in tables if t[0] == DATA_SHEET), None) or next(
            (t for t in tables if (header := _header(t[1])) is not None and "team_id" in header[1]), tables[0] if tables else None)
        return [(file, fallback[1])] if fallback else [(file, [])]
    finally:
        workbook.close()


def _read_csv(path: Path, file: str) -> list[tuple[int, list[object]]]:
    text, problems = decode(path.read_bytes(), file)
    if text is None:
        raise CannotRun(problems[0].message)
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","  # Excel in Vietnamese saves with ';'
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    table = []
    line = 1
    try:
        for cells in reader:
            table.append((line, list(cells)))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise CannotRun(f"{file}:{reader.line_num}: CSV hỏng: {exc}") from None
    return table


def read_filled(path: Path, file: str | None = None) -> tuple[list[SentRow], list[Problem]]:
    """The data rows of a filled template (.xlsx or .csv), cells normalised, with their row numbers."""
    file = file or path.name
    if not path.is_file():
        raise CannotRun(f"không tìm thấy tệp '{path}'.")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        sheets = _read_xlsx(path, file)
    elif suffix in (".csv", ".txt"):
        sheets = [(file, _read_csv(path, file))]
    elif suffix == ".xls":
        raise CannotRun(f"'{file}' là tệp Excel cũ (.xls): mở bằng Excel, chọn Lưu thành → 'Sổ làm việc Excel (.xlsx)' rồi nhập lại.")
    else:
        raise CannotRun(f"'{file}': chỉ nhận tệp .xlsx hoặc .csv theo mẫu báo cáo.")
    rows: list[SentRow] = []
    problems: list[Problem] = []
    for name, table in sheets:
        found, trouble = _rows_from(table, name)
        rows += found
        problems += trouble
    return rows, problems


# Matching with the data --------------------------------------------------------------------------

@dataclass
class Existing:
    """Where one (team, indicator, period) already is in data/."""

    file: str  # relative to the data folder, e.g. reports/2022-06.csv
    line: int
    cells: list[str]


@dataclass
class Plan:
    sent_file: str
    added: list[SentRow] = field(default_factory=list)
    unchanged: list[SentRow] = field(default_factory=list)
    conflicts: list[tuple[SentRow, Existing]] = field(default_factory=list)
    rejected: dict[tuple[str, int], list[Problem]] = field(default_factory=dict)  # sent row (source, line) -> problems
    header: list[str] = field(default_factory=lambda: list(REPORT_HEADER))

    def reject(self, row: SentRow, problem: Problem) -> None:
        self.rejected.setdefault(row.where, []).append(problem)

    @property
    def problems(self) -> list[Problem]:
        return sorted(p for ps in self.rejected.values() for p in ps)


def _same_value(a: str, b: str) -> bool:
    return a == b or (a.isascii() and b.isascii() and a.isdigit() and b.isdigit() and int(a) == int(b))


def period_file(period: str) -> str:
    return f"reports/{period}.csv"


def plan(root: Path, rows: list[SentRow], sent_file: str) -> Plan:
    """Sort the sent rows into new, unchanged, conflicting and rejected, against the data in root."""
    package, problems = read_package(root)
    if package is None or "reports" not in package.resources or "periods" not in package.resources:
        raise CannotRun("mô tả gói dữ liệu không đọc được hoặc thiếu bảng reports/periods: chạy python scripts/validate.py để xem lỗi.")
    reports = package.resources["reports"]
    result = Plan(sent_file)
    existing: dict[tuple, Existing] = {}
    for file in reports.paths:
        header, raw, file_problems = read_csv(root / file, file)
        if file_problems or header != REPORT_HEADER:
            raise CannotRun(f"tệp dữ liệu {file} đang có lỗi: chạy python scripts/validate.py và sửa trước khi nhập báo cáo.")
        for line, cells in raw:
            existing.setdefault(tuple(cells[:3]), Existing(file, line, cells))
    periods_file = package.resources["periods"].paths[0]
    _, period_rows, period_problems = read_csv(root / periods_file, periods_file)
    if period_problems:
        raise CannotRun(f"tệp {periods_file} đang có lỗi: chạy python scripts/validate.py và sửa trước.")
    periods = {cells[0] for _, cells in period_rows}
    seen: dict[tuple, SentRow] = {}
    position = {name: i for i, name in enumerate(REPORT_HEADER, start=1)}
    titles = {f.name: f.title.lower() for f in reports.fields}
    for row in rows:
        empty = [name for name in KEY if not row.cells[name]]
        for name in empty:
            result.reject(row, Problem(row.source, row.line, position[name], name, "", f"ô bắt buộc đang để trống: hãy điền {titles[name]}"))
        if empty:
            continue
        period = row.cells["period_id"]
        if period not in periods:
            hint = (f"kỳ {period} chưa có trong bảng kỳ báo cáo: thêm kỳ này vào data/periods.csv (ngày bắt đầu, ngày cuối, hạn nộp) rồi nhập lại"
                    if re.fullmatch(r"[0-9]{4}-(0[1-9]|1[0-2])", period) else
                    f"không có mã này trong bảng kỳ báo cáo (periods): viết dạng YYYY-MM, ví dụ {max(periods, default='2022-06')}")
            result.reject(row, Problem(row.source, row.line, position["period_id"], "period_id", period, hint))
            continue
        previous = seen.get(row.key)
        if previous is not None:
            if _same_value(previous.cells["value"], row.cells["value"]):
                result.unchanged.append(row)
            else:
                result.reject(row, Problem(row.source, row.line, 0, "team_id+indicator_id+period_id", " / ".join(row.key),
                                           f"trùng với dòng {previous.line} của {'tệp' if previous.source == row.source else previous.source} nhưng khác kết quả ({previous.cells['value']} và {row.cells['value']}): mỗi tổ chỉ ghi một kết quả cho một chỉ tiêu trong một kỳ; xóa một dòng"))
            continue
        seen[row.key] = row
        old = existing.get(row.key)
        if old is None:
            result.added.append(row)
        elif _same_value(old.cells[3], row.cells["value"]):
            result.unchanged.append(row)
        else:
            result.conflicts.append((row, old))
    return result


# Merging and checking ----------------------------------------------------------------------------

@dataclass
class Merge:
    """New contents of the changed files, and where each sent row landed (file, line)."""

    files: dict[str, bytes]
    landed: dict[tuple[str, int], SentRow]


def _csv_line(cells: list[str], newline: str) -> str:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator=newline).writerow(cells)
    return buffer.getvalue()


def _declare(descriptor: str, new_files: list[str]) -> str:
    """datapackage.yaml with new report files added to the reports resource's path list (text edit,
    so comments and layout stay as they are)."""
    lines = descriptor.splitlines(keepends=True)
    start = next((i for i, l in enumerate(lines) if re.fullmatch(r"\s*-\s*name:\s*reports\s*", l)), None)
    if start is None:
        raise CannotRun(f"không tìm thấy bảng reports trong {DESCRIPTOR}.")
    item_indent = len(lines[start]) - len(lines[start].lstrip())
    end = next((i for i in range(start + 1, len(lines)) if lines[i].strip() and len(lines[i]) - len(lines[i].lstrip()) <= item_indent), len(lines))
    path_at = next((i for i in range(start + 1, end) if re.match(r"\s*path:", lines[i])), None)
    if path_at is None:
        raise CannotRun(f"bảng reports trong {DESCRIPTOR} không có 'path'.")
    newline = "\r\n" if lines[path_at].endswith("\r\n") else "\n"
    key_indent = " " * (len(lines[path_at]) - len(lines[path_at].lstrip()))
    inline = lines[path_at].split(":", 1)[1].strip()
    if inline:  # "path: reports/2022-06.csv" -> a list
        lines[path_at] = f"{key_indent}path:{newline}{key_indent}  - {inline}{newline}"
        last = path_at
        item = f"{key_indent}  - "
    else:
        last = path_at
        for i in range(path_at + 1, end):
            if re.match(r"\s*-\s", lines[i]):
                last = i
            elif lines[i].strip():
                break
        item = lines[last][: len(lines[last]) - len(lines[last].lstrip())] + "- " if last != path_at else f"{key_indent}  - "
    if not lines[last].endswith(("\n", "\r")):
        lines[last] += newline
    lines[last] += "".join(f"{item}{f}{newline}" for f in new_files)
    return "".join(lines)


def merge(root: Path, result: Plan, replace: bool) -> Merge:
    """The changed files' new bytes: replaced values in place, new rows appended at the end."""
    files: dict[str, bytes] = {}
    landed: dict[tuple[str, int], SentRow] = {}
    texts: dict[str, list[str]] = {}
    bom: dict[str, bool] = {}

    def lines_of(file: str) -> list[str]:
        if file not in texts:
            path = root / file
            if path.is_file():
                raw = path.read_bytes()
                bom[file] = raw.startswith(b"\xef\xbb\xbf")
                texts[file] = raw.decode("utf-8-sig").splitlines(keepends=True)
            else:
                bom[file] = False
                texts[file] = [_csv_line(result.header, "\n")]
        return texts[file]

    def newline_of(lines: list[str]) -> str:
        return "\r\n" if lines and lines[0].endswith("\r\n") else "\n"

    for row, old in (result.conflicts if replace else []):
        lines = lines_of(old.file)
        ending = "\r\n" if lines[old.line - 1].endswith("\r\n") else "\n"
        lines[old.line - 1] = _csv_line([row.cells[n] for n in REPORT_HEADER], ending)
        landed[(old.file, old.line)] = row
    for row in result.added:
        file = period_file(row.cells["period_id"])
        lines = lines_of(file)
        if lines and not lines[-1].endswith(("\n", "\r")):
            lines[-1] += newline_of(lines)
        while len(lines) > 1 and not lines[-1].strip():
            lines.pop()  # trailing blank lines: the new row goes right after the last row
        lines.append(_csv_line([row.cells[n] for n in REPORT_HEADER], newline_of(lines)))
        landed[(file, len(lines))] = row
    for file, lines in texts.items():
        files[file] = (("\ufeff" if bom[file] else "") + "".join(lines)).encode("utf-8")
    package, _ = read_package(root)
    new_files = [f for f in texts if f not in package.resources["reports"].paths]
    if new_files:
        files[DESCRIPTOR] = _declare((root / DESCRIPTOR).read_text(encoding="utf-8"), sorted(new_files)).encode("utf-8")
    return Merge(files, landed)


def validate_plan(root: Path, result: Plan, today: dt.date, replace: bool = True) -> list[Problem]:
    """Run the data check on a temporary copy of root holding every sent row (conflicts included),
    and move every problem found in a sent row to its place in the sent file. Without replace, the data
    as it will be written (old values kept) is checked too: a new month must not fall below a kept one.
    Problems elsewhere in the data mean the data was already invalid: the import cannot run."""
    located: list[Problem] = []
    seen: set[tuple[tuple[str, int], str]] = set()
    elsewhere: list[Problem] = []
    position = {name: i for i, name in enumerate(REPORT_HEADER, start=1)}
    for trial_replace in ((True,) if replace else (True, False)):
        trial = merge(root, result, replace=trial_replace)
        for problem in _trial_problems(root, trial, today):
            row = trial.landed.get((problem.file, problem.row))
            value, message = problem.value, problem.message
            if row is None:  # about a sent row: a running total that falls in the month after a sent one
                row = next((trial.landed[k] for k in problem.also if k in trial.landed), None)
                if row is not None:
                    value, message = row.cells.get(problem.column, value), f"data/{problem.file} dòng {problem.row} ({problem.value}): {message}"
            if row is None:
                elsewhere.append(problem)
                continue
            if (row.where, message) in seen:
                continue
            seen.add((row.where, message))
            column = problem.column
            moved = Problem(row.source, row.line, position.get(column.split("+")[0], 0), column, value, message)
            result.reject(row, moved)
            located.append(moved)
    if elsewhere:
        raise CannotRun("dữ liệu hiện có đang có lỗi, hãy sửa trước khi nhập báo cáo (python scripts/validate.py):\n"
                        + "\n".join(map(str, elsewhere[:20])))
    return located


def _trial_problems(root: Path, trial: Merge, today: dt.date) -> list[Problem]:
    with tempfile.TemporaryDirectory(prefix="sotay-import-") as tmp:
        copy = Path(tmp) / "data"
        shutil.copytree(root, copy)
        for file, content in trial.files.items():
            (copy / file).parent.mkdir(parents=True, exist_ok=True)
            (copy / file).write_bytes(content)
        return check(copy, today)[2]


def apply(root: Path, result: Plan, replace: bool) -> list[str]:
    """Write the merged files atomically (the period files first, then datapackage.yaml); return their names."""
    merged = merge(root, result, replace)
    order = sorted(merged.files, key=lambda f: (f == DESCRIPTOR, f))
    written = []
    for file in order:
        path = root / file
        if path.is_file() and path.read_bytes() == merged.files[file]:
            continue
        write_bytes_atomic(path, merged.files[file])
        written.append(file)
    return written
