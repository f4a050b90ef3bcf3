"""Byte-identical archives for reproducible builds: the same content and "today" give the same bytes.

A ZIP records a modification time per member and an XLSX (a ZIP) also records when it was created
and saved; builders that offer ZIP or XLSX downloads pass them through here, dated ``settings.today``
(tests/adversarial/test_reproducible.py compares two builds byte for byte, archive members included).
"""
from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

_XLSX_DATES = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")


def zip_bytes(members: dict[str, bytes], today: dt.date) -> bytes:
    """A ZIP of members (name -> bytes) in name order, every entry dated ``today`` 00:00."""
    buffer = io.BytesIO()
    stamp = (max(today.year, 1980), today.month, today.day, 0, 0, 0)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(members):
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3  # Unix, whatever machine builds
            archive.writestr(info, members[name])
    return buffer.getvalue()


def normalise_xlsx(data: bytes, today: dt.date) -> bytes:
    """An XLSX (or any Office file) with its creation/save dates and its ZIP entries dated ``today``."""
    iso = f"{today.isoformat()}T00:00:00Z".encode()
    members = {}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        order = [i.filename for i in archive.infolist()]
        for name in order:
            content = archive.read(name)
            if name == "docProps/core.xml":
                content = _XLSX_DATES.sub(lambda m: m.group(1) + iso + m.group(3), content)
            members[name] = content
    buffer = io.BytesIO()
    stamp = (max(today.year, 1980), today.month, today.day, 0, 0, 0)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in order:  # [Content_Types].xml must stay first for some readers
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            archive.writestr(info, members[name])
    return buffer.getvalue()
