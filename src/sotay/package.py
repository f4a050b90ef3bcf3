"""The data package description: which tables exist, their files and their Table Schemas."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .errors import CannotRun, Problem
from .yamlio import load_yaml

DESCRIPTOR = "datapackage.yaml"


@dataclass
class Field:
    name: str
    type: str
    title: str
    description: str
    example: object
    constraints: dict
    true_values: tuple[str, ...] = ("true",)
    false_values: tuple[str, ...] = ("false",)

    @property
    def required(self) -> bool:
        return bool(self.constraints.get("required"))


@dataclass
class ForeignKey:
    fields: list[str]
    resource: str  # "" means the same table
    ref_fields: list[str]


@dataclass
class Resource:
    name: str
    title: str
    description: str
    paths: list[str]
    schema_path: str
    fields: list[Field]
    primary_key: list[str] = field(default_factory=list)
    foreign_keys: list[ForeignKey] = field(default_factory=list)

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)


@dataclass
class Package:
    root: Path
    resources: dict[str, Resource]
    sample: bool = False  # the data is the invented demo set (top-level "sample: true")

    def declared_files(self) -> set[str]:
        return {p for r in self.resources.values() for p in r.paths}


def read_package(root: Path) -> tuple[Package | None, list[Problem]]:
    """Read data/datapackage.yaml and every schema it names; report problems with their location."""
    descriptor = root / DESCRIPTOR
    if not root.is_dir():
        raise CannotRun(f"Không tìm thấy thư mục dữ liệu '{root}'.")
    if not descriptor.is_file():
        raise CannotRun(f"Không tìm thấy '{descriptor}': thư mục dữ liệu phải có tệp {DESCRIPTOR}.")
    raw, problems = load_yaml(descriptor.read_text(encoding="utf-8-sig"), DESCRIPTOR)
    if problems:
        return None, problems
    if not isinstance(raw, dict) or not isinstance(raw.get("resources"), list):
        return None, [Problem(DESCRIPTOR, 0, 0, "", "", "cần có danh sách 'resources' (các bảng dữ liệu).")]
    resources: dict[str, Resource] = {}
    for index, item in enumerate(raw["resources"]):
        where = f"resources[{index}]"
        if not isinstance(item, dict) or "name" not in item:
            problems.append(Problem(DESCRIPTOR, 0, 0, where, "", "mỗi bảng cần có 'name'."))
            continue
        name = str(item["name"])
        paths = item.get("path")
        paths = [paths] if isinstance(paths, str) else paths
        if not paths or not all(isinstance(p, str) for p in paths):
            problems.append(Problem(DESCRIPTOR, 0, 0, name, "", "bảng cần có 'path': một tệp hoặc danh sách tệp."))
            continue
        missing = [p for p in paths if not (root / p).is_file()]
        for p in missing:
            problems.append(Problem(DESCRIPTOR, 0, 0, name, p, "tệp được khai báo nhưng không tồn tại: tạo tệp hoặc xóa dòng này khỏi 'path'."))
        schema_ref = item.get("schema")
        if not isinstance(schema_ref, str):
            problems.append(Problem(DESCRIPTOR, 0, 0, name, "", "bảng chưa có 'schema': mỗi bảng phải trỏ tới một tệp schemas/<tên>.yaml."))
            continue
        schema_file = root / schema_ref
        if not schema_file.is_file():
            problems.append(Problem(DESCRIPTOR, 0, 0, name, schema_ref, "không tìm thấy tệp schema này."))
            continue
        schema, schema_problems = load_yaml(schema_file.read_text(encoding="utf-8-sig"), schema_ref)
        problems += schema_problems
        if schema_problems:
            continue
        resource, resource_problems = _resource(name, item, [p for p in paths if p not in missing], schema_ref, schema)
        problems += resource_problems
        if resource:
            resources[name] = resource
    return Package(root, resources, bool(raw.get("sample"))), problems


def _resource(name: str, item: dict, paths: list[str], schema_ref: str, schema: object) -> tuple[Resource | None, list[Problem]]:
    if not isinstance(schema, dict) or not isinstance(schema.get("fields"), list):
        return None, [Problem(schema_ref, 0, 0, "", "", "schema cần có danh sách 'fields'.")]
    fields = []
    problems = []
    for spec in schema["fields"]:
        if not isinstance(spec, dict) or "name" not in spec:
            problems.append(Problem(schema_ref, 0, 0, "", "", "mỗi trường cần có 'name'."))
            continue
        for key in ("description", "example"):
            if key not in spec:
                problems.append(Problem(schema_ref, 0, 0, str(spec["name"]), "", f"trường thiếu '{key}': từ điển dữ liệu cần mô tả và ví dụ cho mọi trường."))
        fields.append(Field(
            name=str(spec["name"]), type=str(spec.get("type", "string")), title=str(spec.get("title", spec["name"])),
            description=str(spec.get("description", "")), example=spec.get("example"),
            constraints=dict(spec.get("constraints") or {}),
            true_values=tuple(spec.get("trueValues", ["true"])), false_values=tuple(spec.get("falseValues", ["false"])),
        ))
    fks = [ForeignKey(list(fk["fields"]), str(fk["reference"].get("resource", "")), list(fk["reference"]["fields"]))
           for fk in schema.get("foreignKeys", [])]
    return Resource(name, str(item.get("title", name)), str(item.get("description", "")), paths, schema_ref,
                    fields, list(schema.get("primaryKey", [])), fks), problems
