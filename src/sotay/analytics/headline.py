"""Headline figures of the home page: teams and members by level."""
from __future__ import annotations

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


def _members(model: Model, kind: str) -> int:
    return sum(len(t.current_members) for t in model.teams_of_kind(kind))


def headline(model: Model) -> Headline:
    """Count teams and current members by level, as the province reported them."""
    village = model.teams_of_kind("village_team")
    return Headline(
        province_members=_members(model, "province_steering"),
        districts_with_group=len({t.unit.id for t in model.teams_of_kind("district_steering")}),
        districts_total=len(model.districts),
        district_members=_members(model, "district_steering"),
        communes_with_teams=len({t.unit.id for t in village}),
        communes_total=len(model.communes),
        village_teams=len(village),
        village_members=_members(model, "village_team"),
        communes_with_steering=len({t.unit.id for t in model.teams_of_kind("commune_steering")}),
        commune_steering_members=_members(model, "commune_steering"),
    )
