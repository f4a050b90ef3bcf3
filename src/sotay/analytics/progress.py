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
from operator import itemgetter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from .. import collector
from ..model import Indicator, Model, Period, Team, Unit
from ..text import sort_key
from .index import index
from .units import is_active
from .index import target_year as _target_year
from . import trainings as trainings_analytics


# Targets and results ------------------------------------------------------------------------------

@dataclass(slots=True)
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


@dataclass(slots=True)
class UnitProgress:
    unit: Unit
    teams: int  # village teams active today in the unit and below it, as unit pages count them
    figures: list[Figure]  # in indicator order

    def figure(self, indicator_id: str) -> Figure:
        return next(f for f in self.figures if f.indicator.id == indicator_id)

    @property
    def has_teams(self) -> bool:
        """Teams today, or targets and results of the year from teams since dissolved."""
        return self.teams > 0 or has_figures(self.figures)


def has_figures(figures: Sequence[Figure]) -> bool:
    """Whether any indicator has a target or a result."""
    return any(f.target is not None or f.achieved for f in figures)


@dataclass(slots=True)
class TeamProgress:
    team: Team
    indicators: list[Indicator]
    targets: Sequence[int | None]  # per indicator, None where no target is set
    achieved: Sequence[int]  # per indicator

    @property
    def figures(self) -> list[Figure]:
        """Made when a page shows the team: ~100,000 long-lived objects at --scale 10 otherwise."""
        return list(map(Figure, self.indicators, self.targets, self.achieved))


def target_year(model: Model) -> int:
    """The year targets are set for: the latest year with targets not after today."""
    return _target_year(model)


def progress(model: Model, year: int | None = None) -> tuple[dict[str, UnitProgress], dict[str, TeamProgress]]:
    """Progress of every unit (by unit id) and every team (by team id) against the year's targets."""
    idx = index(model)
    year = year or idx.year
    if year != idx.year:
        raise ValueError(f"results are indexed for {idx.year}, not {year}")
    indicators = list(model.indicators.values())
    n = len(indicators)
    position = {ind.id: i for i, ind in enumerate(indicators)}
    targets: dict[str, list[int | None]] = {}  # team id -> target per indicator position
    for t in model.targets:
        if t.year == year and t.indicator_id in position:
            row = targets.get(t.team_id)
            if row is None:
                row = targets[t.team_id] = [None] * n
            i = position[t.indicator_id]
            row[i] = (row[i] or 0) + t.value
    rows, values = idx.teams, idx.values
    no_targets = (None,) * n  # shared by the teams without targets or results: never changed
    no_results = (0,) * n
    own_targets: dict[str, list[Sequence]] = {uid: [] for uid in model.units}  # unit id -> its own teams' rows
    own_results: dict[str, list[Sequence]] = {uid: [] for uid in model.units}
    own_count = dict.fromkeys(model.units, 0)
    teams: dict[str, TeamProgress] = {}
    for team in model.teams.values():
        team_targets = targets.get(team.id, no_targets)
        row = rows.get(team.id)
        achieved = no_results if row is None else tuple(values[row * n:row * n + n])
        teams[team.id] = TeamProgress(team, indicators, team_targets, achieved)
        own_targets[team.unit.id].append(team_targets)
        own_results[team.unit.id].append(achieved)
        if team.kind == "village_team" and is_active(team, model):
            own_count[team.unit.id] += 1
    # unit id -> [teams, targets per indicator (None: none set), results per indicator]: each unit's own
    # teams added up column by column, then rolled up, deepest units first, so each unit adds its total
    # to its parent once
    acc: dict[str, list] = {uid: [own_count[uid], *_column_sums(rows, own_results[uid], n)] for uid, rows in own_targets.items()}
    for unit in sorted(model.units.values(), key=lambda u: len(u.ancestors), reverse=True):
        if unit.parent is None:
            continue
        child, parent = acc[unit.id], acc[unit.parent.id]
        parent[0] += child[0]
        for i in range(n):
            parent[2][i] += child[2][i]
            if child[1][i] is not None:
                parent[1][i] = (parent[1][i] or 0) + child[1][i]
    units = {
        uid: UnitProgress(unit, acc[uid][0], list(map(Figure, indicators, acc[uid][1], acc[uid][2])))
        for uid, unit in model.units.items()
    }
    return units, teams


def _column_sums(target_rows: list[Sequence], result_rows: list[Sequence], n: int) -> tuple[list, list]:
    """Targets (None where no row has one) and results per indicator, summed over the rows."""
    if not target_rows:
        return [None] * n, [0] * n
    targets = [sum(v for v in column if v is not None) if any(v is not None for v in column) else None
               for column in zip(*target_rows)]
    return targets, [sum(column) for column in zip(*result_rows)]


def furthest_behind(province: UnitProgress, count: int = 3) -> list[Figure]:
    """The indicators with the lowest percentage of their target (indicators without a target are left out)."""
    with_target = [f for f in province.figures if f.percent is not None]
    return sorted(with_target, key=lambda f: (f.percent, f.indicator.id))[:count]


# Completeness and timeliness ------------------------------------------------------------------------

class Late(NamedTuple):  # a tuple: made for every late report, quicker than a frozen dataclass
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
    districts = list(model.districts)
    where = {d.id: i + 1 for i, d in enumerate(districts)}  # 0 is the province
    # each village team once: (team, team id, district position or None, established, dissolved), in the
    # order reporters are listed (commune, then team id), so that late and missing lists come out sorted
    village = []
    for team in sorted(model.teams_of_kind("village_team"), key=_team_order):
        district = team.unit.district
        village.append((team, team.id, where.get(district.id) if district is not None else None,
                        team.established_on, team.dissolved_on))
    periods = [p for p in model.periods.values() if p.starts_on <= today]
    size = len(districts) + 1
    expected = [[0] * size for _ in periods]
    actual = [[0] * size for _ in periods]
    on_time = [[0] * size for _ in periods]
    late: list[list[list[Late]]] = [[[] for _ in range(size)] for _ in periods]
    missing: list[list[list[Team]]] = [[[] for _ in range(size)] for _ in periods]
    at = idx.periods  # a period's position in the index's rows
    info = [(j, at[p.id], p.starts_on, p.ends_on, p.due_on, p.due_on < today) for j, p in enumerate(periods)]
    rows, first, n_periods = idx.teams, idx.first, len(idx.periods)
    nothing = [None] * n_periods
    # Each team counts in its own cell (its district; 0 for a team under no district); the province's
    # counts are the sum of the cells, and its lists get every late or missing team, in team order.
    all_late: list[list[Late]] = [[] for _ in periods]
    all_missing: list[list[Team]] = [[] for _ in periods]
    for team, team_id, d, established, dissolved in village:
        k = d or 0
        row = rows.get(team_id)
        submissions, base = (nothing, 0) if row is None else (first, row * n_periods)
        for j, at_j, start, end, due_on, due in info:
            if established > end or (dissolved is not None and dissolved < start):
                continue  # not active in the period (Team.active_in)
            expected[j][k] += 1
            submitted = submissions[base + at_j]
            if submitted is None:
                if due:
                    all_missing[j].append(team)
                    if k:
                        missing[j][k].append(team)
                continue
            actual[j][k] += 1
            if submitted <= due_on:
                on_time[j][k] += 1
            else:
                entry = Late(team, submitted, (submitted - due_on).days)
                all_late[j].append(entry)
                if k:
                    late[j][k].append(entry)
    for j in range(len(periods)):
        for counts in (expected[j], actual[j], on_time[j]):
            counts[0] = sum(counts)
        late[j][0], missing[j][0] = all_late[j], all_missing[j]
    result = []
    units = [model.province, *districts]
    for j, period in enumerate(periods):
        cells = [Completeness(unit, expected[j][k], actual[j][k], on_time[j][k], late[j][k], missing[j][k])
                 for k, unit in enumerate(units)]
        result.append(PeriodCompleteness(period, info[j][5], cells[0], cells[1:]))
    return result


def _team_order(team: Team) -> tuple:
    """By district, commune (two may share a name), then village, in the Vietnamese alphabet, as unit pages
    list them (Đ after D, not after Z)."""
    district = team.unit.district
    return (sort_key(district.name) if district is not None else (), sort_key(team.unit.name), team.unit.id,
            sort_key(team.village or team.name), team.id)


# Report notes -------------------------------------------------------------------------------------

class Note(NamedTuple):  # a tuple: one per report note (7,000 at --scale 10)
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
    today, periods, teams = model.today, model.periods, model.teams
    rows, first, noted = idx.teams, idx.first, idx.noted_reports
    at, n_periods = idx.periods, len(idx.periods)
    found = []  # (sort key, note)
    for n in model.notes:
        period = periods.get(n.period_id)
        team = teams.get(n.team_id)
        if period is None or team is None:
            continue
        row = rows.get(n.team_id)
        day = first[row * n_periods + at[n.period_id]] if row is not None else None
        if day is None and ((n.team_id, n.period_id) in noted or period.due_on >= today):
            continue
        found.append(((period.starts_on, day or period.due_on, n.team_id), Note(team, period, day, n.difficulties, n.proposals)))
    found.sort(key=itemgetter(0), reverse=True)
    return [note for _, note in found]


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


def for_commune(period: PeriodCompleteness, unit: Unit) -> Completeness | None:
    """A commune's reporting in a period already due (None before), taken from its district's lists:
    completeness() counts per district, and a commune page needs only its own few teams."""
    if not period.due:
        return None
    cell = next((c for c in period.districts if c.unit is unit.district), period.province)
    late = [x for x in cell.late if x.team.unit is unit]
    missing = [t for t in cell.missing if t.unit is unit]
    expected = sum(1 for t in unit.teams if t.kind == "village_team" and t.active_in(period.period.starts_on, period.period.ends_on))
    actual = expected - len(missing)  # due: every expected team without a report is listed as missing
    return Completeness(unit, expected, actual, actual - len(late), late, missing)


def compute_all(model: Model) -> All:
    """Every figure of the training and progress pages, computed afresh (the benchmark times this)."""
    from . import index as index_module
    index_module._cache.pop(model, None)
    trainings_analytics._by_unit.pop(model, None)
    with collector.paused():  # ~150,000 containers at --scale 10, no reference cycles
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


def measure(model: Model, repeat: int = 5) -> float:
    """Best CPU time (seconds) of compute_all over ``repeat`` runs, for scripts/bench.py.

    CPU time rather than wall time: the figure should not depend on what else the machine runs."""
    import time
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        compute_all(model)
        best = min(best, time.process_time() - started)
    return best
