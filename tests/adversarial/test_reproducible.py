"""Reproducible builds: the same commit, data and SITE_TODAY give byte-identical output, whatever
the day, the clock time, the output folder or the data folder's path."""
from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import re
import shutil
import struct

from conftest import DATA, SITE_TODAY, build_site
from outputs import documents

# Files whose bytes may legitimately differ between two builds, with the reason. Empty: MkDocs dates
# the sitemap (<lastmod>, the gzip header's mtime) from SOURCE_DATE_EPOCH, which the glue sets from
# SITE_TODAY; every generated archive must fix its timestamps the same way.
EXCEPTIONS: dict[str, str] = {}


def _hashes(site) -> dict[str, str]:
    return {name: hashlib.sha256(data).hexdigest() for name, data in documents(site)}


def test_two_builds_are_byte_identical(built_site, tmp_path):
    data = tmp_path / "another" / "copy" / "of-data"
    shutil.copytree(DATA, data)  # a different path to the same data
    result = build_site(tmp_path / "second", data_dir=data)
    assert result.returncode == 0, result.stderr[-3000:]
    first, second = _hashes(built_site), _hashes(tmp_path / "second")
    assert sorted(first) == sorted(second)
    different = sorted(name for name in first if first[name] != second[name] and name.split("!")[0] not in EXCEPTIONS)
    assert different == []
    print(f"reproducible: {len(first)} files and archive members identical")


def test_the_sitemap_is_dated_site_today_not_the_build_day(built_site):
    xml = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    dates = set(re.findall(r"<lastmod>([^<]+)</lastmod>", xml))
    assert dates == {SITE_TODAY}
    raw = (built_site / "sitemap.xml.gz").read_bytes()
    mtime = struct.unpack("<I", raw[4:8])[0]
    assert dt.datetime.fromtimestamp(mtime, dt.timezone.utc).date().isoformat() == SITE_TODAY
    assert gzip.decompress(raw).decode("utf-8") == xml


def test_an_explicit_source_date_epoch_wins(tmp_path):
    from corpus import make_mini
    data = make_mini(tmp_path / "data")
    result = build_site(tmp_path / "site", data_dir=data, extra_env={"SOURCE_DATE_EPOCH": "1700000000"})
    assert result.returncode == 0, result.stderr[-3000:]
    assert "<lastmod>2023-11-14</lastmod>" in (tmp_path / "site" / "sitemap.xml").read_text(encoding="utf-8")


def test_archive_helpers_give_the_same_bytes_at_any_time(tmp_path):
    """sotay.reproducible, for builders that offer ZIP or XLSX downloads."""
    import io
    import time
    import zipfile

    import openpyxl
    from sotay.reproducible import normalise_xlsx, zip_bytes

    today = dt.date.fromisoformat(SITE_TODAY)

    def workbook() -> bytes:
        book = openpyxl.Workbook()
        book.active.append(["Mã tổ", "Chỉ tiêu"])
        book.active.append(["TCN-10507-01", 120])
        buffer = io.BytesIO()
        book.save(buffer)
        return buffer.getvalue()

    first = workbook()
    time.sleep(1.1)  # ZIP times have a 2-second resolution; the XLSX core dates 1 second
    second = workbook()
    assert first != second  # openpyxl dates the file when it saves it
    assert normalise_xlsx(first, today) == normalise_xlsx(second, today)
    book = openpyxl.load_workbook(io.BytesIO(normalise_xlsx(first, today)))
    assert book.active["A2"].value == "TCN-10507-01" and book.properties.created.date() == today
    a = zip_bytes({"b.csv": b"x", "a.xlsx": first}, today)
    time.sleep(2.1)
    assert zip_bytes({"a.xlsx": first, "b.csv": b"x"}, today) == a
    assert [i.date_time for i in zipfile.ZipFile(io.BytesIO(a)).infolist()] == [(2023, 1, 20, 0, 0, 0)] * 2
