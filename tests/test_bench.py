"""scripts/bench.py and sotay.bench work (on the small mini fixture); no timing is asserted here."""
from __future__ import annotations

import datetime as dt
import gzip
import json
import sys

import pytest
import yaml
from conftest import ROOT, run_script

from sotay.bench import baseline
from sotay.bench.measure import BenchError, checked, package_rows, run_command, site_stats
from sotay.bench.run import (ANALYTICS_RUNS, WITHOUT, Options, format_table, fresh_outputs, given_dataset,
                             measure_analytics, measure_build, run_bench, shares, targets)
from sotay.load import load_model

TODAY = dt.date(2023, 1, 20)


GROW = "b = bytearray({mib} * 1024 * 1024); b[::4096] = b'x' * len(b[::4096])"


def test_run_command_reports_the_peak_memory_of_that_command_only():
    exec(GROW.format(mib=250), {}, scope := {})  # this process now holds 250 MiB
    big = checked(run_command([sys.executable, "-c", GROW.format(mib=200)]), "grow")
    small = checked(run_command([sys.executable, "-c", "pass"]), "pass")
    assert len(scope["b"]) == 250 * 1024 * 1024
    assert big.peak_kib > 200 * 1024
    # Neither the maximum of every child so far nor the memory of the process that launched it.
    assert small.peak_kib < 100 * 1024
    assert big.wall > 0 and big.cpu > 0


def test_a_failing_command_is_an_error_with_its_output():
    run = run_command([sys.executable, "-c", "import sys; print('hỏng'); sys.exit(3)"])
    assert run.returncode == 3
    with pytest.raises(BenchError, match="exit 3"):
        checked(run, "thing")


def test_package_rows_counts_data_rows_of_every_declared_file(mini):
    descriptor = yaml.safe_load((mini / "datapackage.yaml").read_text(encoding="utf-8"))
    expected = 0
    for resource in descriptor["resources"]:
        paths = resource["path"] if isinstance(resource["path"], list) else [resource["path"]]
        expected += sum(len((mini / p).read_text(encoding="utf-8").splitlines()) - 1 for p in paths)
    assert package_rows(mini) == expected == 59  # as scripts/validate.py says: "13 bảng, 59 dòng"


def test_site_stats(tmp_path):
    for rel, size in (("index.html", 100), ("a/index.html", 300), ("b/index.html", 1000), ("404.html", 5)):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(b"x" * size)
    (tmp_path / "search").mkdir()
    raw = json.dumps({"docs": [{"text": "Nguyễn Văn An"}] * 50}).encode()
    (tmp_path / "search" / "search_index.json").write_bytes(raw)
    stats = site_stats(tmp_path)
    assert (stats.pages, stats.median_page, stats.largest_page, stats.largest_path) == (3, 300, 1000, "b/index.html")
    assert stats.search_index == len(raw)
    assert stats.search_index_gz == len(gzip.compress(raw, 9, mtime=0)) < len(raw)
    assert stats.total_bytes == 1405 + len(raw)


def test_naive_baseline_lists_every_unit_in_nav_and_every_member_in_tables(mini, tmp_path):
    model = load_model(mini, TODAY)
    config_path = baseline.write_naive_project(model, tmp_path / "naive")
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    assert config["theme"] == {"name": "material", "language": "vi", "font": False}
    assert config["plugins"] == ["search"]
    units = [model.province, *model.districts, *model.communes]
    pages = sorted(p.relative_to(tmp_path / "naive" / "docs").as_posix()
                   for p in (tmp_path / "naive" / "docs").rglob("*.md"))
    assert len(pages) == len(units)

    def nav_paths(items):
        for item in items:
            for value in item.values():
                yield from (nav_paths(value) if isinstance(value, list) else [value])
    assert sorted(nav_paths(config["nav"])) == pages
    text = "".join((tmp_path / "naive" / "docs" / p).read_text(encoding="utf-8") for p in pages)
    current = [m for t in model.teams.values() for m in t.current_members]
    assert current
    for member in current:
        row = f"| {member.full_name} | {member.role} | {member.organisation or ''} | {member.phone_display} |"
        assert row in text
        if not member.consent:
            assert member.phone is None  # the model dropped it: the baseline cannot publish it either


def test_bench_functions_on_the_mini_fixture(mini, tmp_path):
    figures = run_bench([given_dataset(mini)], Options(repeat=1, skip_build=True), tmp_path, log=lambda m: None)
    entry = figures["datasets"]["mini"]
    assert entry["rows"] == 59
    for key in ("validate", "frictionless"):
        assert entry[key]["returncode"] == 0 and entry[key]["wall"] > 0 and entry[key]["peak_kib"] > 0
    inside = entry["in_process"]
    assert inside["load_cold"] > 0 and inside["load_warm"] >= 0
    assert "units.build" in inside["pages"] and "headline" in inside["analytics"]
    assert "build" not in entry and figures["baseline"] is None
    names = [t["name"] for t in figures["targets"]]
    assert names == ["validation ≤ 1.5× frictionless [mini]", "re-load of unchanged data < 0.3 s [mini]"]
    table = format_table(figures)
    assert "scripts/validate.py: wall" in table and "frictionless validate: wall" in table
    assert "re-load of unchanged data" in table and "Directory search" not in table  # no build, no browser
    entry["directory_search"] = {k: {"keystrokes": 68, "median": 0.01, "slowest": 0.03} for k in ("normal", "slow_phone")}
    assert "slowest keystroke, CPU 4× slower" in format_table(figures)
    json.dumps(figures)  # the --out figures are plain JSON


def test_targets_between_scales_and_against_the_baseline():
    def entry(scale, build_wall, median, pages_time):
        return {"scale": scale, "validate": {"wall": 1.0}, "frictionless": {"wall": 2.0},
                "in_process": {"load_warm": 0.001, "pages": {"units.build": pages_time},
                               "analytics": {"headline": 0.001, "progress.compute_all": pages_time},
                               "progress_available": True},
                "build": {"wall": build_wall, "median_page": median}}
    figures = {"datasets": {"demo": entry(1, 3.0, 1000, 0.1), "x10": entry(10, 40.0, 1050, 1.2)},
               "baseline": {"wall": 10.0}}
    result = {t["name"]: (round(t["value"], 3), t["pass"]) for t in targets(figures)}
    assert result["cold build ≤ 0.5× naive baseline [demo]"] == (0.3, True)
    assert result["build x10 ≤ 11× demo build"] == (13.333, False)
    assert result["median page x10 within 10% of demo"] == (5.0, True)
    assert result["analytics x10 ≤ 11× demo"] == (round(1.201 / 0.101, 3), False)
    assert result["generated pages x10 ≤ 11× demo"] == (12.0, False)
    assert result["validation ≤ 1.5× frictionless [x10]"] == (0.5, True)


def test_every_timed_build_writes_into_a_new_folder_and_none_is_deleted_in_between(tmp_path):
    """A tree deleted right before a build slowed the build's file creation (ext4), so repeats never reuse
    or clear a folder: the last one is "site", the others stay until the working folder goes."""
    outs = list(fresh_outputs(tmp_path / "site", 3))
    assert [p.name for p in outs] == ["site-run1", "site-run2", "site"]
    (tmp_path / "site").mkdir()
    with pytest.raises(BenchError, match="new folder"):
        list(fresh_outputs(tmp_path / "site", 1))


def test_the_bench_works_on_the_ram_disk_when_there_is_one(monkeypatch, tmp_path):
    from sotay.bench import measure
    monkeypatch.setattr(measure, "RAM_DISK", tmp_path)
    monkeypatch.setattr(measure, "RAM_DISK_ROOM", 1)
    assert measure.scratch_root() == tmp_path
    monkeypatch.setattr(measure, "RAM_DISK_ROOM", 1 << 62)  # no room
    assert measure.scratch_root() is None
    monkeypatch.setattr(measure, "RAM_DISK", tmp_path / "absent")
    assert measure.scratch_root() is None


def test_the_build_without_the_directory_leaves_out_its_pages_only(mini, tmp_path):
    whole = measure_build(mini, tmp_path / "whole")
    rest = measure_build(mini, tmp_path / "rest", module=WITHOUT)
    built = {p.relative_to(tmp_path / "whole" / "site").as_posix() for p in (tmp_path / "whole" / "site").rglob("*")}
    kept = {p.relative_to(tmp_path / "rest" / "site").as_posix() for p in (tmp_path / "rest" / "site").rglob("*")}
    assert kept < built
    # what is left out: the unit pages, the team pages with their vCards, the directory and its data
    gone = {path.split("/")[0] for path in built - kept if "/" in path} - {"assets"}
    assert gone == {"don-vi", "to", "danh-ba"}, gone
    assert {p for p in built - kept if p.startswith("assets/")} == {"assets/danh-ba-data.js", "assets/danh-ba-thanh-vien.js"}
    assert {"huong-dan/vneid/index.html", "tien-do/index.html", "tap-huan/index.html"} <= kept
    assert 0 < rest["pages"] < whole["pages"]
    # next to the baseline and the whole build, in the printed table; not targets
    figures = {"datasets": {"mini": {"scale": None, "build": whole}}, "baseline": {"wall": 2 * rest["wall"]},
               "without_directory": rest}
    assert [(name, round(value, 6)) for name, value in shares(figures)] == [
        ("build without the directory's pages / baseline [mini]", 0.5),
        ("build without them / whole build [mini]", round(rest["wall"] / whole["wall"], 6))]
    # in the printed table: the rows of 4b and the two ratios
    figures = run_bench([given_dataset(mini)], Options(repeat=1, skip_build=True), tmp_path, log=lambda m: None)
    figures["datasets"]["mini"]["build"] = whole
    figures.update(baseline={**rest, "wall": 2 * rest["wall"]}, without_directory=rest)
    table = format_table(figures)
    section = table.split("4b. The same build as 3 without unit pages, team pages and the directory", 1)[1]
    pages = next(line for line in section.splitlines() if line.strip().startswith("pages (index.html)"))
    assert pages.split()[-1] == f"{rest['pages']:,}"
    assert "  info  build without the directory's pages / baseline [mini]: 0.50×" in table
    assert "  info  build without them / whole build [mini]: " in table


def test_the_build_without_the_directory_stops_when_a_builder_is_not_there(monkeypatch):
    from sotay.bench import without
    from sotay.pages import site
    monkeypatch.setattr(site, "BUILDERS", [b for b in site.BUILDERS if b is not without.LEFT_OUT[1]])
    with pytest.raises(SystemExit, match="sotay.pages.teams.build"):
        without.main()


def test_directory_search_is_measured_key_by_key_in_chromium(browser, built_site):
    # the session's browser: a second Playwright in this process fails once pytest-playwright's is running
    from sotay.bench.browser import QUERIES, type_in_directory
    figures = type_in_directory(browser, built_site)
    for key in ("normal", "slow_phone"):
        run = figures[key]
        assert run["keystrokes"] == sum(map(len, QUERIES))
        assert 0 < run["median"] <= run["slowest"]
    # the target is on the slowest keystroke of the demo data, unthrottled
    sets = {"demo": {"scale": 1, "validate": {"wall": 1.0}, "frictionless": {"wall": 2.0},
                     "in_process": {"load_warm": 0.001, "pages": {}, "analytics": {}, "progress_available": False},
                     "directory_search": {**figures, "normal": {**figures["normal"], "slowest": 0.06}}}}
    found = [t for t in targets({"datasets": sets, "baseline": None}) if t["name"].startswith("directory search")]
    assert [(t["value"], t["pass"]) for t in found] == [(0.06, False)]


def test_the_directory_on_a_slow_line_finds_a_team_before_everything_is_in(browser, built_site):
    """sotay.bench.slow_line on the built site (one round, slowed as on a 50 KB/s line): the team first."""
    from sotay.bench.slow_line import measure
    times = measure(browser, built_site, "van xa ngoc lien")
    assert 0 < times["box"] < times["team"] < times["everything"], times
    # the members (~97 KB, two seconds on this line) come after the team is listed: in one file, together
    assert times["everything"] - times["team"] > 1.0, times


def test_script_help_is_its_docstring():
    result = run_script("bench.py", "--help")
    assert result.returncode == 0
    assert "--skip-build" in result.stdout and "frictionless validate" in result.stdout


def test_script_on_a_data_folder_writes_json(mini, tmp_path):
    out = tmp_path / "figures.json"
    result = run_script("bench.py", "--data", str(mini), "--skip-build", "--out", str(out), cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "ratio ours / frictionless" in result.stdout and "PASS" in result.stdout
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert figures["datasets"]["mini"]["rows"] == 59


def test_analytics_of_two_data_sets_are_timed_in_turns(mini):
    rounds = []
    figures = measure_analytics({"a": mini, "b": mini}, on_round=rounds.append)
    assert set(figures) == {"a", "b"}
    assert set(figures["a"]) == set(figures["b"]) >= {"headline", "progress.compute_all"}
    assert all(value > 0 for times in figures.values() for value in times.values())
    # every round times each data set once, so a slow spell of the machine weighs on both
    assert rounds == [["a", "b"]] * ANALYTICS_RUNS
