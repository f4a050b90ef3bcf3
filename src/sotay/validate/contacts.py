"""Phone numbers and e-mail addresses written into text that gets published: a note, a trainer's name, a
guide. Consent is recorded per member for the contact columns only, so a number typed into a note would
reach every page, the search index and the printed handouts without anyone having agreed."""
from __future__ import annotations

import html
import re
import unicodedata
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import phonenumbers
from phonenumbers import Leniency, PhoneNumberFormat, PhoneNumberMatcher, PhoneNumberType

from .. import phones
from ..errors import Problem
from .context import Context, Tables

CONTACT_COLUMNS = {"members": ("phone", "zalo", "email"), "teams": ("public_phone",)}
# Service lines (1800 free, 1900 paid) belong to businesses and public services, not to a person.
SERVICE = {PhoneNumberType.TOLL_FREE, PhoneNumberType.PREMIUM_RATE, PhoneNumberType.SHARED_COST, PhoneNumberType.UAN}
# Digits with at most three other characters between them, letters excepted: "0900–000–005",
# "0900\n000\n005", "sđt0900000005" (letters may touch the run, not split it).
_RUN = re.compile(r"\d(?:[^\w]{0,3}\d|_{1,3}\d)*")
# A number written with its leading 0, +84 or 0084: "2.100.000.000 đồng" is money, not 0210 0000 000.
_DIALLED = re.compile(r"[(\s]*(?:0|\+)")
# What a cell needs to hold anything above: nine digits close together, or an @ in any form.
_CANDIDATE = re.compile(r"\d(?:\D{0,3}\d){8}|[@＠]|&#|%40")
_EMAIL = re.compile(r"(?<![\w.%+-])[A-Za-z0-9_%+.-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}")


@dataclass(frozen=True)
class Found:
    start: int  # offset in the (normalised) text
    shown: str  # a number grouped for reading (0912 345 678), an address as written
    key: str  # +84… for a phone, lower case for an e-mail

    @property
    def what(self) -> str:
        return "số điện thoại" if self.key.startswith("+") else "địa chỉ thư điện tử"


def normalised(text: str) -> str:
    """Full-width digits and @ as ASCII (NFKC); HTML entities and %-escapes of Markdown read as shown."""
    if "&" in text:
        text = html.unescape(text)
    if "%" in text:
        text = urllib.parse.unquote(text)
    return unicodedata.normalize("NFKC", text)


def _runs(text: str) -> list[tuple[int, str]]:
    """Where each run of digits long enough for a number starts, and its digits."""
    runs = ((run.start(), re.sub(r"\D", "", run.group())) for run in _RUN.finditer(text))
    return [(start, digits) for start, digits in runs if len(digits) >= 9]


def _known_numbers(runs: list[tuple[int, str]], numbers: dict[str, str]) -> Iterator[Found]:
    """The numbers of ``numbers`` (national significant digits -> +84…) inside runs of digits, however
    they are separated or glued to words: each such number is known, so no guessing is needed."""
    for start, digits in runs:
        for size in (9, 10):  # mobiles 9 significant digits, landlines 10
            for at in range(len(digits) - size + 1):
                key = numbers.get(digits[at:at + size])
                if key is not None:
                    yield Found(start, phones.national("0" + digits[at:at + size]), key)


def _other_numbers(text: str) -> Iterator[Found]:
    """Valid Vietnamese numbers nobody listed, as phonenumbers finds them (also glued to letters)."""
    for match in PhoneNumberMatcher(text, "VN", leniency=Leniency.POSSIBLE):
        number = match.number
        if (_DIALLED.match(match.raw_string) and phonenumbers.is_valid_number(number) and number.country_code == 84
                and phonenumbers.number_type(number) not in SERVICE):
            yield Found(match.start, phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL),
                        phonenumbers.format_number(number, PhoneNumberFormat.E164))


def found_in(text: str, numbers: dict[str, str] | None = None) -> list[Found]:
    """The phone numbers (not service lines) and e-mail addresses in text (normalised), each once."""
    found: dict[str, Found] = {}
    runs = _runs(text)
    if runs:  # no run of nine digits, no number: the matcher costs about 50 µs a cell
        for item in [*_known_numbers(runs, numbers or {}), *_other_numbers(text)]:
            found.setdefault(item.key, item)
    if "@" in text:
        for match in _EMAIL.finditer(text):
            found.setdefault(match.group().lower(), Found(match.start(), match.group(), match.group().lower()))
    return sorted(found.values(), key=lambda f: f.start)


@dataclass
class Known:
    public: set[str]  # numbers (+84…) and addresses on the pages: a current member's who agreed, a team's
    private: dict[str, dict]  # the members table's others -> the member's row
    numbers: dict[str, str]  # national significant digits of every listed number -> +84…

    @classmethod
    def of(cls, tables: Tables) -> "Known":
        public: set[str] = {phones.e164(row["public_phone"]) for row in tables.get("teams") or [] if row.get("public_phone")}
        private: dict[str, dict] = {}
        for row in tables.get("members") or []:
            keys = [phones.e164(row[c]) for c in ("phone", "zalo") if row.get(c)] + ([row["email"].lower()] if row.get("email") else [])
            for key in filter(None, keys):
                if row.get("consent") and row.get("until") is None:  # the pages list current members only
                    public.add(key)
                else:
                    private.setdefault(key, row)
        private = {k: v for k, v in private.items() if k not in public}
        numbers = {key[3:]: key for key in [*public, *private] if key.startswith("+84")}
        return cls(public, private, numbers)

    def why(self, found: Found) -> str | None:
        """Why found may not be published, or None when it may."""
        if found.key in self.public:
            return None
        member = self.private.get(found.key)
        if member is None:
            column = "phone" if found.key.startswith("+") else "email"
            shared = " hoặc cột public_phone của tổ nếu là số chung" if column == "phone" else ""
            return (f"có {found.what} {found.shown} chưa được công khai: mọi chữ trong ô được đăng lên trang, nên xóa đi; "
                    f"nếu chủ {'số' if column == 'phone' else 'địa chỉ'} đồng ý công khai, ghi vào cột {column} của "
                    f"người đó (consent: có) trong tệp members{shared}")
        return f"có {found.what} {found.shown} của {_whose(member)}: xóa khỏi ô này, vì mọi chữ trong ô được đăng lên trang"

    def in_cell(self, text: str) -> Iterator[str]:
        if not _CANDIDATE.search(text):  # nearly every cell: one search instead of the finders (~24,000 cells)
            return
        for found in found_in(normalised(text), self.numbers):
            message = self.why(found)
            if message:
                yield message


def _whose(member: dict) -> str:
    """"Đỗ Văn Đức (members/288.csv dòng 4), người chưa đồng ý công khai", or one who has left."""
    where = f"{member['full_name']} ({member['_file']} dòng {member['_line']})"
    if member.get("consent"):
        return f"{where}, người đã thôi tham gia tổ nên số không còn được đăng"
    return f"{where}, người chưa đồng ý công khai"


def free_text_columns(ctx: Context) -> dict[str, list[str]]:
    """Per table, the text columns that get published: not keys, lists of choices or the contact columns
    themselves (their own rules and consent cover them). A column with a pattern (an address) counts."""
    columns: dict[str, list[str]] = {}
    for name, resource in ctx.package.resources.items():
        keys = set(resource.primary_key) | {f for fk in resource.foreign_keys for f in fk.fields}
        keys |= set(CONTACT_COLUMNS.get(name, ()))
        names = [f.name for f in resource.fields if f.type == "string" and f.name not in keys and "enum" not in f.constraints]
        if names:
            columns[name] = names
    return columns


def contacts_in_text(ctx: Context) -> Iterator[Problem]:
    """Rule: a free-text cell holds no phone number or e-mail address that is not already public."""
    known = Known.of(ctx.tables)
    for table, columns in free_text_columns(ctx).items():
        for row in ctx.rows(table):
            for column in columns:
                text = row.get(column)
                if isinstance(text, str):
                    for message in known.in_cell(text):
                        yield ctx.at(table, row, column, text, message)


def _contact_keys(row: dict, columns: tuple[str, ...]) -> Iterator[tuple[str, str]]:
    """(column, key) of a row's contacts: +84… for a number, lower case for an address."""
    for column in columns:
        value = row.get(column)
        if value:
            key = value.lower() if column == "email" else phones.e164(value)
            if key:
                yield column, key


def withheld_contacts_published(ctx: Context) -> Iterator[Problem]:
    """Rule: a contact that gets published (a team's shared number; the number, Zalo or address of a current
    member who agreed) is no contact of a member who did not agree: publishing it would publish theirs.
    The same person on two rows (a steering group and a village team) must say the same on both; a row of
    someone who left and came back under the same name is theirs. A landline two rows give is an office's."""
    withheld: dict[str, list[dict]] = {}
    for row in ctx.rows("members"):
        if not row.get("consent"):
            for column, key in _contact_keys(row, CONTACT_COLUMNS["members"]):
                if column == "email" or phones.is_mobile(row[column]):
                    withheld.setdefault(key, []).append(row)
    if not withheld:
        return
    published = [("teams", row, column, key) for row in ctx.rows("teams")
                 for column, key in _contact_keys(row, CONTACT_COLUMNS["teams"])]
    published += [("members", row, column, key) for row in ctx.rows("members") if row.get("consent") and row.get("until") is None
                  for column, key in _contact_keys(row, CONTACT_COLUMNS["members"])]
    for table, row, column, key in published:
        others = [o for o in withheld.get(key, ())
                  if o["until"] is None or table == "teams" or o["full_name"] != row["full_name"]]
        if not others:
            continue
        other = others[0]
        what = "thư điện tử" if column == "email" else "số"
        if table == "teams":
            advice = (": số chung của tổ được đăng lên trang, nên chỉ ghi số của người đã đồng ý công khai (consent: có), "
                      "số máy bàn của cơ quan hoặc để trống")
        else:
            advice = (f"; ở dòng này {what} lại được đăng lên trang: nếu là cùng một người, ghi consent giống nhau ở mọi dòng "
                      f"của người đó; nếu không, kiểm tra lại {what}")
        yield ctx.at(table, row, column, row[column], f"{what} này cũng là {what} của {_whose(other)}{advice}",
                     also=tuple((o["_file"], o["_line"]) for o in others))


def check_markdown(docs_dir: Path, tables: Tables) -> list[Problem]:
    """Authored pages (guides, posts, any docs/**/*.md) holding a member's number or address that is not
    on the pages. Other numbers stay allowed there: guides show hotlines and example numbers."""
    known = Known.of(tables)
    if not known.private:
        return []
    docs = Path(docs_dir)
    problems: list[Problem] = []
    for path in sorted(docs.rglob("*.md")) if docs.is_dir() else []:
        try:
            text = normalised(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            continue  # the guides' and posts' own checks report an unreadable page
        name = f"{docs.name}/{path.relative_to(docs).as_posix()}"  # as the guides' own problems name it
        # The whole page at once: a number wrapped over two lines is shown on one.
        for found in found_in(text, known.numbers):
            member = known.private.get(found.key)
            if member is not None:
                line = text.count("\n", 0, found.start) + 1
                column = found.start - (text.rfind("\n", 0, found.start) + 1) + 1
                problems.append(Problem(name, line, column, "", found.shown,
                                        f"có {found.what} của {_whose(member)}: xóa khỏi trang"))
    return sorted(problems)
