"""Demo data: the province's real counts at scale 1, deterministic, valid, and linear in --scale."""
from __future__ import annotations

import datetime as dt
import filecmp

from conftest import DATA, run_script
from sotay.analytics.headline import headline
from sotay.load import load_model


def test_scale_1_has_the_reported_counts():
    figures = headline(load_model(DATA, dt.date(2023, 1, 20)))
    assert vars(figures) == {
        "province_members": 113,
        "districts_with_group": 12, "districts_total": 12, "district_members": 357,
        "communes_with_teams": 235, "communes_total": 235, "village_teams": 1340, "village_members": 6891,
        "communes_with_steering": 107, "commune_steering_members": 1499,
    }


def test_same_seed_gives_identical_files(tmp_path):
    for name in ("a", "b"):
        assert run_script("make_demo_data.py", "--out", str(tmp_path / name)).returncode == 0
    comparison = filecmp.dircmp(tmp_path / "a", tmp_path / "b")
    assert not comparison.diff_files and not comparison.left_only and not comparison.right_only
    for sub in ("teams", "members", "reports"):
        assert not filecmp.dircmp(tmp_path / "a" / sub, tmp_path / "b" / sub).diff_files


def test_shipped_data_is_the_demo_set(tmp_path):
    assert run_script("make_demo_data.py", "--out", str(tmp_path / "d")).returncode == 0
    for path in DATA.rglob("*.csv"):
        rel = path.relative_to(DATA)
        assert (tmp_path / "d" / rel).read_bytes() == path.read_bytes(), rel


def test_scale_2_doubles_village_teams_and_stays_valid(tmp_path):
    assert run_script("make_demo_data.py", "--out", str(tmp_path / "d"), "--scale", "2").returncode == 0
    figures = headline(load_model(tmp_path / "d", dt.date(2023, 1, 20)))
    assert (figures.village_teams, figures.village_members, figures.province_members) == (2680, 13782, 113)


def test_personal_data_is_visibly_fictitious():
    import csv
    for path in (DATA / "members").glob("*.csv"):
        for row in csv.DictReader(path.open(encoding="utf-8")):
            assert row["phone"].startswith(("0900", "0901"))
            assert not row["email"] or row["email"].endswith("@example.com")


def test_no_two_indicators_show_the_same_province_totals():
    """Voso and Postmart had the same target rate, and by chance the same results too (6.345/8.012 each):
    officials took it for a copying mistake."""
    from sotay.analytics import progress
    model = load_model(DATA, dt.date(2023, 1, 20))
    totals = [(f.achieved, f.target) for f in progress.compute_all(model).province.figures]
    assert len(set(totals)) == len(totals), totals
