"""The 2022 figures re-aggregated onto the units of a later reform (the communes of 01/07/2025).

A 2022 commune that went whole into one new unit adds its teams, members, training attendance and
progress to that unit. A commune split among several new units (``partial`` in the crosswalk) is
listed on each of them but added to none: nobody has recorded which of its villages went where, and
adding it everywhere would count it twice. Its figures are kept apart as "not allocated", so that
the new units plus the split communes give back exactly the 2022 totals, each commune once.
Everything is one pass over the crosswalk and the attendance rows.
"""
from __future__ import annotations

import weakref
from dataclasses import dataclass, field, replace

from ..model import Model, Succession, Unit
from ..text import sort_key
from . import progress as progress_analytics
from . import trainings as training_analytics
from .progress import Figure, UnitProgress
from .units import UnitCounts, unit_counts


@dataclass(frozen=True)
class Totals:
    communes: int  # 2022 communes added up
    village_teams: int
    village_members: int
    steering_members: int  # current members of the communes' own steering groups
    team_attendances: int  # teams × past sessions they attended
    attendees: int  # people at those sessions
    figures: list[Figure]  # targets and results of the year, per indicator


@dataclass(frozen=True)
class Source:
    """One 2022 commune feeding a new unit, with its own 2022 figures."""
    step: Succession
    counts: UnitCounts
    progress: UnitProgress
    team_attendances: int
    attendees: int

    @property
    def unit(self) -> Unit:
        return self.step.old


@dataclass(frozen=True)
class NewUnit:
    unit: Unit
    whole: list[Source]  # added into ``totals``
    partial: list[Source]  # listed only
    totals: Totals
    sessions: list[training_analytics.Session]  # attended by teams of any feeding commune, in calendar order


@dataclass(frozen=True)
class Reform:
    root: Unit  # Thành phố Hải Phòng (31-2025)
    predecessors: list[Unit]  # the old roots it took over (Tỉnh Hải Dương)
    units: list[NewUnit]  # the root's communes, in name order
    split: list[Source]  # each split 2022 commune once
    unallocated: Totals  # the split communes added up
    allocated: Totals  # every new unit added up
    total: Totals  # allocated + unallocated: the 2022 communes, each once
    by_id: dict[str, NewUnit] = field(default_factory=dict, repr=False)

    def unit(self, unit_id: str) -> NewUnit:
        return self.by_id[unit_id]


def add(parts: list[Totals], indicators) -> Totals:
    """Totals of several Totals (targets stay None only where no part has one)."""
    figures = []
    for i, indicator in enumerate(indicators):
        targets = [p.figures[i].target for p in parts if p.figures[i].target is not None]
        figures.append(Figure(indicator, sum(targets) if targets else None, sum(p.figures[i].achieved for p in parts)))
    return Totals(sum(p.communes for p in parts), sum(p.village_teams for p in parts), sum(p.village_members for p in parts),
                  sum(p.steering_members for p in parts), sum(p.team_attendances for p in parts), sum(p.attendees for p in parts),
                  figures)


def of_sources(sources: list[Source], indicators) -> Totals:
    return add([Totals(1, s.counts.village_teams, s.counts.village_members, s.counts.steering_members,
                       s.team_attendances, s.attendees, s.progress.figures) for s in sources], indicators)


def _attendance(model: Model, unit: Unit) -> tuple[int, int]:
    """(team attendances, attendees) of the unit's teams at past sessions: its shares in trainings.for_unit."""
    past = [s for s in training_analytics.for_unit(model, unit) if s.training.date < model.today]
    return sum(s.own_teams for s in past), sum(s.own_people for s in past)


def reform(model: Model, root: Unit) -> Reform:
    """The figures of ``root``'s units (a later reform's root, e.g. Thành phố Hải Phòng 2025)."""
    figures = progress_analytics.get(model).units
    indicators = list(model.indicators.values())
    sources: dict[str, Source] = {}  # one per old unit, shared by the new units it feeds

    def source(step: Succession) -> Source:
        found = sources.get(step.old.id)
        if found is None:
            done = _attendance(model, step.old)
            found = sources[step.old.id] = Source(step, unit_counts(model, step.old), figures[step.old.id], done[0], done[1])
        return found if found.step is step else Source(step, found.counts, found.progress, found.team_attendances, found.attendees)

    units = []
    for new in root.children:
        feeding = [source(step) for step in new.predecessors]
        whole = [s for s in feeding if not s.step.partial]
        partial = [s for s in feeding if s.step.partial]
        seen: dict[str, training_analytics.Session] = {}
        for unit in {s.unit.id: s.unit for s in feeding}.values():  # each old commune's share added: "các xã trên"
            for session in training_analytics.for_unit(model, unit):
                known = seen.get(session.training.id)
                seen[session.training.id] = session if known is None else replace(
                    known, own_teams=known.own_teams + session.own_teams, own_people=known.own_people + session.own_people)
        sessions = training_analytics.in_calendar_order(seen.values())
        units.append(NewUnit(new, whole, partial, of_sources(whole, indicators), sessions))
    split = list({s.unit.id: s for u in units for s in u.partial}.values())
    split.sort(key=lambda s: (sort_key(s.unit.district.name) if s.unit.district else (), sort_key(s.unit.name)))
    allocated = add([u.totals for u in units], indicators)
    unallocated = of_sources(split, indicators)
    return Reform(root, [s.old for s in root.predecessors], units, split, unallocated, allocated,
                  add([allocated, unallocated], indicators), {u.unit.id: u for u in units})


_cache: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def get(model: Model, root: Unit) -> Reform:
    """reform(), once per model and root (the index page and every unit page share it)."""
    per_model = _cache.setdefault(model, {})
    if root.id not in per_model:
        per_model[root.id] = reform(model, root)
    return per_model[root.id]

