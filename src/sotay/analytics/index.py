"""One pass over the reports, shared by the analytics modules (built once per model).

Reports submitted after ``model.today`` are not yet known on that day and are left out here, once.
The pass is linear in the number of reports. What it keeps per team lives in flat lists (a team's row,
then a period's or an indicator's position), not in a dictionary and lists per team: at --scale 10 those
came to ~8 MB of small objects, more than the CPU cache, and 10× the data cost 12× the time.
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
    periods: dict[str, int] = field(default_factory=dict)  # period id -> position, in model.periods order
    indicators: list[str] = field(default_factory=list)  # model.indicators in order
    teams: dict[str, int] = field(default_factory=dict)  # team id -> its row, for the teams with reports
    # row * len(periods) + period position -> the team's earliest submission for the period known today
    first: list[dt.date | None] = field(default_factory=list)
    # row * len(indicators) + indicator position -> the team's result for the year (latest cumulative
    # value, or sum of increments; 0 where the team reported none)
    values: list[int] = field(default_factory=list)
    # (team id, period id) of report notes whose team has a report row for that period, known today or not
    noted_reports: set[tuple[str, str]] = field(default_factory=set)


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
    idx = Index(year, periods={pid: j for j, pid in enumerate(model.periods)}, indicators=list(model.indicators))
    starts = {pid: p.starts_on for pid, p in model.periods.items() if p.starts_on.year == year}
    notes: dict[str, set[str]] = {}
    for n in model.notes:
        notes.setdefault(n.period_id, set()).add(n.team_id)
    # Report files list a team's rows for a period together: look the team and period up once per run of
    # rows, and keep the run's earliest submission in a local until the run ends. A run's rows usually
    # share their day (one object per date): the day is compared again only when it changes.
    period_at = idx.periods
    position = {iid: i for i, iid in enumerate(idx.indicators)}
    summed = [model.indicators[iid].aggregation == "sum" for iid in idx.indicators]
    n, n_periods = len(idx.indicators), len(idx.periods)
    rows, first, values = idx.teams, idx.first, idx.values
    seen: list[dt.date] = []  # like values: the period start of the cumulative value kept
    no_period, no_results, never = [None] * n_periods, [0] * n, [dt.date.min] * n
    cur_tid = cur_pid = run_day = earliest = start = None
    slot = -1  # where the run's earliest submission goes; -1: a period not in model.periods
    base = 0
    counting = False

    reports = model.reports
    for tid, pid, day, iid, value in zip(reports.team_id, reports.period_id, reports.submitted_on,
                                         reports.indicator_id, reports.value):
        if tid != cur_tid or pid != cur_pid:
            if earliest is not None and slot >= 0:  # the run that ends: keep its earliest day
                prev = first[slot]
                if prev is None or earliest < prev:
                    first[slot] = earliest
            earliest = run_day = None
            if tid != cur_tid:
                row = rows.get(tid)
                if row is None:
                    row = rows[tid] = len(rows)
                    first += no_period
                    values += no_results
                    seen += never
                base = row * n
                cur_tid = tid
            cur_pid = pid
            j = period_at.get(pid)
            slot = -1 if j is None else row * n_periods + j
            start = starts.get(pid)
            if pid in notes and tid in notes[pid]:
                idx.noted_reports.add((tid, pid))
        if day is not run_day:
            run_day = day
            counting = day <= today  # known today
            if counting and (earliest is None or day < earliest):
                earliest = day
            counting = counting and start is not None  # and a period of the year
        if not counting:
            continue
        i = position.get(iid)
        if i is None:
            continue
        if summed[i]:
            values[base + i] += value
        elif start > seen[base + i]:  # a later period's cumulative value
            seen[base + i] = start
            values[base + i] = value
    if earliest is not None and slot >= 0:
        prev = first[slot]
        if prev is None or earliest < prev:
            first[slot] = earliest
    _cache[model] = idx
    return idx
