"""Checks against the data as it was at a git revision (a pull request's base): a unit keeps its slug,
since its pages' addresses, printed and shared, are made of it."""
from __future__ import annotations

import csv
import io
import subprocess
from pathlib import Path

from ..errors import CannotRun, Problem
from ..package import Package
from ..text import in_sentence
from .context import Context, Tables

UNITS = "units.csv"


def units_at(data_dir: Path, revision: str) -> str:
    """The text of data_dir/units.csv at revision (git show REV:./units.csv, run in data_dir)."""
    try:
        done = subprocess.run(["git", "-C", str(data_dir), "show", f"{revision}:./{UNITS}"],
                              capture_output=True, check=False, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise CannotRun(f"không chạy được git để đọc {UNITS} ở bản {revision}: {exc}") from None
    if done.returncode != 0:
        why = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise CannotRun(f"không đọc được {UNITS} ở bản {revision} (có đúng tên nhánh hoặc mã commit không?): "
                        f"{why[-1] if why else 'git báo lỗi'}")
    return done.stdout.decode("utf-8-sig", "replace")


def changed_slugs(before: str, package: Package, tables: Tables) -> list[Problem]:
    """A unit of both versions whose slug differs: its page would move and every link to it break."""
    old = {row.get("id"): row.get("slug") for row in csv.DictReader(io.StringIO(before))}
    ctx = Context(package, tables, None)  # type: ignore[arg-type]  # no rule here reads the day
    problems = []
    for row in ctx.rows("units"):
        was = old.get(row["id"])
        if was and row["slug"] and row["slug"] != was:
            problems.append(ctx.at("units", row, "slug", row["slug"],
                                    f"đường dẫn của {in_sentence(row['name'])} vốn là {was}: đổi thì trang của đơn vị chuyển sang địa chỉ mới, "
                                    f"mọi liên kết và mã QR đã in trỏ tới địa chỉ cũ đều không mở được; giữ {was} (đổi tên hiển thị "
                                    "ở cột name là đủ)"))
    return problems
