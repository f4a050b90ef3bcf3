"""vCard (.vcf) files: a team's consented contacts, ready to import into a phone."""
from __future__ import annotations

import vobject

from .. import phones
from ..constants import KIND_LABEL
from ..model import Member, Team


def _names(full_name: str) -> tuple[str, str, str]:
    """(family, given, middle) of a Vietnamese name: 'Nguyễn Thị Yến' -> ('Nguyễn', 'Yến', 'Thị')."""
    parts = full_name.split()
    if len(parts) < 2:
        return "", full_name, ""
    return parts[0], parts[-1], " ".join(parts[1:-1])


def _card(team: Team, full_name: str, family: str, given: str, middle: str, note: str) -> vobject.base.Component:
    card = vobject.vCard()
    card.add("fn").value = full_name
    card.add("n").value = vobject.vcard.Name(family=family, given=given, additional=middle)
    card.add("org").value = [team.name, team.unit.name]
    card.add("note").value = note
    return card


def _add_tel(card, number: str) -> None:
    tel = card.add("tel")
    tel.value = phones.e164(number)
    tel.type_param = "CELL"


def member_card(member: Member) -> vobject.base.Component | None:
    """A card for a member with a published contact; None when there is nothing to publish."""
    if not member.consent or not member.has_contact:
        return None
    team = member.team
    note = member.role + (f", {member.organisation}" if member.organisation else "")
    note += f" — {team.name}, {team.unit.name}"
    card = _card(team, member.full_name, *_names(member.full_name), note)
    card.add("title").value = member.role
    if member.phone:
        _add_tel(card, member.phone)
    if member.zalo and phones.e164(member.zalo) != phones.e164(member.phone or ""):
        _add_tel(card, member.zalo)
    if member.email:
        email = card.add("email")
        email.value = member.email
        email.type_param = "INTERNET"
    return card


def team_vcard(team: Team) -> str:
    """Every consented current member of the team, plus the team's public number, as one .vcf text."""
    cards = []
    if team.public_phone:
        card = _card(team, f"{team.name} ({team.unit.name})", "", team.name, "",
                     f"Số chung của {KIND_LABEL.get(team.kind, 'tổ').lower()}, {team.unit.name}")
        card.add("tel").value = phones.e164(team.public_phone)
        card.tel.type_param = "WORK"
        cards.append(card)
    cards += [c for c in map(member_card, team.current_members) if c is not None]
    return "".join(card.serialize() for card in cards)
