"""Strict, safe YAML: no tags, no anchors or aliases, no duplicate keys; errors carry line numbers."""
from __future__ import annotations

import yaml

from .errors import Problem


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses what editors never mean: duplicate keys and aliases."""

    def compose_node(self, parent, index):  # noqa: D401 - yaml API
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.MarkedYAMLError(None, None, "không dùng neo/bí danh YAML (&, *): hãy viết giá trị ra đầy đủ", event.start_mark)
        event = self.peek_event()
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise yaml.MarkedYAMLError(None, None, "không dùng neo YAML (&tên): hãy viết giá trị ra đầy đủ", event.start_mark)
        return super().compose_node(parent, index)

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.MarkedYAMLError(None, None, f"khóa '{key}' bị lặp lại: mỗi khóa chỉ được khai báo một lần", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def load_yaml(text: str, file: str, line_offset: int = 0) -> tuple[object, list[Problem]]:
    """Parse YAML text; return (value, problems) where problems name the file and line."""
    try:
        return yaml.load(text, Loader=_StrictLoader), []
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 + line_offset) if mark else 0
        what = exc.problem or exc.context or "lỗi cú pháp"
        if "tab" in str(what).lower() or "'\\t'" in str(what) or "\t" in str(what):
            what = "có ký tự Tab: YAML chỉ cho phép thụt lề bằng dấu cách"
        elif "could not determine a constructor" in str(what):
            what = "thẻ YAML (!tag) không được phép: hãy xóa thẻ và viết giá trị thường"
        snippet = mark.get_snippet().splitlines()[0].strip() if mark and mark.get_snippet() else ""
        return None, [Problem(file, line, 0, "", snippet, f"YAML không hợp lệ: {_translate(str(what))}. Sửa dòng này rồi chạy lại.")]
    except yaml.YAMLError as exc:
        return None, [Problem(file, 0, 0, "", "", f"YAML không hợp lệ: {exc}")]


def _translate(what: str) -> str:
    known = {
        "mapping values are not allowed here": "dấu ':' đặt sai chỗ (giá trị có dấu ':' cần đặt trong ngoặc kép)",
        "expected <block end>, but found": "thụt lề không đều",
        "could not find expected ':'": "thiếu dấu ':' sau tên khóa",
        "found character that cannot start any token": "có ký tự không được phép ở đầu giá trị",
    }
    for english, vietnamese in known.items():
        if what.startswith(english):
            return vietnamese
    return what
