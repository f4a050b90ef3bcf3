"""The data package description: which tables exist, their files and their Table Schemas."""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .errors import CannotRun, Problem
from .yamlio import read_yaml

DESCRIPTOR = "datapackage.yaml"
FIELD_TYPES = ("string", "integer", "number", "date", "boolean")  # the types validate/cells.py can cast
# A data or schema path: relative, POSIX, inside the data folder, plain characters (it ends up in URLs).
_SAFE_PATH = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*")


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
    missing: list[str] = field(default_factory=list)  # declared files that do not exist (reported)

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)


@dataclass
class Package:
    root: Path
    resources: dict[str, Resource]
    sample: bool = False  # the data is the invented demo set (top-level "sample: true")
    # Tables declared but not readable (their schema has problems, already reported) and their files.
    unread: dict[str, list[str]] = field(default_factory=dict)

    def declared_files(self) -> set[str]:
        return {p for r in self.resources.values() for p in r.paths} | {p for paths in self.unread.values() for p in paths}


def read_package(root: Path) -> tuple[Package | None, list[Problem]]:
    """Read data/datapackage.yaml and every schema it names; report problems with their location."""
    descriptor = root / DESCRIPTOR
    if not root.is_dir():
        raise CannotRun(f"Không tìm thấy thư mục dữ liệu '{root}'.")
    if not descriptor.is_file():
        raise CannotRun(f"Không tìm thấy '{descriptor}': thư mục dữ liệu phải có tệp {DESCRIPTOR}.")
    raw, problems = read_yaml(descriptor, DESCRIPTOR)
    if problems:
        return None, problems
    if not isinstance(raw, dict) or not isinstance(raw.get("resources"), list):
        return None, [Problem(DESCRIPTOR, 0, 0, "", "", "cần có danh sách 'resources' (các bảng dữ liệu).")]
    resources: dict[str, Resource] = {}
    seen_names: set[str] = set()
    unread: dict[str, list[str]] = {}
    for index, item in enumerate(raw["resources"]):
        where = f"resources[{index}]"
        if not isinstance(item, dict) or "name" not in item:
            problems.append(Problem(DESCRIPTOR, 0, 0, where, "", "mỗi bảng cần có 'name'."))
            continue
        name = str(item["name"])
        if name in resources or name in seen_names:
            problems.append(Problem(DESCRIPTOR, 0, 0, name, name, "tên bảng bị khai báo hai lần trong 'resources': mỗi bảng chỉ khai báo một lần."))
            continue
        seen_names.add(name)
        unread[name] = []  # until its schema is read
        paths = item.get("path")
        paths = [paths] if isinstance(paths, str) else paths
        if not paths or not isinstance(paths, list) or not all(isinstance(p, str) for p in paths):
            problems.append(Problem(DESCRIPTOR, 0, 0, name, "", "bảng cần có 'path': một tệp hoặc danh sách tệp."))
            continue
        unsafe = [p for p in paths if not _inside(root, p)]
        for p in unsafe:
            problems.append(Problem(DESCRIPTOR, 0, 0, name, p, _UNSAFE_PATH))
        if unsafe:
            continue
        unread[name] = paths
        missing = [p for p in paths if not (root / p).is_file()]
        for p in missing:
            problems.append(Problem(DESCRIPTOR, 0, 0, name, p, "tệp được khai báo nhưng không tồn tại: " + _nearest_file(root, p, paths)))
        schema_ref = item.get("schema")
        if not isinstance(schema_ref, str):
            problems.append(Problem(DESCRIPTOR, 0, 0, name, "", "bảng chưa có 'schema': mỗi bảng phải trỏ tới một tệp schemas/<tên>.yaml."))
            continue
        if not _inside(root, schema_ref):
            problems.append(Problem(DESCRIPTOR, 0, 0, name, schema_ref, _UNSAFE_PATH))
            continue
        schema_file = root / schema_ref
        if not schema_file.is_file():
            problems.append(Problem(DESCRIPTOR, 0, 0, name, schema_ref, "không tìm thấy tệp schema này."))
            continue
        schema, schema_problems = read_yaml(schema_file, schema_ref)
        problems += schema_problems
        if schema_problems:
            continue
        resource, resource_problems = _resource(name, item, [p for p in paths if p not in missing], schema_ref, schema)
        if resource_problems:
            lines = schema_file.read_text(encoding="utf-8-sig").splitlines()
            resource_problems = [_locate(p, lines) for p in resource_problems]
        problems += resource_problems
        if resource:
            resource.missing = missing
            resources[name] = resource
            del unread[name]
    if any(p.file == DESCRIPTOR and not p.row for p in problems):
        lines = descriptor.read_text(encoding="utf-8-sig").splitlines()
        problems = [_locate_declared(p, lines) if p.file == DESCRIPTOR else p for p in problems]
    return Package(root, resources, raw.get("sample") is True, unread), problems


def _nearest_file(root: Path, declared: str, paths: list[str]) -> str:
    """What to do about a declared file that does not exist: the name it was probably meant to be, if a file
    in the folder has a name that close ('trainnings.csv' -> 'trainings.csv')."""
    present = [p.relative_to(root).as_posix() for p in root.rglob("*.csv") if p.is_file()]
    close = difflib.get_close_matches(declared, [p for p in present if p not in paths], n=1, cutoff=0.8)
    if close:
        return f"có phải '{close[0]}'? Sửa tên trong 'path' cho đúng tên tệp."
    return "tạo tệp hoặc xóa dòng này khỏi 'path'."


def _locate_declared(problem: Problem, lines: list[str]) -> Problem:
    """Give a problem of datapackage.yaml the line it is about: the declared path or schema it names,
    else the table's 'name:' line."""
    if problem.row:
        return problem
    value = re.escape(problem.value)
    patterns = [re.compile(rf"^\s*(-\s*|path:\s*|schema:\s*)['\"]?{value}['\"]?\s*(#.*)?$")] if problem.value else []
    if problem.column:
        patterns.append(re.compile(rf"^\s*-?\s*name:\s*['\"]?{re.escape(problem.column)}['\"]?\s*(#.*)?$"))
    for pattern in patterns:
        found = [number for number, line in enumerate(lines, start=1) if pattern.match(line)]
        if found:
            # a table declared twice (value is its name) is reported at its second declaration
            number = found[-1] if problem.value and problem.value == problem.column else found[0]
            return Problem(problem.file, number, problem.position, problem.column, problem.value, problem.message,
                           problem.also)
    return problem


_UNSAFE_PATH = ("đường dẫn tệp không hợp lệ: chỉ ghi đường dẫn tương đối bên trong thư mục dữ liệu (không '..', không bắt đầu bằng '/'), "
                "tên tệp chỉ dùng chữ không dấu, chữ số, '-', '_', '.'")


def _inside(root: Path, relative: str) -> bool:
    """Whether a path declared in the package is a plain relative path that stays inside root."""
    if not _SAFE_PATH.fullmatch(relative) or ".." in PurePosixPath(relative).parts:
        return False
    try:
        return (root / relative).resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):
        return False


def _locate(problem: Problem, lines: list[str]) -> Problem:
    """Give a schema problem the line of the field (or key) it is about, so the editor finds it."""
    if problem.row:
        return problem
    what = problem.column.split("[")[0]
    patterns = [re.compile(rf"^\s*-?\s*name:\s*['\"]?{re.escape(what)}['\"]?\s*(#.*)?$"), re.compile(rf"^\s*{re.escape(what)}\s*:")] if what else []
    for pattern in patterns:
        for number, line in enumerate(lines, start=1):
            if pattern.match(line):
                return Problem(problem.file, number, problem.position, problem.column, problem.value, problem.message)
    return problem


def _names(value: object) -> list[str] | None:
    """A field list as Table Schema allows it: one name or a list of names; None when malformed."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return list(value)
    return None


def _constraint_problems(name: str, kind: str, constraints: dict) -> list[str]:
    """What is malformed in one field's constraints (each would otherwise crash or mislead the check)."""
    wrong = []
    for key, value in constraints.items():
        if key in ("required", "unique") and not isinstance(value, bool):
            wrong.append(f"'{key}' phải là true hoặc false")
        elif key in ("maxLength", "minLength") and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
            wrong.append(f"'{key}' phải là số nguyên không âm")
        elif key in ("minimum", "maximum") and (kind not in ("integer", "number") or not isinstance(value, (int, float)) or isinstance(value, bool)):
            wrong.append(f"'{key}' chỉ dùng cho trường số và phải là một số")
        elif key == "enum" and (not isinstance(value, list) or not value or not all(isinstance(v, (str, int, float)) and not isinstance(v, bool) for v in value)):
            wrong.append("'enum' phải là danh sách các giá trị được phép")
        elif key == "pattern":
            if not isinstance(value, str):
                wrong.append("'pattern' phải là một biểu thức chính quy viết trong ngoặc kép")
            else:
                try:
                    re.compile(value)
                except re.error as exc:
                    wrong.append(f"'pattern' không phải biểu thức chính quy hợp lệ ({exc})")
        elif key not in ("required", "unique", "maxLength", "minLength", "minimum", "maximum", "enum", "pattern"):
            wrong.append(f"ràng buộc '{key}' không được hỗ trợ")
    return wrong


def _resource(name: str, item: dict, paths: list[str], schema_ref: str, schema: object) -> tuple[Resource | None, list[Problem]]:
    if not isinstance(schema, dict) or not isinstance(schema.get("fields"), list) or not schema["fields"]:
        return None, [Problem(schema_ref, 0, 0, "", "", "schema cần có danh sách 'fields'.")]
    fields: list[Field] = []
    problems: list[Problem] = []
    broken: set[str] = set()  # fields already reported; keys naming them are not reported again
    for index, spec in enumerate(schema["fields"]):
        if not isinstance(spec, dict) or not isinstance(spec.get("name"), str) or not spec["name"].strip():
            problems.append(Problem(schema_ref, 0, 0, f"fields[{index}]", "", "mỗi trường cần có 'name' là một tên viết liền, không dấu."))
            continue
        field_name = spec["name"]
        for key in ("description", "example"):
            if key not in spec:
                problems.append(Problem(schema_ref, 0, 0, field_name, "", f"trường thiếu '{key}': từ điển dữ liệu cần mô tả và ví dụ cho mọi trường."))
        kind = spec.get("type", "string")
        if kind not in FIELD_TYPES:
            problems.append(Problem(schema_ref, 0, 0, field_name, str(kind), f"kiểu dữ liệu không được hỗ trợ; chỉ dùng: {', '.join(FIELD_TYPES)}."))
            broken.add(field_name)
            continue
        constraints = spec.get("constraints") or {}
        if not isinstance(constraints, dict):
            problems.append(Problem(schema_ref, 0, 0, field_name, "", "'constraints' phải là một bảng khóa: giá trị, ví dụ {required: true}."))
            broken.add(field_name)
            continue
        wrong = _constraint_problems(field_name, kind, constraints)
        problems += [Problem(schema_ref, 0, 0, field_name, "", f"{w}.") for w in wrong]
        true_values, false_values = spec.get("trueValues", ["true"]), spec.get("falseValues", ["false"])
        if not all(isinstance(v, list) and v and all(isinstance(x, str) for x in v) for v in (true_values, false_values)):
            problems.append(Problem(schema_ref, 0, 0, field_name, "", "'trueValues' và 'falseValues' phải là danh sách chữ, ví dụ [có]."))
            broken.add(field_name)
            continue
        if wrong:
            broken.add(field_name)
            continue
        if any(f.name == field_name for f in fields):
            problems.append(Problem(schema_ref, 0, 0, field_name, field_name, "tên trường bị lặp lại: mỗi trường chỉ khai báo một lần."))
            continue
        fields.append(Field(
            name=field_name, type=kind, title=str(spec.get("title", field_name)),
            description=str(spec.get("description", "")), example=spec.get("example"),
            constraints=dict(constraints), true_values=tuple(true_values), false_values=tuple(false_values),
        ))
    known = {f.name for f in fields} | broken
    primary_key = _names(schema.get("primaryKey", [])) if schema.get("primaryKey") else []
    if primary_key is None or not set(primary_key) <= known:
        problems.append(Problem(schema_ref, 0, 0, "primaryKey", str(schema.get("primaryKey")), "'primaryKey' phải là tên (hoặc danh sách tên) các trường có trong 'fields'."))
        primary_key = []
    fks = []
    raw_fks = schema.get("foreignKeys") or []
    if not isinstance(raw_fks, list):
        raw_fks = [raw_fks]
    for index, fk in enumerate(raw_fks):
        reference = fk.get("reference") if isinstance(fk, dict) else None
        own = _names(fk.get("fields")) if isinstance(fk, dict) else None
        ref_fields = _names(reference.get("fields")) if isinstance(reference, dict) else None
        resource = reference.get("resource", "") if isinstance(reference, dict) else None
        if own is None or ref_fields is None or not isinstance(resource, str) or len(own) != len(ref_fields) or not set(own) <= known:
            problems.append(Problem(schema_ref, 0, 0, f"foreignKeys[{index}]", "", "khóa ngoại cần 'fields' (các trường có trong bảng này) và 'reference: {resource: <tên bảng>, fields: [...]}' với cùng số trường."))
            continue
        fks.append(ForeignKey(own, resource, ref_fields))
    if problems:
        return None, problems
    return Resource(name, str(item.get("title", name)), str(item.get("description", "")), paths, schema_ref,
                    fields, primary_key, fks), problems
