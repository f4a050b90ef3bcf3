"""The validator reports every problem, located and in Vietnamese; one small defect per test."""
from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from conftest import DATA, append_row, edit_cell, run_script
from sotay.validate.check import check

TODAY = dt.date(2023, 1, 1)


def problems(root):
    return [str(p) for p in check(root, TODAY)[2]]


def test_mini_fixture_is_valid(mini):
    assert problems(mini) == []


def test_shipped_data_is_valid():
    from conftest import DATA
    assert [str(p) for p in check(DATA, dt.date.today())[2]] == []


def test_duplicate_id(mini):
    append_row(mini / "members/288.csv", ["TV-000004", "TCN-10510-01", "Ngô Thị Lan", "Tổ viên", "", "", "", "", "không", "2022-05-01", ""])
    assert problems(mini) == [
        "members/288.csv:7:id: TV-000004: bị trùng với dòng 3: mỗi mã thành viên chỉ được xuất hiện một lần",
    ]


def test_duplicate_id_across_files_names_the_other_file(mini):
    append_row(mini / "members/288.csv", ["TV-000001", "TCN-10510-01", "Ngô Thị Lan", "Tổ viên", "", "", "", "", "không", "2022-05-01", ""])
    assert problems(mini) == [
        "members/30.csv:2:id: TV-000001: bị trùng với dòng 7 của members/288.csv: mỗi mã thành viên chỉ được xuất hiện một lần",
    ]


def test_a_misspelt_declared_file_is_located_named_and_not_echoed_by_the_rows_that_needed_it(mini):
    package = mini / "datapackage.yaml"
    package.write_text(package.read_text(encoding="utf-8").replace("      - teams/30.csv", "      - team/30.csv")
                       .replace("path: trainings.csv", "path: trainnings.csv"), encoding="utf-8")
    assert problems(mini) == [
        "datapackage.yaml:50:teams: team/30.csv: tệp được khai báo nhưng không tồn tại: có phải 'teams/30.csv'? Sửa tên trong 'path' cho đúng tên tệp.",
        "datapackage.yaml:97:trainings: trainnings.csv: tệp được khai báo nhưng không tồn tại: có phải 'trainings.csv'? Sửa tên trong 'path' cho đúng tên tệp.",
        "teams/30.csv:0:: : tệp dữ liệu chưa được khai báo trong datapackage.yaml nên sẽ bị bỏ qua: thêm 'teams/30.csv' vào 'path' của bảng tương ứng",
        "trainings.csv:0:: : tệp dữ liệu chưa được khai báo trong datapackage.yaml nên sẽ bị bỏ qua: thêm 'trainings.csv' vào 'path' của bảng tương ứng",
    ]  # not one more for each member of the teams in teams/30.csv, nor for each attendance row
    (mini / "trainings.csv").unlink()
    assert "không tồn tại: tạo tệp hoặc xóa dòng này khỏi 'path'." in problems(mini)[1]


def test_dangling_foreign_key(mini):
    edit_cell(mini / "members/288.csv", 3, "team_id", "TCN-10599-01")
    assert problems(mini) == [
        "members/288.csv:3:team_id: TCN-10599-01: không có mã này trong bảng tổ (teams): kiểm tra chính tả (phân biệt hoa, thường) hoặc thêm vào bảng teams trước",
    ]


def test_a_key_refused_for_a_stray_space_is_reported_once_not_again_by_every_row_pointing_at_it(mini):
    edit_cell(mini / "teams/288.csv", 3, "id", "TCN-10507-01 ")
    assert problems(mini) == ["teams/288.csv:3:id: TCN-10507-01 : có dấu cách thừa ở đầu hoặc cuối ô: hãy xóa"]
    # A row pointing at a key no cell was meant to be is still reported.
    edit_cell(mini / "members/288.csv", 3, "team_id", "TCN-10599-01")
    assert problems(mini) == [
        "members/288.csv:3:team_id: TCN-10599-01: không có mã này trong bảng tổ (teams): kiểm tra chính tả (phân biệt hoa, thường) hoặc thêm vào bảng teams trước",
        "teams/288.csv:3:id: TCN-10507-01 : có dấu cách thừa ở đầu hoặc cuối ô: hãy xóa"]


def test_composite_primary_key(mini):
    append_row(mini / "reports/2022-07.csv", ["TCN-10507-01", "tk-dvc", "2022-07", "75", "2022-08-04"])
    assert problems(mini) == [
        "reports/2022-07.csv:4:team_id+indicator_id+period_id: TCN-10507-01 / tk-dvc / 2022-07: trùng với dòng 2: cặp (team_id, indicator_id, period_id) chỉ được có một dòng; gộp hai dòng hoặc xóa một dòng",
    ]


@pytest.mark.parametrize("value, message", [
    ("1.340", "có dấu phân cách hàng nghìn: viết liền các chữ số, ví dụ 1340"),
    ("mười", "không phải số nguyên: chỉ viết chữ số, ví dụ 120"),
    ("-5", "số không được âm"),
])
def test_bad_numbers(mini, value, message):
    edit_cell(mini / "targets.csv", 2, "value", value)
    assert problems(mini) == [f"targets.csv:2:value: {value}: {message}"]


@pytest.mark.parametrize("value, message", [
    ("2022-02-31", "ngày không tồn tại trên lịch (kiểm tra ngày và tháng, ví dụ tháng 2 chỉ có 28 hoặc 29 ngày)"),
    ("2022-13-01", "không có tháng 13: tháng chỉ từ 01 đến 12 (dạng năm-tháng-ngày, YYYY-MM-DD)"),
    ("20/04/2022", "ngày phải viết dạng năm-tháng-ngày (YYYY-MM-DD): hãy viết 2022-04-20"),
    ("31/02/2022", "ngày không tồn tại trên lịch; ngoài ra ngày phải viết dạng năm-tháng-ngày (YYYY-MM-DD)"),
    ("hôm qua", "không phải ngày hợp lệ: viết dạng năm-tháng-ngày, ví dụ 2022-06-15"),
    ("44671", "đây là số ngày kiểu Excel, không phải ngày: có lẽ là 2022-04-20; trong Excel định dạng ô là Văn bản rồi gõ 2022-04-20"),
    # digits Python counts as digits but Excel never writes: no Excel day, and no crash (found by Hypothesis)
    # the day to write, also for other ways a review tried (Excel's date-time and serial as a decimal)
    ("2022-4-20", "ngày phải viết đủ dạng năm-tháng-ngày (YYYY-MM-DD): hãy viết 2022-04-20"),
    ("2022/04/20", "ngày phải viết đủ dạng năm-tháng-ngày (YYYY-MM-DD): hãy viết 2022-04-20"),
    ("2022-04-20 00:00:00", "ngày phải viết đủ dạng năm-tháng-ngày (YYYY-MM-DD), không kèm giờ: hãy viết 2022-04-20"),
    ("20/04/22", "năm chỉ có 2 chữ số: viết dạng năm-tháng-ngày với năm đủ 4 chữ số; nếu là năm 2022, hãy viết 2022-04-20"),
    ("44671.0", "đây là số ngày kiểu Excel, không phải ngày: có lẽ là 2022-04-20; trong Excel định dạng ô là Văn bản rồi gõ 2022-04-20"),
    ("²", "không phải ngày hợp lệ: viết dạng năm-tháng-ngày, ví dụ 2022-06-15"),
    ("٤٤٦٧١", "không phải ngày hợp lệ: viết dạng năm-tháng-ngày, ví dụ 2022-06-15"),
])
def test_bad_dates(mini, value, message):
    edit_cell(mini / "members/288.csv", 3, "since", value)
    assert problems(mini) == [f"members/288.csv:3:since: {value}: {message}"]


def test_required_cell_empty(mini):
    edit_cell(mini / "members/288.csv", 3, "full_name", "")
    assert problems(mini) == ["members/288.csv:3:full_name: (trống): ô bắt buộc đang để trống: hãy điền họ và tên"]


def test_enum(mini):
    edit_cell(mini / "members/288.csv", 4, "role", "tổ viên")
    assert problems(mini) == ["members/288.csv:4:role: tổ viên: giá trị không được phép; chỉ chọn một trong: Tổ trưởng, Tổ phó, Tổ viên"]


def test_boolean_consent(mini):
    edit_cell(mini / "members/288.csv", 4, "consent", "yes")
    assert problems(mini) == ["members/288.csv:4:consent: yes: chỉ được ghi 'có' hoặc 'không'"]
    edit_cell(mini / "members/288.csv", 4, "consent", "")  # said "hãy điền đồng ý công khai", not what to write
    assert problems(mini) == ["members/288.csv:4:consent: (trống): ô bắt buộc đang để trống: ghi 'có' hoặc 'không' (đồng ý công khai)"]


@pytest.mark.parametrize("value, message", [
    ("09000", "số điện thoại chỉ có 5 chữ số, thiếu số: số di động có 10 chữ số (ví dụ 0912345678), số cố định kèm mã vùng có 11 chữ số (ví dụ 0220 3850 001)"),
    ("09OO000005", "số điện thoại có chữ cái: chỉ ghi chữ số (không ghi máy lẻ, tên hay ghi chú), ví dụ 0912345678"),
    ("0100000005", "không phải số điện thoại Việt Nam hợp lệ: kiểm tra lại đầu số và số chữ số (di động 10 chữ số, ví dụ 0912345678; cố định kèm mã vùng 11 chữ số, ví dụ 0220 3850 001)"),
    ("9.00000005E+08", "Excel đã đổi số điện thoại thành dạng số mũ (9.00000005E+08) và bỏ số 0 đầu: định dạng cột là Văn bản rồi gõ lại số, ví dụ 0912345678"),
])
def test_bad_phone(mini, value, message):
    edit_cell(mini / "members/288.csv", 4, "phone", value)
    assert problems(mini) == [f"members/288.csv:4:phone: {value}: {message}"]


@pytest.mark.parametrize("value", ["+84900000005", "0900 000 005"])
def test_phone_with_country_code_or_spaces_is_accepted(mini, value):
    edit_cell(mini / "members/288.csv", 4, "phone", value)
    assert problems(mini) == []


def test_zalo_number_must_be_a_mobile(mini):
    edit_cell(mini / "members/288.csv", 3, "zalo", "0220 3123 456")  # a landline cannot hold a Zalo account
    assert problems(mini) == ["members/288.csv:3:zalo: 0220 3123 456: số Zalo phải là số di động, ví dụ 0912345678 "
                              "(Zalo không dùng số máy bàn hay số tổng đài): ghi số di động hoặc để trống"]
    edit_cell(mini / "members/288.csv", 3, "phone", "0220 3123 456")  # as a phone it is fine
    edit_cell(mini / "members/288.csv", 3, "zalo", "")
    assert problems(mini) == []


def test_two_leaders(mini):
    edit_cell(mini / "members/288.csv", 4, "role", "Tổ trưởng")
    assert problems(mini) == [
        "members/288.csv:4:role: Tổ trưởng: tổ TCN-10507-01 đã có tổ trưởng ở members/288.csv dòng 3: mỗi tổ chỉ có một tổ trưởng; đổi vai trò hoặc ghi ngày thôi tham gia cho người cũ",
    ]


def test_team_kind_must_match_unit_level(mini):
    edit_cell(mini / "teams/288.csv", 3, "unit_id", "288")
    assert problems(mini) == [  # the unit id is what is wrong: not the team id as well
        "teams/288.csv:3:unit_id: 288: tổ công nghệ số cộng đồng (kind village_team) phải thuộc một đơn vị cấp xã, nhưng mã 288 là "
        "Thành phố Hải Dương (cấp huyện): sửa mã đơn vị, hoặc sửa loại tổ ở cột kind",
    ]


def test_a_mistyped_unit_id_is_the_only_problem_of_its_team(mini):
    edit_cell(mini / "teams/288.csv", 3, "unit_id", "10998")
    found = problems(mini)
    assert [p.split(": ", 2)[0] for p in found] == ["teams/288.csv:3:unit_id"] and "10998" in found[0]


def test_report_before_team_existed_and_before_period(mini):
    append_row(mini / "reports/2022-06.csv", ["TCN-10507-02", "tk-dvc", "2022-06", "3", "2022-05-30"])
    assert problems(mini) == [
        "reports/2022-06.csv:5:period_id: 2022-06: tổ thành lập ngày 01/08/2022, sau kỳ này: kiểm tra lại kỳ báo cáo",
        "reports/2022-06.csv:5:submitted_on: 2022-05-30: ngày nộp ở trước kỳ báo cáo 2022-06: báo cáo chỉ nộp được từ khi kỳ đã bắt đầu",
    ]


def test_future_date(mini):
    edit_cell(mini / "reports/2022-08.csv", 2, "submitted_on", "2023-02-01")
    assert problems(mini) == ["reports/2022-08.csv:2:submitted_on: 2023-02-01: ngày nộp báo cáo ở sau ngày hôm nay (01/01/2023): kiểm tra lại năm, tháng"]


def test_malformed_period(mini):
    edit_cell(mini / "periods.csv", 3, "ends_on", "2022-07-30")
    edit_cell(mini / "periods.csv", 4, "id", "2022-13")
    found = problems(mini)
    assert found[:2] == [
        "periods.csv:3:ends_on: 2022-07-30: kỳ 2022-07 phải kết thúc ngày 2022-07-31",
        "periods.csv:4:id: 2022-13: không đúng dạng quy định; ví dụ viết đúng: 2022-06",
    ]
    # The reports of the renamed period now point nowhere, each one reported at its row.
    assert found[2:] == [
        f"reports/2022-08.csv:{line}:period_id: 2022-08: không có mã này trong bảng kỳ báo cáo (periods): kiểm tra chính tả (phân biệt hoa, thường) hoặc thêm vào bảng periods trước"
        for line in (2, 3, 4)
    ]


def test_nfd_text_is_flagged(mini):
    name = unicodedata.normalize("NFD", "Phạm Thị Dung")
    edit_cell(mini / "members/288.csv", 3, "full_name", name)
    assert problems(mini) == [
        f"members/288.csv:3:full_name: {name}: chữ có dấu đang ở dạng tổ hợp (NFD, thường do máy Mac hoặc bộ gõ tạo ra): chạy python scripts/validate.py --fix-nfc để chuẩn hóa",
    ]
    result = run_script("validate.py", str(mini), "--fix-nfc", "--today", "2023-01-01")
    assert result.returncode == 0, result.stdout
    assert "Đã chuẩn hóa NFC: members/288.csv" in result.stdout


def test_html_in_a_name(mini):
    edit_cell(mini / "members/288.csv", 3, "full_name", "<script>alert(1)</script>")
    assert problems(mini) == [
        "members/288.csv:3:full_name: <script>alert(1)</script>: có mã HTML hoặc liên kết javascript: chỉ ghi văn bản thuần, không dùng thẻ HTML như <b>, <script>",
    ]


def test_zero_width_character(mini):
    edit_cell(mini / "members/288.csv", 3, "full_name", "Phạm\u200b Thị Dung")
    assert [p.split(": ", 2)[2] for p in problems(mini)] == ["có ký tự ẩn hoặc ký tự điều khiển (U+200B): xóa ô này và gõ lại"]


def test_every_problem_in_one_run_sorted(mini):
    edit_cell(mini / "targets.csv", 3, "value", "1.000")
    edit_cell(mini / "members/288.csv", 2, "phone", "12")
    edit_cell(mini / "members/30.csv", 2, "since", "21/03/2022")
    found = problems(mini)
    assert [p.split(":")[0] for p in found] == ["members/288.csv", "members/30.csv", "targets.csv"]
    assert len(found) == 3


def test_undeclared_file(mini):
    (mini / "reports/2022-09.csv").write_text("team_id,indicator_id,period_id,value,submitted_on\n", encoding="utf-8")
    assert problems(mini) == [
        "reports/2022-09.csv:0:: : tệp dữ liệu chưa được khai báo trong datapackage.yaml nên sẽ bị bỏ qua: thêm 'reports/2022-09.csv' vào 'path' của bảng tương ứng",
    ]


def test_wrong_header(mini):
    path = mini / "targets.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("indicator_id", "chi_tieu", 1), encoding="utf-8")
    found = problems(mini)
    assert found[-1] == "targets.csv:1:: team_id,chi_tieu,year,value: thiếu cột indicator_id; có cột không được khai báo chi_tieu; dòng tiêu đề phải đúng là: team_id,indicator_id,year,value (đủ cột, đúng thứ tự, đúng chính tả)"


def test_row_with_extra_cell(mini):
    append_row(mini / "targets.csv", ["TCN-10510-01", "gian-hang", "2022", "4", "thừa"])
    assert problems(mini) == ["targets.csv:6:: TCN-10510-01,gian-hang,2022,4,thừa: dòng có 5 ô nhưng bảng có 4 cột: kiểm tra dấu phẩy thừa hoặc thiếu (ô có dấu phẩy phải đặt trong ngoặc kép)"]


def test_excels_empty_cells_after_a_long_row_are_named_and_shown(mini):
    long_name = "Tổ công nghệ số cộng đồng khu dân cư số 3 mở rộng theo quyết định mới"
    append_row(mini / "teams/288.csv", ["TCN-10510-02", "village_team", "10510", long_name, "Khu 3", "", "2022-08-01", "", "", "", ""])
    found = check(mini, TODAY)[2]
    assert len(found) == 1 and found[0].row == 6
    assert "ô trống thừa ở cuối dòng (thường do Excel): xóa các dấu phẩy thừa ở cuối dòng" in found[0].message
    assert found[0].value.startswith("TCN-10510-02,village_team") and found[0].value.endswith(",,,") and " … " in found[0].value


# The clean-cell shortcut of text_problems says nothing the full checks would not ---------------------

from hypothesis import given, settings, strategies as st  # noqa: E402

from sotay.validate import cells  # noqa: E402

_TRICKY = st.sampled_from(["<", ">", "&", ";", ":", "javascript:", "&lt;", "\t", "\n", "\r", " ", "\u00a0", "\u200b",
                           "\ufeff", "\u2028", "\x85", "\x7f", "e\u0301", "é", "Đ", "a", "1", "script", "<b>", "&#60;"])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(_TRICKY, st.text(max_size=3)), max_size=8).map("".join), st.booleans())
def test_clean_cell_shortcut_agrees_with_the_full_checks(text, multiline):
    assert cells.text_problems(text, multiline) == cells._text_problems(text, multiline)


def test_clean_files_are_checked_column_by_column(monkeypatch):
    """Every file of the shipped data but those with a ':' or a line break in some cell (the quick checks
    cannot rule out HTML or a stray break there) takes the quick way; tests/adversarial/test_fuzz.py
    checks that both ways give the same rows and problems."""
    from sotay.validate import schema
    quick, slow = [], []
    original = schema.fast_rows

    def spy(file, *args):
        rows = original(file, *args)
        (slow if rows is None else quick).append(file)
        return rows
    monkeypatch.setattr(schema, "fast_rows", spy)
    _package, tables, problems = check(DATA, dt.date.today())
    assert problems == []
    assert set(slow) <= {"trainings.csv", "organisations.csv", "platforms.csv"}
    assert sum(1 for t in tables.values() for r in t if r["_file"] in quick) > 0.99 * sum(map(len, tables.values()))


def test_both_ways_read_a_boolean_listed_as_true_and_false_alike():
    from sotay.package import Field
    from sotay.validate import cells, columns
    spec = Field("consent", "boolean", "Đồng ý", "", "có", {}, true_values=("có",), false_values=("không", "có"))
    texts = ["có", "không"]
    assert columns._cast("boolean", spec, texts) == [cells.caster(spec)(t) for t in texts] == [True, False]


# What editors' tools do to a file ----------------------------------------------------------------

def test_an_unclosed_quote_is_reported_where_the_row_starts(mini):
    path = mini / "members/288.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].replace("Phạm Thị Dung", '"Phạm Thị Dung')  # line 3 of 6
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert problems(mini) == ['members/288.csv:3:: : CSV hỏng: dấu ngoặc kép (") mở ở dòng 3 không được đóng, nên cả '
                              'phần còn lại của tệp thành một ô. Một dấu " nằm trong ô phải được viết thành "".']


def test_a_file_saved_with_semicolons_says_so(mini):
    path = mini / "targets.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",", ";"), encoding="utf-8")
    found = [p for p in problems(mini) if p.startswith("targets.csv:1:")]
    assert len(found) == 1 and "các cột được ngăn bằng dấu chấm phẩy (;), không phải dấu phẩy" in found[0]


@pytest.mark.parametrize("value,shown", [
    ("Phạm Thị Dung\xa0", "Phạm Thị Dung⟨dấu cách không ngắt⟩"),  # pasted from Word or Excel
    ("Phạm Thị\tDung", "Phạm Thị⟨Tab⟩Dung"),
])
def test_invisible_characters_are_named_in_the_message(mini, value, shown):
    edit_cell(mini / "members/288.csv", 3, "full_name", value)
    found = problems(mini)
    assert len(found) == 1 and found[0].startswith(f"members/288.csv:3:full_name: {shown}: "), found


def test_a_running_total_may_not_fall(mini):
    edit_cell(mini / "reports/2022-07.csv", 2, "value", "20")  # tk-dvc is cumulative: 30 in June
    assert problems(mini) == ["reports/2022-07.csv:2:value: 20: số lũy kế của chỉ tiêu tk-dvc giảm so với kỳ 2022-06 (30): "
                              "số lũy kế tính từ đầu nên không thể giảm; kiểm tra lại số của kỳ này và kỳ trước"]
    edit_cell(mini / "reports/2022-07.csv", 3, "value", "1")  # gian-hang counts each period's new shops: may fall
    assert len(problems(mini)) == 1


def test_an_unknown_period_is_told_once_not_as_a_fall_in_every_series(mini):
    """A review: Excel writes 2022-09 as "Sep-22"; each such row also read as a fall against the newest period."""
    edit_cell(mini / "reports/2022-08.csv", 2, "period_id", "Aug-22")  # 110, more than July's 70, but sorts after it
    edit_cell(mini / "reports/2022-06.csv", 2, "period_id", "Jun-22")  # 30: sorted after "2022-07", it fell from 70
    found = problems(mini)
    assert [p.split(": ")[0] for p in found] == ["reports/2022-06.csv:2:period_id", "reports/2022-08.csv:2:period_id"], found


def test_a_report_ten_times_the_target_is_refused_as_a_likely_typo(mini):
    # TCN-10507-01's tk-dvc target for 2022 is 100 (targets.csv line 2); 110 in August is 1.1 times it.
    edit_cell(mini / "reports/2022-08.csv", 2, "value", "1000")
    assert problems(mini) == []  # ten times: surprising, still possible
    edit_cell(mini / "reports/2022-08.csv", 2, "value", "11000")
    found = check(mini, TODAY)[2]
    assert [str(p) for p in found] == [
        "reports/2022-08.csv:2:value: 11000: gấp 110 lần chỉ tiêu năm 2022 của tổ (100): có lẽ gõ thừa chữ số; "
        "kiểm tra lại số này, nếu đúng thật thì xem lại chỉ tiêu trong targets.csv"]
    assert found[0].also == (("targets.csv", 2),)


@pytest.mark.parametrize("value,message", [
    ("dung.pham@gmail..com", "không đúng dạng quy định; ví dụ viết đúng: an.nguyen@example.com"),
    (".dung@gmail.com", "không đúng dạng quy định; ví dụ viết đúng: an.nguyen@example.com"),
    ("dung@-gmail.com", "không đúng dạng quy định; ví dụ viết đúng: an.nguyen@example.com"),
    ("dũng@gmail.com", "không đúng dạng quy định; ví dụ viết đúng: an.nguyen@example.com"),
    ("dung.pham@gmail.con", "tên miền 'gmail.con' có vẻ gõ nhầm: có phải …@gmail.com?"),
    ("dung.pham@gmai.com", "tên miền 'gmai.com' có vẻ gõ nhầm: có phải …@gmail.com?"),
])
def test_bad_email(mini, value, message):
    edit_cell(mini / "members/288.csv", 3, "email", value)
    assert problems(mini) == [f"members/288.csv:3:email: {value}: {message}"]


@pytest.mark.parametrize("value", ["dung.pham@mail.com", "dung_pham+to@haiduong.gov.vn", "d.p@sub.example.com.vn"])
def test_good_email(mini, value):
    edit_cell(mini / "members/288.csv", 3, "email", value)
    assert problems(mini) == []


def _move_line(source, target, line):
    lines = source.read_text(encoding="utf-8").splitlines()
    moved = lines.pop(line - 1)
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    target.write_text(target.read_text(encoding="utf-8") + moved + "\n", encoding="utf-8")
    return len(target.read_text(encoding="utf-8").splitlines())


def test_a_team_or_member_in_another_districts_file(mini):
    """Each district's files have their own reviewers: a row in the wrong file would escape them."""
    at = _move_line(mini / "members/288.csv", mini / "members/30.csv", 3)  # a member of TCN-10507-01 (Thành phố Hải Dương)
    assert problems(mini) == [f"members/30.csv:{at}:team_id: TCN-10507-01: thành viên của tổ TCN-10507-01 phải nằm trong "
                              "tệp members/288.csv, cùng huyện với tổ: chuyển dòng này sang đúng tệp"]
    _move_line(mini / "members/30.csv", mini / "members/288.csv", at)
    teams = (mini / "teams/288.csv").read_text(encoding="utf-8").splitlines()
    line = next(i for i, t in enumerate(teams, start=1) if t.startswith("TCN-10510-01,"))
    at = _move_line(mini / "teams/288.csv", mini / "teams/30.csv", line)
    found = problems(mini)
    assert f"teams/30.csv:{at}:unit_id: 10510: tổ của " in found[-1] and "phải nằm trong tệp teams/288.csv" in found[-1], found


def test_a_team_at_work_needs_a_leader(mini):
    """A leader's row deleted, or a members file cut short, no longer passes in silence."""
    path = mini / "members/288.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(line for line in lines if not line.startswith("TV-000004,")) + "\n", encoding="utf-8")
    assert problems(mini) == [
        # the row deleted, not ended: the team's training of 02/06/2022 now had more people than members
        "attendance.csv:2:attendees: 2: tổ có 1 thành viên vào ngày 02/06/2022 mà ghi 2 người dự: chỉ ghi số thành viên của tổ có mặt, "
        "không tính người dân hay khách mời; người đã thôi tham gia thì ghi ngày thôi (until) chứ không xóa dòng",
        "teams/288.csv:3:id: TCN-10507-01: tổ đang hoạt động mà không có tổ trưởng: thêm dòng tổ trưởng "
        "vào tệp members của huyện, hoặc ghi ngày giải thể tổ (dissolved_on)"]


def test_a_dissolved_team_has_no_members_reports_or_trainings_after_it_ended(mini):
    """Found in a review: a dissolved_on date was accepted with the team's members still current and its
    reports and attendance of later months counted."""
    edit_cell(mini / "teams/288.csv", 3, "dissolved_on", "2022-06-30")  # TCN-10507-01
    found = problems(mini)
    where = sorted({p.split(": ")[0] for p in found})
    assert where == ["members/288.csv:3:until", "members/288.csv:4:until",
                     "reports/2022-07.csv:2:period_id", "reports/2022-07.csv:3:period_id",
                     "reports/2022-08.csv:2:period_id"], found
    assert ("members/288.csv:3:until: (trống): tổ đã giải thể ngày 30/06/2022: ghi ngày thôi tham gia (until) không muộn hơn "
            "ngày đó; người chuyển sang tổ khác thì thêm dòng mới ở tổ đó") in found
    assert ("reports/2022-07.csv:2:period_id: 2022-07: tổ đã giải thể ngày 30/06/2022, trước kỳ này: kiểm tra lại mã tổ "
            "hoặc kỳ báo cáo") in found
    # the members ended, the later rows gone: valid; June's report is the team's last
    for line in (3, 4):
        edit_cell(mini / "members/288.csv", line, "until", "2022-06-30")
    for period in ("2022-07", "2022-08"):
        path = mini / "reports" / f"{period}.csv"
        path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n" + "\n".join(
            line for line in path.read_text(encoding="utf-8").splitlines()[1:] if not line.startswith("TCN-10507-01,")) + "\n",
            encoding="utf-8")
    assert problems(mini) == []
    edit_cell(mini / "attendance.csv", 3, "team_id", "TCN-10507-01")  # the session of 10/09/2022
    assert ("attendance.csv:3:team_id: TCN-10507-01: tổ đã giải thể ngày 30/06/2022, trước buổi tập huấn: kiểm tra lại mã tổ"
            in problems(mini))
    edit_cell(mini / "attendance.csv", 3, "team_id", "TCN-10507-02")
    append_row(mini / "members/288.csv", ["TV-000091", "TCN-10507-01", "Lê Văn Nam", "Tổ viên", "", "", "", "", "không", "2022-07-01", ""])
    assert problems(mini) == ["members/288.csv:7:since: 2022-07-01: tham gia sau ngày tổ giải thể (30/06/2022): kiểm tra lại mã tổ hoặc ngày"]


def test_one_leader_at_a_time(mini):
    edit_cell(mini / "members/288.csv", 3, "until", "2022-12-15")  # Phạm Thị Dung leaves on 15/12
    append_row(mini / "members/288.csv", ["TV-000099", "TCN-10507-01", "Ngô Thị Lan", "Tổ trưởng", "", "", "", "", "không", "2022-12-01", ""])
    assert problems(mini) == ["members/288.csv:7:since: 2022-12-01: tổ TCN-10507-01 còn tổ trưởng cũ đến 15/12/2022 "
                              "(members/288.csv dòng 3): tổ trưởng mới bắt đầu từ ngày người cũ thôi trở đi; sửa một trong hai ngày"]
    edit_cell(mini / "members/288.csv", 7, "since", "2022-12-15")  # a handover on the day
    assert problems(mini) == []


def test_a_report_row_in_another_periods_file_is_located(mini):
    # A November row in December's file counted for November and December lost it; now it says so.
    edit_cell(mini / "reports/2022-06.csv", 4, "period_id", "2022-07")
    assert problems(mini) == [
        "reports/2022-06.csv:4:period_id: 2022-07: dòng của kỳ 2022-07 nằm trong tệp của kỳ 2022-06: mỗi tệp reports/<kỳ>.csv "
        "chỉ chứa báo cáo của kỳ đó; sửa kỳ thành 2022-06, hoặc chuyển dòng sang tệp reports/2022-07.csv",
    ]


def test_more_attendees_than_the_team_had_members_on_the_day(mini):
    edit_cell(mini / "attendance.csv", 2, "attendees", "20")  # TCN-10507-01: 2 members on 02/06/2022
    assert problems(mini) == [
        "attendance.csv:2:attendees: 20: tổ có 2 thành viên vào ngày 02/06/2022 mà ghi 20 người dự: chỉ ghi số thành viên của tổ "
        "có mặt, không tính người dân hay khách mời; người đã thôi tham gia thì ghi ngày thôi (until) chứ không xóa dòng",
    ]
    edit_cell(mini / "attendance.csv", 2, "attendees", "2")
    edit_cell(mini / "members/288.csv", 4, "since", "2022-06-03")  # joined the day after: one member that day
    assert [p.split(": ", 2)[0] for p in problems(mini)] == ["attendance.csv:2:attendees"]
    edit_cell(mini / "members/288.csv", 4, "since", "2022-04-20")
    append_row(mini / "attendance.csv", ["TH-2022-001", "TCN-10507-02", "1"])  # set up 01/08/2022: one problem, not two
    assert [p.split(": ", 2)[0] for p in problems(mini)] == ["attendance.csv:4:team_id"]


def test_a_column_wrong_row_after_row_is_summed_up_once_and_scattered_problems_are_not():
    from sotay.errors import DataError, Problem, summary
    dates = [Problem("members/297.csv", row, 10, "since", "5/3/2022", "ngày phải viết dạng năm-tháng-ngày (YYYY-MM-DD): hãy viết 2022-03-05")
             for row in range(2, 719)]
    late = [Problem("reports/2022-12.csv", row, 5, "submitted_on", "2023-01-24", "ngày nộp báo cáo ở sau ngày hôm nay")
            for row in range(9, 8549, 38)]  # 224 rows among 8,500
    lines = summary(dates + late)
    assert lines == ["Cột since của members/297.csv có 717 lỗi (dòng 2 đến 718): có lẽ cả cột bị đổi cùng lúc, ví dụ khi mở rồi lưu "
                     "tệp bằng Excel; lấy lại bản trước trên GitHub hoặc sửa cả cột. Lỗi đầu: ngày phải viết dạng năm-tháng-ngày "
                     "(YYYY-MM-DD): hãy viết 2022-03-05"]
    report = DataError(dates + late).report().splitlines()
    assert len(report) == len(dates) + len(late) + 2 and report[-2] == lines[0]  # every problem still listed
    assert summary(dates[:19]) == []


def test_a_row_left_out_for_its_width_is_the_only_message_not_every_row_pointing_at_it(mini):
    """A comma too many in one training row also reported every attendance row of that session as "no such
    training" (68 in a reviewer's copy), and the summary then blamed Excel: the rows that point at it say nothing."""
    path = mini / "trainings.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace("Hội trường Sở Thông tin và Truyền thông", "Hội trường Sở Thông tin, và Truyền thông")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = problems(mini)
    assert len(found) == 1 and found[0].startswith("trainings.csv:2::") and "dòng có 8 ô nhưng bảng có 7 cột" in found[0], found
    # a training id that really is missing is still reported
    append_row(mini / "attendance.csv", ["TH-2022-009", "TCN-10510-01", "1"])
    assert any(p.startswith("attendance.csv:4:training_id: TH-2022-009: không có mã này") for p in problems(mini)), problems(mini)
