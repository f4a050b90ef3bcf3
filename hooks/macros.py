"""mkdocs-macros module: the few values authored pages may show (pages opt in with render_macros)."""
from __future__ import annotations

from pathlib import Path

from sotay.analytics.headline import headline
from sotay.load import load_model
from sotay.settings import from_environment
from sotay.text import format_date, format_int


def define_env(env):
    settings = from_environment(Path(env.conf.config_file_path).parent)
    try:
        model = load_model(settings.data_dir, settings.today)
    except Exception:
        # The glue hook reports data problems with every location; macros stay quiet.
        env.variables["so_lieu"] = {}
        env.variables["ky_bao_cao"] = []
        return
    figures = headline(model)
    env.variables["so_lieu"] = {name: format_int(value) for name, value in vars(figures).items()}
    env.variables["du_lieu_mau"] = model.sample
    # Reporting periods and their deadlines (data/periods.csv), for the guide on monthly reports.
    env.variables["ky_bao_cao"] = [{"ky": p.id, "tu": format_date(p.starts_on), "den": format_date(p.ends_on), "han": format_date(p.due_on)}
                                   for p in model.periods.values()]
