"""Vietnamese phone numbers: validation, a canonical form, grouped display and link forms."""
from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers
from phonenumbers import PhoneNumberFormat


_SPACES_AND_DOTS = str.maketrans("", "", " .")


@lru_cache(maxsize=None)
def parse(text: str) -> phonenumbers.PhoneNumber | None:
    """The number as written ('0912 345 678', '+84912345678'), or None when it is not a valid VN number."""
    if not text or any(ch.isalpha() for ch in text):
        return None
    compact = text.translate(_SPACES_AND_DOTS)
    if (len(compact) == 10 and len(text) <= 250 and compact.isascii() and compact.isdigit() and compact[0] == "0"
            and compact[1] != "0"):
        # How nearly every number is written: 0 and 9 digits, maybe grouped. phonenumbers.parse gives this same
        # number (200,000 compared when this was written; tests/test_phones.py compares 20,000), in a quarter
        # of the time. (It refuses input over 250 characters: so does this.)
        number = phonenumbers.PhoneNumber(country_code=84, national_number=int(compact[1:]))
    else:
        try:
            number = phonenumbers.parse(text, "VN")
        except phonenumbers.NumberParseException:
            return None
    if number.country_code != 84 or not phonenumbers.is_valid_number(number):
        return None
    return number


# Two numbers in one cell: "0912 345 678 / 0987 654 321", "…, …", "… - …", one per line.
_SEVERAL = re.compile(r"\s*[/,;|\n]\s*|\s+[-–]\s+")
# How a number is written here: 0 or +84, then ASCII digits, maybe grouped by spaces, dots, dashes, brackets.
_WRITTEN = re.compile(r"(?:0[1-9]|\+84)[0-9]*")
_GROUPING = str.maketrans("", "", " .-()")
# What Excel or a copy from it leaves around a number.
_MARKS = {"=": "dấu = (công thức Excel)", "'": "dấu ' (Excel dùng để giữ số 0 đầu)", '"': "dấu ngoặc kép"}


def problem(text: str) -> str | None:
    """Why text is not a usable Vietnamese phone number written as editors here write one, or None. Numbers
    the library reads but Excel or a copy left damaged (a lost leading 0, ="…", full-width digits) are refused
    with the number to write, so that the file holds what the pages show."""
    stripped = text.strip()
    if re.fullmatch(r"[0-9]+([.,][0-9]+)?[eE]\+[0-9]+", stripped):  # 9.12E+08: Excel wrote the number in its own way
        return (f"Excel đã đổi số điện thoại thành dạng số mũ ({stripped}) và bỏ số 0 đầu: định dạng cột là Văn bản "
                "rồi gõ lại số, ví dụ 0912345678")
    parts = [part for part in _SEVERAL.split(stripped) if sum(ch.isdecimal() for ch in part) >= 9]
    if len(parts) > 1:
        return f"ô có {len(parts)} số điện thoại: mỗi ô chỉ ghi một số, ví dụ {parts[0]}"
    if any(ch.isalpha() for ch in text):
        return "số điện thoại có chữ cái: chỉ ghi chữ số (không ghi máy lẻ, tên hay ghi chú), ví dụ 0912345678"
    digits = "".join(ch for ch in text if ch.isdecimal())  # as phonenumbers reads them: "０９…" too, not "²"
    ascii_digits = "".join(str(int(ch)) for ch in digits)
    for mark, what in _MARKS.items():
        if mark in stripped:
            return f"ô có {what} đi kèm số: xóa dấu đó, chỉ ghi {ascii_digits}"
    if parse(text) is None:
        if len(digits) < 10:
            return (f"số điện thoại chỉ có {len(digits)} chữ số, thiếu số: số di động có 10 chữ số (ví dụ 0912345678), "
                    "số cố định kèm mã vùng có 11 chữ số (ví dụ 0220 3850 001)")
        return ("không phải số điện thoại Việt Nam hợp lệ: kiểm tra lại đầu số và số chữ số (di động 10 chữ số, "
                "ví dụ 0912345678; cố định kèm mã vùng 11 chữ số, ví dụ 0220 3850 001)")
    compact = stripped.translate(_GROUPING)
    if _WRITTEN.fullmatch(compact):
        return None
    national_form = digits_national(text)
    if not compact.isascii():
        return f"số điện thoại có chữ số kiểu lạ (như ０９, thường do chép từ nơi khác): gõ lại bằng bàn phím: {national_form}"
    if compact.startswith("00"):
        return f"bỏ mã quốc tế 0084 ở đầu: ghi {national_form}"
    if compact.startswith("84"):
        return f"thiếu dấu + trước mã nước 84: ghi {national_form} (hoặc +{compact})"
    if compact[:1].isdigit() and compact[0] != "0":
        return f"thiếu số 0 ở đầu (Excel bỏ số 0 khi cột có định dạng Số): định dạng cột là Văn bản rồi ghi {national_form}"
    return f"số điện thoại ghi chưa đúng cách (có ký tự lạ): ghi {national_form}"


# Mobiles since the 2018 renumbering: 0, then 3, 5, 7, 8 or 9, then 8 digits (landlines are 02x). The
# directory's script applies the same rule (danh-ba.js mobile()), so pages and search results agree.
_MOBILE = re.compile(r"0[35789]\d{8}")


@lru_cache(maxsize=None)
def is_mobile(text: str) -> bool:
    """Whether the number can take a text message or a Zalo account: a mobile, not a landline (02x)."""
    return _MOBILE.fullmatch(digits_national(text)) is not None  # "" when not a valid number


@lru_cache(maxsize=None)  # each number is shown and linked on several pages
def national(text: str) -> str:
    """Grouped for reading: '0912 345 678'."""
    number = parse(text)
    return phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL) if number else text


@lru_cache(maxsize=None)  # each number is shown and linked on several pages
def e164(text: str) -> str:
    """'+84912345678', for tel: and sms: links and vCards."""
    number = parse(text)
    return phonenumbers.format_number(number, PhoneNumberFormat.E164) if number else ""


@lru_cache(maxsize=None)  # each number is shown and linked on several pages
def digits_national(text: str) -> str:
    """'0912345678', the form Zalo links and the directory search use."""
    number = parse(text)
    return "0" + str(number.national_number) if number else ""
