"""Phone numbers and e-mail addresses written into text that gets published: a note, a trainer's name, a
guide. Consent is recorded per member for the contact columns only, so a number typed into a note would
reach every page, the search index and the printed handouts without anyone having agreed."""
from __future__ import annotations

import re
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
# Nine digits or more, maybe grouped: only such text is worth the matcher (about 50 µs a cell).
_DIGITS = re.compile(r"[0-9０-９](?:[\s.\-()/]*[0-9０-９]){8}")
_EMAIL = re.compile(r"[A-Za-z0-9_%+.-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}")


@dataclass(frozen=True)
class Found:
    start: int  # offset in the text
    shown: str  # a number grouped for reading (0912 345 678), an address as written
    key: str  # +84… for a phone, lower case for an e-mail


def found_in(text: str) -> Iterator[Found]:
    """The phone numbers (not service lines) and e-mail addresses written in text."""
    if _DIGITS.search(text):
        for match in PhoneNumberMatcher(text, "VN", leniency=Leniency.VALID):
            if phonenumbers.number_type(match.number) not in SERVICE:
                yield Found(match.start, phonenumbers.format_number(match.number, PhoneNumberFormat.NATIONAL),
                            phonenumbers.format_number(match.number, PhoneNumberFormat.E164))
    if "@" in text:
        for match in _EMAIL.finditer(text):
            yield Found(match.start(), match.group(), match.group().lower())


@dataclass
class Known:
    public: set[str]  # numbers and addresses published with consent (a team's shared number too)
    private: dict[str, dict]  # the others of the members table -> the member's row

    @classmethod
    def of(cls, tables: Tables) -> "Known":
        public: set[str] = {phones.e164(row["public_phone"]) for row in tables.get("teams") or [] if row.get("public_phone")}
        private: dict[str, dict] = {}
        for row in tables.get("members") or []:
            keys = [phones.e164(row[c]) for c in ("phone", "zalo") if row.get(c)] + ([row["email"].lower()] if row.get("email") else [])
            for key in filter(None, keys):
                if row.get("consent"):
                    public.add(key)
                else:
                    private.setdefault(key, row)
        return cls(public, {k: v for k, v in private.items() if k not in public})


def free_text_columns(ctx: Context) -> dict[str, list[str]]:
    """Per table, the text columns an editor writes freely: not keys, lists of choices, patterns or the
    contact columns themselves (their own rules and consent cover them)."""
    columns: dict[str, list[str]] = {}
    for name, resource in ctx.package.resources.items():
        keys = set(resource.primary_key) | {f for fk in resource.foreign_keys for f in fk.fields}
        keys |= set(CONTACT_COLUMNS.get(name, ()))
        names = [f.name for f in resource.fields
                 if f.type == "string" and f.name not in keys and not {"enum", "pattern"} & set(f.constraints)]
        if names:
            columns[name] = names
    return columns


def _message(found: Found, known: Known) -> str | None:
    """Why found may not be published, or None when it may."""
    if found.key in known.public:
        return None
    what = "số điện thoại" if found.key.startswith("+") else "địa chỉ thư điện tử"
    member = known.private.get(found.key)
    if member is not None:
        return (f"có {what} {found.shown} của {member['full_name']} ({member['_file']} dòng {member['_line']}), người chưa đồng ý "
                "công khai: xóa khỏi ô này, vì mọi chữ trong ô được đăng lên trang")
    return (f"có {what} {found.shown} chưa được công khai (không phải của thành viên đồng ý công khai, không phải số chung "
            "của tổ): xóa khỏi ô này, vì mọi chữ trong ô được đăng lên trang; người cần liên hệ tra ở Danh bạ")


def contacts_in_text(ctx: Context) -> Iterator[Problem]:
    """Rule: a free-text cell holds no phone number or e-mail address that is not already public."""
    known = Known.of(ctx.tables)
    for table, columns in free_text_columns(ctx).items():
        for row in ctx.rows(table):
            for column in columns:
                text = row.get(column)
                if not isinstance(text, str):
                    continue
                for found in found_in(text):
                    message = _message(found, known)
                    if message:
                        yield ctx.at(table, row, column, text, message)


def check_markdown(docs_dir: Path, tables: Tables) -> list[Problem]:
    """Authored pages (guides, posts, any docs/**/*.md) holding a member's number or address that the member
    did not agree to publish. Other numbers stay allowed there: guides show hotlines and example numbers."""
    known = Known.of(tables)
    if not known.private:
        return []
    docs = Path(docs_dir)
    problems: list[Problem] = []
    for path in sorted(docs.rglob("*.md")) if docs.is_dir() else []:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            continue  # the guides' and posts' own checks report an unreadable page
        name = f"{docs.name}/{path.relative_to(docs).as_posix()}"  # as the guides' own problems name it
        for number, line in enumerate(lines, start=1):
            for found in found_in(line):
                member = known.private.get(found.key)
                if member is not None:
                    problems.append(Problem(name, number, found.start + 1, "", found.shown,
                                            f"có số điện thoại hoặc thư điện tử của {member['full_name']} ({member['_file']} dòng "
                                            f"{member['_line']}), người chưa đồng ý công khai: xóa khỏi trang"))
    return sorted(problems)
