"""Headline figures of the home page: teams and members by level."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..model import Model


@dataclass(frozen=True)
class Headline:
    province_members: int
    districts_with_group: int
    districts_total: int
    district_members: int
    communes_with_teams: int
    communes_total: int
    village_teams: int
    village_members: int
    communes_with_steering: int
    commune_steering_members: int


def headline(model: Model) -> Headline:
    """Count teams and current members by level, as the province reported them."""
    teams: dict[str, list] = defaultdict(list)  # kind -> teams, in one pass over the teams
    for team in model.teams.values():
        teams[team.kind].append(team)

    def members(kind: str) -> int:
        return sum(1 for t in teams[kind] for m in t.members if m.until is None)  # Team.current_members

    def units(kind: str) -> int:
        return len({t.unit.id for t in teams[kind]})

    return Headline(
        province_members=members("province_steering"),
        districts_with_group=units("district_steering"),
        districts_total=len(model.districts),
        district_members=members("district_steering"),
        communes_with_teams=units("village_team"),
        communes_total=len(model.communes),
        village_teams=len(teams["village_team"]),
        village_members=members("village_team"),
        communes_with_steering=units("commune_steering"),
        commune_steering_members=members("commune_steering"),
    )
