"""The whole check: package description, Table Schemas, domain rules, undeclared files."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .. import collector
from ..errors import Problem
from ..package import DESCRIPTOR, Package, read_package
from .rules import check_rules
from .schema import TablesRead, foreign_key_problems, read_tables
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
        first = first_pass(root)
        return first.package, first.tables, sorted(first.problems + first.rest(today))


@dataclass
class FirstPass:
    """The package description, the schemas and every cell of every file checked: the typed tables are
    known. The rest of the check (foreign keys, domain rules) only adds problems (``rest``)."""

    package: Package | None
    tables: dict[str, list[dict]]
    problems: list[Problem]
    read: TablesRead | None
    shape: list[Problem]  # the package's own structure; the rules read the tables and fields the model needs

    def rest(self, today: dt.date) -> list[Problem]:
        """Foreign keys and domain rules (the day matters to rules about dates)."""
        if self.package is None or self.read is None:
            return []
        keys = foreign_key_problems(self.package, self.read)
        if self.shape or self.package.unread:
            return keys
        # tables with a row left out for a bad cell: rules about what is missing would only echo it
        table_problems = self.read.problems + keys
        incomplete = {name for name, r in self.package.resources.items()
                      if r.missing or any(p.file in r.paths for p in table_problems)}
        return keys + check_rules(self.package, self.tables, today, incomplete)


def first_pass(root: Path) -> FirstPass:
    package, problems = read_package(root)
    if package is None:
        return FirstPass(None, {}, problems, None, [])
    problems += undeclared_files(package)
    shape = structure_problems(package)
    problems += shape
    read = read_tables(package)
    return FirstPass(package, read.tables, problems + read.problems, read, shape)
