"""Property-based tests (Hypothesis), driven by the schemas: rows for every table, made of values
that are valid, nearly valid or arbitrary, appended to a copy of the mini package.

- the validator never raises, never reports an internal error, and every problem it reports for a
  generated row is located in that file at that row (or, for a row that breaks the file, below it);
- a row it accepts round-trips: its typed values written back give exactly the text written;
- every single cell the validator accepts round-trips the same way;
- checking column by column (the quick way for clean files) gives exactly what checking cell by cell gives.

The number of examples run per table is printed and written to test-artifacts/hypothesis.json.
"""
from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import json
import re
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sotay.validate.check as check_module
import sotay.validate.schema as schema_module
from conftest import ROOT
from corpus import make_mini, read_rows
from sotay.constants import LEADER
from sotay.model import build_model
from sotay.package import read_package
from sotay.validate.cells import CellError, caster, text_problems
from sotay.validate.rules import INTERNAL

TODAY = dt.date(2023, 1, 1)
EXAMPLES = 200
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much])
WORK = Path(tempfile.mkdtemp(prefix="sotay-fuzz-"))
PACKAGE = make_mini(WORK / "mini")
ORIGINALS = {p: p.read_bytes() for p in PACKAGE.rglob("*.csv")}
RESOURCES = read_package(PACKAGE)[0].resources
DECLARED = {path for r in RESOURCES.values() for path in r.paths}
COUNTS: dict[str, dict[str, int]] = {}

TRICKY = ["", " ", "0", "-1", "007", "1.000", "1,5", "2022-02-31", "31/12/2022", "2022-6-1", "có", "không", "true",
          "TV-000001", "TCN-10507-01", "BCD-30", "0900000004", "+84900000004", "0900 000 004", "09000", "a@b.co",
          "Nguyễn Văn An", "Nguye\u0302\u0303n", "x\u200by", "\ufeffid", "<b>", "&amp;", "javascript:x", "=1+1", "@a", "{{ 7*7 }}",
          '"', '""', "a,b", "a\nb", "a\r\nb", "a\rb", "\t", "\x00", "\x1b[0m", "🙂", "\u202e", "\U0010ffff", "9" * 30]
ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=24)  # no lone surrogates: they cannot be saved


@functools.cache
def _column_values(table: str, name: str) -> list[str]:
    resource = RESOURCES[table]
    values = set()
    for path in resource.paths:
        rows = read_rows(PACKAGE / path)
        values |= {row[rows[0].index(name)] for row in rows[1:]}
    return sorted(values)


def _valid_cell(resource, spec) -> st.SearchStrategy[str]:
    """Values that are valid for the field on their own (the row may still break a rule)."""
    c = spec.constraints
    options = [st.sampled_from(_column_values(resource.name, spec.name) or [str(spec.example)])]
    if "enum" in c:
        options.append(st.sampled_from([str(v) for v in c["enum"]]))
    elif "pattern" in c:
        options.append(st.from_regex(re.compile(c["pattern"]), fullmatch=True).filter(lambda s: text_problems(s) is None))
    elif spec.type == "integer":
        options.append(st.integers(c.get("minimum", -10**6), c.get("maximum", 10**6)).map(str))
    elif spec.type == "date":
        options.append(st.dates(dt.date(2021, 1, 1), dt.date(2022, 12, 31)).map(dt.date.isoformat))
    elif spec.type == "boolean":
        options.append(st.sampled_from([*spec.true_values, *spec.false_values]))
    else:
        options.append(st.from_regex(r"[A-Za-zÀ-ỹđĐ0-9][A-Za-zÀ-ỹđĐ0-9 .,()/-]{0,30}[A-Za-zÀ-ỹđĐ0-9.)]", fullmatch=True)
                       .map(lambda s: re.sub(r" {2,}", " ", s)).filter(lambda s: text_problems(s) is None))
    if not spec.required:
        options.append(st.just(""))
    return st.one_of(options)


def _any_cell(resource, spec) -> st.SearchStrategy[str]:
    return _any_cell_cached(resource.name, spec.name)


@functools.cache
def _any_cell_cached(table: str, name: str) -> st.SearchStrategy[str]:
    resource = RESOURCES[table]
    return st.one_of(_valid_cell(resource, resource.field(name)), st.sampled_from(TRICKY), ANY_TEXT)


def _near_copies(resource) -> st.SearchStrategy[list[str]]:
    """An existing row with a fresh id and one text field rewritten: mostly valid rows, so the
    round trip is exercised on whole rows too."""
    rows = [row for path in resource.paths for row in read_rows(PACKAGE / path)[1:]]
    if not rows:
        return st.nothing()
    names = [f.name for f in resource.fields]
    ids = [i for i, f in enumerate(resource.fields) if f.constraints.get("unique") and "pattern" in f.constraints]
    texts = [i for i, f in enumerate(resource.fields)
             if f.type == "string" and not {"enum", "pattern"} & set(f.constraints) and f.name not in ("phone", "zalo", "public_phone")
             and not any(f.name in fk.fields for fk in resource.foreign_keys)]

    @st.composite
    def build(draw):
        row = list(draw(st.sampled_from(rows)))
        for i in ids:  # a fresh id shaped like the copied one (TCN-10507-01 -> TCN-10507-417), else any valid id
            pattern = re.compile(resource.fields[i].constraints["pattern"])
            fresh = re.sub(r"[0-9]+$", str(draw(st.integers(100, 999))), row[i])
            row[i] = fresh if pattern.fullmatch(fresh) else draw(st.from_regex(pattern, fullmatch=True))
        if "role" in names and row[names.index("role")] == LEADER:
            row[names.index("role")] = "Tổ viên"  # a team has one leader: the copy is an ordinary member
        if texts:
            i = draw(st.sampled_from(texts))
            row[i] = draw(_valid_cell(resource, resource.fields[i]))
        return row
    return build()


def _rows(resource) -> st.SearchStrategy[list[str]]:
    valid = st.one_of(_near_copies(resource), st.tuples(*[_valid_cell(resource, f) for f in resource.fields]).map(list))
    mixed = st.tuples(*[_any_cell(resource, f) for f in resource.fields]).map(list)
    ragged = st.lists(st.one_of(st.sampled_from(TRICKY), ANY_TEXT), min_size=0, max_size=len(resource.fields) + 2)
    return st.one_of(valid, valid, mixed, mixed, ragged)


@pytest.fixture(autouse=True)
def cached_package(monkeypatch):
    """The schemas do not change between examples: read (and YAML-parse) them once."""
    cached = functools.lru_cache(maxsize=None)(read_package)
    monkeypatch.setattr(check_module, "read_package", lambda root: (cached(root)[0], list(cached(root)[1])))


@contextmanager
def cell_by_cell():
    """Validation without the column-by-column shortcut (sotay.validate.columns)."""
    quick = schema_module.fast_rows
    schema_module.fast_rows = lambda *args: None
    try:
        yield
    finally:
        schema_module.fast_rows = quick


def _to_text(value, spec) -> str:
    """A typed value written back the way the data is written."""
    if value is None:
        return ""
    if spec.type == "boolean":
        return spec.true_values[0] if value else spec.false_values[0]
    if spec.type == "date":
        return value.isoformat()
    if spec.type == "number":
        return repr(value).removesuffix(".0") if float(value).is_integer() else repr(value)
    return str(value)


def _csv_line(cells: list[str]) -> bytes:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\n").writerow(cells)
    return buffer.getvalue().encode("utf-8")


def _record(name: str, counts: dict[str, int]) -> None:
    COUNTS[name] = counts
    out = ROOT / "test-artifacts"
    out.mkdir(exist_ok=True)
    path = out / "hypothesis.json"
    saved = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    saved[name] = counts
    path.write_text(json.dumps(saved, indent=1, sort_keys=True, ensure_ascii=False), encoding="utf-8")
    print(f"hypothesis {name}: {counts}")


@pytest.mark.parametrize("table", sorted(RESOURCES))
def test_generated_rows(table):
    resource = RESOURCES[table]
    target = PACKAGE / resource.paths[0]
    original = ORIGINALS[target]
    line = original.count(b"\n") + 1  # the appended row starts on this line
    counts = {"examples": 0, "valid": 0, "rejected": 0}

    @SETTINGS
    @given(cells=_rows(resource))
    def run(cells):
        counts["examples"] += 1
        written = _csv_line(cells)
        target.write_bytes(original + written)
        try:
            _package, tables, problems = check_module.check(PACKAGE, TODAY)
            with cell_by_cell():
                assert check_module.check(PACKAGE, TODAY)[1:] == (tables, problems)  # the quick way agrees
        finally:
            target.write_bytes(original)
        assert not any(INTERNAL in p.message for p in problems), problems
        if problems:
            counts["rejected"] += 1
            assert all(p.file in DECLARED and p.row >= 1 and p.message for p in problems), (cells, [str(p) for p in problems])
            # the generated row is named: its own location, or "dòng N" in a duplicate's message
            assert any((p.file == resource.paths[0] and p.row >= line) or f"dòng {line}" in p.message for p in problems), \
                (cells, [str(p) for p in problems])
            return
        counts["valid"] += 1
        if all(not c.strip() for c in cells):
            return  # a blank line is skipped, as in a spreadsheet
        row = next(r for r in tables[table] if r["_file"] == resource.paths[0] and r["_line"] == line)
        again = [_to_text(row[f.name], f) for f in resource.fields]
        assert again == cells
        assert _csv_line(again) == written
        build_model(tables, TODAY)  # and the model (what the site is built from) accepts it

    run()
    _record(table, counts)
    assert counts["examples"] >= EXAMPLES // 2 and counts["rejected"] > 0


def test_raw_lines_never_break_the_validator():
    """Arbitrary text appended as a raw line (quotes, separators, line breaks, BOMs, NULs…)."""
    resource = RESOURCES["members"]
    target = PACKAGE / resource.paths[0]
    original = ORIGINALS[target]
    counts = {"examples": 0}
    line = original.count(b"\n") + 1

    @SETTINGS
    @given(text=st.one_of(ANY_TEXT, st.lists(st.sampled_from(TRICKY), max_size=12).map(",".join), st.binary(max_size=40)))
    def run(text):
        counts["examples"] += 1
        target.write_bytes(original + (text if isinstance(text, bytes) else text.encode("utf-8")))
        try:
            _package, _tables, problems = check_module.check(PACKAGE, TODAY)
        finally:
            target.write_bytes(original)
        assert not any(INTERNAL in p.message for p in problems)
        assert all(p.file in DECLARED and p.message for p in problems), problems
        assert all(p.file == resource.paths[0] and p.row >= line for p in problems if p.file == resource.paths[0]), problems

    run()
    _record("raw-lines", counts)


@pytest.mark.parametrize("table", sorted(RESOURCES))
def test_every_accepted_cell_round_trips(table):
    resource = RESOURCES[table]
    counts = {"examples": 0, "accepted": 0}

    @SETTINGS
    @given(data=st.data())
    def run(data):
        spec = data.draw(st.sampled_from(resource.fields))
        text = data.draw(_any_cell(resource, spec))
        counts["examples"] += 1
        if text == "" or text_problems(text, multiline=(spec.constraints.get("maxLength") or 0) >= 500):
            return
        try:
            value = caster(spec)(text)
        except CellError:
            return
        counts["accepted"] += 1
        assert _to_text(value, spec) == text

    run()
    _record(f"cells-{table}", counts)
    assert counts["accepted"] > 0
