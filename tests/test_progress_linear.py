"""The training and progress analytics do linear work: twice the data, about twice the steps.

Counted in executed source lines of sotay/analytics (deterministic), not in seconds: wall time at
large scale also grows with CPU-cache misses, which no algorithm choice removes."""
from __future__ import annotations

import datetime as dt
from conftest import DATA, run_script
from linework import lines_run
from sotay.analytics.progress import compute_all
from sotay.load import load_model


def steps(root) -> tuple[int, int]:
    model = load_model(root, dt.date(2023, 1, 20))
    count = lines_run(lambda path: "sotay/analytics" in path, lambda: compute_all(model))
    return count, len(model.reports)


def test_analytics_work_grows_linearly(tmp_path):
    result = run_script("make_demo_data.py", "--out", str(tmp_path / "x2"), "--scale", "2")
    assert result.returncode == 0, result.stderr
    one, reports_one = steps(DATA)
    two, reports_two = steps(tmp_path / "x2")
    data_ratio = reports_two / reports_one
    assert data_ratio > 1.8
    assert two / one <= data_ratio * 1.1, (one, two, data_ratio)
