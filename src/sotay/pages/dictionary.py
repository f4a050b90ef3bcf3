"""The data dictionary (/bien-tap/tu-dien-du-lieu/): every table and field, read from the Table Schemas."""
from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from ..errors import CannotRun
from ..model import Model
from ..package import Field, Package, Resource, read_package
from ..settings import Settings
from ..text import format_int
from . import Asset, Page
from .render import render

PATH = "bien-tap/tu-dien-du-lieu.md"
TYPE_LABELS = {
    "string": "chữ",
    "integer": "số nguyên",
    "number": "số (dấu chấm thập phân)",
    "date": "ngày (YYYY-MM-DD)",
    "boolean": "có/không",
}


@dataclass
class FieldEntry:
    name: str
    title: str
    type: str
    description: str
    example: str
    required: bool
    rules: list[str]


@dataclass
class TableEntry:
    name: str
    title: str
    description: str
    files: list[str]
    schema: str
    primary_key: list[str]
    foreign_keys: list[tuple[str, str, str]]  # (fields, table, referenced fields)
    fields: list[FieldEntry]

    @property
    def anchor(self) -> str:
        return f"bang-{self.name.replace('_', '-')}"


def _shown(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _limit(spec: Field, value) -> str:
    """A limit as people read it: 1.000.000 grouped, a year not ("2.020" read as two thousand and twenty)."""
    return str(value) if spec.name == "year" or not isinstance(value, int) else format_int(value)


def field_rules(spec: Field) -> list[str]:
    """The constraints of a field, in words an editor reads."""
    c = spec.constraints
    rules = []
    if spec.type == "boolean":
        rules.append("chỉ ghi " + " hoặc ".join(f"'{v}'" for v in (*spec.true_values, *spec.false_values)))
    if "enum" in c:
        rules.append("chỉ một trong: " + ", ".join(map(str, c["enum"])))
    if "pattern" in c:
        rules.append(f"đúng dạng (biểu thức chính quy): {c['pattern']}")
    if c.get("unique"):
        rules.append("không được trùng giữa các dòng")
    if "minimum" in c:
        rules.append(f"nhỏ nhất {_limit(spec, c['minimum'])}")
    if "maximum" in c:
        rules.append(f"lớn nhất {_limit(spec, c['maximum'])}")
    if "maxLength" in c:
        rules.append(f"tối đa {format_int(c['maxLength'])} ký tự")
    return rules


def _table(resource: Resource) -> TableEntry:
    fields = [FieldEntry(f.name, f.title, TYPE_LABELS.get(f.type, f.type), f.description, _shown(f.example), f.required,
                         field_rules(f)) for f in resource.fields]
    keys = [(", ".join(fk.fields), fk.resource or resource.name, ", ".join(fk.ref_fields)) for fk in resource.foreign_keys]
    return TableEntry(resource.name, resource.title, resource.description, list(resource.paths), resource.schema_path,
                      list(resource.primary_key), keys, fields)


def tables(package: Package) -> list[TableEntry]:
    return [_table(r) for r in package.resources.values()]


def build(model: Model, settings: Settings) -> tuple[list[Page], list[Asset]]:
    package, problems = read_package(settings.data_dir)
    if package is None or problems:
        raise CannotRun("Không đọc được mô tả gói dữ liệu để dựng từ điển dữ liệu: " + "; ".join(map(str, problems)))
    entries = tables(package)
    return [Page(
        path=PATH,
        title="Từ điển dữ liệu",
        render=partial(render, "dictionary.html", tables=entries),
        edit="data/datapackage.yaml",
        description="Mọi bảng và cột trong dữ liệu của Sổ tay: ý nghĩa, kiểu, ví dụ, giá trị được phép.",
    )], []
