"""The naive way, measured as the baseline: MkDocs + Material rendering the same members as plain
Markdown pages, one per unit (province, districts, communes), every page listed in the navigation and
every member a row of a Markdown table (name, role, organisation, phone of consented members)."""
from __future__ import annotations

from pathlib import Path

import yaml

from ..model import Model, Team, Unit

CONFIG = {
    "site_name": "Sổ tay (cách làm đơn giản)",
    "theme": {"name": "material", "language": "vi", "font": False},
    "plugins": ["search"],
    "markdown_extensions": ["tables"],
}


def _cell(text: str | None) -> str:
    return (text or "").replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _team(team: Team) -> list[str]:
    lines = [f"## {_cell(team.name)}", "", "| Họ và tên | Vai trò | Cơ quan | Điện thoại |", "|---|---|---|---|"]
    for member in team.current_members:
        lines.append(f"| {_cell(member.full_name)} | {_cell(member.role)} | {_cell(member.organisation)} | "
                     f"{_cell(member.phone_display)} |")
    return [*lines, ""]


def unit_markdown(unit: Unit) -> str:
    """One unit's page: its teams, each with all its current members as a Markdown table."""
    lines = [f"# {_cell(unit.name)}", ""]
    if not unit.teams:
        lines += ["Chưa có tổ.", ""]
    for team in unit.teams:
        lines += _team(team)
    return "\n".join(lines)


def _page_path(unit: Unit) -> str:
    return "index.md" if unit.parent is None else f"{unit.url}index.md"


def write_naive_project(model: Model, out: Path) -> Path:
    """Write mkdocs.yml and docs/ of the naive site into out; returns the mkdocs.yml path."""
    docs = out / "docs"
    nav: list = []
    for unit in [model.province, *model.districts, *model.communes]:
        path = docs / _page_path(unit)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(unit_markdown(unit), encoding="utf-8")
    nav.append({model.province.name: _page_path(model.province)})
    for district in model.districts:
        section = [{district.name: _page_path(district)}]
        section += [{commune.name: _page_path(commune)} for commune in district.children]
        nav.append({district.name: section})
    config = {**CONFIG, "docs_dir": "docs", "nav": nav}
    mkdocs_yml = out / "mkdocs.yml"
    mkdocs_yml.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return mkdocs_yml
