"""Validation of units through time: the crosswalk of the 2025 reform, validity dates, renamed bodies.
One small defect per test, each reported at file:row:column in Vietnamese."""
from __future__ import annotations

import datetime as dt

from conftest import append_row, edit_cell, write_rows
from sotay.validate.check import check

TODAY = dt.date(2026, 1, 10)


def problems(root):
    return [str(p) for p in check(root, TODAY)[2]]


def test_reform_fixture_is_valid(mini):
    assert problems(mini) == []


def test_unmapped_commune(mini):
    write_rows(mini / "crosswalk.csv", [
        ["old_id", "new_id", "changed_on", "partial", "interim_name", "interim_on"],
        ["30", "31-2025", "2025-07-01", "không", "", ""],
        ["10507", "10507-2025", "2025-07-01", "không", "", ""],
    ])
    assert problems(mini) == [
        "units.csv:5:valid_to: 2025-06-30: Phường Bình Hàn hết hiệu lực sau ngày 30/06/2025 nhưng crosswalk.csv chưa có dòng nào "
        "cho biết nay thuộc đơn vị nào: thêm dòng có old_id 10510",
    ]


def test_dangling_target(mini):
    edit_cell(mini / "crosswalk.csv", 4, "new_id", "10510-2025")
    assert problems(mini) == [
        "crosswalk.csv:4:new_id: 10510-2025: không có mã này trong bảng đơn vị hành chính (units): kiểm tra chính tả "
        "(phân biệt hoa, thường) hoặc thêm vào bảng units trước",
    ]


def test_overlapping_validity_of_one_code(mini):
    # The editor added the new ward but left the old one with the same code in force.
    edit_cell(mini / "units.csv", 4, "valid_to", "")
    found = problems(mini)
    assert ("units.csv:7:valid_from: 2025-07-01: mã thống kê 10507 cũng là của Phường Cẩm Thượng (dòng 4, hiệu lực đến "
            "không thời hạn): một mã không thể thuộc hai đơn vị cùng lúc; ghi ngày hết hiệu lực (valid_to) của đơn vị cũ "
            "trước ngày đơn vị này bắt đầu") in found
    # The same missing date, seen by the crosswalk and by the parent's validity, is named there too.
    assert {p.split(": ")[0] for p in found} == {"units.csv:7:valid_from", "units.csv:4:valid_to", "crosswalk.csv:3:old_id"}


def test_validity_ending_after_a_new_unit_with_the_code_started(mini):
    edit_cell(mini / "units.csv", 4, "valid_to", "2025-07-15")
    assert any(p.startswith("units.csv:7:valid_from: 2025-07-01: mã thống kê 10507 cũng là của Phường Cẩm Thượng (dòng 4, hiệu lực đến 15/07/2025)")
               for p in problems(mini))


def test_change_date_must_be_the_new_units_start(mini):
    edit_cell(mini / "crosswalk.csv", 3, "changed_on", "2025-06-01")
    assert "crosswalk.csv:3:changed_on: 2025-06-01: phải trùng ngày Phường Thành Đông bắt đầu hiệu lực (01/07/2025, cột valid_from trong units.csv)" in problems(mini)


def test_old_unit_must_end_the_day_before_the_change(mini):
    edit_cell(mini / "units.csv", 5, "valid_to", "2025-05-31")
    assert problems(mini) == [
        "crosswalk.csv:4:old_id: 10510: Phường Bình Hàn chuyển sang đơn vị mới từ 01/07/2025, nên hết hiệu lực ngày 30/06/2025, "
        "nhưng units.csv dòng 5 ghi hết hiệu lực 31/05/2025: sửa cột valid_to thành 2025-06-30 (hoặc sửa ngày ở dòng này)",
    ]


def test_interim_step_ends_the_old_unit_earlier(mini):
    edit_cell(mini / "crosswalk.csv", 4, "interim_name", "Phường Bình Hàn mới")
    edit_cell(mini / "crosswalk.csv", 4, "interim_on", "2025-01-01")
    assert problems(mini) == [
        "crosswalk.csv:4:old_id: 10510: Phường Bình Hàn chuyển sang đơn vị mới từ 01/01/2025, nên hết hiệu lực ngày 31/12/2024, "
        "nhưng units.csv dòng 5 ghi hết hiệu lực 30/06/2025: sửa cột valid_to thành 2024-12-31 (hoặc sửa ngày ở dòng này)",
    ]
    edit_cell(mini / "units.csv", 5, "valid_to", "2024-12-31")
    assert problems(mini) == []
    edit_cell(mini / "crosswalk.csv", 4, "interim_on", "")
    assert "crosswalk.csv:4:interim_on: (trống): bước trung gian cần cả tên đơn vị (interim_name) và ngày (interim_on), hoặc để trống cả hai" in problems(mini)


def test_split_commune_rows_are_all_partial(mini):
    append_row(mini / "units.csv", ["10510-2025", "10510", "Phường Việt Hòa", "Phường", "commune", "31-2025", "phuong-viet-hoa", "2025-07-01", ""])
    append_row(mini / "crosswalk.csv", ["10510", "10510-2025", "2025-07-01", "có", "", ""])
    assert problems(mini) == [
        "crosswalk.csv:4:partial: không: Phường Bình Hàn được chia cho 2 đơn vị mới: ghi 'có' ở cột partial của mọi dòng của đơn vị này",
    ]
    edit_cell(mini / "crosswalk.csv", 4, "partial", "có")
    assert problems(mini) == []


def test_single_target_is_not_partial(mini):
    edit_cell(mini / "crosswalk.csv", 3, "partial", "có")
    assert problems(mini) == [
        "crosswalk.csv:3:partial: có: Phường Cẩm Thượng chỉ có một đơn vị mới: ghi 'không', hoặc thêm dòng cho các đơn vị mới còn lại",
    ]


def test_target_of_another_level(mini):
    edit_cell(mini / "crosswalk.csv", 3, "new_id", "31-2025")
    assert problems(mini) == [
        "crosswalk.csv:3:new_id: 31-2025: Thành phố Hải Phòng là cấp tỉnh, còn Phường Cẩm Thượng là cấp xã: đơn vị cũ chỉ chuyển sang đơn vị mới cùng cấp",
    ]


def test_new_unit_id_carries_its_year(mini):
    edit_cell(mini / "units.csv", 6, "id", "31")
    edit_cell(mini / "units.csv", 7, "parent_id", "31")
    edit_cell(mini / "crosswalk.csv", 2, "new_id", "31")
    assert problems(mini) == [
        "units.csv:6:id: 31: mã định danh phải là 31-2025: đơn vị có hiệu lực từ 01/07/2025 dùng mã thống kê kèm năm, để không trùng với đơn vị cũ cùng mã",
    ]


def test_team_in_a_unit_that_no_longer_exists(mini):
    append_row(mini / "teams/288.csv", ["TCN-10507-03", "village_team", "10507", "Tổ công nghệ số cộng đồng khu dân cư số 3",
                                               "Khu dân cư số 3", "2025-08-01", "1/QĐ-UBND ngày 1/8/2025", "", ""])
    append_row(mini / "members/288.csv", ["TV-000091", "TCN-10507-03", "Đỗ Thị Hà", "Tổ trưởng", "", "", "", "", "không", "2025-08-01", ""])
    assert problems(mini) == [
        "teams/288.csv:6:unit_id: 10507: tổ thành lập ngày 01/08/2025 nhưng Phường Cẩm Thượng chỉ có hiệu lực đến hết 30/06/2025: ghi đơn vị có hiệu lực vào ngày đó",
    ]


def test_team_id_of_a_new_unit_on_an_old_unit(mini):
    # TCN-10507-2025-01 names Phường Thành Đông (10507-2025); the row says Phường Cẩm Thượng (10507).
    append_row(mini / "teams/288.csv", ["TCN-10507-2025-01", "village_team", "10507", "Tổ công nghệ số cộng đồng khu dân cư số 3",
                                        "Khu dân cư số 3", "2022-08-01", "1/QĐ-UBND ngày 1/8/2022", "", ""])
    append_row(mini / "members/288.csv", ["TV-000091", "TCN-10507-2025-01", "Đỗ Thị Hà", "Tổ trưởng", "", "", "", "", "không", "2022-08-01", ""])
    assert problems(mini) == [
        "teams/288.csv:6:id: TCN-10507-2025-01: mã tổ thôn phải là TCN-10507- và số thứ tự, ví dụ TCN-10507-01 (theo mã xã)",
    ]


def test_training_names_its_organiser_as_it_was_that_day(mini):
    edit_cell(mini / "trainings.csv", 2, "organiser_id", "so-khcn")
    assert problems(mini) == [
        "trainings.csv:2:organiser_id: so-khcn: Sở Khoa học và Công nghệ tỉnh Hải Dương hoạt động từ 01/03/2025 đến không thời hạn, "
        "không có vào ngày 02/06/2022: ghi cơ quan với tên lúc tổ chức (trang web tự ghi thêm tên hiện nay)",
    ]


def test_successor_starts_the_day_after(mini):
    edit_cell(mini / "organisations.csv", 3, "valid_from", "2025-04-01")
    assert problems(mini) == [
        "organisations.csv:2:succeeded_by: so-khcn: Sở Khoa học và Công nghệ tỉnh Hải Dương phải bắt đầu hoạt động (valid_from) ngày 2025-03-01, ngay sau ngày cuối của cơ quan này",
    ]


def test_successor_chain_that_loops(mini):
    edit_cell(mini / "organisations.csv", 3, "succeeded_by", "so-tttt")
    edit_cell(mini / "organisations.csv", 3, "valid_to", "2025-05-31")
    found = problems(mini)
    assert "organisations.csv:2:succeeded_by: so-khcn: chuỗi cơ quan kế thừa quay vòng về chính nó: kiểm tra cột succeeded_by" in found
