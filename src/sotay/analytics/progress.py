"""Targets against results, reporting completeness and timeliness, report notes: numbers only.

How an indicator adds up is data (``indicators.aggregation``):
- ``latest``: each report is a cumulative value; a team's result is its latest reported value,
  a unit's result the sum of its teams' results;
- ``sum``: each report is the period's increment; the result is the sum of all reports.
Only reports submitted on or before ``model.today`` count (a build "as of" SITE_TODAY).
"""
from __future__ import annotations

import datetime as dt
import weakref
from collections import defaultdict
from dataclasses import dataclass, field

from ..model import Indicator, Model, Period, Team, Unit
from .index import chain, index
from . import trainings as trainings_analytics


# Targets and results ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Figure:
    indicator: Indicator
    target: int | None  # None: no target set for any team of the unit
    achieved: int

    @property
    def percent(self) -> float | None:
        """achieved / target, not capped (1.25 is 125%); None without a positive target."""
        return self.achieved / self.target if self.target else None

    @property
    def gap(self) -> int | None:
        return None if self.target is None else max(self.target - self.achieved, 0)


@dataclass(frozen=True)
class UnitProgress:
    unit: Unit
    teams: int  # teams in the unit and below it; 0 means "no team yet"
    figures: list[Figure]  # in indicator order

    def figure(self, indicator_id: str) -> Figure:
        return next(f for f in self.figures if f.indicator.id == indicator_id)


@dataclass(frozen=True)
class TeamProgress:
    team: Team
    figures: list[Figure]


def target_year(model: Model) -> int:
    """The year targets are set for: the latest year with targets not after today."""
    years = {t.year for t in model.targets if t.year <= model.today.year}
    return max(years) if years else model.today.year


def team_results(model: Model, year: int) -> dict[tuple[str, str], int]:
    """(team id, indicator id) -> result for the year, following each indicator's aggregation."""
    idx = index(model)
    results: dict[tuple[str, str], int] = {}
    latest_period: dict[tuple[str, str], dt.date] = {}
    for team_id, reports in idx.reports_by_team.items():
        for r in reports:
            period = model.periods.get(r.period_id)
            indicator = model.indicators.get(r.indicator_id)
            if period is None or indicator is None or period.starts_on.year != year:
                continue
            key = (team_id, r.indicator_id)
            if indicator.aggregation == "sum":
                results[key] = results.get(key, 0) + r.value
            elif key not in latest_period or period.starts_on > latest_period[key]:
                latest_period[key] = period.starts_on
                results[key] = r.value
    return results


def progress(model: Model, year: int | None = None) -> tuple[dict[str, UnitProgress], dict[str, TeamProgress]]:
    """Progress of every unit (by unit id) and every team (by team id) against the year's targets."""
    year = year or target_year(model)
    indicators = list(model.indicators.values())
    targets: dict[tuple[str, str], int] = defaultdict(int)
    for t in model.targets:
        if t.year == year:
            targets[(t.team_id, t.indicator_id)] += t.value
    results = team_results(model, year)
    unit_targets: dict[tuple[str, str], int] = {}
    unit_results: dict[tuple[str, str], int] = defaultdict(int)
    team_count: dict[str, int] = defaultdict(int)
    teams: dict[str, TeamProgress] = {}
    for team in model.teams.values():
        units = chain(team.unit)
        for unit in units:
            team_count[unit.id] += 1
        figures = []
        for ind in indicators:
            key = (team.id, ind.id)
            target = targets.get(key)
            achieved = results.get(key, 0)
            figures.append(Figure(ind, target, achieved))
            for unit in units:
                ukey = (unit.id, ind.id)
                unit_results[ukey] += achieved
                if target is not None:
                    unit_targets[ukey] = unit_targets.get(ukey, 0) + target
        teams[team.id] = TeamProgress(team, figures)
    units = {
        uid: UnitProgress(unit, team_count[uid],
                          [Figure(ind, unit_targets.get((uid, ind.id)), unit_results.get((uid, ind.id), 0)) for ind in indicators])
        for uid, unit in model.units.items()
    }
    return units, teams


def furthest_behind(province: UnitProgress, count: int = 3) -> list[Figure]:
    """The indicators with the lowest percentage of their target (indicators without a target are left out)."""
    with_target = [f for f in province.figures if f.percent is not None]
    return sorted(with_target, key=lambda f: (f.percent, f.indicator.id))[:count]


# Completeness and timeliness ------------------------------------------------------------------------

@dataclass(frozen=True)
class Late:
    team: Team
    submitted_on: dt.date
    days_late: int


@dataclass
class Completeness:
    """DHIS2-style figures of one unit for one period."""

    unit: Unit
    expected: int = 0  # village teams that existed during the period
    actual: int = 0  # of those, teams with at least one report row known today
    on_time: int = 0  # of those, teams whose first report was submitted by the due date
    late: list[Late] = field(default_factory=list)
    missing: list[Team] = field(default_factory=list)  # no report yet (listed only once the period is due)

    @property
    def rate(self) -> float | None:
        return self.actual / self.expected if self.expected else None

    @property
    def on_time_rate(self) -> float | None:
        return self.on_time / self.expected if self.expected else None

    @property
    def not_reported(self) -> int:
        return self.expected - self.actual


@dataclass(frozen=True)
class PeriodCompleteness:
    period: Period
    due: bool  # False: the due date is today or later, so a missing report is not late yet
    province: Completeness
    districts: list[Completeness]


def completeness(model: Model) -> list[PeriodCompleteness]:
    """Per period that has started by today (oldest first): expected, actual and on-time reports per district
    and for the province; late and missing reporters per district."""
    idx = index(model)
    today = model.today
    village = model.teams_of_kind("village_team")
    result = []
    for period in model.periods.values():
        if period.starts_on > today:
            continue
        due = period.due_on < today
        province = Completeness(model.province)
        by_district = {d.id: Completeness(d) for d in model.districts}
        for team in village:
            if not team.active_in(period.starts_on, period.ends_on):
                continue
            district = team.unit.district
            cells = [province] + ([by_district[district.id]] if district is not None and district.id in by_district else [])
            submitted = idx.submitted.get((team.id, period.id))
            for c in cells:
                c.expected += 1
            if submitted is None:
                if due:
                    for c in cells:
                        c.missing.append(team)
                continue
            on_time = submitted <= period.due_on
            for c in cells:
                c.actual += 1
                if on_time:
                    c.on_time += 1
                else:
                    c.late.append(Late(team, submitted, (submitted - period.due_on).days))
        for c in [province, *by_district.values()]:
            c.missing.sort(key=_team_order)
            c.late.sort(key=lambda x: _team_order(x.team))
        result.append(PeriodCompleteness(period, due, province, [by_district[d.id] for d in model.districts]))
    return result


def _team_order(team: Team) -> tuple:
    return (team.unit.name, team.id)


# Report notes -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Note:
    team: Team
    period: Period
    submitted_on: dt.date | None
    difficulties: str
    proposals: str | None

    @property
    def commune(self) -> Unit:
        return self.team.unit

    @property
    def district(self) -> Unit | None:
        return self.team.unit.district


def notes(model: Model) -> list[Note]:
    """Difficulties and proposals known today, newest first (period, then submission day).

    A note comes with the team's report: it is known once that report is; a note without any report
    row is known once the period's due date has passed."""
    idx = index(model)
    found = []
    for n in model.notes:
        period = model.periods.get(n.period_id)
        team = model.teams.get(n.team_id)
        if period is None or team is None:
            continue
        key = (n.team_id, n.period_id)
        submitted = idx.submitted.get(key)
        if submitted is None and (key in idx.reported_ever or period.due_on >= model.today):
            continue
        found.append(Note(team, period, submitted, n.difficulties, n.proposals))
    found.sort(key=lambda x: (x.period.starts_on, x.submitted_on or x.period.due_on, x.team.id), reverse=True)
    return found


# Everything the pages need ------------------------------------------------------------------------

@dataclass(frozen=True)
class All:
    year: int
    units: dict[str, UnitProgress]
    teams: dict[str, TeamProgress]
    completeness: list[PeriodCompleteness]
    notes: list[Note]
    calendar: trainings_analytics.Calendar
    coverage: trainings_analytics.Coverage

    @property
    def province(self) -> UnitProgress:
        return next(p for p in self.units.values() if p.unit.parent is None and p.unit.children and
                    any(c.level == "district" for c in p.unit.children))

    @property
    def latest_period(self) -> PeriodCompleteness | None:
        """The latest period whose due date has passed (else the latest started one)."""
        due = [p for p in self.completeness if p.due]
        return (due or self.completeness or [None])[-1]


def compute_all(model: Model) -> All:
    """Every figure of the training and progress pages, computed afresh (the benchmark times this)."""
    from . import index as index_module
    index_module._cache.pop(model, None)
    trainings_analytics._by_unit.pop(model, None)
    units, teams = progress(model)
    result = All(target_year(model), units, teams, completeness(model), notes(model),
                 trainings_analytics.calendar(model), trainings_analytics.coverage(model))
    trainings_analytics.for_unit(model, model.province)  # builds the per-unit training index
    return result


_cache: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def get(model: Model) -> All:
    """compute_all, once per model (pages and unit sections share it)."""
    found = _cache.get(model)
    if found is None:
        found = _cache[model] = compute_all(model)
    return found
