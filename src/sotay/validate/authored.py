"""Every check of the authored pages (docs/): guides, posts, the other pages, template code, and contacts
written into any page. One list, so the build and scripts/validate.py check the same things."""
from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..errors import Problem
from .contacts import check_markdown
from .context import Tables
from .guides import check_guides
from .pages import check_file_names, check_macros, check_pages
from .posts import check_posts


def check_authored(docs_dir: Path, tables: Tables, categories: Iterable[str] | None) -> list[Problem]:
    """Problems of the pages under docs_dir, sorted; categories are the blog's allowed ones (None: any)."""
    problems = check_posts(docs_dir, categories) + check_file_names(docs_dir) + check_pages(docs_dir)
    problems += check_macros(docs_dir) + check_markdown(docs_dir, tables)
    # no platforms table (the package description is broken): its problems say why; guides wait
    if tables.get("platforms") is not None:
        problems += check_guides(docs_dir, {r["id"] for r in tables["platforms"]})
    return sorted(problems)
