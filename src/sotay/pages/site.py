"""All generated pages and files of the site, from one model. Add a builder to BUILDERS to add pages."""
from __future__ import annotations

from collections.abc import Callable

from ..model import Model
from ..settings import Settings
from . import Asset, Page
from . import dictionary, directory, guides, progress, reform, report_templates, teams, trainings, units

Builder = Callable[[Model, Settings], tuple[list[Page], list[Asset]]]

BUILDERS: list[Builder] = [
    units.build,
    reform.build,
    teams.build,
    directory.build,
    guides.build,
    trainings.build,
    progress.build,
    dictionary.build,
    report_templates.build,
]

def build_site(model: Model, settings: Settings) -> tuple[list[Page], list[Asset]]:
    """Run every builder; page paths must be unique across builders."""
    pages: list[Page] = []
    assets: list[Asset] = []
    for builder in BUILDERS:
        new_pages, new_assets = builder(model, settings)
        pages += new_pages
        assets += new_assets
    paths = [p.path for p in pages] + [a.path for a in assets]
    duplicates = {p for p in paths if paths.count(p) > 1} if len(set(paths)) != len(paths) else set()
    if duplicates:
        raise ValueError(f"two builders made the same file: {sorted(duplicates)}")
    return pages, assets
