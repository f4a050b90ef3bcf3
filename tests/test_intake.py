"""scripts/import_reports.py on files made the way teams really send them (xlsx and csv with quirks)."""
from __future__ import annotations

import contextlib
import csv
import datetime as dt
import hashlib
import importlib.util
import io
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from conftest import MINI, DATA, ROOT, run_script
from sotay.exports.report_template import DATA_SHEET, REPORT_HEADER, xlsx_template
from sotay.load import load_model
from sotay.validate.check import check
from sotay.yamlio import load_yaml

TODAY = "2023-01-20"
HEADER = ",".join(REPORT_HEADER)

_spec = importlib.util.spec_from_file_location("import_reports", ROOT / "scripts" / "import_reports.py")
import_reports = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(import_reports)


# Helpers -----------------------------------------------------------------------------------------

def hashes(root: Path) -> dict[str, str]:
    """SHA-256 of every file under root, by relative path."""
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(root.rglob("*")) if p.is_file()}


def rows_of(path: Path) -> list[list[str]]:
    return list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))[1:]


def write_csv(path: Path, rows: list[list[str]], *, bom: bool = True, delimiter: str = ",", newline: str = "\r\n",
              header: list[str] = REPORT_HEADER) -> Path:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=newline)
    writer.writerow(header)
    writer.writerows(rows)
    path.write_bytes((("\ufeff" if bom else "") + buffer.getvalue()).encode("utf-8"))
    return path


def write_xlsx(path: Path, rows: list[list[object]], *, sheet: str = DATA_SHEET, first_sheet: str | None = "Hướng dẫn") -> Path:
    workbook = Workbook()
    if first_sheet:
        workbook.active.title = first_sheet
        workbook.active["A1"] = "Hướng dẫn điền"
        data = workbook.create_sheet(sheet)
    else:
        data = workbook.active
        data.title = sheet
    data.append(REPORT_HEADER)
    for row in rows:
        data.append(row)
    workbook.save(path)
    return path


def filled_template(mini: Path, path: Path, period: str = "2022-08"):
    """The site's Excel template for period, saved at path and opened for filling: (path, workbook)."""
    model = load_model(mini, dt.date.fromisoformat(TODAY))
    path.write_bytes(xlsx_template(model, model.periods[period]))
    return path, load_workbook(path)


def run(*args: str) -> tuple[int, str]:
    """Run the importer in this process; return (exit code, everything it printed)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = import_reports.main([*map(str, args), "--today", TODAY])
    return code, out.getvalue()


# Files as teams send them -------------------------------------------------------------------------

def test_filled_excel_template_is_merged(mini, tmp_path):
    """The site's own template, filled in Excel style: blank rows, spaces, numbers as text, date cells."""
    model = load_model(mini, dt.date.fromisoformat(TODAY))
    template = tmp_path / "mau.xlsx"
    template.write_bytes(xlsx_template(model, model.periods["2022-07"]))
    workbook = load_workbook(template)
    sheet = workbook[DATA_SHEET]
    sheet["A2"], sheet["B2"], sheet["D2"], sheet["E2"] = " TCN-10510-01 ", "tk-dvc", "45", dt.datetime(2022, 8, 4)
    # row 3 left blank (only the prefilled period)
    sheet["A4"], sheet["B4"], sheet["D4"], sheet["E4"] = "tcn-10510-01", "gian-hang ", 3.0, "04/08/2022"
    sheet["A5"], sheet["B5"], sheet["D5"], sheet["E5"] = "TCN-10507-01", "tk-dvc", 70, "2022-08-03"  # already there
    workbook.save(template)
    before = (mini / "reports/2022-07.csv").read_text(encoding="utf-8")

    code, output = run(template, "--data", mini)

    assert code == 0, output
    after = (mini / "reports/2022-07.csv").read_text(encoding="utf-8")
    assert after == before + "TCN-10510-01,tk-dvc,2022-07,45,2022-08-04\nTCN-10510-01,gian-hang,2022-07,3,2022-08-04\n"
    assert "Thêm mới:            2" in output and "Không đổi (đã có):   1" in output and "Bị từ chối:          0" in output
    assert run_script("validate.py", str(mini), "--today", TODAY).returncode == 0


def test_csv_with_bom_semicolons_blank_rows_and_day_first_dates(mini, tmp_path):
    sent = tmp_path / "bao-cao.csv"
    sent.write_bytes("\ufeffteam_id;indicator_id;period_id;value;submitted_on\r\n"
                     ";;2022-08;;\r\n"
                     "\r\n"
                     "TCN-10507-01 ; gian-hang ;2022-08; 12 ;5/9/2022\r\n"
                     ";;;;\r\n".encode("utf-8"))
    code, output = run(sent, "--data", mini)
    assert code == 0, output
    assert rows_of(mini / "reports/2022-08.csv")[-1] == ["TCN-10507-01", "gian-hang", "2022-08", "12", "2022-09-05"]


def test_excel_numbers_and_first_sheet_without_template_names(mini, tmp_path):
    """A workbook a team made itself: one sheet with another name, numbers and dates as Excel values."""
    sent = write_xlsx(tmp_path / "tu-lam.xlsx", [["TCN-10510-01", "gian-hang", "2022-08", 4, dt.date(2022, 9, 20)]],
                      sheet="Sheet1", first_sheet=None)
    code, output = run(sent, "--data", mini)
    assert code == 0, output
    assert rows_of(mini / "reports/2022-08.csv")[-1] == ["TCN-10510-01", "gian-hang", "2022-08", "4", "2022-09-20"]


# Refusals with their place in the sent file ------------------------------------------------------

def test_unknown_team_indicator_and_period_are_refused_with_locations_and_nothing_is_written(mini, tmp_path):
    sent = write_csv(tmp_path / "sai.csv", [
        ["TCN-10507-01", "gian-hang", "2022-08", "5", "2022-09-01"],   # line 2: fine
        ["TCN-99999-01", "tk-dvc", "2022-08", "5", "2022-09-01"],      # line 3: unknown team
        ["TCN-10507-01", "khong-co", "2022-08", "5", "2022-09-01"],    # line 4: unknown indicator
        ["TCN-10507-01", "tk-dvc", "2030-01", "5", "2030-02-01"],      # line 5: unknown period
        ["TCN-10507-01", "gian-hang", "2022-07", "1.200", "2022-08-03"],  # line 6: thousands separator
    ])
    before = hashes(mini)
    code, output = run(sent, "--data", mini)
    assert code == 1
    lines = output.splitlines()
    assert "sai.csv:3:team_id: TCN-99999-01: không có mã này trong bảng tổ (teams): kiểm tra chính tả (phân biệt hoa, thường) hoặc thêm vào bảng teams trước" in lines
    assert any(l.startswith("sai.csv:4:indicator_id: khong-co: không có mã này trong bảng chỉ tiêu (indicators)") for l in lines), output
    # a period well written but not in the table yet: add it there (not "write 2022-12", which relabels the month)
    assert "sai.csv:5:period_id: 2030-01: kỳ 2030-01 chưa có trong bảng kỳ báo cáo: thêm kỳ này vào data/periods.csv (ngày bắt đầu, ngày cuối, hạn nộp) rồi nhập lại" in lines
    assert "sai.csv:6:value: 1.200: có dấu phân cách hàng nghìn: viết liền các chữ số, ví dụ 1200" in lines
    assert "Bị từ chối:          4" in output and "Chưa ghi gì" in output
    assert hashes(mini) == before


def test_domain_rules_of_the_validator_apply(mini, tmp_path):
    sent = write_csv(tmp_path / "quy-tac.csv", [
        ["BCD-288", "tk-dvc", "2022-08", "5", "2022-09-01"],          # a steering group does not report
        ["TCN-10507-02", "tk-dvc", "2022-06", "5", "2022-07-01"],     # team founded after the period
        ["TCN-10510-01", "gian-hang", "2022-08", "5", "2022-07-01"],  # submitted before the period
        ["TCN-10510-01", "tk-dvc", "2022-07", "", "2022-08-01"],      # empty value
    ])
    before = hashes(mini)
    code, output = run(sent, "--data", mini)
    assert code == 1
    assert "quy-tac.csv:2:team_id: BCD-288: chỉ tổ công nghệ số cộng đồng thôn mới báo cáo kết quả" in output
    assert "quy-tac.csv:3:period_id: 2022-06: tổ thành lập ngày 01/08/2022, sau kỳ này" in output
    assert "quy-tac.csv:4:submitted_on: 2022-07-01: ngày nộp ở trước kỳ báo cáo 2022-08" in output
    assert "quy-tac.csv:5:value: (trống): ô bắt buộc đang để trống: hãy điền kết quả" in output
    assert hashes(mini) == before


def test_a_key_repeated_in_the_file_with_another_value_is_refused(mini, tmp_path):
    sent = write_csv(tmp_path / "lap.csv", [
        ["TCN-10510-01", "gian-hang", "2022-08", "5", "2022-09-01"],
        ["TCN-10510-01", "gian-hang", "2022-08", "6", "2022-09-01"],
    ])
    before = hashes(mini)
    code, output = run(sent, "--data", mini)
    assert code == 1
    assert "lap.csv:3:team_id+indicator_id+period_id: TCN-10510-01 / gian-hang / 2022-08: trùng với dòng 2 của tệp nhưng khác kết quả (5 và 6)" in output
    assert hashes(mini) == before


def test_wrong_header_is_refused(mini, tmp_path):
    sent = write_csv(tmp_path / "tieu-de.csv", [["TCN-10510-01", "5"]], header=["ma_to", "so_lieu"])
    code, output = run(sent, "--data", mini)
    assert code == 1
    assert output.startswith("tieu-de.csv:1:: ma_to,so_lieu: dòng tiêu đề thiếu cột team_id, indicator_id, period_id, value, submitted_on")


# Conflicts, idempotence, new periods ----------------------------------------------------------------

def test_conflict_is_shown_and_applied_only_with_replace(mini, tmp_path):
    path = mini / "reports/2022-06.csv"
    sent = write_csv(tmp_path / "sua.csv", [
        ["TCN-10507-01", "gian-hang", "2022-06", "4", "2022-07-05"],   # data has 2
        ["TCN-10510-01", "gian-hang", "2022-06", "1", "2022-07-09"],   # new
    ])
    code, output = run(sent, "--data", mini)
    assert code == 1
    assert "sua.csv:2:value: 4: khác với số đang có 2 (data/reports/2022-06.csv dòng 3, ngày nộp 2022-07-02): chưa thay" in output
    assert rows_of(path) == [
        ["TCN-10507-01", "tk-dvc", "2022-06", "30", "2022-07-02"],
        ["TCN-10507-01", "gian-hang", "2022-06", "2", "2022-07-02"],
        ["TCN-10510-01", "tk-dvc", "2022-06", "20", "2022-07-09"],
        ["TCN-10510-01", "gian-hang", "2022-06", "1", "2022-07-09"],
    ]
    code, output = run(sent, "--data", mini, "--replace")
    assert code == 0, output
    assert rows_of(path)[1] == ["TCN-10507-01", "gian-hang", "2022-06", "4", "2022-07-05"]  # in place
    assert len(rows_of(path)) == 4


def test_a_value_of_unusual_digits_is_refused_at_its_cell(mini, tmp_path):
    before = hashes(mini)
    sent = write_csv(tmp_path / "so-la.csv", [["TCN-10507-01", "gian-hang", "2022-06", "²", "2022-07-05"],   # data has 2
                                              ["TCN-10510-01", "gian-hang", "2022-06", "²", "2022-07-09"],
                                              ["TCN-10510-01", "gian-hang", "2022-06", "2", "2022-07-09"]])
    code, output = run(sent, "--data", mini)
    assert code == 1 and "Traceback" not in output, output
    assert "so-la.csv:2:value: ²: " in output and "so-la.csv:3:value: ²: " in output
    assert hashes(mini) == before


def test_importing_the_same_file_twice_changes_nothing(mini, tmp_path):
    sent = write_xlsx(tmp_path / "hai-lan.xlsx", [["TCN-10510-01", "gian-hang", "2022-07", "2", dt.datetime(2022, 8, 2)]])
    assert run(sent, "--data", mini)[0] == 0
    after_first = hashes(mini)
    code, output = run(sent, "--data", mini)
    assert code == 0
    assert hashes(mini) == after_first
    assert "Dữ liệu không thay đổi." in output and "Không đổi (đã có):   1" in output


def test_a_new_period_gets_its_file_declared_in_the_package(mini, tmp_path):
    with (mini / "periods.csv").open("a", encoding="utf-8") as handle:
        handle.write("2022-09,2022-09-01,2022-09-30,2022-10-05\n")
    descriptor = (mini / "datapackage.yaml").read_text(encoding="utf-8")
    sent = write_csv(tmp_path / "thang-9.csv", [["TCN-10510-01", "tk-dvc", "2022-09", "75", "2022-10-03"]])
    code, output = run(sent, "--data", mini)
    assert code == 0, output
    assert (mini / "reports/2022-09.csv").read_text(encoding="utf-8") == f"{HEADER}\nTCN-10510-01,tk-dvc,2022-09,75,2022-10-03\n"
    new_descriptor = (mini / "datapackage.yaml").read_text(encoding="utf-8")
    assert new_descriptor == descriptor.replace("      - reports/2022-08.csv\n", "      - reports/2022-08.csv\n      - reports/2022-09.csv\n")
    value, problems = load_yaml(new_descriptor, "datapackage.yaml")
    assert not problems
    assert run_script("validate.py", str(mini), "--today", TODAY).returncode == 0


def test_dry_run_writes_nothing(mini, tmp_path):
    sent = write_csv(tmp_path / "thu.csv", [["TCN-10510-01", "gian-hang", "2022-08", "5", "2022-09-01"]])
    before = hashes(mini)
    code, output = run(sent, "--data", mini, "--dry-run")
    assert code == 0 and "Thêm mới:            1" in output and "chưa ghi gì" in output
    assert hashes(mini) == before


def test_cannot_run_exits_2(mini, tmp_path):
    old_excel = tmp_path / "cu.xls"
    old_excel.write_bytes(b"\xd0\xcf\x11\xe0")
    broken = tmp_path / "hong.xlsx"
    broken.write_bytes(b"not a zip")
    for args, message in (
        ([tmp_path / "khong-co.csv", "--data", mini], "không tìm thấy tệp"),
        ([old_excel, "--data", mini], "tệp Excel cũ (.xls)"),
        ([broken, "--data", mini], "không mở được 'hong.xlsx' như tệp Excel"),
        ([write_csv(tmp_path / "a.csv", []), "--data", tmp_path / "khong-co"], "không tìm thấy thư mục dữ liệu"),
    ):
        code, output = run(*args)
        assert code == 2, output
        assert message in output


def test_utf16_csv_gets_the_validator_message(mini, tmp_path):
    sent = tmp_path / "unicode.csv"
    sent.write_bytes(f"{HEADER}\r\nTCN-10510-01,tk-dvc,2022-08,5,2022-09-01\r\n".encode("utf-16"))
    code, output = run(sent, "--data", mini)
    assert code == 2
    assert "UTF-16" in output


def test_command_line_on_the_shipped_data(data_copy, tmp_path):
    """The real command, in a fresh process, on the full demo data: a re-sent report changes nothing."""
    first = rows_of(data_copy / "reports/2022-12.csv")[:3]
    sent = write_csv(tmp_path / "gui-lai.csv", first)
    before = hashes(data_copy)
    result = run_script("import_reports.py", str(sent), "--data", str(data_copy))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Không đổi (đã có):   3" in result.stdout
    assert hashes(data_copy) == before


# Properties ----------------------------------------------------------------------------------------

# Mostly rows that can be taken in, sometimes one that must be refused (steering group, unknown team
# or indicator, a team founded in August reporting for June or July).
TEAMS = ["TCN-10507-01"] * 5 + ["TCN-10510-01"] * 5 + ["TCN-10507-02", "BCD-288", "TCN-99999-01"]
INDICATORS = ["tk-dvc"] * 6 + ["gian-hang"] * 6 + ["khong-co"]
PERIODS = ["2022-06", "2022-07", "2022-08"]

sent_rows = st.lists(
    st.tuples(st.sampled_from(TEAMS), st.sampled_from(INDICATORS), st.sampled_from(PERIODS),
              st.integers(min_value=0, max_value=150), st.integers(min_value=0, max_value=40)),
    min_size=1, max_size=6, unique_by=lambda row: row[:3],  # a key twice in one file: tested above
)


def _fresh_mini(tmp: Path) -> Path:
    target = tmp / "mini"
    shutil.copytree(MINI, target)
    shutil.copytree(DATA / "schemas", target / "schemas")
    return target


def _as_cells(rows) -> list[list[str]]:
    cells = []
    for team, indicator, period, value, day in rows:
        start = dt.date.fromisoformat(period + "-01")
        cells.append([team, indicator, period, str(value), (start + dt.timedelta(days=day)).isoformat()])
    return cells


def _keyed(path: Path) -> list[tuple[tuple, str]]:
    return [((r[0], r[1], r[2]), r[3]) for r in rows_of(path)]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=sent_rows, as_excel=st.booleans(), replace=st.booleans())
def test_properties_of_any_import(rows, as_excel, replace):
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        data = _fresh_mini(tmp)
        cells = _as_cells(rows)
        sent = write_xlsx(tmp / "gui.xlsx", cells) if as_excel else write_csv(tmp / "gui.csv", cells)
        before_hashes = hashes(data)
        before = {p.name: _keyed(p) for p in (data / "reports").glob("*.csv")}
        flags = ["--replace"] if replace else []

        code, output = run(sent, "--data", data, *flags)
        assert code in (0, 1), output
        rejected = "Chưa ghi gì" in output
        event("rejected" if rejected else ("conflicts" if "Khác số đang có:     0" not in output else "merged"))

        # A failed import leaves data/ byte for byte unchanged.
        if rejected:
            assert hashes(data) == before_hashes
            return
        for name, old in before.items():
            new = _keyed(data / "reports" / name)
            # No existing row is lost or moved: the old keys are the first rows, in the same order.
            assert [k for k, _ in new[: len(old)]] == [k for k, _ in old]
            # Without --replace, an existing value is never changed.
            if not replace:
                assert new[: len(old)] == old
        # What was written passes the whole data check.
        assert check(data, dt.date.fromisoformat(TODAY))[2] == []

        # Importing the same file again changes nothing.
        after_first = hashes(data)
        code_again, output_again = run(sent, "--data", data, *flags)
        assert hashes(data) == after_first, output_again
        assert "Thêm mới:            0" in output_again


@pytest.mark.parametrize("replace", [False, True])
def test_a_month_above_the_next_running_total_is_refused_in_the_sent_file(mini, tmp_path, replace):
    """TCN-10510-01 has 20 in June and 60 in August: 80 for July would make the running total fall."""
    sent = write_csv(tmp_path / "gui.csv", [["TCN-10510-01", "tk-dvc", "2022-07", "80", "2022-08-04"]])
    before = hashes(mini)
    code, output = run(sent, "--data", mini, *(["--replace"] if replace else []))
    assert code == 1, output
    assert ("gui.csv:2:value: 80: data/reports/2022-08.csv dòng 4 (60): số lũy kế của chỉ tiêu tk-dvc giảm so với "
            "kỳ 2022-07 (80)") in output, output
    assert hashes(mini) == before


def test_a_value_ten_times_the_target_is_refused_in_the_sent_file(mini, tmp_path):
    """TCN-10507-01's 2022 target for shops (gian-hang) is 6: 150 new shops in August is a digit too many."""
    sent = write_csv(tmp_path / "gui.csv", [["TCN-10507-01", "gian-hang", "2022-08", "150", "2022-09-01"]])
    before = hashes(mini)
    code, output = run(sent, "--data", mini)
    assert code == 1, output
    assert "gui.csv:2:value: 150: gấp 25 lần chỉ tiêu năm 2022 của tổ (6): có lẽ gõ thừa chữ số" in output, output
    assert hashes(mini) == before


# Files as a review sent them back (damaged, several sheets, Excel's own ways) ---------------------

def test_damaged_or_locked_workbooks_exit_2_in_vietnamese(mini, tmp_path):
    import zipfile
    good = write_xlsx(tmp_path / "tot.xlsx", [["TCN-10510-01", "gian-hang", "2022-08", 4, "2022-09-20"]])
    cut = tmp_path / "cat-do.xlsx"  # a sheet's XML cut in half inside a valid archive
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(cut, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            target.writestr(item, data[: len(data) // 2] if item.filename.startswith("xl/worksheets/") else data)
    no_book = tmp_path / "thieu.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(no_book, "w") as target:
        for item in source.infolist():
            if item.filename != "xl/workbook.xml":
                target.writestr(item, source.read(item))
    locked = tmp_path / "mat-khau.xlsx"
    locked.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    for sent, said in ((cut, "tệp bị hỏng"), (no_book, "tệp bị hỏng"), (locked, "có mật khẩu")):
        code, output = run(sent, "--data", mini)
        assert code == 2 and said in output and "Traceback" not in output, output
        assert not any(word in output for word in ("File is not", "There is no item", "Error")), output


def test_rows_on_a_copied_sheet_are_read_and_located_by_sheet(mini, tmp_path):
    sent, workbook = filled_template(mini, tmp_path / "hai-thon.xlsx")
    first = workbook[DATA_SHEET]
    first["A2"], first["B2"], first["D2"], first["E2"] = "TCN-10510-01", "gian-hang", 4, "20/09/2022"
    copy = workbook.copy_worksheet(first)
    copy.title = "Báo cáo (2)"
    copy["A2"], copy["B2"], copy["D2"], copy["E2"] = "TCN-10507-01", "gian-hang", 9, "21/09/2022"
    copy["A3"], copy["B3"], copy["D3"], copy["E3"] = "TCN-10507-01", "khong-co", 1, "21/09/2022"
    workbook.save(sent)
    code, output = run(sent, "--data", mini, "--dry-run")
    assert code == 1 and "hai-thon.xlsx (trang Báo cáo (2)):3:indicator_id: khong-co" in output, output
    copy["B3"], copy["D3"] = "tk-dvc", 110  # as the data has it
    workbook.save(sent)
    code, output = run(sent, "--data", mini)
    assert code == 0 and "Thêm mới:            2" in output and "Không đổi (đã có):   1" in output, output
    assert rows_of(mini / "reports/2022-08.csv")[-2:] == [["TCN-10510-01", "gian-hang", "2022-08", "4", "2022-09-20"],
                                                          ["TCN-10507-01", "gian-hang", "2022-08", "9", "2022-09-21"]]


def test_a_renamed_data_sheet_is_found_and_the_hidden_lists_are_not(mini, tmp_path):
    sent, workbook = filled_template(mini, tmp_path / "doi-ten.xlsx")
    sheet = workbook[DATA_SHEET]
    sheet.title = "Thôn Đông Lạc"
    workbook.move_sheet(sheet, offset=len(workbook.sheetnames))
    sheet["A2"], sheet["B2"], sheet["D2"], sheet["E2"] = "TCN-10510-01", "gian-hang", 4, "20/09/2022"
    workbook.save(sent)
    code, output = run(sent, "--data", mini)
    assert code == 0 and "Thêm mới:            1" in output, output


def test_excels_own_ways_are_read_as_the_sender_sees_them(mini, tmp_path):
    sent = write_xlsx(tmp_path / "excel.xlsx", [
        # a period Excel made a date, a sum Excel shows as 75, a time typed with the date
        ["TCN-10510-01", "gian-hang", dt.datetime(2022, 8, 1), 74.99999999999999, dt.datetime(2022, 9, 20, 9, 30)],
        [None, "tk-dvc", "2022-08", 60, "2022-09-20"],  # the team id merged over A2:A3 below: the data's own row
        ["TCN-10507-01", "gian-hang", "2022-08", 6, "2022-09-21"],
        [None, None, None, None, "2022-09-21"],  # a date filled down an empty row: empty to the sender
    ])
    workbook = load_workbook(sent)
    workbook[DATA_SHEET].merge_cells("A2:A3")
    workbook.save(sent)
    code, output = run(sent, "--data", mini)
    assert code == 0 and "Thêm mới:            2" in output and "Không đổi (đã có):   1" in output, output
    assert rows_of(mini / "reports/2022-08.csv")[-2:] == [["TCN-10510-01", "gian-hang", "2022-08", "75", "2022-09-20"],
                                                          ["TCN-10507-01", "gian-hang", "2022-08", "6", "2022-09-21"]]


def test_replaced_is_said_only_when_written(mini, tmp_path):
    sent = write_csv(tmp_path / "sua.csv", [["TCN-10507-01", "gian-hang", "2022-06", "4", "2022-07-05"],   # data has 2
                                            ["TCN-10510-01", "gian-hang", "2022-06", "-1", "2022-07-09"]])  # refused
    before = hashes(mini)
    code, output = run(sent, "--data", mini, "--replace")
    assert code == 1 and "đã thay" not in output and "sẽ thay khi không còn dòng bị từ chối" in output, output
    sent = write_csv(tmp_path / "sua.csv", [["TCN-10507-01", "gian-hang", "2022-06", "4", "2022-07-05"]])
    code, output = run(sent, "--data", mini, "--replace", "--dry-run")
    assert "đã thay" not in output and "sẽ thay khi chạy không có --dry-run" in output, output
    assert hashes(mini) == before


def test_the_list_of_codes_made_visible_is_not_data_and_merges_copy_no_result(mini, tmp_path):
    from sotay.exports.report_template import LISTS_SHEET
    sent, workbook = filled_template(mini, tmp_path / "mau.xlsx")
    workbook[LISTS_SHEET].sheet_state = "visible"  # a sender unhid it to read the codes
    sheet = workbook[DATA_SHEET]
    sheet["A2"], sheet["B2"], sheet["D2"], sheet["E2"] = "TCN-10510-01", "gian-hang", 4, "20/09/2022"
    sheet["B3"], sheet["D3"], sheet["E3"] = "tk-dvc", 60, "20/09/2022"
    sheet.merge_cells("A2:A6")  # the team id over five rows, two of them filled: rows 4-6 stay empty rows
    workbook.save(sent)
    code, output = run(sent, "--data", mini, "--dry-run")
    assert code == 0 and "Thêm mới:            1" in output and "Không đổi (đã có):   1" in output, output
    sheet.merge_cells("D2:D3")  # one result over two indicators: not copied, the second row misses its result
    workbook.save(sent)
    code, output = run(sent, "--data", mini, "--dry-run")
    assert code == 1 and "mau.xlsx:3:value: (trống): " in output, output


def test_a_key_repeated_on_another_sheet_names_that_sheet(mini, tmp_path):
    sent = write_xlsx(tmp_path / "hai.xlsx", [["TCN-10510-01", "gian-hang", "2022-08", 4, "2022-09-20"]])
    workbook = load_workbook(sent)
    copy = workbook.copy_worksheet(workbook[DATA_SHEET])
    copy["D2"] = 5
    workbook.save(sent)
    code, output = run(sent, "--data", mini)
    assert code == 1 and f"trùng với dòng 2 của hai.xlsx (trang {DATA_SHEET}) nhưng khác kết quả" in output, output
