"""Read every byte a built site publishes, whatever the file type: plain files as they are, .gz
decompressed, .zip (and .xlsx, .docx…, which are zips) member by member, recursively. Used by the
privacy, formula-injection and reproducibility tests, so they cover files added later by any feature."""
from __future__ import annotations

import csv
import gzip
import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # OWASP: a spreadsheet may run such a cell


def documents(site: Path) -> Iterator[tuple[str, bytes]]:
    """(name, bytes) for every file of the site and every member of its archives."""
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        yield from _expand(path.relative_to(site).as_posix(), path.read_bytes())


def _expand(name: str, data: bytes) -> Iterator[tuple[str, bytes]]:
    yield name, data
    if data[:2] == b"\x1f\x8b":
        yield from _expand(f"{name}!gunzip", gzip.decompress(data))
    elif data[:4] == b"PK\x03\x04":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            for member in archive.infolist():
                if not member.is_dir():
                    yield from _expand(f"{name}!{member.filename}", archive.read(member))


def spreadsheet_cells(site: Path) -> Iterator[tuple[str, str, object]]:
    """(file, cell reference, value) for every cell of every CSV and XLSX the site offers."""
    for name, data in documents(site):
        lower = name.lower()
        if lower.endswith(".csv"):
            text = data.decode("utf-8-sig", errors="replace")
            for row_number, row in enumerate(csv.reader(io.StringIO(text, newline="")), start=1):
                for column, value in enumerate(row, start=1):
                    yield name, f"dòng {row_number} cột {column}", value
        elif lower.endswith((".xlsx", ".xlsm")):
            import openpyxl
            book = openpyxl.load_workbook(io.BytesIO(data), data_only=False)
            for sheet in book.worksheets:
                for row in sheet.iter_rows():
                    for cell in row:
                        if cell.value is not None:
                            yield name, f"{sheet.title}!{cell.coordinate}", cell if cell.data_type == "f" else cell.value


def formula_cells(site: Path) -> list[str]:
    """Cells a spreadsheet would evaluate: formulas, or text starting with = + - @ (not '-prefixed)."""
    found = []
    for name, where, value in spreadsheet_cells(site):
        if not isinstance(value, (str, int, float)) and getattr(value, "data_type", "") == "f":
            found.append(f"{name} {where}: công thức {value.value!r}")
        elif isinstance(value, str) and value.startswith(FORMULA_START):
            found.append(f"{name} {where}: {value[:60]!r}")
    return found


# Privacy ---------------------------------------------------------------------------------------

_DIGIT_RUN = re.compile(rb"\d(?:[ .\-\xa0]?\d)+")  # digits with single separators: 0900 000 123, 090-000-0123
_AT = rb"@|%40|&#64;|&#x40;|\\u0040|&commat;"
_EMAIL = re.compile(rb"[A-Za-z0-9._%+\-]+(?:" + _AT + rb")[A-Za-z0-9.\-]+\.[A-Za-z]{2,}", re.I)
_NON_DIGIT = re.compile(rb"\D")


def national_significant(phone: str) -> str:
    """'0900 000 123', '+84900000123', '84900000123' -> '900000123' (what every format contains)."""
    digits = re.sub(r"\D", "", phone)
    if digits.startswith("84") and len(digits) >= 11:
        return digits[2:]
    return digits[1:] if digits.startswith("0") else digits


class SecretScanner:
    """Finds any of a set of phone numbers (in any grouping, with 0, 84 or +84) and e-mail addresses
    in a document in one pass: each run of digits is checked window by window against a set, each
    e-mail-like token against another set; the cost does not grow with the number of secrets."""

    def __init__(self, phones: Iterable[str], emails: Iterable[str]):
        self.numbers = {national_significant(p).encode() for p in phones if p}
        self.lengths = sorted({len(n) for n in self.numbers})
        self.emails = {e.lower().encode() for e in emails if e}

    def find(self, data: bytes) -> list[str]:
        hits = []
        if self.numbers:
            for match in _DIGIT_RUN.finditer(data):
                digits = _NON_DIGIT.sub(b"", match.group())
                for size in self.lengths:
                    for start in range(0, len(digits) - size + 1):
                        window = digits[start:start + size]
                        if window in self.numbers:
                            hits.append(match.group().decode())
        if self.emails:
            for match in _EMAIL.finditer(data):
                token = re.sub(_AT, b"@", match.group(), flags=re.I).lower()
                if token in self.emails:
                    hits.append(match.group().decode())
        return hits
