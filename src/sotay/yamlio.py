"""Strict, safe YAML: no tags, no anchors or aliases, no duplicate or non-text keys, a size limit;
errors carry line numbers."""
from __future__ import annotations

from pathlib import Path

import yaml

from .errors import Problem

MAX_YAML_BYTES = 1024 * 1024  # a package description or a schema is a few kilobytes


class _Refused(yaml.MarkedYAMLError):
    """What _StrictLoader refuses, said in Vietnamese already."""


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses what editors never mean: tags, anchors, aliases, duplicate keys."""

    def compose_node(self, parent, index):  # noqa: D401 - yaml API
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(None, None, "không dùng neo/bí danh YAML (&, *): hãy viết giá trị ra đầy đủ", event.start_mark)
        if getattr(event, "anchor", None) is not None:
            raise _Refused(None, None, "không dùng neo YAML (&tên): hãy viết giá trị ra đầy đủ", event.start_mark)
        if getattr(event, "tag", None) is not None:
            raise _Refused(None, None, "thẻ YAML (!tag) không được phép: hãy xóa thẻ và viết giá trị thường", event.start_mark)
        return super().compose_node(parent, index)

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Refused(None, None, "tên khóa phải là chữ, không phải danh sách hay bảng", key_node.start_mark)
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise _Refused(None, None, f"khóa '{key}' bị lặp lại: mỗi khóa chỉ được khai báo một lần", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


    def construct_yaml_timestamp(self, node):
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:  # 2022-02-31, 2022-13-01: PyYAML raises without a line number
            raise _Refused(None, None, f"ngày '{node.value}' không có thật: kiểm tra ngày và tháng (viết năm-tháng-ngày, ví dụ 2022-08-15)", node.start_mark) from None


_StrictLoader.add_constructor("tag:yaml.org,2002:timestamp", _StrictLoader.construct_yaml_timestamp)


def read_yaml(path: Path, file: str) -> tuple[object, list[Problem]]:
    """Read and parse one YAML file of the package, refusing huge files and other encodings."""
    size = path.stat().st_size
    if size > MAX_YAML_BYTES:
        return None, [Problem(file, 0, 0, "", f"{size // 1024} KB", f"tệp YAML quá lớn (giới hạn {MAX_YAML_BYTES // 1024} KB): tệp mô tả, schema chỉ cần vài KB; kiểm tra có dán nhầm dữ liệu vào không.")]
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        return None, [Problem(file, line, 0, "", "", "tệp YAML không ở mã UTF-8: mở bằng trình soạn thảo văn bản và lưu lại với mã UTF-8.")]
    return load_yaml(text, file)


def load_yaml(text: str, file: str, line_offset: int = 0) -> tuple[object, list[Problem]]:
    """Parse YAML text; return (value, problems) where problems name the file and line."""
    try:
        return yaml.load(text, Loader=_StrictLoader), []
    except yaml.MarkedYAMLError as exc:
        what = str(exc.problem or exc.context or "")
        mark = exc.problem_mark or exc.context_mark
        # An unclosed quote or bracket, or a key without ':', shows where it ends up failing (often the end
        # of the file, or the next line): the line that opened it is the one to fix.
        opened = _OPENED.get(str(exc.context or "")) if exc.context_mark is not None else None
        if isinstance(exc, _Refused):  # ours: Vietnamese already, at its own line
            pass
        elif opened is not None:
            mark, what = exc.context_mark, opened
        elif "tab" in what.lower() or "'\\t'" in what or "\t" in what:
            what = "có ký tự Tab: YAML chỉ cho phép thụt lề bằng dấu cách"
        elif "could not determine a constructor" in what:
            what = "thẻ YAML (!tag) không được phép: hãy xóa thẻ và viết giá trị thường"
        else:
            what = _translate(what)
        line = (mark.line + 1 + line_offset) if mark else 0
        snippet = mark.get_snippet().splitlines()[0].strip() if mark and mark.get_snippet() else ""
        return None, [Problem(file, line, 0, "", snippet, f"YAML không hợp lệ: {what}. Sửa dòng này rồi chạy lại.")]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 + line_offset if mark else 0
        return None, [Problem(file, line, 0, "", "", f"YAML không hợp lệ: {_translate(str(exc))}. Sửa dòng này rồi chạy lại.")]
    except RecursionError:
        return None, [Problem(file, 0, 0, "", "", "YAML lồng nhau quá sâu: kiểm tra lại cấu trúc tệp.")]


# What was left open, by the parser's context, said at the line that opened it.
_OPENED = {
    "while scanning a quoted scalar": "dấu ngoặc kép mở ở dòng này chưa được đóng: thêm dấu \" (hoặc ') ở cuối giá trị",
    "while scanning a simple key": "dòng này thiếu dấu ':' sau tên khóa (viết 'khóa: giá trị')",
    "while parsing a flow sequence": "dấu '[' mở danh sách ở dòng này chưa được đóng: thêm ']' ở cuối, các mục cách nhau bằng dấu phẩy",
    "while parsing a flow mapping": "dấu '{' ở dòng này chưa được đóng: thêm '}' ở cuối",
}


def _translate(what: str) -> str:
    """The parser's English in Vietnamese; a message it has no translation for keeps its English in brackets
    (for the technical team) after a Vietnamese lead, never alone."""
    known = {
        "mapping values are not allowed here": "dấu ':' đặt sai chỗ (giá trị có dấu ':' cần đặt trong ngoặc kép)",
        "expected <block end>, but found": "thụt lề không đều, hoặc có chữ thừa sau giá trị trong ngoặc kép",
        "could not find expected ':'": "thiếu dấu ':' sau tên khóa",
        "found character that cannot start any token": "có ký tự không được phép ở đầu giá trị",
        "found unacceptable character": "có ký tự điều khiển không được phép",
        "while scanning a quoted scalar": "thiếu dấu ngoặc kép đóng",
        "found unexpected end of stream": "tệp kết thúc giữa chừng (thiếu dấu ngoặc đóng)",
        "did not find expected key": "thụt lề không đều hoặc thiếu dấu ':'",
        "did not find expected '-' indicator": "mục danh sách ('- …') thụt lề không đều",
        "expected a comment or a line break": "có chữ thừa sau giá trị: giá trị có dấu ngoặc kép phải nằm trọn trong ngoặc",
        "expected ',' or ']'": "thiếu dấu ']' đóng danh sách hoặc dấu ',' giữa các mục",
        "expected ',' or '}'": "thiếu dấu '}' đóng hoặc dấu ',' giữa các mục",
        "found undefined alias": "không dùng neo/bí danh YAML (&, *): hãy viết giá trị ra đầy đủ",
        "found unknown escape character": "dấu \\ trong ngoặc kép mở đầu một ký tự đặc biệt: dùng ngoặc đơn '…' hoặc viết \\\\",
        "expected alphabetic or numeric character": "không dùng neo/bí danh YAML (&, *) ở đầu giá trị: đặt giá trị trong ngoặc kép",
    }
    for english, vietnamese in known.items():
        if what.startswith(english):
            return vietnamese
    return f"lỗi cú pháp ({what})" if what else "lỗi cú pháp"
