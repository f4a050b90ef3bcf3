"""The adversarial corpus: one defect or attack per case, each applied to a fresh copy of the mini
data package (tests/fixtures/mini + the real schemas), plus a few literal files in files/.

A case either expects scripts/validate.py to reject the data (exit 1, never a traceback) with a
message at each location in ``expect`` ("file:row:column:" prefixes of output lines), or, for a
legal value, to accept it (``accepted=True``, exit 0); what a legal but dangerous value becomes in
the built site is tested in test_hostile_site.py and test_render_escaping.py.
"""
from __future__ import annotations

import csv
import shutil
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "fixtures" / "mini"
SCHEMAS = ROOT / "data" / "schemas"
FILES = Path(__file__).resolve().parent / "files"


@dataclass
class Case:
    id: str
    category: str
    apply: Callable[[Path], None]
    expect: tuple[str, ...] = ()  # line prefixes that must be in the output
    contains: str = ""  # a phrase the message for the first location must contain
    accepted: bool = False  # a legal value: the data stays valid (exit 0)


# Helpers -----------------------------------------------------------------------------------------

def read_rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def write_rows(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def set_cell(file: str, line: int, column: str, value: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        rows = read_rows(root / file)
        rows[line - 1][rows[0].index(column)] = value
        write_rows(root / file, rows)
    return apply


def add_row(file: str, row: list[str]) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        write_rows(root / file, [*read_rows(root / file), row])
    return apply


def copy_row(file: str, line: int) -> Callable[[Path], None]:
    """Append a copy of one row (a duplicate key)."""
    def apply(root: Path) -> None:
        rows = read_rows(root / file)
        write_rows(root / file, [*rows, rows[line - 1]])
    return apply


def replace_bytes(file: str, old: bytes, new: bytes, count: int = -1) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        raw = (root / file).read_bytes()
        assert old in raw, (file, old)
        (root / file).write_bytes(raw.replace(old, new, count))
    return apply


def replace_text(file: str, old: str, new: str) -> Callable[[Path], None]:
    return replace_bytes(file, old.encode("utf-8"), new.encode("utf-8"), 1)


def literal(name: str, target: str) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        shutil.copyfile(FILES / name, root / target)
    return apply


def read_as_windows_1252(file: str) -> Callable[[Path], None]:
    """The file's UTF-8 bytes read as Windows-1252 (Latin-1 where it has no character) and saved as UTF-8."""
    def apply(root: Path) -> None:
        raw = (root / file).read_bytes()
        (root / file).write_text("".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in raw), encoding="utf-8")
    return apply


def both(*steps: Callable[[Path], None]) -> Callable[[Path], None]:
    def apply(root: Path) -> None:
        for step in steps:
            step(root)
    return apply


def make_mini(target: Path) -> Path:
    shutil.copytree(MINI, target)
    shutil.copytree(SCHEMAS, target / "schemas")
    return target


# Generated from the schemas: a dangling reference in every foreign key -----------------------------

def _package() -> dict:
    return yaml.safe_load((MINI / "datapackage.yaml").read_text(encoding="utf-8"))


def _paths(resource: dict) -> list[str]:
    return [resource["path"]] if isinstance(resource["path"], str) else resource["path"]


def _values(resource: str, field: str) -> set[str]:
    found = set()
    for r in _package()["resources"]:
        if r["name"] == resource:
            for path in _paths(r):
                rows = read_rows(MINI / path)
                found |= {row[rows[0].index(field)] for row in rows[1:]}
    return found


def _dangling(value: str, taken: set[str]) -> str:
    """A value shaped like a real key but absent from the referenced table."""
    candidate = "".join("9" if ch.isdigit() else ch for ch in value)
    if candidate == value or candidate in taken:
        candidate = f"{value}-khong-co"
    return candidate


def foreign_key_cases() -> list[Case]:
    cases = []
    for resource in _package()["resources"]:
        schema = yaml.safe_load((SCHEMAS / f"{resource['name']}.yaml").read_text(encoding="utf-8"))
        for fk in schema.get("foreignKeys", []):
            field = fk["fields"][0]
            target = fk["reference"]["resource"] or resource["name"]
            taken = _values(target, fk["reference"]["fields"][0])
            for path in _paths(resource):
                rows = read_rows(MINI / path)
                column = rows[0].index(field)
                line = next((i for i, row in enumerate(rows[1:], start=2) if row[column]), None)
                if line is None:
                    continue
                value = _dangling(rows[line - 1][column], taken)
                cases.append(Case(f"fk-{resource['name']}-{field}", "tham chiếu treo (mọi khóa ngoại)",
                                  set_cell(path, line, field, value), (f"{path}:{line}:{field}: {value}:",), "không có mã này"))
                break
            else:
                raise AssertionError(f"mini has no row to break the foreign key {resource['name']}.{field}")
    return cases


# Generated from the schemas: HTML and JavaScript in every free-text field ------------------------

PAYLOADS = [
    "Tổ <script>alert(1)</script>",
    'Thôn <img src=x onerror="alert(1)">',
    "javascript:alert(document.cookie)",
    "Xem <a href=\"javascript:alert(1)\">đây</a>",
    "Tên &lt;script&gt;alert(1)&lt;/script&gt;",
    "<svg/onload=alert(1)>",
    "JaVaScRiPt :alert(1)",
    "<!-- chú thích -->",
]


def html_cases() -> list[Case]:
    cases = []
    n = 0
    for resource in _package()["resources"]:
        schema = yaml.safe_load((SCHEMAS / f"{resource['name']}.yaml").read_text(encoding="utf-8"))
        path = _paths(resource)[0]
        if len(read_rows(MINI / path)) < 2:
            continue
        for spec in schema["fields"]:
            constraints = spec.get("constraints") or {}
            if spec.get("type", "string") != "string" or "enum" in constraints:
                continue
            payload = PAYLOADS[n % len(PAYLOADS)]
            n += 1
            cases.append(Case(f"html-{resource['name']}-{spec['name']}", "HTML, JavaScript trong ô chữ",
                              set_cell(path, 2, spec["name"], payload), (f"{path}:2:{spec['name']}:",),
                              "HTML" if "pattern" not in constraints else ""))
    return cases


# The hand-written cases --------------------------------------------------------------------------

M = "members/288.csv"  # line 3: TV-000004, Phạm Thị Dung, team TCN-10507-01, consent có
NFD_NAME = unicodedata.normalize("NFD", "Phạm Thị Dung")

CASES: list[Case] = [
    # Identity
    Case("duplicate-member-id", "mã trùng", add_row(M, ["TV-000004", "TCN-10510-01", "Ngô Thị Lan", "Tổ viên", "", "", "", "", "không", "2022-05-01", ""]),
         (f"{M}:7:id: TV-000004:",), "bị trùng"),
    Case("duplicate-id-across-files", "mã trùng", add_row("members/30.csv", ["TV-000004", "BCD-30", "Ngô Thị Lan", "Tổ viên", "", "", "", "", "không", "2022-05-01", ""]),
         ("members/30.csv:4:id: TV-000004:",), "members/288.csv"),
    Case("duplicate-team-id", "mã trùng", copy_row("teams/288.csv", 3), ("teams/288.csv:6:id:",), "bị trùng"),
    Case("duplicate-report-key", "mã trùng", copy_row("reports/2022-07.csv", 2), ("reports/2022-07.csv:4:team_id+indicator_id+period_id:",), "chỉ được có một dòng"),
    Case("duplicate-attendance-key", "mã trùng", copy_row("attendance.csv", 2), ("attendance.csv:4:training_id+team_id:",), "chỉ được có một dòng"),
    # Wrong types
    Case("integer-as-words", "sai kiểu", set_cell("targets.csv", 2, "value", "mười"), ("targets.csv:2:value: mười:",), "không phải số nguyên"),
    Case("integer-as-decimal", "sai kiểu", set_cell("targets.csv", 2, "value", "12.5"), ("targets.csv:2:value:",)),
    Case("integer-leading-zero", "sai kiểu", set_cell("targets.csv", 2, "value", "007"), ("targets.csv:2:value: 007:",), "viết 7"),
    Case("integer-5000-digits", "sai kiểu", set_cell("targets.csv", 2, "value", "9" * 5000), ("targets.csv:2:value:",), "số quá lớn"),
    Case("boolean-in-english", "sai kiểu", set_cell(M, 3, "consent", "yes"), (f"{M}:3:consent: yes:",), "'có'"),
    Case("date-as-words", "sai kiểu", set_cell(M, 3, "since", "hôm qua"), (f"{M}:3:since:",), "năm-tháng-ngày"),
    Case("enum-typo", "sai kiểu", set_cell(M, 3, "role", "Tổ Trưởng"), (f"{M}:3:role:",), "chỉ chọn một trong"),
    Case("pattern-lower-case-id", "sai kiểu", set_cell("teams/288.csv", 3, "id", "tcn-10507-01"), ("teams/288.csv:3:id:",), "không đúng dạng"),
    # Empty required cells
    Case("empty-full-name", "ô bắt buộc để trống", set_cell(M, 3, "full_name", ""), (f"{M}:3:full_name:",), "bắt buộc"),
    Case("empty-report-value", "ô bắt buộc để trống", set_cell("reports/2022-06.csv", 2, "value", ""), ("reports/2022-06.csv:2:value:",), "bắt buộc"),
    Case("empty-team-decision", "ô bắt buộc để trống", set_cell("teams/288.csv", 2, "decision", ""), ("teams/288.csv:2:decision:",), "bắt buộc"),
    # Dates
    Case("impossible-iso-date", "ngày không hợp lệ", set_cell(M, 3, "since", "2022-02-31"), (f"{M}:3:since: 2022-02-31:",), "không tồn tại"),
    Case("impossible-dmy-date", "ngày không hợp lệ", set_cell(M, 3, "since", "31/02/2022"), (f"{M}:3:since: 31/02/2022:",), "không tồn tại"),
    Case("dmy-instead-of-iso", "ngày không hợp lệ", set_cell(M, 3, "since", "20/04/2022"), (f"{M}:3:since: 20/04/2022:",), "hãy viết 2022-04-20"),
    Case("month-13", "ngày không hợp lệ", set_cell("trainings.csv", 2, "date", "2022-13-01"), ("trainings.csv:2:date:",), "không có tháng 13"),
    Case("date-in-the-future", "ngày không hợp lệ", set_cell(M, 3, "since", "2099-04-20"), (f"{M}:3:since:",), "sau ngày hôm nay"),
    # Numbers
    Case("thousands-dot", "số có dấu phân cách, số âm", set_cell("targets.csv", 2, "value", "1.340"), ("targets.csv:2:value: 1.340:",), "ví dụ 1340"),
    Case("thousands-comma", "số có dấu phân cách, số âm", set_cell("targets.csv", 2, "value", "1,340"), ("targets.csv:2:value: 1,340:",), "ví dụ 1340"),
    Case("thousands-space", "số có dấu phân cách, số âm", set_cell("targets.csv", 2, "value", "1 340"), ("targets.csv:2:value: 1 340:",), "ví dụ 1340"),
    Case("negative-report", "số có dấu phân cách, số âm", set_cell("reports/2022-06.csv", 2, "value", "-5"), ("reports/2022-06.csv:2:value: -5:",), "không được âm"),
    Case("zero-attendees", "số có dấu phân cách, số âm", set_cell("attendance.csv", 2, "attendees", "0"), ("attendance.csv:2:attendees: 0:",), "tối thiểu"),
    # Phone numbers
    Case("phone-too-short", "số điện thoại", set_cell(M, 3, "phone", "09000004"), (f"{M}:3:phone: 09000004:",), "thiếu số"),
    Case("phone-with-letters", "số điện thoại", set_cell(M, 3, "phone", "09OO000004"), (f"{M}:3:phone: 09OO000004:",), "chữ cái"),
    Case("zalo-with-letters", "số điện thoại", set_cell(M, 3, "zalo", "zalo0901000004"), (f"{M}:3:zalo:",), "chữ cái"),
    Case("public-phone-too-short", "số điện thoại", set_cell("teams/30.csv", 2, "public_phone", "0220"), ("teams/30.csv:2:public_phone: 0220:",), "thiếu số"),
    Case("phone-unknown-prefix", "số điện thoại", set_cell(M, 3, "phone", "0100000004"), (f"{M}:3:phone:",), "không phải số điện thoại Việt Nam"),
    Case("phone-plus-84", "số điện thoại", set_cell(M, 3, "phone", "+84900000004"), accepted=True),
    Case("phone-with-spaces", "số điện thoại", set_cell(M, 3, "phone", "0900 000 004"), accepted=True),
    Case("phone-plus-84-spaces", "số điện thoại", set_cell(M, 3, "phone", "+84 900 000 004"), accepted=True),
    # What Excel and copying leave, found in a review: the library reads them, the pages showed a tidied number
    Case("phone-lost-zero", "số điện thoại", set_cell(M, 3, "phone", "900000004"), (f"{M}:3:phone: 900000004:",), "rồi ghi 0900000004"),
    Case("phone-excel-formula", "số điện thoại", set_cell(M, 3, "phone", '="0900000004"'), (f'{M}:3:phone: ="0900000004":',), "công thức Excel"),
    Case("phone-excel-apostrophe", "số điện thoại", set_cell(M, 3, "phone", "'0900000004"), (f"{M}:3:phone: '0900000004:",), "xóa dấu đó, chỉ ghi 0900000004"),
    Case("phone-84-without-plus", "số điện thoại", set_cell(M, 3, "phone", "84900000004"), (f"{M}:3:phone: 84900000004:",), "thiếu dấu +"),
    Case("phone-0084", "số điện thoại", set_cell("teams/30.csv", 2, "public_phone", "0084 220 3852 100"), ("teams/30.csv:2:public_phone:",), "0084"),
    Case("phone-full-width", "số điện thoại", set_cell(M, 3, "zalo", "０９０１０００００４"), (f"{M}:3:zalo:",), "gõ lại bằng bàn phím: 0901000004"),
    Case("phone-two-numbers", "số điện thoại", set_cell(M, 3, "phone", "0900000004 / 0901000004"), (f"{M}:3:phone:",), "mỗi ô chỉ ghi một số"),
    Case("phone-dashes-brackets", "số điện thoại", set_cell("teams/30.csv", 2, "public_phone", "(0220) 3852-100"), accepted=True),
    # Hidden and malformed text
    Case("nfd-name", "chữ NFD, ký tự ẩn, ô quá dài", set_cell(M, 3, "full_name", NFD_NAME), (f"{M}:3:full_name:",), "NFD"),
    Case("zero-width-space", "chữ NFD, ký tự ẩn, ô quá dài", set_cell(M, 3, "full_name", "Phạm Thị\u200bDung"), (f"{M}:3:full_name:",), "U+200B"),
    Case("bidi-override", "chữ NFD, ký tự ẩn, ô quá dài", set_cell(M, 3, "full_name", "Phạm \u202eThị Dung"), (f"{M}:3:full_name:",), "U+202E"),
    Case("bell-character", "chữ NFD, ký tự ẩn, ô quá dài", set_cell("trainings.csv", 2, "venue", "Hội trường\x07 Sở"), ("trainings.csv:2:venue:",), "U+0007"),
    Case("escape-sequence", "chữ NFD, ký tự ẩn, ô quá dài", set_cell("teams/288.csv", 3, "village", "Khu \x1b[31m số 1"), ("teams/288.csv:3:village:",), "U+001B"),
    Case("tab-in-name", "chữ NFD, ký tự ẩn, ô quá dài", set_cell(M, 3, "full_name", "Phạm\tThị Dung"), (f"{M}:3:full_name:",), "Tab"),
    Case("line-break-in-name", "chữ NFD, ký tự ẩn, ô quá dài", set_cell(M, 3, "full_name", "Phạm Thị\nDung"), (f"{M}:3:full_name:",), "xuống dòng"),
    Case("trailing-space", "chữ NFD, ký tự ẩn, ô quá dài", set_cell(M, 3, "full_name", "Phạm Thị Dung "), (f"{M}:3:full_name:",), "dấu cách thừa"),
    Case("over-max-length", "chữ NFD, ký tự ẩn, ô quá dài", set_cell(M, 3, "full_name", "Phạm " * 17), (f"{M}:3:full_name:",)),
    Case("name-81-chars", "chữ NFD, ký tự ẩn, ô quá dài", set_cell(M, 3, "full_name", "A" * 81), (f"{M}:3:full_name:",), "vượt giới hạn 80"),
    Case("cell-200k-chars", "chữ NFD, ký tự ẩn, ô quá dài", set_cell("report_notes.csv", 2, "proposals", "Đề nghị " * 25_000), ("report_notes.csv:2:proposals:",), "quá giới hạn"),
    Case("cell-20k-chars-no-max-length", "chữ NFD, ký tự ẩn, ô quá dài", set_cell("teams/288.csv", 2, "public_phone", "0" * 20_000), ("teams/288.csv:2:public_phone:",), "quá giới hạn"),
    Case("line-break-in-note", "chữ NFD, ký tự ẩn, ô quá dài", set_cell("report_notes.csv", 2, "proposals", "Đề nghị:\nmột là hỗ trợ máy;\nhai là tập huấn thêm."), accepted=True),
    # Template and Markdown syntax: legal text, never evaluated (see test_hostile_site.py)
    Case("jinja-in-team-name", "Jinja, Markdown, công thức (hợp lệ, vô hại khi hiển thị)", set_cell("teams/288.csv", 3, "name", "Tổ {{ 7*7 }} khu dân cư số 1"), accepted=True),
    Case("jinja-block-in-village", "Jinja, Markdown, công thức (hợp lệ, vô hại khi hiển thị)", set_cell("teams/288.csv", 3, "village", "Khu {% raw %} số 1"), accepted=True),
    Case("markdown-link-in-venue", "Jinja, Markdown, công thức (hợp lệ, vô hại khi hiển thị)", set_cell("trainings.csv", 2, "venue", "[Hội trường](https://example.invalid/x) **Sở**"), accepted=True),
    Case("markdown-javascript-link", "HTML, JavaScript trong ô chữ", set_cell("trainings.csv", 2, "venue", "[bấm](javascript:alert(1))"), ("trainings.csv:2:venue:",), "javascript"),
    Case("formula-in-organisation", "Jinja, Markdown, công thức (hợp lệ, vô hại khi hiển thị)", set_cell(M, 3, "organisation", "=HYPERLINK(\"https://example.invalid\",\"bấm\")"), accepted=True),
    # CSV files: encodings, line endings, header
    Case("utf-16", "mã hóa, dòng, tiêu đề CSV", literal("targets-utf16.csv", "targets.csv"), ("targets.csv:0::",), "UTF-16"),
    Case("windows-1258", "mã hóa, dòng, tiêu đề CSV", literal("report_notes-cp1258.csv", "report_notes.csv"), ("report_notes.csv:2::",), "Windows-1258"),
    # UTF-8 read as Windows-1252 and saved again (valid UTF-8 bytes, broken letters): once per file
    Case("mojibake-file", "mã hóa, dòng, tiêu đề CSV", read_as_windows_1252(M), (f"{M}:2::",), "có lẽ là “"),
    Case("mojibake-cell", "mã hóa, dòng, tiêu đề CSV", set_cell(M, 3, "full_name", "Pháº¡m Thá»‹ Dung"), (f"{M}:3::",), "“Pháº¡m” có lẽ là “Phạm”"),
    Case("double-space-in-name", "chữ NFD, ký tự ẩn, ô quá dài", set_cell(M, 3, "full_name", "Phạm  Thị Dung"), (f"{M}:3:full_name:",), "hai dấu cách"),
    Case("no-break-space-in-name", "chữ NFD, ký tự ẩn, ô quá dài", set_cell(M, 3, "full_name", "Phạm\xa0Thị Dung"), (f"{M}:3:full_name:",), "dấu cách không ngắt"),
    Case("same-team-name-in-commune", "tên trùng", set_cell("teams/288.csv", 4, "name", "Tổ công nghệ số cộng đồng khu dân cư số 1"), ("teams/288.csv:4:name:",), "trùng tên với tổ TCN-10507-01"),
    Case("topic-twice", "tên trùng", set_cell("trainings.csv", 2, "topics", "chinh-sach dich-vu-cong chinh-sach"), ("trainings.csv:2:topics:",), "ghi lặp lại"),
    Case("header-pasted-again", "mã hóa, dòng, tiêu đề CSV", copy_row(M, 1), (f"{M}:",), "lặp lại dòng tiêu đề"),
    Case("question-marks-for-letters", "mã hóa, dòng, tiêu đề CSV", set_cell(M, 3, "full_name", "Ph?m Th? Dung"), (f"{M}:3:full_name: Ph?m Th? Dung:",), "dấu ? giữa chữ"),
    Case("nul-byte", "mã hóa, dòng, tiêu đề CSV", literal("members-nul.csv", "members/30.csv"), ("members/30.csv:2::",), "NUL"),
    Case("bom", "mã hóa, dòng, tiêu đề CSV", replace_bytes(M, b"id,", b"\xef\xbb\xbfid,", 1), accepted=True),
    Case("crlf", "mã hóa, dòng, tiêu đề CSV", replace_bytes(M, b"\n", b"\r\n"), accepted=True),
    Case("bom-and-crlf", "mã hóa, dòng, tiêu đề CSV", both(replace_bytes(M, b"\n", b"\r\n"), replace_bytes(M, b"id,", b"\xef\xbb\xbfid,", 1)), accepted=True),
    Case("cr-only-line-ends", "mã hóa, dòng, tiêu đề CSV", replace_bytes("targets.csv", b"\n", b"\r"), accepted=True),
    Case("bom-twice", "mã hóa, dòng, tiêu đề CSV", replace_bytes(M, b"id,", b"\xef\xbb\xbf\xef\xbb\xbfid,", 1), (f"{M}:1::",), "U+FEFF"),
    Case("lone-cr-in-row", "mã hóa, dòng, tiêu đề CSV", replace_bytes("targets.csv", b"tk-dvc,2022,100", b"tk-dvc,20\r22,100"), ("targets.csv:2::",), "CR"),
    Case("duplicate-header", "mã hóa, dòng, tiêu đề CSV", replace_bytes("targets.csv", b"year,value", b"year,year", 1), ("targets.csv:1::",), "bị lặp lại"),
    Case("control-char-in-header", "mã hóa, dòng, tiêu đề CSV", replace_bytes("targets.csv", b"team_id,", b"team_id\x07,", 1), ("targets.csv:1::",), "U+0007"),
    Case("missing-column", "mã hóa, dòng, tiêu đề CSV", replace_bytes("targets.csv", b"team_id,indicator_id,year,value", b"team_id,indicator_id,year", 1), ("targets.csv:1::",), "thiếu cột value"),
    Case("extra-cell", "mã hóa, dòng, tiêu đề CSV", add_row("targets.csv", ["TCN-10510-01", "gian-hang", "2022", "4", "thừa"]), ("targets.csv:6::",), "5 ô"),
    Case("unclosed-quote", "mã hóa, dòng, tiêu đề CSV", replace_bytes("targets.csv", b"TCN-10507-02,tk-dvc", b'"TCN-10507-02,tk-dvc', 1), ("targets.csv:",)),
    Case("empty-file", "mã hóa, dòng, tiêu đề CSV", replace_bytes("targets.csv", (MINI / "targets.csv").read_bytes(), b""), ("targets.csv:1::",), "tệp trống"),
    # YAML: package description and schemas
    Case("yaml-tab", "YAML", replace_text("datapackage.yaml", "resources:\n", "resources:\n\t- bad\n"), ("datapackage.yaml:13::",), "Tab"),
    Case("yaml-tab-in-schema", "YAML", replace_text("schemas/targets.yaml", "  - name: year", "\t- name: year"), ("schemas/targets.yaml:",), "Tab"),
    Case("yaml-duplicate-key", "YAML", replace_text("datapackage.yaml", "name: so-tay", "title: Hai lần\nname: so-tay"), ("datapackage.yaml:6::",), "bị lặp lại"),
    Case("yaml-duplicate-key-in-schema", "YAML", replace_text("schemas/members.yaml", "    type: string\n", "    type: string\n    type: integer\n"), ("schemas/members.yaml:5::",), "bị lặp lại"),
    Case("yaml-anchor-alias", "YAML", both(replace_text("schemas/targets.yaml", "constraints: {required: true}", "constraints: &req {required: true}"),
                                            replace_text("schemas/targets.yaml", "constraints: {required: true, minimum: 2020", "constraints: *req\n    x: {required: true, minimum: 2020")),
         ("schemas/targets.yaml:",), "neo"),
    Case("yaml-billion-laughs", "YAML", literal("datapackage-billion-laughs.yaml", "datapackage.yaml"), ("datapackage.yaml:2::",), "neo"),
    Case("yaml-python-object", "YAML", literal("datapackage-python-object.yaml", "datapackage.yaml"), ("datapackage.yaml:7::",), "thẻ YAML"),
    Case("yaml-python-name-in-schema", "YAML", replace_text("schemas/units.yaml", "type: string", "type: !!python/name:os.system"), ("schemas/units.yaml:",), "thẻ YAML"),
    Case("yaml-binary-tag", "YAML", replace_text("datapackage.yaml", "sample: true", "sample: !!binary aGVsbG8="), ("datapackage.yaml:7::",), "thẻ YAML"),
    Case("yaml-custom-tag", "YAML", replace_text("datapackage.yaml", "schema: schemas/units.yaml", "schema: !include schemas/units.yaml"), ("datapackage.yaml:",), "thẻ YAML"),
    Case("yaml-list-as-key", "YAML", replace_text("datapackage.yaml", "name: so-tay", "? [a, b]\n: 1\nname: so-tay"), ("datapackage.yaml:4::",), "tên khóa"),
    Case("yaml-2mb", "YAML", replace_text("datapackage.yaml", "name: so-tay", "# " + "x" * 2_000_000 + "\nname: so-tay"), ("datapackage.yaml:0::",), "quá lớn"),
    Case("yaml-not-utf8", "YAML", replace_bytes("schemas/targets.yaml", "Chỉ tiêu".encode(), "Chỉ tiêu".encode("utf-16-le"), 1), ("schemas/targets.yaml:",), "UTF-8"),
    # Package and schema structure
    Case("schema-bad-regex", "cấu trúc gói, schema", replace_text("schemas/members.yaml", 'pattern: "TV-[0-9]{6,7}"', 'pattern: "TV-[0-9"'), ("schemas/members.yaml:3:id:",), "biểu thức chính quy"),
    Case("schema-unknown-type", "cấu trúc gói, schema", replace_text("schemas/targets.yaml", "type: integer", "type: so"), ("schemas/targets.yaml:",), "kiểu dữ liệu"),
    Case("schema-enum-not-a-list", "cấu trúc gói, schema", replace_text("schemas/members.yaml", "enum: [Tổ trưởng, Tổ phó, Tổ viên]", "enum: Tổ trưởng"), ("schemas/members.yaml:",), "'enum'"),
    Case("schema-missing-field", "cấu trúc gói, schema", both(replace_text("schemas/members.yaml", "  - name: organisation", "  - name: don_vi"),
                                                                   replace_bytes("members/288.csv", b",organisation,", b",don_vi,", 1),
                                                                   replace_bytes("members/30.csv", b",organisation,", b",don_vi,", 1)),
         ("schemas/members.yaml:0:organisation:",), "thiếu trường"),
    Case("schema-fk-to-missing-table", "cấu trúc gói, schema", replace_text("schemas/members.yaml", "resource: teams", "resource: to"), ("schemas/members.yaml:",), "không có trong"),
    Case("package-missing-table", "cấu trúc gói, schema", replace_text("datapackage.yaml", "  - name: platforms", "  - name: nen_tang"), ("datapackage.yaml:0:platforms:",), "thiếu bảng"),
    Case("package-duplicate-table", "cấu trúc gói, schema", replace_text("datapackage.yaml", "  - name: organisations", "  - name: units"), ("datapackage.yaml:31:units:",), "hai lần"),
    Case("path-traversal", "cấu trúc gói, schema", replace_text("datapackage.yaml", "path: units.csv", "path: ../../../../../../etc/passwd"), ("datapackage.yaml:21:units: ../../../../../../etc/passwd:",), "đường dẫn"),
    Case("absolute-path", "cấu trúc gói, schema", replace_text("datapackage.yaml", "path: units.csv", "path: /etc/passwd"), ("datapackage.yaml:21:units: /etc/passwd:",), "đường dẫn"),
    Case("schema-outside-package", "cấu trúc gói, schema", replace_text("datapackage.yaml", "schema: schemas/units.yaml", "schema: ../../etc/hostname"), ("datapackage.yaml:20:units:",), "đường dẫn"),
    Case("quote-in-file-name", "cấu trúc gói, schema", replace_text("datapackage.yaml", "path: units.csv", "path: 'units\".csv'"), ("datapackage.yaml:21:units:",), "đường dẫn"),
    Case("symlink-to-dev-zero", "cấu trúc gói, schema", lambda root: ((root / "targets.csv").unlink(), (root / "targets.csv").symlink_to("/dev/zero")),
         ("datapackage.yaml:115:targets: targets.csv:",), "đường dẫn"),
    Case("symlink-outside-package", "cấu trúc gói, schema", lambda root: ((root / "schemas/units.yaml").unlink(), (root / "schemas/units.yaml").symlink_to("/etc/passwd")),
         ("datapackage.yaml:20:units: schemas/units.yaml:",), "đường dẫn"),
    Case("undeclared-file", "cấu trúc gói, schema", lambda root: shutil.copyfile(root / "reports/2022-08.csv", root / "reports/2022-09.csv"),
         ("reports/2022-09.csv:0::",), "chưa được khai báo"),
]


def all_cases() -> list[Case]:
    return [*CASES, *foreign_key_cases(), *html_cases()]
