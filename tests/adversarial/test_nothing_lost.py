"""Nothing lost: every command that writes into data/ writes all or nothing. Each write is made to
fail at every step in turn (fsync, rename, unlink raising like a full disk would), and the data
folder must be byte-for-byte what it was, with no temporary file left behind."""
from __future__ import annotations

import errno
import importlib.util
import os
import unicodedata
from pathlib import Path

import pytest

from conftest import ROOT, run_script
from corpus import make_mini, set_cell
from sotay import atomic, demo


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


class Failing:
    """Replace ``module.name`` by a version that raises ENOSPC on its n-th call; counts calls."""

    def __init__(self, monkeypatch, module, name: str, fail_at: int | None):
        self.calls = 0
        self.fail_at = fail_at
        real = getattr(module, name)

        def wrapper(*args, **kwargs):
            self.calls += 1
            if self.calls == self.fail_at:
                raise OSError(errno.ENOSPC, "No space left on device (test)")
            return real(*args, **kwargs)
        monkeypatch.setattr(module, name, wrapper)


def _count(monkeypatch, name: str, action) -> int:
    with monkeypatch.context() as m:
        counter = Failing(m, os, name, None)
        action()
    return counter.calls


@pytest.fixture(scope="module")
def demo_calls(tmp_path_factory):
    """How many fsync, replace and unlink calls one demo write makes over an existing package."""
    out = tmp_path_factory.mktemp("count") / "data"
    mp = pytest.MonkeyPatch()
    counts = {}
    for name in ("fsync", "replace", "unlink"):
        demo.write(ROOT / "data", out, seed=1)
        (out / "teams" / "999.csv").write_text("id\n", encoding="utf-8")  # a part that must be removed
        counts[name] = _count(mp, name, lambda: demo.write(ROOT / "data", out, seed=2022))
    return counts


def _previous_package(tmp_path: Path) -> Path:
    """A data folder from an earlier run (another seed), with a stale part the new run would remove."""
    out = tmp_path / "data"
    demo.write(ROOT / "data", out, seed=1)
    (out / "teams" / "999.csv").write_text("id\n", encoding="utf-8")
    return out


@pytest.mark.parametrize("name", ["fsync", "replace", "unlink"])
def test_make_demo_data_leaves_the_folder_unchanged_when_a_write_fails(name, demo_calls, tmp_path, monkeypatch):
    out = _previous_package(tmp_path)
    before = snapshot(out)
    total = demo_calls[name]
    assert total >= 1
    steps = sorted(n for n in {1, 2, total // 2, total - 1, total} if 1 <= n <= total)
    for fail_at in steps:
        with monkeypatch.context() as m:
            Failing(m, os, name, fail_at)
            with pytest.raises(OSError):
                demo.write(ROOT / "data", out, seed=2022)
        assert snapshot(out) == before, f"{name} failing at call {fail_at} of {total} changed the data"
    demo.write(ROOT / "data", out, seed=2022)  # and without a failure the write goes through
    assert snapshot(out) != before and not (out / "teams" / "999.csv").exists()


def test_make_demo_data_script_reports_a_failure_and_changes_nothing(tmp_path):
    out = _previous_package(tmp_path)
    # A file where the script needs a folder: the write fails half-way, as on a broken disk.
    (out / "members").rename(tmp_path / "members-moved")
    (out / "members").write_text("not a folder\n", encoding="utf-8")
    before = snapshot(out)
    result = run_script("make_demo_data.py", "--out", str(out))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "không bị thay đổi" in result.stderr
    assert snapshot(out) == before
    assert not [p for p in out.rglob(".*.tmp")]


def _validate_module():
    spec = importlib.util.spec_from_file_location("validate_script", ROOT / "scripts" / "validate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name, fail_at", [("fsync", 1), ("fsync", 2), ("replace", 1), ("replace", 2)])
def test_fix_nfc_is_all_or_nothing(name, fail_at, tmp_path, monkeypatch, capsys):
    root = make_mini(tmp_path / "data")
    set_cell("members/288.csv", 3, "full_name", unicodedata.normalize("NFD", "Phạm Thị Dung"))(root)
    set_cell("teams/288.csv", 3, "village", unicodedata.normalize("NFD", "Khu dân cư số 1"))(root)
    before = snapshot(root)
    script = _validate_module()
    Failing(monkeypatch, os, name, fail_at)
    assert script.main([str(root), "--today", "2023-01-01", "--fix-nfc"]) == 2
    assert "Dữ liệu không bị thay đổi" in capsys.readouterr().err
    assert snapshot(root) == before
    monkeypatch.undo()
    assert script.main([str(root), "--today", "2023-01-01", "--fix-nfc"]) == 0
    assert snapshot(root) != before


def test_replace_files_restores_deleted_and_created_files(tmp_path, monkeypatch):
    (tmp_path / "keep.csv").write_bytes(b"old\n")
    (tmp_path / "stale.csv").write_bytes(b"stale\n")
    before = snapshot(tmp_path)
    writes = {tmp_path / "keep.csv": b"new\n", tmp_path / "new" / "deep" / "file.csv": b"x\n"}
    Failing(monkeypatch, Path, "unlink", 1)  # the stale file cannot be removed: roll everything back
    with pytest.raises(OSError):
        atomic.replace_files(writes, [tmp_path / "stale.csv"])
    assert snapshot(tmp_path) == before
    assert not (tmp_path / "new").exists()
