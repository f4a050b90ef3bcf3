"""Team and member counts of a unit and the units below it (unit pages, directory)."""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Model, Team, Unit


@dataclass(frozen=True)
class UnitCounts:
    village_teams: int  # village teams in the unit and below it
    village_members: int  # their current members
    teams: int  # every team, steering groups included
    members: int
    communes: int  # communes below the unit (a commune counts itself)
    steering_members: int  # current members of the unit's own steering group


def is_active(team: Team, model: Model) -> bool:
    """A team is shown and counted until the day it is dissolved."""
    return team.dissolved_on is None or team.dissolved_on > model.today


def subtree(unit: Unit) -> list[Unit]:
    units, stack = [], [unit]
    while stack:
        current = stack.pop()
        units.append(current)
        stack.extend(current.children)
    return units


def unit_counts(model: Model, unit: Unit) -> UnitCounts:
    """Count active teams and their current members in a unit and every unit below it."""
    units = subtree(unit)
    teams = [t for u in units for t in u.teams if is_active(t, model)]
    village = [t for t in teams if t.kind == "village_team"]
    own = [t for t in unit.teams if t.kind != "village_team" and is_active(t, model)]
    return UnitCounts(
        village_teams=len(village),
        village_members=sum(len(t.current_members) for t in village),
        teams=len(teams),
        members=sum(len(t.current_members) for t in teams),
        communes=sum(1 for u in units if u.level == "commune"),
        steering_members=sum(len(t.current_members) for t in own),
    )
