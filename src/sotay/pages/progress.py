"""Progress pages (/tien-do/ and /tien-do/<district>/) and the progress section of unit pages."""
from __future__ import annotations

import weakref
from dataclasses import dataclass
from functools import partial

from ..analytics import progress as analytics
from ..model import Model, Team, Unit
from ..settings import Settings
from ..text import format_percent
from . import Asset, Page, contacts
from .charts import bar, line_chart
from .reform import new_root
from .render import render


NEWEST_NOTES = 20  # the province page's share of the notes: the rest are on the district pages


def period_label(period) -> str:
    return f"{period.starts_on.month:02d}/{period.starts_on.year}"


def period_anchor(period) -> str:
    """The id of a period's late and missing teams on a district page, linked from the province page."""
    return f"nop-muon-{period.starts_on.year}-{period.starts_on.month:02d}"


def _chart(periods: list[analytics.PeriodCompleteness], pick) -> object:
    labels = [f"T{p.period.starts_on.month}/{p.period.starts_on.year % 100:02d}" for p in periods]  # "T6/22": tháng 6/2022
    cells = [pick(p) for p in periods]
    return line_chart(labels, [
        ("sotay-line--all", "Tỷ lệ tổ đã nộp báo cáo", [c.rate for c in cells]),
        ("sotay-line--on-time", "Tỷ lệ tổ nộp đúng hạn", [c.on_time_rate for c in cells]),
    ])


def _district_cells(periods, district: Unit):
    return [(p, next(c for c in p.districts if c.unit is district)) for p in periods]


def _notes_of(all_: analytics.All, district: Unit | None):
    return [n for n in all_.notes if district is None or n.district is district]


@dataclass(frozen=True)
class _Outside:
    """A period's late and missing teams in communes of no district (the 2025 reform's): no district
    page lists them, so the province page does."""
    late: list
    missing: list


def _outside(p: analytics.PeriodCompleteness) -> _Outside:
    return _Outside([x for x in p.province.late if x.team.unit.district is None],
                    [t for t in p.province.missing if t.unit.district is None])


def _open_period(periods: list[analytics.PeriodCompleteness]) -> str | None:
    """The period whose list a page opens: the newest already due (before its due date a period's list is
    empty), else the newest."""
    due = [p for p in periods if p.due]
    newest = due[-1] if due else (periods[-1] if periods else None)
    return newest.period.id if newest else None


def _whom(model: Model, cells) -> dict[str, contacts.Fallback]:
    """Whom to call about each team that has not reported or reported late: a public number only
    (contacts.fallback). A late team is called too: why, and whether the next report will be on time."""
    found = {}
    for c in cells:
        for team in [*c.missing, *(x.team for x in c.late)]:
            if team.id not in found:
                found[team.id] = contacts.fallback(model, team)
    return found


def _overview(model: Model, settings: Settings) -> str:
    """The province's page: its size follows the number of districts and periods, not of teams; the
    late and missing teams and the notes of each district are on the district's page."""
    all_ = analytics.get(model)
    province = all_.province
    notes = _notes_of(all_, None)
    counted = {d.id: 0 for d in model.districts}
    for note in notes:
        if note.district is not None and note.district.id in counted:
            counted[note.district.id] += 1
    outside = {p.period.id: _outside(p) for p in all_.completeness}
    return render(
        "tien_do.html", model=model, all=all_, today=model.today, province=province, new_root=new_root(model),
        bars={f.indicator.id: bar(f.percent) for f in province.figures},
        indicators=list(model.indicators.values()),
        district_rows=[(u.figures, f"{u.unit.slug}/", u.unit.name, u.teams) for u in (all_.units[d.id] for d in model.districts)],
        chart=_chart(all_.completeness, lambda p: p.province),
        province_rows=[(p, p.province) for p in all_.completeness],
        periods=all_.completeness, outside_districts=outside, whom=_whom(model, outside.values()),
        open_period=_open_period(all_.completeness),
        notes=notes, newest=notes[:NEWEST_NOTES], note_counts=[(d, counted[d.id]) for d in model.districts],
        notes_outside=[n for n in notes if n.district is None],
        label=period_label, period_anchor=period_anchor, root="../",
        districts_list=model.districts, district_index={d.id: i for i, d in enumerate(model.districts)},
    )


def _district(model: Model, settings: Settings, district: Unit) -> str:
    all_ = analytics.get(model)
    here = all_.units[district.id]
    root = "../../"
    periods = _district_cells(all_.completeness, district)
    return render(
        "tien_do_district.html", model=model, all=all_, today=model.today, district=district, here=here, new_root=new_root(model),
        bars={f.indicator.id: bar(f.percent) for f in here.figures},
        province={f.indicator.id: f for f in all_.province.figures},
        indicators=list(model.indicators.values()),
        commune_rows=[(u.figures, f"{root}{u.unit.url}#tien-do", u.unit.name, u.teams)
                      for u in (all_.units[c.id] for c in district.children)],
        chart=_chart(all_.completeness, lambda p: next(c for c in p.districts if c.unit is district)),
        periods=periods, notes=_notes_of(all_, district), label=period_label, period_anchor=period_anchor, root=root,
        open_period=_open_period(all_.completeness), whom=_whom(model, (c for _, c in periods)),
        group=contacts.steering_group(model, district),
    )


def build(model: Model, settings: Settings) -> tuple[list[Page], list[Asset]]:
    year = analytics.target_year(model)
    pages = [Page(
        path="tien-do/index.md",
        title="Tiến độ",
        render=partial(_overview, model, settings),
        edit="data/targets.csv",
        description=f"Kết quả so với chỉ tiêu năm {year}, tỷ lệ báo cáo đúng hạn và khó khăn, đề xuất của các tổ công nghệ số cộng đồng.",
    )]
    for district in model.districts:
        pages.append(Page(
            path=f"tien-do/{district.slug}/index.md",
            title=f"Tiến độ: {district.name}",
            render=partial(_district, model, settings, district),
            edit="data/targets.csv",
            description=f"Kết quả so với chỉ tiêu năm {year} của {district.name}, từng xã và từng tổ; tình hình báo cáo.",
        ))
    return pages, []


def unit_section(model: Model, unit: Unit) -> str:
    """Progress on a unit page: for a commune, each team against its targets; above, a link to /tien-do/."""
    all_ = analytics.get(model)
    root = "../" * unit.url.count("/")
    here = all_.units[unit.id]
    if unit.level == "commune":
        teams = [all_.teams[t.id] for t in unit.teams if t.kind == "village_team"]
        # its own late and missing teams: a commune official had to pick them out of the district's list
        latest = all_.latest_period
        reporting = analytics.for_commune(latest, unit) if latest is not None else None
        return render("unit_progress.html", unit=unit, here=here, teams=teams, year=all_.year, root=root,
                      indicators=list(model.indicators.values()),
                      team_rows=[(t.figures, f"{root}{t.team.url}", t.team.village or t.team.name, 1) for t in teams],
                      link=f"{root}tien-do/{unit.district.slug}/" if unit.district else f"{root}tien-do/",
                      latest=latest, reporting=reporting, label=period_label,
                      whom=_whom(model, [reporting]) if reporting else {})
    link = f"{root}tien-do/{unit.slug}/" if unit.level == "district" else f"{root}tien-do/"
    return render("unit_progress.html", unit=unit, here=here, teams=[], year=all_.year, root=root, link=link,
                  indicators=[], team_rows=[], reporting=None)


_reporting: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _reporting_of(model: Model) -> tuple:
    """The latest due period, its late reports and missing teams by team id, each team's newest note."""
    found = _reporting.get(model)
    if found is None:
        all_ = analytics.get(model)
        latest = all_.latest_period
        late = {x.team.id: x for x in latest.province.late} if latest else {}
        missing = {t.id for t in latest.province.missing} if latest else set()
        newest: dict = {}
        for note in all_.notes:  # newest first
            newest.setdefault(note.team.id, note)
        found = _reporting[model] = (latest, late, missing, newest)
    return found


def team_section(model: Model, team: Team, root: str) -> str:
    """Results and reporting on a village team's page: officials arrive from the lists of late and missing
    reports, and found only names and numbers there."""
    if team.kind != "village_team":
        return ""
    all_ = analytics.get(model)
    latest, late, missing, newest = _reporting_of(model)
    expected = latest is not None and team.active_in(latest.period.starts_on, latest.period.ends_on)
    return render("team_progress.html", figures=all_.teams[team.id].figures, year=all_.year, label=period_label,
                  latest=latest if expected else None, late=late.get(team.id), missing=team.id in missing,
                  note=newest.get(team.id), root=root, district=team.unit.district)


def home_figures(model: Model) -> dict:
    """Raw values the home page shows: the latest due period's completeness, the 3 indicators furthest behind."""
    all_ = analytics.get(model)
    latest = all_.latest_period
    figures: dict = {"cham_nhat": [
        {"ten": f.indicator.name, "dat": f.achieved, "chi_tieu": f.target, "ty_le": f.percent}
        for f in analytics.furthest_behind(all_.province)
    ]}
    if latest is not None:
        c = latest.province
        figures.update(ky_bao_cao=period_label(latest.period), bao_cao_du_kien=c.expected, bao_cao_da_nop=c.actual,
                       bao_cao_dung_han=c.on_time, ty_le_bao_cao=c.rate, ty_le_dung_han=c.on_time_rate)
    return figures


__all__ = ["build", "unit_section", "home_figures", "format_percent"]


def render_all(model: Model, settings: Settings) -> int:
    """Build and render every page and unit-page section this feature adds (for scripts/bench.py);
    returns the number of HTML characters produced."""
    from . import trainings
    analytics._cache.pop(model, None)
    size = 0
    for builder in (trainings.build, build):
        pages, _ = builder(model, settings)
        size += sum(len(p.render()) for p in pages)
    for unit in [model.province, *model.districts, *model.communes]:
        size += len(unit_section(model, unit)) + len(trainings.unit_section(model, unit))
    return size
