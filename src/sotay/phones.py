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


def problem(text: str) -> str | None:
    """Why text is not a usable Vietnamese phone number, or None."""
    if re.fullmatch(r"[0-9]+([.,][0-9]+)?[eE]\+[0-9]+", text.strip()):  # 9.12E+08: Excel wrote the number in its own way
        return "Excel đã đổi số điện thoại thành dạng 9,12E+08 và bỏ số 0 đầu: định dạng cột là Văn bản rồi gõ lại số, ví dụ 0912345678"
    if any(ch.isalpha() for ch in text):
        return "số điện thoại có chữ cái: chỉ ghi chữ số, ví dụ 0912345678"
    digits = "".join(ch for ch in text if ch.isdecimal())  # as phonenumbers reads them: "０９…" too, not "²"
    if parse(text) is None:
        if len(digits) < 10:
            return (f"số điện thoại chỉ có {len(digits)} chữ số, thiếu số: số di động có 10 chữ số (ví dụ 0912345678), "
                    "số cố định kèm mã vùng có 11 chữ số (ví dụ 0220 3850 001)")
        return ("không phải số điện thoại Việt Nam hợp lệ: kiểm tra lại đầu số và số chữ số (di động 10 chữ số, "
                "ví dụ 0912345678; cố định kèm mã vùng 11 chữ số, ví dụ 0220 3850 001)")
    return None


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
