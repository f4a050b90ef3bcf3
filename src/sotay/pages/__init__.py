"""Generated pages: each builder turns the model into pages (path, title, HTML body) and files.

The MkDocs glue adds them as generated files; nothing here imports MkDocs.
"""
from __future__ import annotations

import html
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property


@dataclass
class Page:
    """A generated page. ``render`` is called once, when MkDocs reaches the page."""

    path: str  # source path, e.g. "don-vi/index.md"
    title: str
    render: Callable[[], str]  # HTML body, already escaped
    edit: str | None = None  # data file an editor would change, relative to the repository
    description: str = ""
    meta: dict = field(default_factory=dict)  # extra front matter, as values (search exclusion, hidden toc…)
    # One of many pages of the same shape outside the navigation and the search (team pages): the glue may
    # write it from its shell after the build instead of taking it through every MkDocs page event.
    direct: bool = False

    def front_matter(self) -> dict:
        """The page's front matter as MkDocs reads it from ``markdown()``.

        Title and description come from data and the theme prints them unescaped (MkDocs' Jinja has
        no autoescape: <title>, <h1>, meta description, search index), so they are escaped here.
        """
        front = {"title": html.escape(self.title)}
        if self.description:
            front["description"] = html.escape(self.description)
        front.update(self.meta)
        return front

    def body(self) -> str:
        """The Markdown under the front matter: only the slot where the glue puts the rendered HTML."""
        return SLOT

    def markdown(self) -> str:
        """Front matter and body: what MkDocs reads (the glue may skip reading it, see front_matter)."""
        lines = ["---"]
        for key, value in self.front_matter().items():
            # strings double-quoted and escaped; other values (flags, mappings) as JSON, which is YAML
            lines.append(f"{key}: {_yaml_string(value) if isinstance(value, str) else json.dumps(value)}")
        lines += ["---", "", self.body(), ""]
        return "\n".join(lines)


@dataclass
class Asset:
    """A generated non-page file (JSON, vCard, CSV, XLSX…). ``render`` makes its bytes when they are first
    asked for (``content``): the glue may have them made in a second process while MkDocs builds pages."""

    path: str
    render: Callable[[], bytes]

    @cached_property
    def content(self) -> bytes:
        return self.render()


SLOT = "<!-- sotay:generated -->"


def _yaml_string(text: str) -> str:
    """A double-quoted YAML scalar; line breaks and other control characters are escaped too."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + "".join(f"\\u{ord(c):04x}" if _unsafe_in_yaml(c) else c for c in escaped) + '"'


def _unsafe_in_yaml(c: str) -> bool:
    """Characters YAML would refuse or read as a line break inside a quoted scalar."""
    n = ord(c)
    return n < 32 or 0x7F <= n <= 0x9F or n in (0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF) or 0xD800 <= n <= 0xDFFF
