"""The whole benchmark: measure every data set, compare with the baselines measured in the same run,
check the targets, print an aligned table and return the figures as a JSON-ready dict."""
from __future__ import annotations

import contextlib
import datetime as dt
import gc
import importlib
import multiprocessing
import os
import pkgutil
import platform
import statistics
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .. import load as load_module
from ..demo import write as write_demo
from ..load import load_model
from ..model import build_model
from ..pages import site as site_module
from ..settings import ROOT, Settings
from ..validate.check import check
from . import baseline
from .browser import QUERIES, SLOW_PHONE, measure_directory_search
from .measure import (BenchError, Run, best, checked, clean_environment, frictionless_command, package_rows,
                      python_command, run_command, scratch_root, site_stats, timed)

ANALYTICS_RUNS = 15  # the analytics figures are the median of at least this many runs
TODAY = dt.date(2023, 1, 20)  # SITE_TODAY of the builds, as in the tests: every 2022 report is in
SEED = 2022
WITHOUT = "sotay.bench.without"  # mkdocs without the unit directory's pages


@dataclass(frozen=True)
class Dataset:
    name: str  # column label, also the key in the JSON figures
    path: Path
    scale: int | None = None  # None: a data folder given with --data
    rows: int = 0


@dataclass(frozen=True)
class Options:
    repeat: int = 1
    skip_build: bool = False
    today: dt.date = TODAY


# Fresh-process measurements -----------------------------------------------------------------------

def measure_validation(data: Path, repeat: int = 1) -> dict:
    """scripts/validate.py and stock ``frictionless validate`` on the same files, alternately, min of repeat."""
    ours: list[Run] = []
    stock: list[Run] = []
    env = clean_environment()
    for _ in range(repeat):
        ours.append(checked(run_command(python_command(str(ROOT / "scripts" / "validate.py"), str(data)), env=env),
                            "scripts/validate.py"))
        stock.append(checked(run_command(frictionless_command(data / "datapackage.yaml"), env=env),
                             "frictionless validate"))
    return {"validate": best(ours).as_dict(), "frictionless": best(stock).as_dict()}


def build_command(config: Path, out: Path, module: str = "mkdocs") -> list[str]:
    return python_command("-m", module, "build", "-q", "-f", str(config), "-d", str(out))


def measure_build(data: Path, work: Path, repeat: int = 1, today: dt.date = TODAY, module: str = "mkdocs") -> dict:
    """Cold ``mkdocs build`` of the site (fresh process, empty output folder), min of repeat, with site statistics.
    With module ``sotay.bench.without``: the same build without the unit directory's pages."""
    env = clean_environment(SITE_DATA_DIR=str(data), SITE_TODAY=today.isoformat())
    runs = [checked(run_command(build_command(ROOT / "mkdocs.yml", out, module), env=env, cwd=ROOT), f"{module} build")
            for out in fresh_outputs(work / "site", repeat)]
    return {**best(runs).as_dict(), **site_stats(work / "site").as_dict()}


def fresh_outputs(site: Path, repeat: int):
    """Output folders for repeat builds, each new and empty, the last one ``site``. Nothing is deleted
    between two timed builds: right after a tree of a few thousand files is deleted, ext4 takes ~0.3-1 ms
    of kernel time to create each new file (it skips recently deleted inodes one by one, seen with perf
    here), which had charged a build of 3,400 files 1-3 s more than one of 300 for the clean-up before it."""
    for run in range(1, repeat + 1):
        out = site if run == repeat else site.with_name(f"{site.name}-run{run}")
        if out.exists():
            raise BenchError(f"{out} exists: every timed build writes into a new folder")
        yield out


def measure_baseline(data: Path, work: Path, repeat: int = 1, today: dt.date = TODAY) -> dict:
    """The naive MkDocs + Material site of the same members, built cold in a fresh process, min of repeat."""
    load_module.forget()
    model = load_model(data, today)
    config = baseline.write_naive_project(model, work / "naive")
    del model
    load_module.forget()
    runs = [checked(run_command(build_command(config, out), env=clean_environment(), cwd=config.parent),
                    "baseline mkdocs build") for out in fresh_outputs(work / "naive-site", repeat)]
    return {**best(runs).as_dict(), **site_stats(work / "naive-site").as_dict()}


# In-process measurements --------------------------------------------------------------------------

def analytics_functions() -> dict[str, object]:
    """Analytics entry points to time: the headline figures and every ``compute_all`` in sotay.analytics."""
    from .. import analytics
    from ..analytics.headline import headline
    found: dict[str, object] = {"headline": headline}
    for info in pkgutil.iter_modules(analytics.__path__):
        module = importlib.import_module(f"{analytics.__name__}.{info.name}")
        if callable(getattr(module, "compute_all", None)):
            found[f"{info.name}.compute_all"] = module.compute_all
    return found


def measure_in_process(data: Path, repeat: int = 1, today: dt.date = TODAY) -> dict:
    """load_model cold (validate + model, what the build pays once) and warm (cache hit, what ``mkdocs serve``
    pays on unchanged data), each generated-page builder (with rendering), min of repeat. The analytics are
    timed apart, all data sets in turn: see measure_analytics."""
    cold, warm = [], []
    for _ in range(repeat):
        load_module.forget()
        gc.collect()
        seconds, model = timed(load_model, data, today)
        cold.append(seconds)
        seconds, again = timed(load_model, data, today)
        warm.append(seconds)
        assert again is model, "load_model did not reuse the model of unchanged data"
    check_times, model_times = [], []
    for _ in range(repeat):
        seconds, (package, tables, _problems) = timed(check, data, dt.date.today())
        check_times.append(seconds)
        model_times.append(timed(build_model, tables, today, package.sample)[0])
        del tables
    # That second model is garbage with cycles: collect it now, or a full collection during a later timing
    # walks it (a build never carries one).
    gc.collect()
    settings = Settings(data_dir=data, docs_dir=ROOT / "docs", today=today)
    pages: dict[str, float] = {}
    for builder in site_module.BUILDERS:
        name = f"{builder.__module__.rsplit('.', 1)[-1]}.{builder.__name__}"
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            built, _assets = builder(model, settings)
            for page in built:
                page.render()
            times.append(time.perf_counter() - start)
        pages[name] = min(times)
    del model, again
    load_module.forget()
    gc.collect()
    return {"load_cold": min(cold), "load_warm": min(warm), "check": min(check_times), "model": min(model_times),
            "pages": pages}


def measure_in_fresh_process(data: Path, repeat: int = 1, today: dt.date = TODAY) -> dict:
    """measure_in_process in a new interpreter, one per data set. In this long-lived process the demo
    data sets generated first, and the data set measured before, leave a large fragmented heap: the
    data set measured second (always the bigger one) then ran its analytics ~30% slower than alone."""
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(measure_in_process, data, repeat, today).result()


# Analytics: every data set in turn --------------------------------------------------------------

_analytics_model = None  # the model of a worker process of measure_analytics


def _load_for_analytics(data: Path, today: dt.date) -> None:
    global _analytics_model
    _analytics_model = load_model(data, today)
    gc.collect()  # what loading left behind is not collected during a timing


def _time_analytics_once() -> dict[str, float]:
    return {name: timed(function, _analytics_model)[0] for name, function in analytics_functions().items()}


def measure_analytics(paths: dict[str, Path], repeat: int = 1, today: dt.date = TODAY,
                      on_round=lambda names: None) -> dict[str, dict[str, float]]:
    """Median time of each analytics function per data set, over max(repeat, ANALYTICS_RUNS) rounds.

    One worker process per data set holds its model; a round times every function once in each worker,
    one worker at a time. Timed minutes apart, the scales compared a machine that had changed speed in
    between (the x10/demo ratio ranged 9.6-13.1× over runs of the same code); taken in turns, a slow spell
    weighs on both."""
    spawn = multiprocessing.get_context("spawn")
    with contextlib.ExitStack() as stack:
        workers = {}
        for name, path in paths.items():
            workers[name] = stack.enter_context(ProcessPoolExecutor(
                max_workers=1, mp_context=spawn, initializer=_load_for_analytics, initargs=(path, today)))
        runs: dict[str, list[dict[str, float]]] = {name: [] for name in paths}
        for _ in range(max(repeat, ANALYTICS_RUNS)):
            order = []
            for name, worker in workers.items():
                runs[name].append(worker.submit(_time_analytics_once).result())
                order.append(name)
            on_round(order)
    return {name: {fn: statistics.median(run[fn] for run in rounds) for fn in rounds[0]}
            for name, rounds in runs.items()}


# The whole run ------------------------------------------------------------------------------------

def make_datasets(scales: list[int], work: Path) -> list[Dataset]:
    """Demo data written by the same generator as scripts/make_demo_data.py, one folder per scale."""
    datasets = []
    for scale in scales:
        path = work / f"data-x{scale}"
        write_demo(ROOT / "data", path, scale, SEED)
        datasets.append(Dataset(dataset_name(scale), path, scale, package_rows(path)))
    return datasets


def dataset_name(scale: int) -> str:
    return "demo" if scale == 1 else f"x{scale}"


def given_dataset(path: Path) -> Dataset:
    return Dataset(path.name or "data", path.resolve(), None, package_rows(path))


def baseline_dataset(datasets: list[Dataset]) -> Dataset | None:
    """The baseline is measured on the demo data (scale 1), or on the data folder given."""
    return next((d for d in datasets if d.scale in (1, None)), None)


def run_bench(datasets: list[Dataset], options: Options, work: Path, log=print) -> dict:
    """Measure every data set (and the baseline on the demo data); returns the figures and the targets."""
    figures: dict = {
        "meta": {
            "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "load_average": list(os.getloadavg()),
            "repeat": options.repeat,
            "today": options.today.isoformat(),
            "skip_build": options.skip_build,
            "work": str(work),
        },
        "datasets": {},
        "baseline": None,
        "without_directory": None,
    }
    base = baseline_dataset(datasets)
    for dataset in datasets:
        entry: dict = {"scale": dataset.scale, "rows": dataset.rows}
        log(f"[{dataset.name}] validation: scripts/validate.py and frictionless validate…")
        entry.update(measure_validation(dataset.path, options.repeat))
        log(f"[{dataset.name}] load_model, generated pages, analytics (in process)…")
        entry["in_process"] = measure_in_fresh_process(dataset.path, options.repeat, options.today)
        if not options.skip_build:
            log(f"[{dataset.name}] mkdocs build (cold, fresh process)…")
            entry["build"] = measure_build(dataset.path, work / f"build-{dataset.name}", options.repeat, options.today)
            log(f"[{dataset.name}] directory search in Chromium, key by key…")
            entry["directory_search"] = measure_directory_search(work / f"build-{dataset.name}" / "site", options.repeat)
            if dataset is base:
                log(f"[{dataset.name}] baseline: naive Markdown pages with MkDocs + Material…")
                figures["baseline"] = measure_baseline(dataset.path, work / "baseline", options.repeat, options.today)
                log(f"[{dataset.name}] the same build without unit pages, team pages and the directory…")
                figures["without_directory"] = measure_build(dataset.path, work / "without", options.repeat,
                                                             options.today, module=WITHOUT)
        figures["datasets"][dataset.name] = entry
    log("analytics: every data set in turn…")
    for name, analytics in measure_analytics({d.name: d.path for d in datasets}, options.repeat, options.today).items():
        figures["datasets"][name]["in_process"].update(
            analytics=analytics, progress_available=any(n.startswith("progress.") for n in analytics))
    figures["targets"] = targets(figures)
    return figures


def run_default(scales: list[int], options: Options, data: Path | None = None, log=print,
                scratch: Path | None = None) -> dict:
    """Generate the demo data at each scale (or take ``data``) into a temporary folder and measure. The
    folder is made in ``scratch``, by default on the RAM disk where there is one (scratch_root)."""
    scratch = scratch or scratch_root()
    log(f"Working in {scratch or tempfile.gettempdir()}")
    with tempfile.TemporaryDirectory(prefix="sotay-bench-", dir=scratch) as tmp:
        work = Path(tmp)
        if data is not None:
            datasets = [given_dataset(data)]
        else:
            log("Generating demo data: " + ", ".join(f"scale {s}" for s in scales) + "…")
            datasets = make_datasets(scales, work)
        return run_bench(datasets, options, work, log)


# Targets ------------------------------------------------------------------------------------------

def _target(name: str, value: float | None, limit: float, unit: str, strict: bool = False) -> dict:
    passed = None if value is None else (value < limit if strict else value <= limit)
    return {"name": name, "value": value, "limit": limit, "unit": unit, "op": "<" if strict else "≤", "pass": passed}


def targets(figures: dict) -> list[dict]:
    """The targets of the issues, each with its measured value and PASS/FAIL (None when not measured)."""
    result = []
    sets = figures["datasets"]
    for name, entry in sets.items():
        ratio = entry["validate"]["wall"] / entry["frictionless"]["wall"]
        result.append(_target(f"validation ≤ 1.5× frictionless [{name}]", ratio, 1.5, "×"))
    for name, entry in sets.items():
        result.append(_target(f"re-load of unchanged data < 0.3 s [{name}]", entry["in_process"]["load_warm"], 0.3, "s", True))
    demo, big = sets.get("demo"), sets.get("x10")
    base = baseline_dataset([Dataset(n, Path(), e["scale"]) for n, e in sets.items()])
    if figures["baseline"] and base and "build" in sets[base.name]:
        result.append(_target(f"cold build ≤ 0.5× naive baseline [{base.name}]",
                              sets[base.name]["build"]["wall"] / figures["baseline"]["wall"], 0.5, "×"))
    if base and sets[base.name].get("directory_search"):
        result.append(_target(f"directory search, slowest keystroke [{base.name}]",
                              sets[base.name]["directory_search"]["normal"]["slowest"], 0.05, "s", True))
    if demo and big:
        if "build" in demo and "build" in big:
            result.append(_target("build x10 ≤ 11× demo build", big["build"]["wall"] / demo["build"]["wall"], 11, "×"))
            drift = abs(big["build"]["median_page"] / demo["build"]["median_page"] - 1)
            result.append(_target("median page x10 within 10% of demo", drift * 100, 10, "%"))
        for key, label in (("analytics", "analytics"), ("pages", "generated pages")):
            names = [n for n in demo["in_process"][key] if n in big["in_process"][key]]
            if key == "analytics" and not demo["in_process"]["progress_available"]:
                names = []  # the headline alone says nothing about the progress analytics
            if names:
                small = sum(demo["in_process"][key][n] for n in names)
                large = sum(big["in_process"][key][n] for n in names)
                result.append(_target(f"{label} x10 ≤ 11× demo", large / small if small else None, 11, "×"))
    return result


def shares(figures: dict) -> list[tuple[str, float]]:
    """Not targets: how the build without the unit directory's pages compares with the baseline and with
    the whole build, on the baseline's data set."""
    rest, naive = figures.get("without_directory"), figures.get("baseline")
    base = baseline_dataset([Dataset(n, Path(), e["scale"]) for n, e in figures["datasets"].items()])
    whole = figures["datasets"][base.name].get("build") if base else None
    if not rest or not naive or not whole:
        return []
    return [(f"build without the directory's pages / baseline [{base.name}]", rest["wall"] / naive["wall"]),
            (f"build without them / whole build [{base.name}]", rest["wall"] / whole["wall"])]


# The printed table --------------------------------------------------------------------------------

def fmt_seconds(value: float | None) -> str:
    if value is None:
        return "n/a"
    if value < 0.001:
        return f"{value * 1e6:.0f} µs"
    return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"


def fmt_int(value: float | None) -> str:
    return "n/a" if value is None else f"{round(value):,}"


def fmt_bytes(value: int | None) -> str:
    if value is None:
        return "n/a"
    if value < 1024:
        return f"{value} B"
    if value < 1024 * 1024:
        return f"{value / 1024:.1f} KiB"
    return f"{value / 1024 / 1024:.1f} MiB"


def fmt_kib(value: int | None) -> str:
    return "n/a" if value is None else fmt_bytes(value * 1024)


def fmt_ratio(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}×"


def _get(entry: dict | None, *keys):
    for key in keys:
        if entry is None:
            return None
        entry = entry.get(key)
    return entry


def format_table(figures: dict) -> str:
    """Aligned rows (one column per data set) and the targets with PASS/FAIL."""
    sets = figures["datasets"]
    names = list(sets)
    rows: list[tuple[str, list[str]] | str] = []

    def row(label: str, fn, cells: list | None = None):
        rows.append((label, cells if cells is not None else [fn(sets[n]) for n in names]))

    row("data rows", lambda e: fmt_int(e["rows"]))
    rows.append("1. Validation, fresh process each (min of runs)")
    for key, label in (("validate", "scripts/validate.py"), ("frictionless", "frictionless validate")):
        row(f"  {label}: wall", lambda e, k=key: fmt_seconds(e[k]["wall"]))
        row("    cpu", lambda e, k=key: fmt_seconds(e[k]["cpu"]))
        row("    rows/s", lambda e, k=key: fmt_int(e["rows"] / e[k]["wall"]))
        row("    peak memory", lambda e, k=key: fmt_kib(e[k]["peak_kib"]))
    row("  ratio ours / frictionless", lambda e: fmt_ratio(e["validate"]["wall"] / e["frictionless"]["wall"]))
    rows.append("2. In process: load, generated pages, analytics")
    row("  load_model cold (validate + model)", lambda e: fmt_seconds(e["in_process"]["load_cold"]))
    row("    of which check (schema + rules)", lambda e: fmt_seconds(e["in_process"]["check"]))
    row("    of which build_model", lambda e: fmt_seconds(e["in_process"]["model"]))
    row("  load_model again, unchanged data", lambda e: fmt_seconds(e["in_process"]["load_warm"]))
    page_names = sorted({p for n in names for p in sets[n]["in_process"]["pages"]})
    for page in page_names:
        row(f"  pages {page} (+ render)", lambda e, p=page: fmt_seconds(e["in_process"]["pages"].get(p)))
    analytic_names = sorted({a for n in names for a in sets[n]["in_process"]["analytics"]})
    for name in analytic_names:
        row(f"  analytics {name}", lambda e, a=name: fmt_seconds(e["in_process"]["analytics"].get(a)))
    if not any(sets[n]["in_process"]["progress_available"] for n in names):
        row("  analytics progress.compute_all", lambda e: "n/a")
    if any("build" in sets[n] for n in names):
        rows.append("3. Full build: mkdocs build, cold, fresh process, validation included")
        _site_rows(row, lambda n: sets[n].get("build"), names)
    base = baseline_dataset([Dataset(n, Path(), sets[n]["scale"]) for n in names])
    if figures["baseline"]:
        rows.append("4. Baseline: MkDocs + Material, members as Markdown pages all in nav")
        _site_rows(row, lambda n: figures["baseline"] if base and n == base.name else None, names)
    if figures.get("without_directory"):
        rows.append("4b. The same build as 3 without unit pages, team pages and the directory (sotay.bench.without)")
        _site_rows(row, lambda n: figures["without_directory"] if base and n == base.name else None, names)
    if any(sets[n].get("directory_search") for n in names):
        rows.append(f"5. Directory search in Chromium, {sum(map(len, QUERIES))} keystrokes (file://, 360×800)")
        for key, label in (("normal", ""), ("slow_phone", f", CPU {SLOW_PHONE}× slower")):
            for stat in ("median", "slowest"):
                row(f"  {stat} keystroke{label}", lambda e, k=key, s=stat: fmt_seconds(_get(e.get("directory_search"), k, s)))

    meta = figures["meta"]
    header = (f"sotay benchmark · {meta['date']} · Python {meta['python']} · {meta['cpus']} CPU · "
              f"load {' '.join(f'{x:.2f}' for x in meta['load_average'])} · min of {meta['repeat']} run(s), "
              f"analytics median of {max(meta['repeat'], ANALYTICS_RUNS)}"
              + (f" · builds in {Path(meta['work']).parent}" if meta.get("work") else ""))
    width = max(len(r[0]) for r in rows if isinstance(r, tuple)) + 2
    cols = [max(len(n), *(len(r[1][i]) for r in rows if isinstance(r, tuple))) + 2 for i, n in enumerate(names)]
    lines = [header, "", " " * width + "".join(n.rjust(c) for n, c in zip(names, cols))]
    for r in rows:
        if isinstance(r, str):
            lines.append(r)
        else:
            lines.append(r[0].ljust(width) + "".join(v.rjust(c) for v, c in zip(r[1], cols)))
    lines += ["", "Targets"]
    for t in figures["targets"]:
        status = {True: "PASS", False: "FAIL", None: "n/a "}[t["pass"]]
        value = "n/a" if t["value"] is None else (fmt_seconds(t["value"]) if t["unit"] == "s" else
                                                  f"{t['value']:.2f}{t['unit']}")
        lines.append(f"  {status}  {t['name']:<48} {value:>10}  (target {t['op']} {t['limit']:g}{' s' if t['unit'] == 's' else t['unit']})")
    for name, value in shares(figures):
        lines.append(f"  info  {name}: {value:.2f}×")
    if not any(sets[n]["in_process"]["progress_available"] for n in names):
        lines.append("  note: sotay.analytics.progress.compute_all is not importable here: progress analytics n/a")
    return "\n".join(lines)


def _site_rows(row, entry_of, names):
    def cells(fn):
        return [fn(entry_of(n)) if entry_of(n) else "—" for n in names]
    row("  wall", None, cells(lambda e: fmt_seconds(e["wall"])))
    row("  cpu", None, cells(lambda e: fmt_seconds(e["cpu"])))
    row("  peak memory", None, cells(lambda e: fmt_kib(e["peak_kib"])))
    row("  pages (index.html)", None, cells(lambda e: fmt_int(e["pages"])))
    row("  median page", None, cells(lambda e: fmt_bytes(e["median_page"])))
    row("  largest page", None, cells(lambda e: fmt_bytes(e["largest_page"])))
    row("  search index", None, cells(lambda e: fmt_bytes(e["search_index"])))
    row("  search index gzipped", None, cells(lambda e: fmt_bytes(e["search_index_gz"])))
    row("  whole site", None, cells(lambda e: fmt_bytes(e["total_bytes"])))
