"""A phone number or e-mail address typed into published text (a note, a trainer, a guide) is refused
unless it is already public: consent is recorded for the contact columns, not for what a note says."""
from __future__ import annotations

import datetime as dt

import pytest

from conftest import append_row, build_site, edit_cell, run_script
from sotay.validate.check import check
from sotay.validate.contacts import check_markdown

TODAY = dt.date(2023, 1, 1)
NOTES = "report_notes.csv"
# In the mini data Đỗ Văn Đức (members/288.csv line 4, 0900000005, duc.do@example.com) did not agree to
# publish; Phạm Thị Dung (line 3, 0900000004, Zalo 0901000004, dung.pham@example.com) did.
PRIVATE = "của Đỗ Văn Đức (members/288.csv dòng 4), người chưa đồng ý công khai"


def problems(root):
    return [str(p) for p in check(root, TODAY)[2]]


@pytest.mark.parametrize("written", ["0900 000 005", "090.000.0005", "+84 900 000 005", "(090) 0000005"])
def test_an_unconsented_members_number_in_a_note_is_refused_at_its_cell(mini, written):
    note = f"Cần hỗ trợ gấp, gọi anh Đức {written} để biết thêm."
    edit_cell(mini / NOTES, 2, "difficulties", note)
    assert problems(mini) == [f"{NOTES}:2:difficulties: {note}: có số điện thoại 0900 000 005 {PRIVATE}: "
                              "xóa khỏi ô này, vì mọi chữ trong ô được đăng lên trang"]


def test_an_unconsented_address_and_an_unknown_number_are_refused_in_any_free_text_column(mini):
    edit_cell(mini / NOTES, 2, "proposals", "Gửi danh sách cho Duc.Do@example.com")
    edit_cell(mini / "trainings.csv", 2, "trainer", "Anh Hùng (0987 654 321)")
    edit_cell(mini / "teams/288.csv", 3, "village", "Khu dân cư số 1, trưởng khu 0220 3852 123")
    assert problems(mini) == [
        f"{NOTES}:2:proposals: Gửi danh sách cho Duc.Do@example.com: có địa chỉ thư điện tử Duc.Do@example.com {PRIVATE}: "
        "xóa khỏi ô này, vì mọi chữ trong ô được đăng lên trang",
        "teams/288.csv:3:village: Khu dân cư số 1, trưởng khu 0220 3852 123: có số điện thoại 0220 3852 123 chưa được "
        "công khai (không phải của thành viên đồng ý công khai, không phải số chung của tổ): xóa khỏi ô này, vì mọi chữ "
        "trong ô được đăng lên trang; người cần liên hệ tra ở Danh bạ",
        "trainings.csv:2:trainer: Anh Hùng (0987 654 321): có số điện thoại 0987 654 321 chưa được công khai (không phải "
        "của thành viên đồng ý công khai, không phải số chung của tổ): xóa khỏi ô này, vì mọi chữ trong ô được đăng lên "
        "trang; người cần liên hệ tra ở Danh bạ",
    ]


def test_public_numbers_hotlines_dates_and_decisions_are_accepted(mini):
    edit_cell(mini / "teams/288.csv", 3, "public_phone", "0220 3852 999")
    edit_cell(mini / NOTES, 2, "difficulties",
              "Gọi chị Dung 0900.000.004 (Zalo 0901 000 004, dung.pham@example.com) hoặc số chung của tổ 0220 3852 999.")
    edit_cell(mini / NOTES, 2, "proposals", "Tổng đài 1900 1234 56 và 1800 1091; theo Quyết định 1234/QĐ-UBND ngày 15/06/2022.")
    edit_cell(mini / "trainings.csv", 2, "venue", "Hội trường tầng 2, từ 2022-06-15 đến 2022-12-31, 120 người")
    assert problems(mini) == []


def test_a_number_shared_with_a_consenting_member_stays_public(mini):
    """An office line two members give: one agreed, so it is on the pages already."""
    edit_cell(mini / "members/288.csv", 4, "phone", "0900000004")
    edit_cell(mini / NOTES, 2, "difficulties", "Liên hệ văn phòng 0900 000 004.")
    assert problems(mini) == []


def test_a_guide_or_post_with_an_unconsented_members_number_is_located(mini, tmp_path):
    docs = tmp_path / "docs"
    (docs / "cach-lam-hay" / "posts").mkdir(parents=True)
    (docs / "cach-lam-hay" / "posts" / "bai.md").write_text(
        "# Bài\n\nTổ đã làm tốt.\nHỏi thêm anh Đức: 0900 000 005 hoặc duc.do@example.com.\n", encoding="utf-8")
    (docs / "index.md").write_text("# Trang chủ\n\nVí dụ số: 0912 345 678; tổng đài 1900 1234 56; chị Dung 0900000004.\n",
                                   encoding="utf-8")
    tables = check(mini, TODAY)[1]
    message = ("có số điện thoại hoặc thư điện tử của Đỗ Văn Đức (members/288.csv dòng 4), người chưa đồng ý công khai: "
               "xóa khỏi trang")
    assert [str(p) for p in check_markdown(docs, tables)] == [
        f"docs/cach-lam-hay/posts/bai.md:4:: 0900 000 005: {message}",
        f"docs/cach-lam-hay/posts/bai.md:4:: duc.do@example.com: {message}",
    ]
    result = run_script("validate.py", str(mini), "--docs", str(docs), "--today", TODAY.isoformat())
    assert result.returncode == 1, result.stderr
    assert f"docs/cach-lam-hay/posts/bai.md:4:: 0900 000 005: {message}" in result.stdout


def test_the_build_stops_on_a_private_number_in_a_note(mini, tmp_path):
    append_row(mini / NOTES, ["TCN-10507-01", "2022-07", "Gọi anh Đức 0900000005.", ""])
    result = build_site(tmp_path / "site", data_dir=mini)
    assert result.returncode != 0
    assert f"{NOTES}:3:difficulties: Gọi anh Đức 0900000005.: có số điện thoại 0900 000 005 {PRIVATE}" in result.stderr + result.stdout
    assert not (tmp_path / "site" / "to" / "tcn-10507-01" / "index.html").exists()
