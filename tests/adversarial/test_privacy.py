"""Privacy guarantee: no contact of a member who withheld consent reaches any output byte (HTML,
JSON, JS, XML, sitemap, vCard, CSV, XLSX, ZIP and gzip contents), in any formatting."""
from __future__ import annotations

import csv
import gzip
import io
import json
import zipfile

import openpyxl
import pytest

from conftest import build_site, run_script
from outputs import SecretScanner, documents, national_significant


def test_national_significant_number_of_every_format():
    for written in ("0900000123", "0900 000 123", "+84900000123", "84900000123", "+84 900 000 123", "090.000.0123"):
        assert national_significant(written) == "900000123"


def test_scanner_finds_a_secret_in_every_format_and_container(tmp_path):
    """The scanner itself can fail: planted secrets in every form and file type are all found."""
    scanner = SecretScanner(["0900000123", "0901000456"], ["an.nguyen.7@example.com"])
    planted = {
        "a.html": "<td>0900 000 123</td>",
        "b.json": '{"tel": "+84900000123", "mail": "an.nguyen.7\\u0040example.com"}',
        "c.js": "const z = 'https://zalo.me/0901000456';",
        "d.xml": "<x>84900000123</x>",
        "e.vcf": "BEGIN:VCARD\r\nTEL;TYPE=cell:+84 901 000 456\r\nEND:VCARD\r\n",
        "f.html": '<a href="mailto:an.nguyen.7%40example.com">thư</a> <a href="mailto:AN.NGUYEN.7@EXAMPLE.COM">x</a>',
        "g.txt": "090-000-0123",
    }
    for name, text in planted.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    (tmp_path / "h.xml.gz").write_bytes(gzip.compress(b"<x>0900000123</x>"))
    book = openpyxl.Workbook()
    book.active.append(["Phạm Thị Dung", "0900 000 123"])
    xlsx = io.BytesIO()
    book.save(xlsx)
    (tmp_path / "i.xlsx").write_bytes(xlsx.getvalue())
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("inside/danh-ba.csv", "ten,so\nDung,0900000123\n")
        archive.writestr("inside/bang.xlsx", xlsx.getvalue())
    (tmp_path / "j.zip").write_bytes(buffer.getvalue())
    (tmp_path / "k.html").write_text("<td>0900 000 124</td> 2022-06-15 TV-000123 an.nguyen.77@example.com", encoding="utf-8")

    found = {name.split("!")[0] for name, data in documents(tmp_path) if scanner.find(data)}
    assert found == {"a.html", "b.json", "c.js", "d.xml", "e.vcf", "f.html", "g.txt", "h.xml.gz", "i.xlsx", "j.zip"}


@pytest.fixture(scope="module")
def half_withheld(tmp_path_factory):
    """Demo data where every other member withholds consent, and the site built from it."""
    root = tmp_path_factory.mktemp("privacy")
    data = root / "data"
    result = run_script("make_demo_data.py", "--out", str(data))
    assert result.returncode == 0, result.stderr
    withheld_phones, withheld_emails, published = set(), set(), set()
    members = 0
    for path in sorted((data / "members").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        header = rows[0]
        phone, zalo, email, consent = (header.index(c) for c in ("phone", "zalo", "email", "consent"))
        for row in rows[1:]:
            row[consent] = "không" if members % 2 == 0 else "có"
            members += 1
            if row[consent] == "không":
                withheld_phones.update(v for v in (row[phone], row[zalo]) if v)
                withheld_emails.update([row[email]] if row[email] else [])
            else:
                published.update(v for v in (row[phone], row[zalo]) if v)
        with path.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle, lineterminator="\n").writerows(rows)
    site = root / "site"
    result = build_site(site, data_dir=data)
    assert result.returncode == 0, result.stderr[-3000:]
    secrets = {national_significant(p) for p in withheld_phones} - {national_significant(p) for p in published}
    return site, secrets, withheld_emails, members


def test_no_withheld_contact_in_any_output_byte(half_withheld):
    site, numbers, emails, members = half_withheld
    assert members > 8000 and len(numbers) > members // 2 and len(emails) > 1000
    scanner = SecretScanner(numbers, emails)
    leaks, scanned, size = [], 0, 0
    for name, data in documents(site):
        scanned += 1
        size += len(data)
        leaks += [f"{name}: {hit}" for hit in scanner.find(data)]
    print(f"privacy scan: {scanned} documents, {size / 2**20:.1f} MB, {len(numbers)} withheld numbers, {len(emails)} withheld e-mails")
    assert scanned > 250
    assert leaks == [], leaks[:20]


def test_withheld_contacts_never_reach_the_model(half_withheld, tmp_path):
    """The model is where consent is applied: a member without consent has no contact at all."""
    import datetime as dt
    from sotay.load import load_model
    from conftest import SITE_TODAY
    site, numbers, emails, _ = half_withheld
    model = load_model(site.parent / "data", dt.date.fromisoformat(SITE_TODAY))
    withheld = [m for m in model.members if not m.consent]
    assert len(withheld) > 4000
    assert all(m.phone is None and m.zalo is None and m.email is None and m.zalo_digits == "" for m in withheld)
    assert not {national_significant(m.phone) for m in model.members if m.phone} & numbers
    assert json.dumps([m.email for m in model.members if m.email]).count("@") > 0
