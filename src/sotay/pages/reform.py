"""The administrative reform on the site: what each 2022 unit is today, and a page per new unit.

- ``banner`` is a top section of every 2022 unit page (province, district, commune): from the day of
  the change (as of ``SITE_TODAY``), it says which new unit the old one belongs to, with links.
- ``build`` makes ``don-vi/<year>/`` (the new units, with the 2022 figures re-aggregated onto them)
  and one page per new unit, once the reform is in force on ``SITE_TODAY``. Old addresses stay.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from functools import partial

from ..analytics import progress as progress_analytics
from ..analytics import reform as reform_analytics
from ..analytics.units import is_active
from ..model import Model, Succession, Unit
from ..settings import Settings
from ..text import same_spelling, sort_key
from . import Asset, Page
from .organisations import notes as organiser_notes
from .render import render

ONE_DAY = dt.timedelta(days=1)


def _root(unit: Unit) -> str:
    """Relative path from the unit's page back to the site root."""
    return "../" * unit.url.count("/")


def new_root(model: Model) -> Unit | None:
    """The unit that took the 2022 province's place, once that has happened on ``model.today``."""
    roots = model.roots_in_force()
    return roots[0] if roots else None


def successors_in_force(model: Model, unit: Unit) -> list[Succession]:
    """Where the unit went, once that change has happened on ``model.today``."""
    return [s for s in unit.successors if s.changed_on <= model.today]


def ended_on(model: Model, unit: Unit) -> dt.date | None:
    """The first day the unit no longer existed, if that day has come by ``model.today``."""
    if unit.valid_to is None or unit.valid_to >= model.today:
        return None
    return unit.valid_to + ONE_DAY


def _district_targets(model: Model, district: Unit) -> list[Unit]:
    """The new units the district's communes went into, each once, in name order."""
    found: dict[str, Unit] = {}
    for commune in district.children:
        for step in successors_in_force(model, commune):
            found.setdefault(step.new.id, step.new)
    return sorted(found.values(), key=lambda u: sort_key(u.name))


def banner(model: Model, unit: Unit) -> str:
    """Top section of a 2022 unit page: what the unit is today ("" before the change, or for new units)."""
    if unit.valid_from is not None:
        return ""
    today = model.today
    steps = successors_in_force(model, unit)
    interim = next((s for s in unit.successors if s.interim_on is not None and s.interim_on <= today), None)
    if unit.level == "district":
        end = ended_on(model, unit)
        if end is None:
            return ""
        targets = _district_targets(model, unit)
        return render("reform_banner.html", unit=unit, root=_root(unit), kind="district", ended_on=end,
                      targets=targets, city=targets[0].parent if targets else None, steps=[], interim=None, interim_until=None,
                      same_name=False, interim_same_name=False)
    if not steps and interim is None:
        return ""
    return render("reform_banner.html", unit=unit, root=_root(unit), kind=unit.level, steps=steps, interim=interim,
                  split=any(s.partial for s in steps), city=steps[0].new.parent if steps else None,
                  new_root=steps[0].new if steps and unit.level == "province" else None,
                  ended_on=None, targets=[], interim_until=steps[0].changed_on - ONE_DAY if steps else None,
                  same_name=bool(steps) and same_spelling(steps[0].new.name, unit.name),
                  interim_same_name=interim is not None and same_spelling(interim.interim_name, unit.name))


def _index_page(model: Model, root: Unit) -> str:
    figures = reform_analytics.get(model, root)
    year = progress_analytics.get(model).year
    rows = [(u.totals.figures, f"{u.unit.slug}/", u.unit.name, u.totals.village_teams) for u in figures.units]
    return render("reform_index.html", reform=figures, root=_root(root), year=year, rows=rows,
                  indicators=list(model.indicators.values()), changed_on=root.valid_from)


def _unit_page(model: Model, root: Unit, unit: Unit) -> str:
    figures = reform_analytics.get(model, root).unit(unit.id)
    year = progress_analytics.get(model).year
    sources = [*figures.whole, *figures.partial]
    teams = [(s, [t for t in s.unit.teams if is_active(t, model)]) for s in sources]
    # Teams set up in the new unit itself (after the change): not part of the 2022 figures above.
    own = sorted((t for t in unit.teams if is_active(t, model)), key=lambda t: (t.kind != "village_team", sort_key(t.village or t.name)))
    # Two 2022 communes of the same name (Xã Cộng Hòa of Nam Sách and of Kim Thành) get their district.
    names = Counter(s.unit.name for s in sources)
    labels = {s.unit.id: f"{s.unit.name} ({s.unit.parent.name})" if names[s.unit.name] > 1 and s.unit.parent else s.unit.name
              for s in sources}
    rows = [(s.progress.figures, None, labels[s.unit.id] + (" (một phần, chưa cộng)" if s.step.partial else ""), s.progress.teams)
            for s in sources]
    return render("reform_unit.html", new=figures, unit=unit, root=_root(unit), year=year, teams=teams, own=own, rows=rows, labels=labels,
                  indicators=list(model.indicators.values()), now=organiser_notes(model), changed_on=unit.valid_from)


def build(model: Model, settings: Settings) -> tuple[list[Page], list[Asset]]:
    pages = []
    for root in model.roots_in_force():
        olds = ", ".join(u.name for u in (s.old for s in root.predecessors))
        pages.append(Page(
            path=f"{root.url}index.md",
            title=f"Xã, phường từ {root.valid_from:%d/%m/%Y}",
            render=partial(_index_page, model, root),
            edit="data/crosswalk.csv",
            description=f"Từ {root.valid_from:%d/%m/%Y}, {olds} thuộc {root.name}: các xã, phường mới, xã năm 2022 nay thuộc đâu, "
                        f"số liệu tổ công nghệ số cộng đồng cộng dồn theo đơn vị mới.",
        ))
        for unit in root.children:
            pages.append(Page(
                path=f"{unit.url}index.md",
                title=unit.name,
                render=partial(_unit_page, model, root, unit),
                edit="data/crosswalk.csv",
                description=f"{unit.name}, {root.name} (từ {unit.valid_from:%d/%m/%Y}): các xã, phường, thị trấn năm 2022 hợp thành, "
                            f"tổ công nghệ số cộng đồng, tập huấn và tiến độ cộng dồn.",
            ))
    return pages, []
