"""Unit pages (/don-vi/…): the province page listing its districts, one page per district and commune."""
from __future__ import annotations

from functools import partial

from ..model import Model, Unit
from ..settings import Settings
from . import Asset, Page
from .render import render


def _counts(unit: Unit) -> dict:
    """Teams and current members in a unit and below it."""
    units = [unit, *unit.children, *(g for c in unit.children for g in c.children)]
    teams = [t for u in units for t in u.teams]
    village = [t for t in teams if t.kind == "village_team"]
    return {
        "village_teams": len(village),
        "village_members": sum(len(t.current_members) for t in village),
        "teams": len(teams),
        "members": sum(len(t.current_members) for t in teams),
    }


def _unit_page(model: Model, unit: Unit) -> str:
    children = [(child, _counts(child)) for child in unit.children]
    return render("unit.html", unit=unit, counts=_counts(unit), children=children)


def build(model: Model, settings: Settings) -> tuple[list[Page], list[Asset]]:
    pages = []
    for unit in [model.province, *model.districts, *model.communes]:
        pages.append(Page(
            path=f"{unit.url}index.md",
            title=unit.name,
            render=partial(_unit_page, model, unit),
            edit=f"data/{unit.teams[0].source}" if unit.teams else "data/units.csv",
            description=f"Tổ công nghệ số cộng đồng của {unit.name}: tổ, thành viên, liên hệ.",
        ))
    return pages, []
