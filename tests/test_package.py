"""The data package itself: every file declared, every table with a documented schema, stock tools agree."""
from __future__ import annotations

import datetime as dt

import pytest

from conftest import DATA, REFERENCE
from sotay.package import read_package
from sotay.validate.check import undeclared_files

TABLES = {"units", "crosswalk", "organisations", "teams", "members", "platforms", "indicators", "periods", "trainings",
          "attendance", "targets", "reports", "report_notes"}


def test_every_table_is_declared_with_a_schema():
    package, problems = read_package(DATA)
    assert problems == []
    assert set(package.resources) == TABLES
    for resource in package.resources.values():
        assert (DATA / resource.schema_path).is_file(), resource.name
        assert resource.primary_key, f"{resource.name} has no primary key"


def test_every_field_has_a_vietnamese_description_and_an_example():
    package, _ = read_package(DATA)
    for resource in package.resources.values():
        for field in resource.fields:
            assert field.description and field.example is not None, f"{resource.name}.{field.name}"
            assert not field.description.isascii(), f"{resource.name}.{field.name} is not described in Vietnamese"


def test_every_data_file_is_a_declared_resource():
    package, _ = read_package(DATA)
    assert undeclared_files(package) == []
    on_disk = {p.relative_to(DATA).as_posix() for p in DATA.rglob("*.csv")}
    assert on_disk == package.declared_files()


def test_guard_catches_an_undeclared_file(tmp_path):
    import shutil
    shutil.copytree(DATA, tmp_path / "data")
    (tmp_path / "data" / "members" / "999.csv").write_text("id\n", encoding="utf-8")
    package, _ = read_package(tmp_path / "data")
    assert [p.file for p in undeclared_files(package)] == ["members/999.csv"]


def test_units_are_the_real_248_of_2022():
    import csv
    rows = list(csv.DictReader((DATA / "units.csv").open(encoding="utf-8")))
    rows_2022 = [r for r in rows if not r["valid_from"]]
    assert len(rows_2022) == 248
    official = {(r["code"], r["name"], r["level"], r["parent_code"])
                for r in csv.DictReader((REFERENCE / "units_2022.csv").open(encoding="utf-8"))}
    assert {(r["code"], r["name"], r["level"], r["parent_id"]) for r in rows_2022} == official


@pytest.mark.slow
def test_stock_frictionless_validate_passes():
    from frictionless import Package, system
    with system.use_context(trusted=True):
        report = Package(str(DATA / "datapackage.yaml")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:20]


def test_a_replaced_model_is_collected(mini):
    """load_model moves the model out of the cyclic collector's sight (gc.freeze); when the data
    changes (mkdocs serve) the model it replaces must still be freed, cycles and all."""
    import gc
    import weakref

    from conftest import edit_cell
    from sotay.load import forget, load_model

    today = dt.date(2023, 1, 20)
    forget()
    first = weakref.ref(load_model(mini, today))
    assert gc.get_freeze_count() > 0
    edit_cell(mini / "teams" / "288.csv", 3, "village", "Khu dân cư số Một")
    second = load_model(mini, today)
    assert first() is None and second.teams["TCN-10507-01"].village == "Khu dân cư số Một"
    forget()
    assert gc.get_freeze_count() == 0
