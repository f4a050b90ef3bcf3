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


@pytest.mark.parametrize("written", [
    "0900 000 005", "090.000.0005", "+84 900 000 005", "(090) 0000005", "+84 (0) 900 000 005", "0084 900 000 005",
    # forms a phone-number matcher passes over: glued to a word, dashes, a line break, full-width digits
    "sđt0900000005", "Zalo0900000005", "0900000005anh", "0900–000–005", "0900_000_005", "0900\n000\n005", "０９０００００００５",
])
def test_an_unconsented_members_number_in_a_note_is_refused_at_its_cell(mini, written):
    note = f"Cần hỗ trợ gấp, gọi anh Đức {written} để biết thêm."
    shown = note.replace("\n", "⟨xuống dòng⟩")
    edit_cell(mini / NOTES, 2, "difficulties", note)
    assert problems(mini) == [f"{NOTES}:2:difficulties: {shown}: có số điện thoại 0900 000 005 {PRIVATE}: "
                              "xóa khỏi ô này, vì mọi chữ trong ô được đăng lên trang"]


UNKNOWN = ("chưa được công khai: mọi chữ trong ô được đăng lên trang, nên xóa đi; nếu chủ số đồng ý công khai, ghi vào "
           "cột phone của người đó (consent: có) trong tệp members hoặc cột public_phone của tổ nếu là số chung")


def test_an_unconsented_address_and_an_unknown_number_are_refused_in_any_published_column(mini):
    edit_cell(mini / NOTES, 2, "proposals", "Gửi danh sách cho Duc.Do@example.com, Duc.Do@example.com")  # once
    edit_cell(mini / "trainings.csv", 2, "trainer", "Anh Hùng (0987 654 321)")
    edit_cell(mini / "teams/288.csv", 3, "village", "Khu dân cư số 1, trưởng khu ĐT:0220 3852 123")
    edit_cell(mini / "platforms.csv", 2, "url", "https://zalo.me/0900000005")  # a column with a pattern
    assert problems(mini) == [
        "platforms.csv:2:url: https://zalo.me/0900000005: có số điện thoại 0900 000 005 "
        f"{PRIVATE}: xóa khỏi ô này, vì mọi chữ trong ô được đăng lên trang",
        f"{NOTES}:2:proposals: Gửi danh sách cho Duc.Do@example.com, Duc.Do@example.com: có địa chỉ thư điện tử "
        f"Duc.Do@example.com {PRIVATE}: xóa khỏi ô này, vì mọi chữ trong ô được đăng lên trang",
        f"teams/288.csv:3:village: Khu dân cư số 1, trưởng khu ĐT:0220 3852 123: có số điện thoại 0220 3852 123 {UNKNOWN}",
        f"trainings.csv:2:trainer: Anh Hùng (0987 654 321): có số điện thoại 0987 654 321 {UNKNOWN}",
    ]


def test_an_unknown_address_says_where_an_address_goes(mini):
    edit_cell(mini / NOTES, 2, "proposals", "Hỏi thêm: hung.le@gmail.com")
    assert problems(mini) == [
        f"{NOTES}:2:proposals: Hỏi thêm: hung.le@gmail.com: có địa chỉ thư điện tử hung.le@gmail.com chưa được công khai: "
        "mọi chữ trong ô được đăng lên trang, nên xóa đi; nếu chủ địa chỉ đồng ý công khai, ghi vào cột email của người đó "
        "(consent: có) trong tệp members"]


def test_the_number_of_a_member_who_left_is_no_longer_public(mini):
    """Pages list current members only: Phạm Thị Dung agreed, then left; her number is on no page."""
    edit_cell(mini / "members/288.csv", 3, "until", "2022-12-01")
    append_row(mini / "members/288.csv", ["TV-000090", "TCN-10507-01", "Lê Thị Mai", "Tổ trưởng", "", "0900000090", "", "",
                                          "có", "2022-12-01", ""])
    edit_cell(mini / NOTES, 2, "difficulties", "Gọi chị Dung 0900000004.")
    assert problems(mini) == [
        f"{NOTES}:2:difficulties: Gọi chị Dung 0900000004.: có số điện thoại 0900 000 004 của Phạm Thị Dung "
        "(members/288.csv dòng 3), người đã thôi tham gia tổ nên số không còn được đăng: xóa khỏi ô này, vì mọi chữ "
        "trong ô được đăng lên trang"]


def test_public_numbers_hotlines_dates_and_decisions_are_accepted(mini):
    edit_cell(mini / "teams/288.csv", 3, "public_phone", "0220 3852 999")
    edit_cell(mini / NOTES, 2, "difficulties",
              "Gọi chị Dung 0900.000.004 (Zalo 0901 000 004, dung.pham@example.com) hoặc số chung của tổ 0220 3852 999.")
    edit_cell(mini / NOTES, 2, "proposals", "Tổng đài 1900 1234 56 và 1800 1091; theo Quyết định 1234/QĐ-UBND ngày 15/06/2022.")
    edit_cell(mini / "trainings.csv", 2, "venue", "Hội trường tầng 2, từ 2022-06-15 đến 2022-12-31, 120 người")
    # money and counts, grouped or not, and runs of dates: not numbers someone dials
    edit_cell(mini / "trainings.csv", 3, "venue", "Kinh phí 2.100.000.000 đồng (2100000000 đồng), 1.234.567 lượt, "
                                                  "2022-06-15 - 2022-12-31, CCCD 030095001234")
    assert problems(mini) == []


def test_an_office_line_shared_with_a_consenting_member_stays_public(mini):
    """An office line two members give: one agreed, so it is on the pages already."""
    edit_cell(mini / "members/288.csv", 3, "phone", "0220 3852 100")
    edit_cell(mini / "members/288.csv", 4, "phone", "02203852100")
    edit_cell(mini / NOTES, 2, "difficulties", "Liên hệ văn phòng 0220 3852 100.")
    assert problems(mini) == []


WITHHELD = "cũng là số của Đỗ Văn Đức (members/288.csv dòng 4), người chưa đồng ý công khai"


def test_a_mobile_of_a_member_who_did_not_agree_is_not_published_under_another_row(mini):
    """Found in a review: a team's shared number, or another member's Zalo, set to the mobile of a member
    who did not agree was valid, and that number was on the team's page, the directory and the search index."""
    edit_cell(mini / "teams/288.csv", 3, "public_phone", "0900 000 005")
    edit_cell(mini / "members/288.csv", 3, "zalo", "0900000005")
    edit_cell(mini / "members/288.csv", 2, "email", "DUC.DO@example.com")
    found = check(mini, TODAY)[2]
    assert [str(p) for p in found] == [
        "members/288.csv:2:email: DUC.DO@example.com: thư điện tử này cũng là thư điện tử của Đỗ Văn Đức (members/288.csv "
        "dòng 4), người chưa đồng ý công khai; ở dòng này thư điện tử lại được đăng lên trang: nếu là cùng một người, ghi "
        "consent giống nhau ở mọi dòng của người đó; nếu không, kiểm tra lại thư điện tử",
        f"members/288.csv:3:zalo: 0900000005: số này {WITHHELD}; ở dòng này số lại được đăng lên trang: nếu là cùng một người, "
        "ghi consent giống nhau ở mọi dòng của người đó; nếu không, kiểm tra lại số",
        f"teams/288.csv:3:public_phone: 0900 000 005: số này {WITHHELD}: số chung của tổ được đăng lên trang, nên chỉ ghi "
        "số của người đã đồng ý công khai (consent: có), số máy bàn của cơ quan hoặc để trống",
    ]
    assert all(p.also == (("members/288.csv", 4),) for p in found)


def test_a_member_who_left_without_agreeing_and_came_back_agreeing_is_published(mini):
    edit_cell(mini / "members/288.csv", 4, "until", "2022-10-01")
    append_row(mini / "members/288.csv", ["TV-000090", "TCN-10507-01", "Đỗ Văn Đức", "Tổ viên", "", "0900000005", "", "",
                                          "có", "2022-12-01", ""])
    assert problems(mini) == []
    edit_cell(mini / "members/288.csv", 4, "until", "")  # both rows current: the two rows disagree
    assert [p.split(": ")[0] for p in problems(mini)] == ["members/288.csv:7:phone"]


def test_a_guide_or_post_with_an_unconsented_members_number_is_located(mini, tmp_path):
    docs = tmp_path / "docs"
    (docs / "cach-lam-hay" / "posts").mkdir(parents=True)
    (docs / "cach-lam-hay" / "posts" / "bai.md").write_text(
        "# Bài\n\nTổ đã làm tốt.\nHỏi thêm anh Đức: 0900 000 005 hoặc duc.do@example.com.\n", encoding="utf-8")
    (docs / "index.md").write_text("# Trang chủ\n\nVí dụ số: 0912 345 678; tổng đài 1900 1234 56; chị Dung 0900000004.\n",
                                   encoding="utf-8")
    tables = check(mini, TODAY)[1]
    phone = f"có số điện thoại {PRIVATE}: xóa khỏi trang"
    mail = f"có địa chỉ thư điện tử {PRIVATE}: xóa khỏi trang"
    assert [str(p) for p in check_markdown(docs, tables)] == [
        f"docs/cach-lam-hay/posts/bai.md:4:: 0900 000 005: {phone}",
        f"docs/cach-lam-hay/posts/bai.md:4:: duc.do@example.com: {mail}",
    ]
    (docs / "cach-lam-hay" / "posts" / "bai.md").write_text(
        "# Bài\n\nGọi lại số 0900 000\n005 hay <duc.do&#64;example.com>.\n", encoding="utf-8")  # wrapped, an HTML entity
    assert [str(p) for p in check_markdown(docs, tables)] == [
        f"docs/cach-lam-hay/posts/bai.md:3:: 0900 000 005: {phone}",
        f"docs/cach-lam-hay/posts/bai.md:4:: duc.do@example.com: {mail}",
    ]
    result = run_script("validate.py", str(mini), "--docs", str(docs), "--today", TODAY.isoformat())
    assert result.returncode == 1, result.stderr
    assert f"docs/cach-lam-hay/posts/bai.md:3:: 0900 000 005: {phone}" in result.stdout


def test_the_build_stops_on_a_private_number_in_a_note(mini, tmp_path):
    append_row(mini / NOTES, ["TCN-10507-01", "2022-07", "Gọi anh Đức 0900000005.", ""])
    result = build_site(tmp_path / "site", data_dir=mini)
    assert result.returncode != 0
    assert f"{NOTES}:3:difficulties: Gọi anh Đức 0900000005.: có số điện thoại 0900 000 005 {PRIVATE}" in result.stderr + result.stdout
    assert not (tmp_path / "site" / "to" / "tcn-10507-01" / "index.html").exists()
