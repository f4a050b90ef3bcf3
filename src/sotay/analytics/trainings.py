"""Training sessions: upcoming and past as of ``model.today``, attendance, and coverage district × topic."""
from __future__ import annotations

import weakref
from collections import Counter, defaultdict
from dataclasses import dataclass, replace

from ..constants import EXTRA_TOPICS
from ..model import Model, Team, Training, Unit
from ..text import sort_key
from .index import chain


@dataclass(frozen=True)
class Session:
    training: Training
    upcoming: bool
    teams: int  # teams that attended (0 for upcoming sessions: not yet known)
    people: int
    recorded: bool = True  # False: a past session whose attendance nobody has entered (not "nobody came")
    # In a unit's list (for_unit): the attending teams and people that are the unit's own. A district
    # session's "41 tổ, 140 người" read on a commune page as the commune's. None: not a unit's list.
    own_teams: int | None = None
    own_people: int | None = None


@dataclass(frozen=True)
class Calendar:
    upcoming: list[Session]  # soonest first
    past: list[Session]  # newest first


@dataclass(frozen=True)
class CoverageCell:
    trained: int
    total: int

    @property
    def rate(self) -> float | None:
        return self.trained / self.total if self.total else None


@dataclass(frozen=True)
class CoverageRow:
    unit: Unit
    total: int  # village teams existing on model.today
    cells: list[CoverageCell]  # one per topic, in Coverage.topics order


@dataclass(frozen=True)
class Coverage:
    topics: list[str]
    rows: list[CoverageRow]  # one per district
    province: CoverageRow
    unrecorded: list[str]  # topics of past sessions, none with attendance entered: no column, not "0%"


def topic_label(model: Model, topic: str) -> str:
    if topic in model.platforms:
        return model.platforms[topic].name
    return EXTRA_TOPICS.get(topic, topic)


def _session(model: Model, training: Training) -> Session:
    upcoming = training.date >= model.today
    if upcoming:
        return Session(training, True, 0, 0)
    return Session(training, False, len(training.attendance), sum(training.attendance.values()), bool(training.attendance))


def _when(item) -> tuple:
    """A Session's or an Attended's place in time (a day can hold two sessions)."""
    return item.training.date, item.training.id


def in_calendar_order(sessions) -> list[Session]:
    """Upcoming sessions soonest first, then past ones newest first: the next session on top."""
    sessions = list(sessions)
    return (sorted((s for s in sessions if s.upcoming), key=_when)
            + sorted((s for s in sessions if not s.upcoming), key=_when, reverse=True))


def calendar(model: Model) -> Calendar:
    """Sessions on or after today are upcoming (soonest first); earlier ones are past (newest first)."""
    sessions = in_calendar_order(_session(model, t) for t in model.trainings)
    return Calendar([s for s in sessions if s.upcoming], [s for s in sessions if not s.upcoming])


def coverage(model: Model) -> Coverage:
    """For each district and topic: village teams that attended at least one past session with that
    topic, out of the village teams existing on today."""
    today = model.today
    district_of = {c.id: d.id for d in model.districts for c in [d, *d.children]}
    # village teams existing today -> their district id
    existing = {t.id: district_of.get(t.unit.id) for t in model.teams.values()
                if t.kind == "village_team" and t.established_on <= today and (t.dissolved_on is None or t.dissolved_on >= today)}
    topics: list[str] = []
    unrecorded: list[str] = []
    trained: dict[str, set[str]] = defaultdict(set)  # topic -> team ids
    for training in model.trainings:
        if training.date >= today:
            continue
        present = [tid for tid in training.attendance if tid in existing]
        for topic in training.topics:
            if not training.attendance:
                if topic not in unrecorded:
                    unrecorded.append(topic)
                continue
            if topic not in topics:
                topics.append(topic)
            trained[topic].update(present)
    unrecorded = [t for t in unrecorded if t not in topics]
    totals: dict[str | None, int] = defaultdict(int)
    for district_id in existing.values():
        totals[district_id] += 1
    counts: dict[tuple[str | None, str], int] = {}
    for topic, team_ids in trained.items():
        for district_id, count in Counter(map(existing.__getitem__, team_ids)).items():
            counts[(district_id, topic)] = count
    rows = [CoverageRow(d, totals[d.id], [CoverageCell(counts.get((d.id, tp), 0), totals[d.id]) for tp in topics])
            for d in model.districts]
    total = len(existing)
    province = CoverageRow(model.province, total, [CoverageCell(len(trained[tp]), total) for tp in topics])
    return Coverage(topics, rows, province, unrecorded)


_by_unit: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def for_unit(model: Model, unit: Unit) -> list[Session]:
    """Sessions held in the unit (or below it) or attended by its teams (or teams below it), in calendar
    order, each with the unit's own share of its attendance (own_teams, own_people)."""
    found = _by_unit.get(model)
    if found is None:
        found = defaultdict(list)
        above: dict[str, list[str]] = {}  # unit id -> ids of the unit and the units above it

        def ids(unit: Unit) -> list[str]:
            chain_ids = above.get(unit.id)
            if chain_ids is None:
                chain_ids = above[unit.id] = [u.id for u in chain(unit)]
            return chain_ids

        for training in model.trainings:
            share = {uid: [0, 0] for uid in ids(training.unit)}  # unit id -> its teams, people (held there: listed)
            for tid, people in training.attendance.items():
                team = model.teams.get(tid)
                if team is not None:
                    for uid in ids(team.unit):
                        own = share.setdefault(uid, [0, 0])
                        own[0] += 1
                        own[1] += people
            session = _session(model, training)
            for uid, (teams, people) in share.items():
                found[uid].append(replace(session, own_teams=teams, own_people=people))
        for uid, sessions in found.items():
            found[uid] = in_calendar_order(sessions)
        _by_unit[model] = found
    return found.get(unit.id, [])


@dataclass(frozen=True)
class Attended:
    """A past session a team was at, with how many of its members came."""

    training: Training
    people: int


_by_team: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def for_team(model: Model, team: Team) -> list[Attended]:
    """Past sessions the team attended, newest first: who missed the training is asked per team."""
    found = _by_team.get(model)
    if found is None:
        found = defaultdict(list)
        for training in model.trainings:
            if training.date < model.today:
                for team_id, people in training.attendance.items():
                    found[team_id].append(Attended(training, people))
        for attended in found.values():
            attended.sort(key=_when, reverse=True)
        _by_team[model] = found
    return found.get(team.id, [])


def present_from(model: Model, unit: Unit) -> dict[str, list[tuple[Team, int]]]:
    """training id -> the unit's own teams that came and how many of each, in name order."""
    present: dict[str, list[tuple[Team, int]]] = {}
    for team in sorted(unit.teams, key=lambda t: sort_key(t.village or t.name)):
        for attended in for_team(model, team):
            present.setdefault(attended.training.id, []).append((team, attended.people))
    return present


_recorded: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def attendance_recorded(model: Model) -> bool:
    """Whether any past session has its attendance entered: before that, "no session" means "not known".
    Asked by every village team's page: worked out once per model."""
    found = _recorded.get(model)
    if found is None:
        found = _recorded[model] = any(t.attendance for t in model.trainings if t.date < model.today)
    return found


__all__ = ["calendar", "coverage", "for_unit", "for_team", "present_from", "in_calendar_order", "attendance_recorded", "topic_label", "EXTRA_TOPICS"]
