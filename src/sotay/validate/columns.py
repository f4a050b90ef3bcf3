"""The quick way through a clean file: every check of schema.py made column by column, in loops that run
in C (a regex over a column's cells joined, map, set, min and max), instead of cell by cell.

``fast_rows`` either returns the typed rows of a file in which nothing is wrong, exactly as the cell-by-cell
pass would build them, or None as soon as any check might fail. The caller then runs the cell-by-cell
pass, which says where and why; so a problem is always reported the one way."""
from __future__ import annotations

import datetime as dt
import unicodedata
from operator import eq

from ..csvio import MAX_CELL_CHARS
from .cells import _INT, _ISO_DATE, _NOT_CANONICAL, _NUMBER, _SUSPECT

SEPARATOR = "|"  # joins a column's cells; not a character text_problems looks at


def _clean_text(cells: list[str]) -> bool:
    """True when text_problems() would find nothing in any of the cells (a False may be a false alarm)."""
    joined = SEPARATOR.join(cells)
    return (_SUSPECT.search(joined) is None and all(map(eq, cells, map(str.strip, cells)))
            and (joined.isascii() or unicodedata.is_normalized("NFC", joined)))


def _cast(kind: str, spec, texts: list[str]) -> list | None:
    """The typed values of non-empty cells, or None if any cell is not a canonical value of the type."""
    if kind == "string":
        return texts
    if kind == "integer":
        if all(map(_INT.fullmatch, texts)) and not any(map(_NOT_CANONICAL.fullmatch, texts)):
            return list(map(int, texts))
        return None
    if kind == "number":
        return list(map(float, texts)) if all(map(_NUMBER.fullmatch, texts)) else None
    if kind == "date":
        if not all(map(_ISO_DATE.fullmatch, texts)):
            return None
        try:
            return list(map(dt.date.fromisoformat, texts))
        except ValueError:  # a day that is not on the calendar
            return None
    if kind == "boolean":
        # a value listed both ways is true, as cells.caster reads it
        meaning = {**{v: False for v in spec.false_values}, **{v: True for v in spec.true_values}}
        return [meaning[t] for t in texts] if set(texts) <= meaning.keys() else None
    return None


def _within(values: list, texts: list[str], limits) -> bool:
    pattern, enum, max_length, minimum, maximum = limits
    if enum is not None and not set(values) <= enum:
        return False
    if pattern is not None and not all(map(pattern.fullmatch, texts)):
        return False
    if max_length is not None and max(map(len, texts)) > max_length:
        return False
    if minimum is not None and min(values) < minimum:
        return False
    return maximum is None or max(values) <= maximum


def fast_rows(file: str, raw_rows: list[tuple[int, list[str]]], checks: list, seen_unique: dict[str, dict],
              seen_key: dict[tuple, tuple[str, int]], key: list[str]) -> list[dict] | None:
    """The file's typed rows (every row as wide as the header), or None when the cell-by-cell pass must
    look. ``seen_unique`` and ``seen_key`` (values met in earlier files) are updated only on success."""
    if not raw_rows:
        return []
    lines = [line for line, _ in raw_rows]
    columns: list[list] = []
    for (_position, spec, _cast_one, required, multiline, limits), cells in zip(checks, zip(*(c for _, c in raw_rows))):
        texts = [t for t in cells if t]
        if len(texts) < len(cells) and required:
            return None
        if not texts:
            columns.append([None] * len(cells))
            continue
        if max(map(len, texts)) > MAX_CELL_CHARS or not _clean_text(texts):
            return None
        values = _cast(spec.type, spec, texts)
        if values is None or (limits is not None and not _within(values, texts, limits)):
            return None
        if len(texts) < len(cells):  # put the empty cells back, as None
            found = iter(values)
            values = [next(found) if t else None for t in cells]
        columns.append(values)
    names = [check[1].name for check in checks]
    by_name = dict(zip(names, columns))
    added: dict[str, dict] = {}
    for name, seen in seen_unique.items():
        present = [(v, line) for v, line in zip(by_name[name], lines) if v is not None]
        values = {v for v, _ in present}
        if len(values) < len(present) or not seen.keys().isdisjoint(values):
            return None
        added[name] = dict(present)
    if key:
        keys = [(k, line) for k, line in zip(zip(*(by_name[k] for k in key)), lines) if None not in k]
        distinct = {k for k, _ in keys}
        if len(distinct) < len(keys) or not seen_key.keys().isdisjoint(distinct):
            return None
        seen_key.update((k, (file, line)) for k, line in keys)
    for name, found in added.items():
        seen_unique[name].update((v, (file, line)) for v, line in found.items())
    fields = ("_file", "_line", *names)
    return [dict(zip(fields, (file, line, *values))) for line, *values in zip(lines, *columns)]
