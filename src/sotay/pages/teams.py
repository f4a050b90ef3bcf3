"""Team pages (/to/<id>/) and each team's vCard: the directory entry other pages link to (Team.url).

Every team page has the same shape and a size bounded by the team's own members, so the median page
size stays flat when the number of teams grows.
"""
from __future__ import annotations

from functools import partial

from ..constants import KIND_LABEL
from ..model import Model, Team
from ..settings import Settings
from . import Asset, Page, progress, trainings
from .contacts import Fallback, fallback, members_file, people_table, root, shared_with, steering_label, vcard_path
from .reform import ended_on, successors_in_force
from .render import render
from .vcard import card_count, stand_in_label, team_vcard


def title(team: Team) -> str:
    """Village team names repeat from commune to commune: add the commune."""
    return f"{team.name}, {team.unit.name}" if team.kind == "village_team" else team.name


def _team_page(model: Model, team: Team, stand_in: Fallback | None = None, site_url: str = "") -> str:
    if stand_in is None:
        stand_in = fallback(model, team)
    back = root(team.url)
    return render("team.html", team=team, root=back, chain=[*team.unit.ancestors, team.unit], table=people_table(model, team),
                  kind_label=KIND_LABEL.get(team.kind, "Tổ"), vcf_name=vcard_path(team).rsplit("/", 1)[1],
                  cards=card_count(team, stand_in), also=stand_in_label(team, stand_in), stand_in=stand_in,
                  shared_of=steering_label(owner) if (owner := shared_with(model, team)) is not None else "",
                  now=successors_in_force(model, team.unit), ended_on=ended_on(model, team.unit),
                  progress=progress.team_section(model, team, back), trained=trainings.team_section(model, team, back),
                  today=model.today, address=site_url + team.url if site_url else "")


def _vcard(team: Team, stand_in: Fallback, owner: Team | None) -> bytes:
    return team_vcard(team, stand_in, owner).encode("utf-8")


def build(model: Model, settings: Settings) -> tuple[list[Page], list[Asset]]:
    pages, assets = [], []
    for team in model.teams.values():
        stand_in = fallback(model, team)  # whom the page and the vCard give for private numbers
        pages.append(Page(
            path=f"{team.url}index.md",
            title=title(team),
            render=partial(_team_page, model, team, stand_in, settings.site_url),
            edit=f"data/{members_file(model, team)}",
            description=f"Thành viên và liên hệ của {title(team)}.",
            # Team names are indexed through the unit pages' headings; no second copy per team.
            meta={"search": {"exclude": True}},
            direct=True,
        ))
        if card_count(team, stand_in):  # no number to publish, not even a stand-in's: no file, and the pages offer none
            assets.append(Asset(vcard_path(team), partial(_vcard, team, stand_in, shared_with(model, team))))
    return pages, assets
