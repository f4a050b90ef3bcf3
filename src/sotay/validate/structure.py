"""The package's shape, checked before any row: every table the model reads is declared with the
fields (and types) it reads, and every foreign key points at a declared table and fields. Without
this, a schema edited by hand could pass the row checks and then break the build with a traceback."""
from __future__ import annotations

from ..errors import Problem
from ..package import DESCRIPTOR, Package

# Tables and fields that the model, the rules and the pages read (extra tables and fields are fine).
MODEL_FIELDS: dict[str, dict[str, str]] = {
    "crosswalk": {'old_id': 'string', 'new_id': 'string', 'changed_on': 'date', 'partial': 'boolean', 'interim_name': 'string', 'interim_on': 'date'},
    "attendance": {'training_id': 'string', 'team_id': 'string', 'attendees': 'integer'},
    "indicators": {'id': 'string', 'name': 'string', 'unit_label': 'string', 'platform_id': 'string', 'aggregation': 'string', 'description': 'string'},
    "members": {'id': 'string', 'team_id': 'string', 'full_name': 'string', 'role': 'string', 'organisation': 'string', 'phone': 'string', 'zalo': 'string', 'email': 'string', 'consent': 'boolean', 'since': 'date', 'until': 'date'},
    "organisations": {'id': 'string', 'name': 'string', 'short_name': 'string', 'kind': 'string', 'valid_from': 'date', 'valid_to': 'date', 'succeeded_by': 'string'},
    "periods": {'id': 'string', 'starts_on': 'date', 'ends_on': 'date', 'due_on': 'date'},
    "platforms": {'id': 'string', 'name': 'string', 'owner': 'string', 'url': 'string', 'status': 'string', 'replaced_by': 'string', 'changed_on': 'date', 'description': 'string'},
    "report_notes": {'team_id': 'string', 'period_id': 'string', 'difficulties': 'string', 'proposals': 'string'},
    "reports": {'team_id': 'string', 'indicator_id': 'string', 'period_id': 'string', 'value': 'integer', 'submitted_on': 'date'},
    "targets": {'team_id': 'string', 'indicator_id': 'string', 'year': 'integer', 'value': 'integer'},
    "teams": {'id': 'string', 'kind': 'string', 'unit_id': 'string', 'name': 'string', 'village': 'string', 'established_on': 'date', 'decision': 'string', 'public_phone': 'string', 'dissolved_on': 'date'},
    "trainings": {'id': 'string', 'date': 'date', 'unit_id': 'string', 'venue': 'string', 'organiser_id': 'string', 'trainer': 'string', 'topics': 'string'},
    "units": {'id': 'string', 'code': 'string', 'name': 'string', 'type': 'string', 'level': 'string', 'parent_id': 'string', 'slug': 'string', 'valid_from': 'date', 'valid_to': 'date'},
}


def structure_problems(package: Package) -> list[Problem]:
    """Missing tables or fields the model needs, wrong field types, foreign keys to nowhere."""
    problems = []
    for table, fields in MODEL_FIELDS.items():
        resource = package.resources.get(table)
        if resource is None:
            if table not in package.unread:
                problems.append(Problem(DESCRIPTOR, 0, 0, table, "", f"thiếu bảng '{table}' trong 'resources': trang web cần bảng này; khai báo lại (xem {DESCRIPTOR} của dữ liệu mẫu)."))
            continue
        declared = {f.name: f.type for f in resource.fields}
        for name, kind in fields.items():
            if name not in declared:
                problems.append(Problem(resource.schema_path, 0, 0, name, "", f"schema thiếu trường '{name}' mà trang web cần đọc: thêm lại trường này."))
            elif declared[name] != kind:
                problems.append(Problem(resource.schema_path, 0, 0, name, declared[name], f"trường '{name}' phải có kiểu '{kind}'."))
    for resource in package.resources.values():
        for fk in resource.foreign_keys:
            target = package.resources.get(fk.resource or resource.name)
            if target is None:
                if (fk.resource or resource.name) not in package.unread:
                    problems.append(Problem(resource.schema_path, 0, 0, "+".join(fk.fields), fk.resource, f"khóa ngoại trỏ tới bảng '{fk.resource}' không có trong {DESCRIPTOR}."))
                continue
            names = {f.name for f in target.fields}
            for name in fk.ref_fields:
                if name not in names:
                    problems.append(Problem(resource.schema_path, 0, 0, "+".join(fk.fields), name, f"khóa ngoại trỏ tới trường '{name}' không có trong bảng '{target.name}'."))
    return problems
