"""Typed, indexed model built once from validated tables. Contact details of members who did not
consent are dropped here, so no page, file or index built from the model can publish them."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from sys import intern  # ids: one string object each, shared by rows and the dictionaries that look them up

from . import phones
from .constants import ROLE_ORDER
from .text import person_sort_key, sort_key


@dataclass(eq=False, repr=False, slots=True)  # slots: less memory, quicker reads (--scale 10: 13,500 teams, 88,000 members)
class Unit:
    id: str
    code: str
    name: str
    type: str
    level: str
    parent_id: str | None
    slug: str
    valid_from: dt.date | None
    valid_to: dt.date | None
    source: str
    parent: Unit | None = None
    children: list[Unit] = field(default_factory=list)
    teams: list[Team] = field(default_factory=list)
    successors: list[Succession] = field(default_factory=list)  # where the unit went when it ended
    predecessors: list[Succession] = field(default_factory=list)  # the older units it was formed from

    @property
    def url(self) -> str:
        """Site path of the unit page, built from slugs so a renamed unit keeps its address. Units of a
        later reform live under don-vi/<year>/, so the 2022 addresses never change."""
        if self.parent is None:
            return "don-vi/" if self.valid_from is None else f"don-vi/{self.valid_from.year}/"
        return f"{self.parent.url}{self.slug}/"

    @property
    def ancestors(self) -> list[Unit]:
        chain, unit = [], self.parent
        while unit is not None:
            chain.append(unit)
            unit = unit.parent
        return chain[::-1]

    @property
    def district(self) -> Unit | None:
        return next((u for u in [*self.ancestors, self] if u.level == "district"), None)

    def active_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)


@dataclass(eq=False, repr=False)
class Succession:
    """One row of the crosswalk: from ``changed_on`` the old unit (or, when partial, a part of it) is
    part of the new unit; ``interim_*`` is an earlier step (a merger on 01/01/2025) if there was one."""
    old: Unit
    new: Unit
    changed_on: dt.date
    partial: bool
    interim_name: str | None
    interim_on: dt.date | None


@dataclass(eq=False, repr=False, slots=True)  # slots: less memory, quicker reads (--scale 10: 13,500 teams, 88,000 members)
class Member:
    id: str
    team: Team
    full_name: str
    role: str
    organisation: str | None
    consent: bool
    since: dt.date
    until: dt.date | None
    # Present only when consent is recorded; None otherwise.
    phone: str | None = None
    zalo: str | None = None
    email: str | None = None

    @property
    def has_contact(self) -> bool:
        return bool(self.phone or self.zalo or self.email)

    @property
    def phone_display(self) -> str:
        return phones.national(self.phone) if self.phone else ""

    @property
    def phone_link(self) -> str:
        return phones.e164(self.phone) if self.phone else ""

    @property
    def phone_is_mobile(self) -> bool:
        """A landline (an office number) takes calls only: no text message, no Zalo."""
        return bool(self.phone) and phones.is_mobile(self.phone)

    @property
    def zalo_digits(self) -> str:
        if not self.consent:
            return ""
        if self.zalo:
            return phones.digits_national(self.zalo)
        return phones.digits_national(self.phone) if self.phone_is_mobile else ""  # a landline has no Zalo

    @property
    def zalo_display(self) -> str:
        """The Zalo number grouped for reading, when it is not the phone number shown next to it."""
        if not self.zalo or not self.consent:
            return ""
        own = phones.digits_national(self.zalo)
        return "" if self.phone and own == phones.digits_national(self.phone) else phones.national(self.zalo)


@dataclass(eq=False, repr=False, slots=True)  # slots: less memory, quicker reads (--scale 10: 13,500 teams, 88,000 members)
class Team:
    id: str
    kind: str
    unit: Unit
    name: str
    village: str | None
    established_on: dt.date
    decision: str
    public_phone: str | None
    dissolved_on: dt.date | None
    source: str
    members: list[Member] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"to/{self.id.lower()}/"

    @property
    def leader(self) -> Member | None:
        return next((m for m in self.current_members if m.role == "Tổ trưởng"), None)

    @property
    def current_members(self) -> list[Member]:
        return [m for m in self.members if m.until is None]

    def active_in(self, start: dt.date, end: dt.date) -> bool:
        """Whether the team existed at some point of [start, end]."""
        return self.established_on <= end and (self.dissolved_on is None or self.dissolved_on >= start)


@dataclass(eq=False, repr=False)
class Platform:
    id: str
    name: str
    owner: str
    url: str | None
    status: str
    replaced_by: str | None
    changed_on: dt.date | None
    description: str


@dataclass(eq=False, repr=False)
class Indicator:
    id: str
    name: str
    unit_label: str
    platform_id: str
    aggregation: str
    description: str


@dataclass(eq=False, repr=False)
class Period:
    id: str
    starts_on: dt.date
    ends_on: dt.date
    due_on: dt.date


@dataclass(eq=False, repr=False)
class Organisation:
    id: str
    name: str
    short_name: str
    kind: str
    valid_from: dt.date | None
    valid_to: dt.date | None
    succeeded_by: str | None
    successor: Organisation | None = None

    def on(self, day: dt.date) -> Organisation | None:
        """The body that carries this one on at ``day`` (itself while it exists under this name);
        None when it ended without a successor. The chain has no loop (build_model refuses one)."""
        body: Organisation | None = self
        while body is not None and body.valid_to is not None and body.valid_to < day:
            body = body.successor
        return body


@dataclass(eq=False, repr=False)
class Training:
    id: str
    date: dt.date
    unit: Unit
    venue: str
    organiser: Organisation
    trainer: str
    topics: list[str]
    attendance: dict[str, int] = field(default_factory=dict)  # team id -> attendees


@dataclass(frozen=True, slots=True)
class Report:
    team_id: str
    indicator_id: str
    period_id: str
    value: int
    submitted_on: dt.date


class Reports:
    """The report rows, stored by column (600,000 rows at --scale 10): five lists of references to shared
    ids, values and dates take half the memory of one object per row, and the analytics walk them with
    zip() in file order. Iterating gives Report objects."""

    __slots__ = ("team_id", "indicator_id", "period_id", "value", "submitted_on")

    def __init__(self, rows: list[dict]):
        shared: dict = {}  # equal values and dates: one object each
        one = shared.setdefault
        self.team_id = [intern(r["team_id"]) for r in rows]
        self.indicator_id = [intern(r["indicator_id"]) for r in rows]
        self.period_id = [intern(r["period_id"]) for r in rows]
        self.value = [one(r["value"], r["value"]) for r in rows]
        self.submitted_on = [one(r["submitted_on"], r["submitted_on"]) for r in rows]

    def __len__(self) -> int:
        return len(self.team_id)

    def __iter__(self):
        return map(Report, self.team_id, self.indicator_id, self.period_id, self.value, self.submitted_on)


@dataclass(frozen=True, slots=True)  # slots: ~94,000 rows at --scale 10, walked by the analytics
class Target:
    team_id: str
    indicator_id: str
    year: int
    value: int


@dataclass(frozen=True, slots=True)
class ReportNote:
    team_id: str
    period_id: str
    difficulties: str
    proposals: str | None


@dataclass(eq=False, repr=False)
class Model:  # no slots: weak dictionary key of the page and analytics caches
    today: dt.date
    units: dict[str, Unit]
    teams: dict[str, Team]
    members: list[Member]
    platforms: dict[str, Platform]
    indicators: dict[str, Indicator]
    periods: dict[str, Period]
    organisations: dict[str, Organisation]
    trainings: list[Training]
    targets: list[Target]
    reports: Reports
    notes: list[ReportNote]
    files: dict[str, list[str]]  # table -> data files, for edit links
    sample: bool = False
    crosswalk: list[Succession] = field(default_factory=list)

    @property
    def province(self) -> Unit:
        """The 2022 province: the root unit that has districts."""
        return next(u for u in self.units.values() if u.parent is None and any(c.level == "district" for c in u.children))

    @property
    def later_roots(self) -> list[Unit]:
        """Root units of later reforms (Thành phố Hải Phòng from 01/07/2025), oldest first."""
        return sorted((u for u in self.units.values() if u.parent is None and u.valid_from is not None), key=lambda u: (u.valid_from, u.id))

    def roots_in_force(self) -> list[Unit]:
        """Later roots that exist on ``today``: their pages are published (a build "as of" 2022 has none)."""
        return [u for u in self.later_roots if u.valid_from <= self.today]

    @property
    def districts(self) -> list[Unit]:
        return [u for u in self.province.children if u.level == "district"]

    @property
    def communes(self) -> list[Unit]:
        return [c for d in self.districts for c in d.children]

    def teams_of_kind(self, kind: str) -> list[Team]:
        return [t for t in self.teams.values() if t.kind == kind]


def _pick(row: dict, cls, **extra):
    names = cls.__dataclass_fields__
    return cls(**{k: v for k, v in row.items() if k in names and k not in extra}, **extra)


def _chains_end(items, link, what: str) -> None:
    """Raise ValueError where following ``link`` from an item comes back to it. The model is built from rows
    checked cell by cell while the domain rules, which refuse such loops with a message, may still be
    running (sotay.load): a loop must fail here, not walk forever (a unit whose parent is its own commune)."""
    ended: set[int] = set()
    for item in items:
        chain: set[int] = set()
        while item is not None and id(item) not in ended:
            if id(item) in chain:
                raise ValueError(f"the {what} chain loops back")
            chain.add(id(item))
            item = link(item)
        ended |= chain


def build_model(tables: dict[str, list[dict]], today: dt.date, sample: bool = False) -> Model:
    """Link the rows (checked cell by cell; the rules may still be checking them, see sotay.load) into
    objects; sort children, teams and members for display."""
    units = {r["id"]: _pick(r, Unit, source=r["_file"]) for r in tables["units"]}
    for unit in units.values():
        if unit.parent_id in units:
            unit.parent = units[unit.parent_id]
            unit.parent.children.append(unit)
    _chains_end(units.values(), lambda u: u.parent, "unit")
    for unit in units.values():
        unit.children.sort(key=lambda u: sort_key(u.name))

    teams: dict[str, Team] = {}
    for r in tables["teams"]:
        team = Team(intern(r["id"]), r["kind"], units[r["unit_id"]], r["name"], r["village"], r["established_on"], r["decision"],
                    r["public_phone"], r["dissolved_on"], r["_file"])
        teams[team.id] = team
        team.unit.teams.append(team)
    for unit in units.values():
        unit.teams.sort(key=lambda t: (t.kind != "commune_steering", sort_key(t.village or t.name), t.id))

    members = []
    for r in tables["members"]:
        member = Member(r["id"], teams[r["team_id"]], r["full_name"], r["role"], r["organisation"], r["consent"], r["since"], r["until"])
        if r["consent"]:
            member.phone, member.zalo, member.email = r["phone"], r["zalo"], r["email"]
        members.append(member)
        member.team.members.append(member)
    for team in teams.values():
        team.members.sort(key=lambda m: (ROLE_ORDER.get(m.role, 9), person_sort_key(m.full_name)))

    crosswalk = []
    for r in sorted(tables.get("crosswalk", []), key=lambda r: (r["old_id"], r["new_id"])):
        step = Succession(units[r["old_id"]], units[r["new_id"]], r["changed_on"], r["partial"], r["interim_name"], r["interim_on"])
        step.old.successors.append(step)
        step.new.predecessors.append(step)
        crosswalk.append(step)
    for unit in units.values():
        unit.successors.sort(key=lambda s: sort_key(s.new.name))
        unit.predecessors.sort(key=lambda s: (sort_key(s.old.district.name) if s.old.district else (), sort_key(s.old.name)))

    organisations = {r["id"]: _pick(r, Organisation) for r in tables["organisations"]}
    for org in organisations.values():
        org.successor = organisations.get(org.succeeded_by) if org.succeeded_by else None
    _chains_end(organisations.values(), lambda o: o.successor, "organisation")
    trainings = {}
    for r in tables["trainings"]:
        trainings[r["id"]] = Training(r["id"], r["date"], units[r["unit_id"]], r["venue"], organisations[r["organiser_id"]],
                                      r["trainer"], r["topics"].split())
    for r in tables["attendance"]:
        trainings[r["training_id"]].attendance[intern(r["team_id"])] = r["attendees"]

    files: dict[str, list[str]] = defaultdict(list)
    for name, rows in tables.items():
        for row in rows:
            if not files[name] or files[name][-1] != row["_file"]:
                if row["_file"] not in files[name]:
                    files[name].append(row["_file"])

    return Model(
        today=today,
        units=units,
        teams=teams,
        members=members,
        platforms={r["id"]: _pick(r, Platform) for r in tables["platforms"]},
        indicators={intern(r["id"]): _pick(r, Indicator, id=intern(r["id"])) for r in tables["indicators"]},
        periods={intern(r["id"]): _pick(r, Period, id=intern(r["id"])) for r in sorted(tables["periods"], key=lambda r: r["id"])},
        organisations=organisations,
        trainings=sorted(trainings.values(), key=lambda t: (t.date, t.id)),
        targets=[Target(intern(r["team_id"]), intern(r["indicator_id"]), r["year"], r["value"]) for r in tables["targets"]],
        reports=Reports(tables["reports"]),
        notes=[ReportNote(intern(r["team_id"]), intern(r["period_id"]), r["difficulties"], r["proposals"]) for r in tables["report_notes"]],
        files=dict(files),
        sample=sample,
        crosswalk=crosswalk,
    )
