"""The authored pages that are neither guides nor posts (the home page, the blog's and editors' pages), and
the template code of every page that runs macros. Nothing checked them: a page saved in Windows-1258
stopped the build with a traceback, broken front matter was published as body text, a <script> went out,
and '{#lien-he}' on a page with macros stopped the build with no message at all (``mkdocs build -q``)."""
from __future__ import annotations

import re
from pathlib import Path

import jinja2
import jinja2.meta

from ..constants import MACRO_FIELDS, MACRO_VARIABLES
from ..errors import Problem
from ..slugs import slugify
from ..yamlio import load_yaml
from .guides import check_active, check_media, guide_files, read_page
from .posts import post_files, read_mkdocs_yml

# What mkdocs-macros (1.x) itself gives a page, besides the site's variables, extra: and the page's front matter.
PLUGIN_NAMES = frozenset({"config", "environment", "extra", "git", "plugin", "context", "fix_url", "macros_info", "now",
                          "macros", "filters", "filters_builtin", "navigation", "files", "page"})
_JINJA = jinja2.Environment()
_JINJA.filters.update(pretty=str, relative_url=str)  # mkdocs-macros' own filters: only their names matter here


def authored_pages(docs_dir: Path) -> list[Path]:
    docs = Path(docs_dir)
    return sorted(docs.rglob("*.md")) if docs.is_dir() else []


def check_pages(docs_dir: Path) -> list[Problem]:
    """Problems of the pages that are neither guides nor posts (those have their own, stricter checks)."""
    docs = Path(docs_dir)
    own = set(guide_files(docs)) | set(post_files(docs))
    problems: list[Problem] = []
    for path in authored_pages(docs):
        if path in own:
            continue
        name = f"{docs.name}/{path.relative_to(docs).as_posix()}"
        text, found = read_page(path, name)
        problems += found
        if text is None:
            continue
        lines = text.splitlines()
        meta, start, found = optional_front_matter(lines, name)
        problems += found
        problems += check_active(lines[start:], start, name)
        problems += check_media(lines[start:], start, name, path, docs)
    return sorted(problems)


_FILE_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\.md")


def check_file_names(docs_dir: Path) -> list[Problem]:
    """A page's file name is its address: 'Hướng dẫn VNeID mới.md' gave /huong-dan/Hướng dẫn VNeID mới/,
    an address that breaks when shared by Zalo or SMS."""
    docs = Path(docs_dir)
    problems = []
    for path in authored_pages(docs):
        relative = path.relative_to(docs)
        name = f"{docs.name}/{relative.as_posix()}"
        for folder in relative.parts[:-1]:  # a folder is part of the address too
            if not _FILE_NAME.fullmatch(folder + ".md"):
                problems.append(Problem(name, 0, 0, "", folder, f"tên thư mục là một phần địa chỉ của trang: chỉ dùng chữ thường không dấu, "
                                                                 f"số và dấu gạch ngang, ví dụ {slugify(folder) or 'muc-moi'}"))
                break
        else:
            if not _FILE_NAME.fullmatch(path.name):
                problems.append(Problem(name, 0, 0, "", path.name,
                                        f"tên tệp là địa chỉ của trang: chỉ dùng chữ thường không dấu, số và dấu gạch ngang, ví dụ "
                                        f"{slugify(path.stem) or 'bai-moi'}.md (đổi tên tệp, và sửa các liên kết tới nó)"))
    return problems


def optional_front_matter(lines: list[str], name: str) -> tuple[dict, int, list[Problem]]:
    """(meta, index of the first body line, problems) of a page whose front matter may be absent. MkDocs
    publishes front matter it cannot read as the page's text: here it is a located problem."""
    if not lines or lines[0].strip() != "---":
        return {}, 0, []
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        return {}, 0, [Problem(name, 1, 0, "", "---", "phần thông tin đầu trang không có dòng '---' đóng lại: thêm một dòng '---' sau khóa cuối cùng")]
    value, problems = load_yaml("\n".join(lines[1:end]), name, line_offset=1)
    if problems:
        return {}, end + 1, problems
    if value is not None and not isinstance(value, dict):
        return {}, end + 1, [Problem(name, 2, 0, "", "", "phần thông tin đầu trang phải gồm các dòng 'khóa: giá trị', ví dụ: title: Cách làm hay")]
    return value or {}, end + 1, []


def check_macros(docs_dir: Path) -> list[Problem]:
    """Template code on the pages that run macros (render_macros: true): it must parse, and name only what
    the site gives (sotay.constants.MACRO_VARIABLES, mkdocs-macros' own names, extra: in mkdocs.yml)."""
    docs = Path(docs_dir)
    known: set[str] | None = None  # read from mkdocs.yml once a page runs macros
    problems: list[Problem] = []
    for path in authored_pages(docs):
        name = f"{docs.name}/{path.relative_to(docs).as_posix()}"
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue  # check_pages and the guides' and posts' checks say so
        if "render_macros" not in text:  # most pages: no front matter to parse here
            continue
        if known is None:
            known = MACRO_VARIABLES | PLUGIN_NAMES | set(_JINJA.globals) | _extra_names(docs.parent / "mkdocs.yml")
        lines = text.splitlines()
        meta, start, found = optional_front_matter(lines, name)
        if found or meta.get("render_macros") is not True:
            continue
        body = "\n".join(lines[start:])
        try:
            tree = _JINJA.parse(body)
        except jinja2.TemplateSyntaxError as exc:
            row = start + (exc.lineno or 1)
            problems.append(Problem(name, row, 0, "", lines[row - 1].strip()[:80] if row <= len(lines) else "",
                                    "trang này chạy mẫu (render_macros: true): '{{', '{%' và '{#' chỉ dùng để mở mẫu, và mẫu ở đây "
                                    "viết sai hoặc chưa đóng. Mã neo tiêu đề viết có dấu cách: { #lien-he }"))
            continue
        try:
            undeclared = jinja2.meta.find_undeclared_variables(tree)
        except jinja2.TemplateError as exc:  # a filter or test that does not exist ({{ x | khong_co }})
            row = start + (getattr(exc, "lineno", None) or 1)
            problems.append(Problem(name, row, 0, "", lines[row - 1].strip()[:80] if row <= len(lines) else "",
                                    "mẫu dùng bộ lọc (sau dấu |) không có: xóa bộ lọc hoặc sửa chính tả"))
            continue

        def row_of(word: str) -> int:
            return next((start + i + 1 for i, line in enumerate(lines[start:]) if word in line), start + 1)
        for unknown in sorted(undeclared - known - set(meta)):
            problems.append(Problem(name, row_of(unknown), 0, "", unknown,
                                    f"mẫu dùng tên '{unknown}' mà trang không có: dùng một trong {', '.join(sorted(MACRO_VARIABLES))} "
                                    "(xem trang Biên tập) hoặc sửa chính tả"))
        for variable, field in _fields_used(tree):
            allowed = MACRO_FIELDS.get(variable)
            if allowed is not None and field not in allowed and variable not in meta:
                problems.append(Problem(name, row_of(f"{variable}.{field}"), 0, "", f"{variable}.{field}",
                                        f"{variable} không có mục '{field}': dùng một trong {', '.join(sorted(allowed))}"))
    return sorted(problems)


def _fields_used(tree: jinja2.nodes.Template) -> list[tuple[str, str]]:
    """(variable, field) for each so_lieu.x or so_lieu['x'] in the template."""
    found = []
    for node in tree.find_all((jinja2.nodes.Getattr, jinja2.nodes.Getitem)):
        if isinstance(node.node, jinja2.nodes.Name):
            if isinstance(node, jinja2.nodes.Getattr):
                found.append((node.node.name, node.attr))
            elif isinstance(node.arg, jinja2.nodes.Const) and isinstance(node.arg.value, str):
                found.append((node.node.name, node.arg.value))
    return found


def _extra_names(mkdocs_yml: Path) -> set[str]:
    """mkdocs-macros gives a page every key of extra: as a name of its own."""
    extra = read_mkdocs_yml(mkdocs_yml).get("extra")
    return set(extra) if isinstance(extra, dict) else set()
