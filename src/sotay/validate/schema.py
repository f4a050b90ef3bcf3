"""Table Schema checks in one pass per file: header, types, required, enum, pattern, length, range,
unique, primary and foreign keys. Returns typed rows, so the data is read and cast exactly once."""
from __future__ import annotations

import re
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path

from ..csvio import MAX_CELL_CHARS, read_csv
from ..errors import Problem
from ..package import Field, Package, Resource
from ..text import invisible_characters
from .cells import CellError, caster, text_problems
from .columns import fast_rows

MULTILINE_FROM = 500  # text fields this long (notes) may hold line breaks; shorter ones are one line

Row = dict  # typed values by field name, plus "_file" and "_line"


@dataclass
class TablesRead:
    """Every table read and checked cell by cell, before the foreign keys are."""

    tables: dict[str, list[Row]]  # typed rows without a bad cell
    every: dict[str, list[Row]]  # also rows with a bad cell, so one mistake is reported once
    problems: list[Problem]
    incomplete: set[str]  # tables with a file that could not be read at all, or that does not exist: keys unknown
    broken: dict[str, dict[str, set[str]]]  # table -> field -> its cells in rows of the wrong width


def read_tables(package: Package) -> TablesRead:
    """Read every table of the package and check each cell, row and key within its table."""
    read = TablesRead({}, {}, [], {name for name, r in package.resources.items() if r.missing}, {})
    for resource in package.resources.values():
        read.tables[resource.name], read.every[resource.name] = _load_resource(
            package.root, resource, read.problems, read.incomplete, read.broken)
    return read


def foreign_key_problems(package: Package, read: TablesRead) -> list[Problem]:
    """The rows whose foreign keys point at no row of their target table."""
    problems = list(read.problems)  # a key refused in its own table is not reported again where it is used
    for resource in package.resources.values():
        _check_foreign_keys(resource, package, read.every, problems, read.incomplete, read.broken)
    return problems[len(read.problems):]


def _load_resource(root: Path, resource: Resource, problems: list[Problem], incomplete: set[str],
                   broken: dict[str, dict[str, set[str]]]) -> tuple[list[Row], list[Row]]:
    names = [f.name for f in resource.fields]
    checks = []
    for position, spec in enumerate(resource.fields, start=1):
        c = spec.constraints
        pattern = re.compile(c["pattern"]) if "pattern" in c else None
        enum = set(c["enum"]) if "enum" in c else None
        limits = (pattern, enum, c.get("maxLength"), c.get("minimum"), c.get("maximum"))
        checks.append((position, spec, caster(spec), bool(c.get("required")), _multiline(spec),
                       limits if any(x is not None for x in limits) else None))
    unique_fields = [spec.name for spec in resource.fields if spec.constraints.get("unique")]
    seen_unique: dict[str, dict] = {name: {} for name in unique_fields}
    seen_key: dict[tuple, tuple[str, int]] = {}
    key = resource.primary_key
    if len(key) == 1 and key[0] in seen_unique:
        key = []  # already checked as a unique field
    rows: list[Row] = []
    every: list[Row] = []
    for file in resource.paths:
        header, raw_rows, file_problems = read_csv(root / file, file)
        problems += file_problems
        if header is None:
            incomplete.add(resource.name)
            continue
        if header != names:
            problems.append(Problem(file, 1, 0, "", ",".join(header), header_message(header, names)))
            incomplete.add(resource.name)
            continue
        width = len(names)
        if all(len(cells) == width for _, cells in raw_rows):
            fast = fast_rows(file, raw_rows, checks, seen_unique, seen_key, key)
            if fast is not None:
                rows += fast
                every += fast
                continue
        for line, cells in raw_rows:
            if cells == header:  # a second table pasted under the first: one problem, not one per column
                problems.append(Problem(file, line, 0, "", _shortened(",".join(cells)),
                                        "dòng này lặp lại dòng tiêu đề (thường do dán thêm một bảng vào cuối): xóa dòng này"))
                incomplete.add(resource.name)
                continue
            if len(cells) != width:
                problems.append(Problem(file, line, 0, "", _shortened(",".join(cells)), _width_message(cells, width)))
                cells_of = broken.setdefault(resource.name, {})
                for name, text in zip(names, cells):  # its key as typed, for the rows that point at it
                    cells_of.setdefault(name, set()).add(text.strip())
                continue
            row: Row = {"_file": file, "_line": line}
            ok = True
            for (position, spec, cast, required, multiline, limits), text in zip(checks, cells):
                name = spec.name
                if text == "":
                    row[name] = None
                    if required:
                        problems.append(Problem(file, line, position, name, "", f"ô bắt buộc đang để trống: {_fill(spec)}"))
                        ok = False
                    continue
                message = (f"ô dài {len(text)} ký tự, quá giới hạn {MAX_CELL_CHARS}: có thể đã dán nhầm; hãy viết ngắn lại"
                           if len(text) > MAX_CELL_CHARS else text_problems(text, multiline=multiline))
                if message is None:
                    try:
                        value = cast(text)
                    except CellError as exc:
                        message = str(exc)
                    else:
                        if limits is not None:
                            message = _constraint_message(spec, value, text, *limits)
                if message:
                    problems.append(Problem(file, line, position, name, text, message))
                    ok = False
                    row[name] = None
                    continue
                row[name] = value
                if name in seen_unique:
                    previous = seen_unique[name].setdefault(value, (file, line))
                    if previous != (file, line):
                        problems.append(Problem(file, line, position, name, text,
                                                f"bị trùng với {_where(previous, file)}: mỗi {spec.title.lower()} chỉ được xuất hiện một lần"))
                        ok = False
            every.append(row)
            if key and ok:
                values = tuple(row.get(k) for k in key)
                if None not in values:
                    previous = seen_key.setdefault(values, (file, line))
                    if previous != (file, line):
                        problems.append(Problem(file, line, 0, "+".join(key), " / ".join(map(str, values)),
                                                f"trùng với {_where(previous, file)}: cặp ({', '.join(key)}) chỉ được có một dòng; gộp hai dòng hoặc xóa một dòng"))
                        ok = False
            if ok:
                rows.append(row)
    return rows, every


def _fill(spec: Field) -> str:
    """What to write in an empty required cell: "hãy điền họ và tên"; for a yes/no column its two words."""
    if spec.type == "boolean":
        return f"ghi {' hoặc '.join(repr(v) for v in (*spec.true_values, *spec.false_values))} ({spec.title.lower()})"
    return f"hãy điền {spec.title.lower()}"


def _multiline(spec: Field) -> bool:
    return spec.type == "string" and (spec.constraints.get("maxLength") or 0) >= MULTILINE_FROM


def header_message(header: list[str], names: list[str]) -> str:
    """Say exactly what is wrong with a header row: hidden characters, duplicates, missing, unknown, order."""
    expected = f"dòng tiêu đề phải đúng là: {','.join(names)}"
    for position, cell in enumerate(header, start=1):
        hidden = invisible_characters(cell)
        if hidden:
            bom = " (dấu BOM lặp lại, thường do lưu tệp nhiều lần)" if "U+FEFF" in hidden else ""
            return f"tên cột thứ {position} có ký tự ẩn {', '.join(sorted(set(hidden)))}{bom}: xóa và gõ lại dòng tiêu đề; {expected}"
    for separator, name in ((";", "dấu chấm phẩy (;)"), ("\t", "dấu Tab")):
        if len(header) == 1 and header[0].split(separator) == list(names):  # Excel's "CSV" on Vietnamese settings
            return (f"các cột được ngăn bằng {name}, không phải dấu phẩy: trong Excel chọn Lưu thành, "
                    f"kiểu 'CSV UTF-8 (Comma delimited)'; {expected}")
    duplicates = sorted({c for c in header if header.count(c) > 1})
    if duplicates:
        return f"cột {', '.join(duplicates)} bị lặp lại; {expected}"
    missing = [n for n in names if n not in header]
    unknown = [c for c in header if c not in names]
    parts = []
    if missing:
        parts.append(f"thiếu cột {', '.join(missing)}")
    if unknown:
        parts.append(f"có cột không được khai báo {', '.join(c or '(trống)' for c in unknown)}")
    if not parts:
        parts.append("các cột sai thứ tự")
    return f"{'; '.join(parts)}; {expected} (đủ cột, đúng thứ tự, đúng chính tả)"


def _constraint_message(spec, value, text, pattern, enum, max_length, minimum, maximum) -> str | None:
    if enum is not None and value not in enum:
        return f"giá trị không được phép; chỉ chọn một trong: {', '.join(spec.constraints['enum'])}"
    if pattern is not None and not pattern.fullmatch(text):
        return f"không đúng dạng quy định; ví dụ viết đúng: {spec.example}"
    if max_length is not None and len(text) > max_length:
        return f"dài {len(text)} ký tự, vượt giới hạn {max_length}: hãy viết ngắn lại"
    if minimum is not None and value < minimum:
        return "số không được âm" if minimum == 0 else f"nhỏ hơn giá trị tối thiểu {minimum}"
    if maximum is not None and value > maximum:
        return f"lớn hơn giá trị tối đa {maximum}: kiểm tra lại có gõ thừa chữ số không"
    return None


def _where(previous: tuple[str, int], file: str) -> str:
    return f"dòng {previous[1]}" if previous[0] == file else f"dòng {previous[1]} của {previous[0]}"


def _refused_keys(problems: list[Problem], target: Resource, field: str) -> set[str]:
    """Key cells of the target refused for themselves ('BCD-297 ' with a space): a row that points at what
    such a cell was meant to be is not reported again; one mistake, one message, not one per member."""
    files = set(target.paths)
    return {p.value.strip() for p in problems if p.column == field and p.file in files and p.value.strip()}


def _check_foreign_keys(resource: Resource, package: Package, tables: dict[str, list[Row]], problems: list[Problem],
                        incomplete: set[str], broken: dict[str, dict[str, set[str]]]) -> None:
    for fk in resource.foreign_keys:
        target = fk.resource or resource.name
        if target not in tables or not set(fk.ref_fields) <= {f.name for f in package.resources[target].fields}:
            continue  # reported once by structure.py
        if target in incomplete:
            continue  # a file of the target could not be read (reported): its keys are unknown, not missing
        # Every row has every field (None where a cell is empty or bad): itemgetter reads them in C.
        own, ref = itemgetter(*fk.fields), itemgetter(*fk.ref_fields)
        known = set(map(ref, tables[target]))
        positions = {f.name: i for i, f in enumerate(resource.fields, start=1)}
        title = package.resources[target].title.lower()
        single = len(fk.fields) == 1
        refused = _refused_keys(problems, package.resources[target], fk.ref_fields[0]) if single else set()
        # a row of the target left out for its width (a comma too many) still holds its key: the rows that
        # point at it are not reported too (68 attendance rows for one training row, blamed on Excel)
        refused |= broken.get(target, {}).get(fk.ref_fields[0], set()) if single else set()
        for row in tables[resource.name]:
            found = own(row)
            if found in known or found in refused:
                continue
            values = (found,) if single else found
            if None in values:
                continue
            shown = " / ".join(map(str, values))
            problems.append(Problem(row["_file"], row["_line"], positions[fk.fields[0]], "+".join(fk.fields), shown,
                                    f"không có mã này trong bảng {title} ({target}): kiểm tra chính tả (phân biệt hoa, thường) hoặc thêm vào bảng {target} trước"))


def _shortened(text: str, limit: int = 80) -> str:
    """A long row shown by its start and its end: the end is where a comma too many usually is."""
    return text if len(text) <= limit else f"{text[:limit // 2]} … {text[-(limit // 2 - 3):]}"


def _width_message(cells: list[str], width: int) -> str:
    extra = cells[width:]
    if extra and not any(c.strip() for c in extra):  # Excel's ",,," after the last column
        return (f"dòng có {len(cells)} ô nhưng bảng có {width} cột: {len(extra)} ô trống thừa ở cuối dòng (thường do Excel): "
                "xóa các dấu phẩy thừa ở cuối dòng")
    return (f"dòng có {len(cells)} ô nhưng bảng có {width} cột: kiểm tra dấu phẩy thừa hoặc thiếu "
            "(ô có dấu phẩy phải đặt trong ngoặc kép)")
