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
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            target.writestr(info, source.read(entry.filename))
    return out.getvalue()
