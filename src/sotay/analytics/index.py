"""One pass over the reports, shared by the analytics modules (built once per model).

Reports submitted after ``model.today`` are not yet known on that day and are left out here, once.
The pass is linear in the number of reports and keeps per-report work to a few dictionary reads
(nested dictionaries rather than tuple keys), so that 10× the data costs about 10× the time.
"""
from __future__ import annotations

import datetime as dt
import weakref
from dataclasses import dataclass, field

from ..model import Model, Unit

_cache: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


@dataclass
class Index:
    year: int  # the year targets are set for
    # team id -> period id -> earliest submission day known today
    submitted: dict[str, dict[str, dt.date]] = field(default_factory=dict)
    # model.indicators in order (the positions of the results below)
    indicators: list[str] = field(default_factory=list)
    # team id -> the team's result for the year per indicator, in ``indicators`` order (latest cumulative
    # value, or sum of increments; 0 where the team reported none)
    results: dict[str, list[int]] = field(default_factory=dict)
    # (team id, period id) of report notes whose team has a report row for that period, known today or not
    noted_reports: set[tuple[str, str]] = field(default_factory=set)

    def submitted_on(self, team_id: str, period_id: str) -> dt.date | None:
        return self.submitted.get(team_id, {}).get(period_id)


def chain(unit: Unit) -> list[Unit]:
    """The unit and every unit above it."""
    return [unit, *unit.ancestors]


def target_year(model: Model) -> int:
    """The year targets are set for: the latest year with targets not after today."""
    this_year = model.today.year
    years = {t.year for t in model.targets if t.year <= this_year}
    return max(years) if years else model.today.year


def index(model: Model) -> Index:
    """The model's index, built on first use."""
    found = _cache.get(model)
    if found is not None:
        return found
    today = model.today
    year = target_year(model)
    idx = Index(year)
    starts = {pid: p.starts_on for pid, p in model.periods.items() if p.starts_on.year == year}
    notes: dict[str, set[str]] = {}
    for n in model.notes:
        notes.setdefault(n.period_id, set()).add(n.team_id)
    # Report files list a team's rows for a period together: look the team and period up once per run of
    # rows, and keep the run's earliest submission in a local until the run ends. A run's rows usually
    # share their day (one object per date): the day is compared again only when it changes. Results are
    # kept per indicator position in short lists, quicker to update than dictionaries.
    idx.indicators = ids = list(model.indicators)
    position = {iid: i for i, iid in enumerate(ids)}
    summed = [model.indicators[iid].aggregation == "sum" for iid in ids]
    n = len(ids)
    never = dt.date.min
    teams: dict[str, tuple[dict, list, list]] = {}  # team id -> (period -> earliest day, results, their periods' starts)
    cur_tid = cur_pid = run_day = None
    per_team: dict[str, dt.date] = {}
    earliest = None
    start = None
    known = False
    values: list[int] = []
    seen: list[dt.date] = []

    reports = model.reports
    for tid, pid, day, iid, value in zip(reports.team_id, reports.period_id, reports.submitted_on,
                                         reports.indicator_id, reports.value):
        if tid != cur_tid or pid != cur_pid:
            if earliest is not None:
                prev = per_team.get(cur_pid)
                if prev is None or earliest < prev:
                    per_team[cur_pid] = earliest
            earliest = run_day = None
            cur_tid, cur_pid = tid, pid
            if pid in notes and tid in notes[pid]:
                idx.noted_reports.add((tid, pid))
            state = teams.get(tid)
            if state is None:
                state = teams[tid] = ({}, [0] * n, [never] * n)
            per_team, values, seen = state
            start = starts.get(pid)
        if day is not run_day:
            run_day = day
            known = day <= today
            if known and (earliest is None or day < earliest):
                earliest = day
        if not known or start is None:
            continue
        i = position.get(iid)
        if i is None:
            continue
        if summed[i]:
            values[i] += value
        elif start > seen[i]:  # a later period's cumulative value
            seen[i] = start
            values[i] = value
    if earliest is not None:
        prev = per_team.get(cur_pid)
        if prev is None or earliest < prev:
            per_team[cur_pid] = earliest
    idx.submitted = {tid: state[0] for tid, state in teams.items()}
    idx.results = {tid: state[1] for tid, state in teams.items()}
    _cache[model] = idx
    return idx
