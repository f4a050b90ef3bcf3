"""Report templates to download (/bien-tap/mau-bao-cao/): an Excel and a CSV file for every period."""
from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from ..exports.report_template import csv_template, indicators, reporting_teams, xlsx_template
from ..model import Model, Period
from ..settings import Settings
from . import Asset, Page
from .render import render

PATH = "bien-tap/mau-bao-cao/index.md"  # in the folder of its files: "2022-08.xlsx" also works offline
FOLDER = "bien-tap/mau-bao-cao"


@dataclass
class TemplateEntry:
    period: Period
    xlsx: str  # link relative to the page
    csv: str
    teams: int


def build(model: Model, settings: Settings) -> tuple[list[Page], list[Asset]]:
    assets: list[Asset] = []
    entries: list[TemplateEntry] = []
    for period in sorted(model.periods.values(), key=lambda p: p.id, reverse=True):
        assets.append(Asset(f"{FOLDER}/{period.id}.xlsx", partial(xlsx_template, model, period)))
        assets.append(Asset(f"{FOLDER}/{period.id}.csv", partial(csv_template, model, period)))
        entries.append(TemplateEntry(period, f"{period.id}.xlsx", f"{period.id}.csv", len(reporting_teams(model, period))))
    page = Page(
        path=PATH,
        title="Mẫu báo cáo",
        render=partial(render, "report_templates.html", entries=entries, indicators=indicators(model)),
        edit="data/periods.csv",
        description="Tải mẫu báo cáo kết quả của tổ công nghệ số cộng đồng theo từng kỳ (Excel, CSV).",
    )
    return [page], assets
