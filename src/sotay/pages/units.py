"""Unit pages (/don-vi/…): the province page listing its districts, one page per district and commune."""
from __future__ import annotations

from collections.abc import Callable
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


# Sections other features add to unit pages (trainings, progress, what the unit is today…):
# each takes (model, unit) and returns escaped HTML, or "" when it has nothing to say.
# TOP_SECTIONS go right under the title, SECTIONS after the unit's own content.
TOP_SECTIONS: list[Callable[[Model, Unit], str]] = []
SECTIONS: list[Callable[[Model, Unit], str]] = []


def _unit_page(model: Model, unit: Unit) -> str:
    children = [(child, _counts(child)) for child in unit.children]
    return render("unit.html", unit=unit, counts=_counts(unit), children=children,
                  top=[s(model, unit) for s in TOP_SECTIONS], sections=[s(model, unit) for s in SECTIONS])


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
