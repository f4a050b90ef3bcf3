"""The whole check: package description, Table Schemas, domain rules, undeclared files."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from .. import collector
from ..errors import Problem
from ..package import DESCRIPTOR, Package, read_package
from .rules import check_rules
from .schema import load_tables
from .structure import structure_problems

DATA_SUFFIXES = {".csv", ".tsv", ".xlsx", ".xls", ".json", ".yaml", ".yml", ".txt"}


def undeclared_files(package: Package) -> list[Problem]:
    """Data files in the folder that no resource declares (they would be silently ignored)."""
    declared = package.declared_files()
    schemas = {r.schema_path for r in package.resources.values()}
    problems = []
    for path in sorted(package.root.rglob("*")):
        if not path.is_file() or path.suffix.lower() not in DATA_SUFFIXES or path.name.startswith("."):
            continue
        relative = path.relative_to(package.root).as_posix()
        if relative in declared or relative in schemas or relative == DESCRIPTOR or relative.startswith("schemas/"):
            continue
        problems.append(Problem(relative, 0, 0, "", "", f"tệp dữ liệu chưa được khai báo trong {DESCRIPTOR} nên sẽ bị bỏ qua: thêm '{relative}' vào 'path' của bảng tương ứng"))
    for name, resource in package.resources.items():
        for path in resource.paths:
            if not path.lower().endswith(".csv"):
                problems.append(Problem(DESCRIPTOR, 0, 0, name, path, "chỉ hỗ trợ tệp CSV cho bảng dữ liệu: lưu tệp dưới dạng CSV UTF-8"))
    return problems


def check(root: Path, today: dt.date) -> tuple[Package | None, dict[str, list[dict]], list[Problem]]:
    """Validate the data folder; return the package, typed tables (valid rows) and sorted problems."""
    with collector.paused():
        return _check(root, today)


def _check(root: Path, today: dt.date) -> tuple[Package | None, dict[str, list[dict]], list[Problem]]:
    package, problems = read_package(root)
    if package is None:
        return None, {}, sorted(problems)
    problems += undeclared_files(package)
    shape = structure_problems(package)
    problems += shape
    tables, table_problems = load_tables(package)
    problems += table_problems
    if not shape and not package.unread:  # the rules read the tables and fields the model needs
        # tables with a row left out for a bad cell: rules about what is missing would only echo it
        incomplete = {name for name, r in package.resources.items()
                      if r.missing or any(p.file in r.paths for p in table_problems)}
        problems += check_rules(package, tables, today, incomplete)
    return package, tables, sorted(problems)
