"""vCard (.vcf) files: a team's consented contacts, ready to import into a phone.

vCard 3.0 (RFC 2426) written line by line: vobject's value escaping and order (VERSION, then properties
by name) and its line folding, never inside a UTF-8 sequence, but at 75 bytes for every line (vobject
leaves lines under 75 characters whole, though in Vietnamese they run to 105 bytes). Building and
serializing vobject component trees cost ~0.2 ms a card (1.7 s for the demo's 7,000 cards); unfolded,
the text is vobject's byte for byte, which tests/test_units.py checks, and vobject reads it back.
"""
from __future__ import annotations

import io
from functools import cache
from typing import TYPE_CHECKING

from .. import phones
from ..constants import KIND_LABEL
from ..slugs import slugify
from ..text import in_sentence
from ..model import Member, Team

if TYPE_CHECKING:
    from .contacts import Fallback


def _names(full_name: str) -> tuple[str, str, str]:
    """(family, given, middle) of a Vietnamese name: 'Nguyễn Thị Yến' -> ('Nguyễn', 'Yến', 'Thị')."""
    parts = full_name.split()
    if len(parts) < 2:
        return "", full_name, ""
    return parts[0], parts[-1], " ".join(parts[1:-1])


def _fold(out: io.StringIO, line: str) -> None:
    """vobject.base.foldOneLine without its per-character encoding, and counting bytes where vobject
    counts characters before it folds (its lines of Vietnamese ran to 105 bytes): a line is cut before
    the byte that would make a physical line longer than 75 bytes (RFC 6350 3.2); continuations start
    with a space."""
    if len(line) <= 75 and (line.isascii() or len(line.encode("utf-8")) <= 75):
        out.write(line + "\r\n")
        return
    start = count = 0
    for i, ch in enumerate(line):
        code = ord(ch)
        size = 1 if code < 0x80 else 2 if code < 0x800 else 3 if code < 0x10000 else 4
        if count + size > 75:
            out.write(line[start:i] + "\r\n ")
            start, count = i, 1
        count += size
    out.write(line[start:] + "\r\n")


@cache
def _escaper():
    """vobject's value escaping, imported when the first card is written: pages link vCards (render imports
    this module) in a process that may never write one (the files are made by the background job)."""
    from vobject.base import backslashEscape
    return backslashEscape


def _card(out: io.StringIO, team: Team, full_name: str, names: tuple[str, str, str], note: str,
          props: list[tuple[str, str]]) -> None:
    """One card; ``props`` are the other (name with parameters, text value) pairs."""
    backslashEscape = _escaper()
    lines = [
        ("FN", backslashEscape(full_name)),
        # structured values: each part escaped on its own, parts joined by ";"
        ("N", ";".join(backslashEscape(part) for part in (*names, "", ""))),  # family;given;additional;prefix;suffix
        ("NOTE", backslashEscape(note)),
        ("ORG", ";".join(backslashEscape(part) for part in (team.name, team.unit.name))),
        *((name, backslashEscape(value)) for name, value in props),
    ]
    lines.sort(key=lambda line: line[0].split(";", 1)[0])  # vobject's order: by property name, stable
    _fold(out, "BEGIN:VCARD")
    _fold(out, "VERSION:3.0")
    for name, value in lines:
        _fold(out, f"{name}:{value}")
    _fold(out, "END:VCARD")


def publishes_card(member: Member) -> bool:
    """Whether the member has a card in the team's vCard: consented and with a contact to publish."""
    return member.consent and member.has_contact


def _member_card(out: io.StringIO, member: Member) -> None:
    team = member.team
    note = member.role + (f", {member.organisation}" if member.organisation else "")
    note += f" — {team.name}, {team.unit.name}"
    if member.zalo_display:  # a second mobile number: phones show it unlabelled, so the note says what it is for
        note += f" — Zalo: {member.zalo_display}"
    props: list[tuple[str, str]] = [("TITLE", member.role)]
    if member.phone:
        props.append(("TEL;TYPE=CELL" if member.phone_is_mobile else "TEL;TYPE=WORK", phones.e164(member.phone)))
    if member.zalo_display:
        props.append(("TEL;TYPE=CELL", phones.e164(member.zalo)))
    if member.email:
        props.append(("EMAIL;TYPE=INTERNET", member.email))
    _card(out, team, member.full_name, _names(member.full_name), note, props)


def _with_stand_in(team: Team, stand_in: Fallback | None) -> bool:
    """Whether the team's vCard also holds the stand-in's number: the number its pages give for members
    who did not agree to publish theirs (or for the team, when nobody did), unless the file has it already."""
    if stand_in is None or not stand_in.phone:
        return False
    members = team.current_members
    if members and all(publishes_card(m) for m in members):  # nobody to stand in for
        return False
    present = {phones.e164(n) for n in [team.public_phone, *(m.phone for m in members if publishes_card(m))] if n}
    return phones.e164(stand_in.phone) not in present


def stand_in_label(team: Team, stand_in: Fallback | None) -> str:
    """Whose number the team's vCard holds besides the team's ("tổ chỉ đạo Xã Cẩm Phúc"), or "": a link
    that said "1 contact of the team" gave only the commune office's card."""
    return stand_in.label if _with_stand_in(team, stand_in) else ""


def card_count(team: Team, stand_in: Fallback | None = None) -> int:
    """Cards in the team's vCard: the team's public number, each member with a published contact, and the
    stand-in's public number (a steering group's) where _with_stand_in says so. 0: no vCard."""
    own = (1 if team.public_phone else 0) + sum(1 for m in team.current_members if publishes_card(m))
    return own + (1 if _with_stand_in(team, stand_in) else 0)


def shared_card_name(team: Team) -> str:
    """The name of the card for the team's shared number, short enough for a phone's contact list to show
    where it is: "Tổ chỉ đạo xã Ngọc Liên", "Tổ công nghệ số thôn La Xá (xã Ngọc Liên)". The official
    names ("Tổ chỉ đạo triển khai công nghệ số cộng đồng xã …", 57 characters) were cut before the commune,
    every steering group's card alike (a review); the card's ORG keeps the official name."""
    if team.kind != "village_team":
        return f"Tổ chỉ đạo {in_sentence(team.unit.name)}"  # as contacts.steering_label, capitalised for a name
    if team.village:
        return f"Tổ công nghệ số {in_sentence(team.village)} ({in_sentence(team.unit.name)})"
    return f"{team.name} ({in_sentence(team.unit.name)})"


def download_name(team: Team) -> str:
    """The file name a phone saves a team's vCard under: "thon-la-xa-xa-ngoc-lien.vcf", not its id's
    "tcn-10903-05.vcf", which says nothing in a downloads folder."""
    what = team.village if team.kind == "village_team" and team.village else "Tổ chỉ đạo"
    return f"{slugify(f'{what} {team.unit.name}')}.vcf"


def team_vcard(team: Team, stand_in: Fallback | None = None, owner: Team | None = None) -> str:
    """Every consented current member of the team, plus the team's public number, as one .vcf text; and
    the number the team's pages give for the others (``stand_in``), so the file is never empty for them.
    ``owner``: the steering group whose number the team's public number is (contacts.shared_with): the
    card is that group's, so that the teams sharing it do not save one office line under three names."""
    out = io.StringIO()
    if team.public_phone and owner is not None:
        _card(out, owner, shared_card_name(owner), ("", owner.name, ""),
              f"Số chung của tổ chỉ đạo {in_sentence(owner.unit.name)}, cũng là số liên hệ của {team.name[:1].lower()}{team.name[1:]}",
              [("TEL;TYPE=WORK", phones.e164(team.public_phone))])
    elif team.public_phone:
        _card(out, team, shared_card_name(team), ("", team.name, ""),
              f"Số chung của {KIND_LABEL.get(team.kind, 'tổ').lower()}, {team.unit.name}",
              [("TEL;TYPE=WORK", phones.e164(team.public_phone))])
    for member in team.current_members:
        if publishes_card(member):
            _member_card(out, member)
    if _with_stand_in(team, stand_in):
        name = stand_in.label[:1].upper() + stand_in.label[1:]  # "Tổ chỉ đạo Xã Cẩm Phúc"
        _card(out, team, name, ("", name, ""),
              f"Số chung của {stand_in.label}, để liên hệ {team.name} về thành viên chưa công khai số",
              [("TEL;TYPE=WORK", phones.e164(stand_in.phone))])
    return out.getvalue()
