"""Who to contact for a team, relative links and edit paths: shared by unit, team and directory pages."""
from __future__ import annotations

import weakref
from dataclasses import dataclass
from pathlib import PurePosixPath

from markupsafe import Markup

from ..analytics.units import is_active
from ..model import Model, Team, Unit
from ..text import in_sentence
from .render import environment


@dataclass(frozen=True)
class Fallback:
    """Whom to call about a member who did not agree to publish a number."""

    label: str  # "tổ trưởng Nguyễn Văn An", "số chung của tổ", "tổ chỉ đạo Xã …"
    phone: str | None  # canonical number, or None when no public number is known


def steering_group(model: Model, unit: Unit) -> Team | None:
    """The active steering group of a unit, if it has one."""
    return next((t for t in unit.teams if t.kind != "village_team" and is_active(t, model)), None)


_fallbacks: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def fallback(model: Model, team: Team) -> Fallback:
    """Whom to call about a member whose number is private: the team leader if consented, else the team's
    own public number, else the first other member who consented (a deputy before the others), else the
    commune office's line the team gives as its number, else the nearest steering group's public number.
    Worked out once per team and model: the unit, team, directory and progress pages all ask."""
    known = _fallbacks.setdefault(model, {})
    found = known.get(team.id)
    if found is None:
        found = known[team.id] = _fallback(model, team)
    return found


def _fallback(model: Model, team: Team) -> Fallback:
    leader = team.leader
    if leader is not None and leader.phone:
        return Fallback(f"tổ trưởng {leader.full_name}", leader.phone)
    owner = shared_with(model, team) if team.public_phone else None
    if team.public_phone and owner is None:
        return Fallback("số chung của tổ", team.public_phone)
    # Members come leader, deputies, then the others: the first with a public number is in the village,
    # where a district office line is not (89 of the 92 demo teams sent there had one), and a commune
    # office's line answers in office hours only (a review: Thôn Văn Xá sent residents there, past its deputy).
    member = next((m for m in team.current_members if m.phone), None)
    if member is not None:
        return Fallback(f"{member.role[:1].lower()}{member.role[1:]} {member.full_name}", member.phone)
    if owner is not None:
        return Fallback(f"số chung của {steering_label(owner)}", team.public_phone)
    group = nearest_steering(model, [team.unit, *reversed(team.unit.ancestors)], but=team)
    if group is not None:
        return Fallback(steering_label(group), group.public_phone)
    return Fallback(f"Ủy ban nhân dân {in_sentence(team.unit.name)}", None)


def _digits(number: str) -> str:
    return "".join(c for c in number if c.isdigit())


_owners: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def shared_with(model: Model, team: Team) -> Team | None:
    """The steering group whose public number a village team gives as its own (a commune office's line,
    171 of the demo's 1,340 village teams), or None when the number is the team's: "Số chung của tổ" had
    read as the village's own line, and three teams' vCards stored the office under three names.
    Worked out once per team and model: the unit, team, directory and vCard pages all ask."""
    known = _owners.setdefault(model, {})
    if team.id not in known:
        known[team.id] = _owner(model, team)
    return known[team.id]


def _owner(model: Model, team: Team) -> Team | None:
    if team.kind != "village_team" or not team.public_phone:
        return None
    number = _digits(team.public_phone)
    for unit in [team.unit, *reversed(team.unit.ancestors)]:
        group = steering_group(model, unit)
        if group is not None and group.public_phone and _digits(group.public_phone) == number:
            return group
    return None


def steering_label(group: Team) -> str:
    """How pages name a steering group in running text: "tổ chỉ đạo xã Ngọc Liên"."""
    return f"tổ chỉ đạo {in_sentence(group.unit.name)}"


def nearest_steering(model: Model, units: list[Unit], but: Team | None = None) -> Team | None:
    """The first of units' active steering groups (other than but) with a public number."""
    for unit in units:
        group = steering_group(model, unit)
        if group is not None and group is not but and group.public_phone:
            return group
    return None


def root(url: str) -> str:
    """Relative path from a page at url (e.g. 'don-vi/a/b/') back to the site root."""
    return "../" * url.count("/")


def members_file(model: Model, team: Team) -> str:
    """The data file holding a team's members (members/<district>.csv beside teams/<district>.csv)."""
    candidate = f"members/{PurePosixPath(team.source).name}"
    return candidate if candidate in model.files.get("members", []) else team.source


def vcard_path(team: Team) -> str:
    """Site path of a team's vCard file."""
    return f"{team.url}{team.id.lower()}.vcf"


_tables: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def people_table(model: Model, team: Team) -> Markup:
    """The team's member table, the same on its unit page and on its own page: rendered for the first of
    the two, kept until the second takes it (13,500 tables at --scale 10 need not all stay in memory)."""
    tables = _tables.setdefault(model, {})
    table = tables.pop(team.id, None)
    if table is None:
        people = environment().get_template("_people.html").module.people  # the macro the templates call
        table = tables[team.id] = Markup(people(team.current_members, fallback(model, team)))
    return table
