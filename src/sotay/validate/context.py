"""What every domain rule reads: the package, the typed tables and the day the data is checked on."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..errors import Problem
from ..package import Package

Tables = dict[str, list[dict]]


@dataclass
class Context:
    package: Package
    tables: Tables
    today: dt.date
    incomplete: frozenset[str] = frozenset()  # tables with rows left out for a bad cell

    def at(self, table: str, row: dict, column: str, value: object, message: str, also: tuple = ()) -> Problem:
        """A problem located at one cell of one row (and about the rows in also, as (file, line))."""
        fields = [f.name for f in self.package.resources[table].fields]
        position = fields.index(column) + 1 if column in fields else 0
        shown = "" if value is None else (value.isoformat() if isinstance(value, dt.date) else str(value))
        return Problem(row["_file"], row["_line"], position, column, shown, message, also)

    def rows(self, table: str) -> list[dict]:
        return self.tables.get(table, [])

    def index(self, table: str, key: str = "id") -> dict:
        return {row[key]: row for row in self.rows(table)}
