"""Check the "cách làm hay" posts (docs/cach-lam-hay/posts/*.md) before the blog plugin reads them: it
stops the build in English, without a line, on a category outside its list or a date it cannot read."""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from pathlib import Path

import yaml

from ..errors import Problem
from .guides import check_active, check_media, key_lines, read_authored

POSTS = "cach-lam-hay/posts"


def post_files(docs_dir: Path) -> list[Path]:
    folder = Path(docs_dir) / POSTS
    return sorted(folder.glob("*.md")) if folder.is_dir() else []


def check_posts(docs_dir: Path, categories: Iterable[str] | None) -> list[Problem]:
    """Every problem in every post under docs_dir, sorted; categories are the blog's allowed ones (None: any)."""
    allowed = None if categories is None else list(categories)
    problems: list[Problem] = []
    for path in post_files(docs_dir):
        problems += check_post(path, Path(docs_dir), allowed)
    return sorted(problems)


def check_post(path: Path, docs_dir: Path, allowed: list[str] | None) -> list[Problem]:
    name, lines, meta, body_start, problems = read_authored(path, docs_dir, keys="date, categories, description")
    if lines is None:
        return problems
    body = lines[body_start:]
    problems += check_active(body, body_start, name)
    problems += check_media(body, body_start, name, path, docs_dir)
    if meta is None:
        return problems
    where = key_lines(lines)
    date = meta.get("date")
    if not isinstance(date, dt.date):
        problems.append(Problem(name, where.get("date", 1), 1, "date", "" if date is None else str(date),
                                "thiếu ngày đăng hoặc ngày không hợp lệ: viết năm-tháng-ngày, ví dụ date: 2022-08-20"))
    # What the blog plugin refuses, in English and without a line: a category written as text, not a list;
    # draft: other than true or false. (It takes an empty list, and an empty draft:.)
    categories = meta.get("categories")
    if categories is not None and (not isinstance(categories, list)
                                   or not all(isinstance(c, str) and c.strip() for c in categories)):
        problems.append(Problem(name, where.get("categories", 1), 2, "categories", str(categories),
                                "chuyên mục phải là một danh sách, mỗi dòng một mục, ví dụ:\ncategories:\n  - VNeID"))
        categories = [c for c in categories if isinstance(c, str)] if isinstance(categories, list) else []
    categories = categories or []
    if meta.get("draft") is not None and not isinstance(meta["draft"], bool):
        problems.append(Problem(name, where.get("draft", 1), 3, "draft", str(meta["draft"]),
                                "draft chỉ nhận true (bài nháp, chưa đăng) hoặc false: viết draft: true hoặc xóa dòng này"))
    for category in categories if allowed is not None else []:
        if category not in allowed:
            line = next((i for i, t in enumerate(lines[:body_start], start=1) if re.match(rf"^\s*-\s*{re.escape(str(category))}\s*$", t)),
                        where.get("categories", 1))
            problems.append(Problem(name, line, 2, "categories", str(category),
                                    f"chuyên mục không có trong danh sách: chỉ dùng một trong {', '.join(allowed)} (đúng chính tả, có dấu)"))
    if not meta.get("title") and not any(t.startswith("# ") for t in body):
        problems.append(Problem(name, body_start + 1, 0, "", "", "bài chưa có tên: dòng đầu của bài viết '# Tên bài'"))
    return problems


class _AnyTagLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, whose !ENV and !!python/name tags a plain safe loader refuses."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_AnyTagLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_mkdocs_yml(mkdocs_yml: Path) -> dict:
    """mkdocs.yml as data ({} when absent)."""
    if not Path(mkdocs_yml).is_file():
        return {}
    config = yaml.load(Path(mkdocs_yml).read_text(encoding="utf-8"), Loader=_AnyTagLoader)
    return config if isinstance(config, dict) else {}


def blog_categories(mkdocs_yml: Path) -> list[str] | None:
    """The blog plugin's allowed categories in mkdocs.yml, or None when it sets none."""
    for plugin in read_mkdocs_yml(mkdocs_yml).get("plugins") or []:
        if isinstance(plugin, dict) and "blog" in plugin:
            return list((plugin["blog"] or {}).get("categories_allowed") or []) or None
    return None
