"""Cells written to CSV or XLSX that a spreadsheet must never run as a formula (CSV/formula injection)."""
from __future__ import annotations

import datetime as dt
import io
import zipfile

# A cell whose text starts with one of these is run as a formula by Excel or LibreOffice.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A fixed moment for generated workbooks, so the same data always gives the same bytes.
FIXED_TIME = dt.datetime(2022, 1, 1, 0, 0, 0)


def neutralise(value: object) -> object:
    """Text starting like a formula gets a leading apostrophe; other values are returned unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def neutralise_row(row: list) -> list:
    """Every cell of a row, neutralised."""
    return [neutralise(value) for value in row]


def reproducible_zip(data: bytes) -> bytes:
    """The same ZIP archive (XLSX) with fixed entry times, so a rebuild gives identical bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    return zip_parts({entry.filename: source.read(entry.filename) for entry in source.infolist()})


def zip_parts(parts: dict[str, str | bytes]) -> bytes:
    """A ZIP archive of the parts, in order, with fixed entry times and modes: the same input, the same bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, content in parts.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            target.writestr(info, content)
    return out.getvalue()
