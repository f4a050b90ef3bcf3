"""Unit pages (/don-vi/…): the province page listing its districts, one page per district and commune.

Each page shows the unit's own steering group with its members; a commune page also shows every
village team with its members. Members are listed leader first, then deputies, then members, each
group in Vietnamese name order (the model sorts them).
"""
from __future__ import annotations

import html
import re
from collections.abc import Callable
from functools import partial

from ..analytics.units import is_active, unit_counts
from ..model import Model, Unit
from ..settings import Settings
from . import Asset, Page, progress, reform, trainings
from .contacts import fallback, members_file, nearest_steering, people_table, root, shared_with, steering_label, vcard_path
from .vcard import card_count, stand_in_label
from .render import render

# Sections other features add to unit pages: each takes (model, unit) and returns escaped HTML,
# or "" when it has nothing to say. TOP_SECTIONS go right under the title, SECTIONS after the
# unit's own content. Fixed here, not registered at import time, so a page never depends on
# which modules happened to be imported first.
Section = Callable[[Model, Unit], str]
TOP_SECTIONS: tuple[Section, ...] = (reform.banner,)
SECTIONS: tuple[Section, ...] = (progress.unit_section, trainings.unit_section)


def _unit_page(model: Model, unit: Unit, site_url: str = "") -> str:
    children = [(child, unit_counts(model, child)) for child in unit.children]
    active = [t for t in unit.teams if is_active(t, model)]
    def entry(t):
        stand_in = fallback(model, t)
        return t, vcard_path(t), card_count(t, stand_in), stand_in_label(t, stand_in), people_table(model, t)

    steering = [entry(t) for t in active if t.kind != "village_team"]
    # 128 of the 235 communes have no steering group of their own: say so, and whom to call instead.
    above = nearest_steering(model, list(reversed(unit.ancestors))) if not steering and unit.level == "commune" else None
    sections = [s(model, unit) for s in SECTIONS]
    return render(
        "unit.html", unit=unit, counts=unit_counts(model, unit), children=children, root=root(unit.url),
        steering=steering, above=above,
        village=[entry(t) for t in active if t.kind == "village_team"],
        shared={t.id: steering_label(owner) for t in active if (owner := shared_with(model, t)) is not None},
        dissolved=[t for t in unit.teams if not is_active(t, model)],
        top=[s(model, unit) for s in TOP_SECTIONS], sections=sections, jumps=_jumps(sections), today=model.today,
        address=site_url + unit.url if site_url else "",
    )


_JUMP = re.compile(r'<h[23] id="([^"]+)" data-jump="([^"]+)"')


def _jumps(sections: list[str]) -> list[tuple[str, str]]:
    """(anchor, short title) of the sections' headings marked data-jump, for links at the top: a commune
    page runs to 15 screens on a phone, the trainings at the end, and the theme shows no table of
    contents for generated HTML."""
    return [(anchor, html.unescape(label)) for section in sections for anchor, label in _JUMP.findall(section)]


def _edit(model: Model, unit: Unit) -> str:
    """The members file of the unit's district (where an editor adds or changes people)."""
    for team in unit.teams:
        return f"data/{members_file(model, team)}"
    return "data/units.csv"


def build(model: Model, settings: Settings) -> tuple[list[Page], list[Asset]]:
    pages = []
    for unit in [model.province, *model.districts, *model.communes]:
        pages.append(Page(
            path=f"{unit.url}index.md",
            title=unit.name,
            render=partial(_unit_page, model, unit, settings.site_url),
            edit=_edit(model, unit),
            description=f"Tổ công nghệ số cộng đồng của {unit.name}: tổ, thành viên, liên hệ.",
        ))
    return pages, []
