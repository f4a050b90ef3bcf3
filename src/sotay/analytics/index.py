"""Indexes built once per model (reports by team, teams by unit…), shared by the analytics modules.

Everything here is linear in the size of the data; later look-ups are dictionary reads. Reports
submitted after ``model.today`` are not yet known on that day and are left out here, once.
"""
from __future__ import annotations

import datetime as dt
import weakref
from collections import defaultdict
from dataclasses import dataclass, field

from ..model import Model, Report, Team, Unit

_cache: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


@dataclass
class Index:
    # reports known on model.today, by team id
    reports_by_team: dict[str, list[Report]] = field(default_factory=lambda: defaultdict(list))
    # (team id, period id) -> earliest known submission day
    submitted: dict[tuple[str, str], dt.date] = field(default_factory=dict)
    # (team id, period id) pairs with a report row, known today or not
    reported_ever: set[tuple[str, str]] = field(default_factory=set)
    # unit id -> village teams of the unit and every unit below it
    village_teams: dict[str, list[Team]] = field(default_factory=lambda: defaultdict(list))
    # unit id -> every team of the unit and below it
    all_teams: dict[str, list[Team]] = field(default_factory=lambda: defaultdict(list))


def chain(unit: Unit) -> list[Unit]:
    """The unit and every unit above it."""
    return [unit, *unit.ancestors]


def index(model: Model) -> Index:
    """The model's index, built on first use."""
    found = _cache.get(model)
    if found is not None:
        return found
    idx = Index()
    for report in model.reports:
        idx.reported_ever.add((report.team_id, report.period_id))
        if report.submitted_on > model.today:
            continue
        idx.reports_by_team[report.team_id].append(report)
        key = (report.team_id, report.period_id)
        if key not in idx.submitted or report.submitted_on < idx.submitted[key]:
            idx.submitted[key] = report.submitted_on
    for team in model.teams.values():
        for unit in chain(team.unit):
            idx.all_teams[unit.id].append(team)
            if team.kind == "village_team":
                idx.village_teams[unit.id].append(team)
    _cache[model] = idx
    return idx
