"""mkdocs-macros module: the few values authored pages may show (pages opt in with render_macros)."""
from __future__ import annotations

from pathlib import Path

from sotay.analytics.headline import headline
from sotay.load import start_loading
from sotay.settings import from_environment
from sotay.pages.progress import home_figures
from sotay.text import format_date, format_int, format_percent


def define_env(env):
    settings = from_environment(Path(env.conf.config_file_path).parent)
    # Not verified yet (the rest of the check runs beside the build): the glue stops the build before anything
    # is written when the check finds a problem, and says what it is (or this failure, when the data has none);
    # figures from data the rules would refuse may fail here first. Without a model, nothing to show.
    try:
        model = start_loading(settings.data_dir, settings.today).model
        if model is not None:
            _define(env, model)
            return
    except Exception:  # noqa: BLE001 - see above
        pass
    env.variables["so_lieu"] = {}
    env.variables["ky_bao_cao"] = []
    env.variables["chi_tieu"] = {"luy_ke": [], "trong_ky": []}
    env.variables["du_lieu_mau"] = False


def _define(env, model) -> None:
    figures = headline(model)
    env.variables["so_lieu"] = {name: format_int(value) for name, value in vars(figures).items()}
    env.variables["so_lieu"].update(_progress(model))
    env.variables["du_lieu_mau"] = model.sample
    # Reporting periods and their deadlines (data/periods.csv), for the guide on monthly reports.
    env.variables["ky_bao_cao"] = [{"ky": p.id, "tu": format_date(p.starts_on), "den": format_date(p.ends_on), "han": format_date(p.due_on)}
                                   for p in model.periods.values()]
    # Which indicators are running totals and which count each month's new ones (data/indicators.csv):
    # the guide said "running total" for all, and teams that followed it had their shops counted again.
    env.variables["chi_tieu"] = {
        "luy_ke": [f"{i.name} ({i.unit_label})" for i in model.indicators.values() if i.aggregation == "latest"],
        "trong_ky": [f"{i.name} ({i.unit_label})" for i in model.indicators.values() if i.aggregation != "latest"]}


def _progress(model) -> dict:
    """Latest period's completeness and the three indicators furthest behind, formatted in Vietnamese."""
    raw = home_figures(model)
    out: dict = {"cham_nhat": [
        {"ten": f["ten"], "dat": format_int(f["dat"]), "chi_tieu": format_int(f["chi_tieu"]), "ty_le": format_percent(f["ty_le"])}
        for f in raw["cham_nhat"]
    ]}
    if "ky_bao_cao" in raw:
        out["ky_bao_cao"] = raw["ky_bao_cao"]
        for key in ("bao_cao_du_kien", "bao_cao_da_nop", "bao_cao_dung_han"):
            out[key] = format_int(raw[key])
        out["ty_le_bao_cao"] = format_percent(raw["ty_le_bao_cao"])
        out["ty_le_dung_han"] = format_percent(raw["ty_le_dung_han"])
    return out
