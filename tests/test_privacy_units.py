"""Privacy: build the whole site from the shipped data and search every output byte (pages, search
index, directory data, vCards, sitemaps, anything else) for the contact details of every member who
did not consent. Zero hits; and the same scan does find consented numbers, so it can fail."""
from __future__ import annotations

import csv
import gzip
import re
from pathlib import Path

from conftest import DATA
from sotay import phones

RUN = re.compile(r"\+?\d(?:\d|[ .\-\u00a0](?=\d))*")
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")


def member_rows() -> list[dict]:
    rows = []
    for path in sorted((DATA / "members").glob("*.csv")):
        with path.open(encoding="utf-8-sig") as handle:
            rows += list(csv.DictReader(handle))
    return rows


def numbers_in(text: str) -> set[str]:
    """Every national-form number (0…, 10 or 11 digits) hidden in digit runs, grouped or +84."""
    found = set()
    for run in RUN.findall(text):
        digits = re.sub(r"\D", "", run)
        for i in range(len(digits)):
            for size in (10, 11):
                found.add(digits[i:i + size])
            if digits.startswith("84", i):
                for size in (9, 10):
                    found.add("0" + digits[i + 2:i + 2 + size])
    return found


def output_texts(site: Path):
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        text = data.decode("utf-8", errors="replace")
        if path.suffix == ".vcf":
            text = re.sub(r"\r?\n[ \t]", "", text)  # unfold folded vCard lines
        yield path, text


def test_no_unconsented_contact_in_any_output_file(built_site):
    rows = member_rows()
    secret_numbers, secret_emails, public_numbers = set(), set(), set()
    for row in rows:
        numbers = {phones.digits_national(row[k]) for k in ("phone", "zalo") if row[k]} - {""}
        if row["consent"] == "có":
            public_numbers |= numbers
        else:
            secret_numbers |= numbers
            if row["email"]:
                secret_emails.add(row["email"].lower())
    assert len(secret_numbers) > 2000 and len(secret_emails) > 500
    secret_numbers -= public_numbers  # a number someone else published (none in the demo data)

    kinds = set()
    hits, seen_public = [], set()
    for path, text in output_texts(built_site):
        kinds.add(path.suffix)
        found = numbers_in(text)
        seen_public |= found & public_numbers
        for number in found & secret_numbers:
            hits.append(f"{path.relative_to(built_site)}: {number}")
        for email in {e.lower() for e in EMAIL.findall(text)} & secret_emails:
            hits.append(f"{path.relative_to(built_site)}: {email}")
    assert hits == []
    assert {".html", ".json", ".js", ".vcf", ".xml", ".gz"} <= kinds
    # The scan is able to see numbers: most consented numbers are on the site.
    assert len(seen_public) > 0.9 * len(public_numbers)


def test_number_scan_sees_every_written_form():
    for written in ("0900000114", "0900 000 114", "+84900000114", "tel:+84900000114", "zalo.me/0900000114", "0900.000.114"):
        assert "0900000114" in numbers_in(f"xx {written} yy"), written
