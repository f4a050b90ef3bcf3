"""Run every case of the adversarial corpus through scripts/validate.py in a fresh process."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pytest

from conftest import ROOT, run_script
from sotay.csvio import MAX_FILE_BYTES
from corpus import Case, all_cases, make_mini, set_cell
from sotay import phones
from sotay.load import load_model
from sotay.validate.rules import INTERNAL

CASES = all_cases()
TODAY = "2023-01-01"


def test_the_corpus_is_big_and_covers_every_category():
    assert len(CASES) >= 40
    assert len({c.id for c in CASES}) == len(CASES)
    categories = {c.category for c in CASES}
    assert len(categories) >= 12, categories


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case, tmp_path):
    root = make_mini(tmp_path / "data")
    case.apply(root)
    result = run_script("validate.py", str(root), "--today", TODAY, cwd=tmp_path)
    assert "Traceback" not in result.stderr, result.stderr
    assert INTERNAL not in result.stdout
    assert not (tmp_path / "sotay-pwned").exists(), "a YAML tag ran a command"
    if case.accepted:
        assert result.returncode == 0, result.stdout
        return
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    for prefix in case.expect:
        matching = [line for line in lines if line.startswith(prefix)]
        assert matching, f"no problem at {prefix!r}:\n{result.stdout}"
    if case.contains:
        first = next(line for line in lines if line.startswith(case.expect[0]))
        assert case.contains in first, first
    for line in lines:  # every problem is located: file:row:column: value: message
        file, row, _rest = line.split(":", 2)
        assert file and row.isdigit(), line


@pytest.mark.parametrize("written", ["+84900000004", "0900 000 004", "+84 900 000 004", "0900000004"])
def test_accepted_phone_formats_are_displayed_grouped(written, tmp_path):
    root = make_mini(tmp_path / "data")
    set_cell("members/288.csv", 3, "phone", written)(root)
    model = load_model(root, dt.date(2023, 1, 20), clock=dt.date(2023, 1, 20))
    member = next(m for m in model.members if m.id == "TV-000004")
    assert member.phone_display == "0900 000 004"
    assert member.phone_link == "+84900000004"
    assert phones.national(written) == "0900 000 004"


def test_fix_nfc_repairs_the_nfd_case(tmp_path):
    root = make_mini(tmp_path / "data")
    next(c for c in CASES if c.id == "nfd-name").apply(root)
    assert run_script("validate.py", str(root), "--today", TODAY).returncode == 1
    result = run_script("validate.py", str(root), "--today", TODAY, "--fix-nfc")
    assert result.returncode == 0, result.stdout
    assert "Đã chuẩn hóa NFC: members/288.csv" in result.stdout
    assert "Phạm Thị Dung" in (root / "members/288.csv").read_text(encoding="utf-8")


# Runs validate.py as its only child and reports that child's peak memory (ru_maxrss is per process
# tree, so the measuring process must not have run anything else).
_MEASURE = """
import json, resource, subprocess, sys
result = subprocess.run(sys.argv[1:], capture_output=True, text=True)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
print(json.dumps({"rc": result.returncode, "stdout": result.stdout, "stderr": result.stderr, "peak": peak}))
"""


def test_50_mb_csv_is_refused_within_bounded_memory(tmp_path):
    root = make_mini(tmp_path / "data")
    path = root / "members/30.csv"
    row = "TV-{:07d},BCD-30,Nguyễn Văn An,Tổ viên,Sở Thông tin và Truyền thông,0900000001,,,có,2022-03-21,\n"
    with path.open("a", encoding="utf-8") as handle:
        number = 100_000
        while handle.tell() < 50 * 1024 * 1024:
            handle.write("".join(row.format(number + i) for i in range(1000)))
            number += 1000
    assert path.stat().st_size > MAX_FILE_BYTES
    measured = subprocess.run([sys.executable, "-c", _MEASURE, sys.executable, str(ROOT / "scripts/validate.py"), str(root), "--today", TODAY],
                              capture_output=True, text=True, timeout=300)
    result = json.loads(measured.stdout)
    assert result["rc"] == 1 and "Traceback" not in result["stderr"]
    assert result["stdout"].startswith("members/30.csv:0:: 50 MB: tệp quá lớn (giới hạn 20 MB)"), result["stdout"]
    print(f"peak RSS validating a 50 MB CSV: {result['peak'] / 2**20:.0f} MB")
    assert result["peak"] < 150 * 2**20
