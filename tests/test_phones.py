"""sotay.phones: the shortcut for the common way of writing a number gives what phonenumbers.parse gives."""
from __future__ import annotations

import random

import phonenumbers
import pytest

from sotay import phones


def by_the_library(text: str):
    """parse() without its shortcut: phonenumbers.parse for every input."""
    if not text or any(ch.isalpha() for ch in text):
        return None
    try:
        number = phonenumbers.parse(text, "VN")
    except phonenumbers.NumberParseException:
        return None
    return number if number.country_code == 84 and phonenumbers.is_valid_number(number) else None


def written(digits: str, style: int) -> str:
    return (digits, f"{digits[:4]} {digits[4:7]} {digits[7:]}", f"{digits[:4]}.{digits[4:7]}.{digits[7:]}")[style % 3]


def test_ten_digit_numbers_parse_as_the_library_parses_them():
    rng = random.Random(2022)
    samples = ["0" + str(rng.randint(1, 9)) + "".join(rng.choices("0123456789", k=8)) for _ in range(20_000)]
    valid = 0
    for i, digits in enumerate(samples):
        text = written(digits, i)
        ours = phones.parse(text)
        assert ours == by_the_library(text), text
        if ours is not None:
            valid += 1
            assert phones.national(text) == phonenumbers.format_number(by_the_library(text), 2)
    assert 5_000 < valid < 15_000  # both valid and invalid numbers were compared


@pytest.mark.parametrize("text", [
    "0912345678", "0912 345 678", "0912.345.678", "0912-345-678", "+84912345678", "+84 912 345 678",
    "84912345678", "(0912) 345 678", "0012345678", "0900000114", "02203 123 456", "0220 3123 456",
    "091234567", "09123456789", "０９１２３４５６７８", "0912 345 67a", "", " ", "1900 1234",
])
def test_other_ways_of_writing_give_the_library_result(text):
    assert phones.parse(text) == by_the_library(text)


def js_rule(digits: str) -> bool:
    """danh-ba.js's mobile(): 10 digits, the second 3, 5, 7, 8 or 9."""
    return len(digits) == 10 and digits[1] in "35789"


def test_mobile_or_landline_as_the_library_says_and_as_the_directory_script_says():
    rng = random.Random(2025)
    samples = ["0" + str(rng.randint(1, 9)) + "".join(rng.choices("0123456789", k=rng.choice((8, 9)))) for _ in range(20_000)]
    samples += ["0121 234 567", "0140 123 456", "0160 123 456"]  # the library calls these mobiles; no network does
    samples += ["0912345678", "0388123456", "0220 3123 456", "02203123456", "0243 123 4567"]
    mobiles = landlines = 0
    for text in samples:
        if phones.parse(text) is None:
            assert not phones.is_mobile(text)
            continue
        assert phones.is_mobile(text) == js_rule(phones.digits_national(text)), text
        mobiles += phones.is_mobile(text)
        landlines += not phones.is_mobile(text)
    assert mobiles > 1000 and landlines > 500
    assert phones.is_mobile("0912 345 678") and not phones.is_mobile("0220 3123 456")
    assert not phones.is_mobile("0121 234 567")


@pytest.mark.parametrize("text, count", [("０９１２３４５６７", 9), ("0912 345 67²", 9), ("٠٩١٢٣٤٥٦٧", 9)])
def test_a_short_number_is_counted_in_the_digits_the_library_reads(text, count):
    # full-width and Arabic-Indic digits are digits to phonenumbers; "²" is not
    assert phones.problem(text).startswith(f"số điện thoại chỉ có {count} chữ số, thiếu số")


@pytest.mark.parametrize("text, message", [
    ("900000114", "thiếu số 0 ở đầu (Excel bỏ số 0 khi cột có định dạng Số): định dạng cột là Văn bản rồi ghi 0900000114"),
    ("2203852100", "thiếu số 0 ở đầu (Excel bỏ số 0 khi cột có định dạng Số): định dạng cột là Văn bản rồi ghi 02203852100"),
    ('="0900000114"', "ô có dấu = (công thức Excel) đi kèm số: xóa dấu đó, chỉ ghi 0900000114"),
    ("'0900000114", "ô có dấu ' (Excel dùng để giữ số 0 đầu) đi kèm số: xóa dấu đó, chỉ ghi 0900000114"),
    ('"0900000114"', "ô có dấu ngoặc kép đi kèm số: xóa dấu đó, chỉ ghi 0900000114"),
    ("84900000114", "thiếu dấu + trước mã nước 84: ghi 0900000114 (hoặc +84900000114)"),
    ("0084 900 000 114", "bỏ mã quốc tế 0084 ở đầu: ghi 0900000114"),
    ("０９００ ０００ １１４", "số điện thoại có chữ số kiểu lạ (như ０９, thường do chép từ nơi khác): gõ lại bằng bàn phím: 0900000114"),
    ("0900000114 / 0901000114", "ô có 2 số điện thoại: mỗi ô chỉ ghi một số, ví dụ 0900000114"),
    ("0900 000 114; 0901 000 114\n0220 3852 100", "ô có 3 số điện thoại: mỗi ô chỉ ghi một số, ví dụ 0900 000 114"),
    ("0900 000 114 - 0901 000 114", "ô có 2 số điện thoại: mỗi ô chỉ ghi một số, ví dụ 0900 000 114"),
    ("9.12E+08", "Excel đã đổi số điện thoại thành dạng số mũ (9.12E+08) và bỏ số 0 đầu: định dạng cột là Văn bản rồi gõ lại số, ví dụ 0912345678"),
])
def test_what_excel_or_a_copy_left_is_refused_with_the_number_to_write(text, message):
    """The library reads all of these as valid, and the pages showed a tidied number the file did not hold."""
    assert phones.parse(text) is not None or text.startswith("9.12E") or " / " in text or ";" in text or " - " in text
    assert phones.problem(text) == message


@pytest.mark.parametrize("text", ["0912345678", "0912 345 678", "0912.345.678", "0912-345-678", "(0220) 3852 100",
                                  "0220.3852.100", "+84912345678", "+84 912 345 678", " 0912345678 "])
def test_the_usual_ways_of_writing_a_number_are_accepted(text):
    assert phones.problem(text) is None
