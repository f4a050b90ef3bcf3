"""Casting one cell to its Table Schema type, with a Vietnamese message when it cannot be cast."""
from __future__ import annotations

import datetime as dt
import re
import unicodedata

from ..package import Field
from ..text import invisible_characters

_INT = re.compile(r"-?[0-9]{1,15}")
_NUMBER = re.compile(r"-?[0-9]{1,15}(\.[0-9]{1,15})?")
_NOT_CANONICAL = re.compile(r"-?0[0-9]+|-0")
_DIGITS = re.compile(r"-?[0-9]+(\.[0-9]+)?")
_THOUSANDS = re.compile(r"-?[0-9]{1,3}([.,  ][0-9]{3})+")
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_DMY_DATE = re.compile(r"([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})")
_HTML = re.compile(r"<\s*[A-Za-z!/?]|(java|vb)script\s*:", re.I)
_ENTITY = re.compile(r"&#?[A-Za-z0-9]+;")  # &lt; &#60;: markup in disguise (the theme unescapes titles)
_LINE_BREAK = re.compile(r"[\t\r\n]")
# A character any check of text_problems below looks at: control, invisible and line-break characters
# (text.invisible_characters, _LINE_BREAK), and the only ways into _HTML and _ENTITY ('<', ':', '&').
_SUSPECT = re.compile("[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff<:&]")


class CellError(ValueError):
    """A cell that cannot be cast; the message says what to do."""


def parse_date(text: str) -> dt.date:
    """ISO date, with a message that helps when the editor typed dd/mm/yyyy or an impossible day."""
    match = _ISO_DATE.fullmatch(text)
    if match:
        try:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            if not 1 <= int(match[2]) <= 12:  # "2022-13-01": the February example did not fit
                raise CellError(f"không có tháng {match[2]}: tháng chỉ từ 01 đến 12 (dạng năm-tháng-ngày, YYYY-MM-DD)") from None
            raise CellError("ngày không tồn tại trên lịch (kiểm tra ngày và tháng, ví dụ tháng 2 chỉ có 28 hoặc 29 ngày)") from None
    dmy = _DMY_DATE.fullmatch(text)
    if dmy:
        day, month, year = int(dmy[1]), int(dmy[2]), int(dmy[3])
        try:
            iso = dt.date(year, month, day).isoformat()
        except ValueError:
            raise CellError("ngày không tồn tại trên lịch; ngoài ra ngày phải viết dạng năm-tháng-ngày (YYYY-MM-DD)") from None
        raise CellError(f"ngày phải viết dạng năm-tháng-ngày (YYYY-MM-DD): hãy viết {iso}")
    serial = _EXCEL_SERIAL.fullmatch(text)
    if serial and 20000 <= int(serial[1]) <= 80000:  # Excel shows a date cell saved as a number of days
        iso = (EXCEL_DAY_ZERO + dt.timedelta(days=int(serial[1]))).isoformat()
        raise CellError(f"đây là số ngày kiểu Excel, không phải ngày: có lẽ là {iso}; trong Excel định dạng ô là Văn bản rồi gõ {iso}")
    # Year first but not as written here: "2022-9-5", "2022/09/05", Excel's "2022-09-05 00:00:00".
    ymd = _YMD_LOOSE.fullmatch(text)
    if ymd:
        try:
            iso = dt.date(int(ymd[1]), int(ymd[2]), int(ymd[3])).isoformat()
        except ValueError:
            iso = None
        if iso:
            time = ", không kèm giờ" if ":" in text else ""
            raise CellError(f"ngày phải viết đủ dạng năm-tháng-ngày (YYYY-MM-DD){time}: hãy viết {iso}")
    short = _DMY_SHORT.fullmatch(text)
    if short:
        try:
            iso = dt.date(2000 + int(short[3]), int(short[2]), int(short[1])).isoformat()
        except ValueError:
            iso = None
        if iso:
            raise CellError(f"năm chỉ có 2 chữ số: viết dạng năm-tháng-ngày với năm đủ 4 chữ số; nếu là năm {iso[:4]}, hãy viết {iso}")
    raise CellError("không phải ngày hợp lệ: viết dạng năm-tháng-ngày, ví dụ 2022-06-15")


_DMY_SHORT = re.compile(r"([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{2})")
_EXCEL_SERIAL = re.compile(r"([0-9]{5})(?:\.0+)?")
_YMD_LOOSE = re.compile(r"([0-9]{4})[-/.]([0-9]{1,2})[-/.]([0-9]{1,2})(?:[ T]00:00(?::00)?)?")


EXCEL_DAY_ZERO = dt.date(1899, 12, 30)  # Excel's day 0 (it counts 1900 as a leap year)


def caster(spec: Field):
    """Return a function text -> typed value for this field, raising CellError with a message."""
    kind = spec.type
    if kind == "integer":
        def cast(text: str) -> int:
            if _INT.fullmatch(text):
                if _NOT_CANONICAL.fullmatch(text):  # 007, -0: the value would be written back differently
                    raise CellError(f"bỏ số 0 ở đầu hoặc dấu trừ thừa: viết {int(text)}")
                return int(text)
            if _THOUSANDS.fullmatch(text):
                raise CellError(f"có dấu phân cách hàng nghìn: viết liền các chữ số, ví dụ {re.sub(r'[^0-9-]', '', text)}")
            if re.fullmatch(r"-?[0-9]+", text):
                raise CellError("số quá lớn: kiểm tra có gõ thừa chữ số không")
            raise CellError("không phải số nguyên: chỉ viết chữ số, ví dụ 120")
        return cast
    if kind == "number":
        def cast(text: str) -> float:
            if _NUMBER.fullmatch(text):
                return float(text)
            if _DIGITS.fullmatch(text):
                raise CellError("số quá lớn: kiểm tra có gõ thừa chữ số không")
            raise CellError("không phải số: chỉ viết chữ số, dùng dấu chấm cho phần thập phân, ví dụ 12.5")
        return cast
    if kind == "date":
        return parse_date
    if kind == "boolean":
        truthy, falsy = set(spec.true_values), set(spec.false_values)
        allowed = " hoặc ".join(f"'{v}'" for v in (*spec.true_values, *spec.false_values))
        def cast(text: str) -> bool:
            if text in truthy:
                return True
            if text in falsy:
                return False
            raise CellError(f"chỉ được ghi {allowed}")
        return cast
    return str


def text_problems(text: str, multiline: bool = False) -> str | None:
    """What is wrong with a text cell regardless of its field: encoding form, hidden or HTML characters,
    Tab or line breaks (line breaks are allowed only in long free-text fields, ``multiline``)."""
    # Nearly every cell is clean: one scan says so (the checks each scan the text again).
    if _SUSPECT.search(text) is None and text == text.strip() and (text.isascii() or unicodedata.is_normalized("NFC", text)):
        return None
    return _text_problems(text, multiline)


def _text_problems(text: str, multiline: bool) -> str | None:
    if not text.isascii():
        if not unicodedata.is_normalized("NFC", text):
            return "chữ có dấu đang ở dạng tổ hợp (NFD, thường do máy Mac hoặc bộ gõ tạo ra): chạy python scripts/validate.py --fix-nfc để chuẩn hóa"
    hidden = invisible_characters(text)
    if hidden:
        return f"có ký tự ẩn hoặc ký tự điều khiển ({', '.join(sorted(set(hidden)))}): xóa ô này và gõ lại"
    breaks = _LINE_BREAK.findall(text.replace("\r\n", "\n") if multiline else text)
    if breaks and (not multiline or "\t" in breaks or "\r" in breaks):
        return "có ký tự Tab hoặc xuống dòng trong ô: viết nội dung ô trên một dòng, dùng dấu cách thay cho Tab"
    if text != text.strip():
        return "có dấu cách thừa ở đầu hoặc cuối ô: hãy xóa"
    if _HTML.search(text):
        return "có mã HTML hoặc liên kết javascript: chỉ ghi văn bản thuần, không dùng thẻ HTML như <b>, <script>"
    if _ENTITY.search(text):
        return "có mã HTML dạng &…; (ví dụ &lt; hoặc &amp;): gõ thẳng ký tự cần viết, ví dụ < hoặc &"
    return None
