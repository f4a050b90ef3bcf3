"""Generated pages: each builder turns the model into pages (path, title, HTML body) and files.

The MkDocs glue adds them as generated files; nothing here imports MkDocs.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Page:
    """A generated page. ``render`` is called once, when MkDocs reaches the page."""

    path: str  # source path, e.g. "don-vi/index.md"
    title: str
    render: Callable[[], str]  # HTML body, already escaped
    edit: str | None = None  # data file an editor would change, relative to the repository
    description: str = ""
    meta: dict = field(default_factory=dict)  # extra front matter (search exclusion, hidden toc…)

    def markdown(self) -> str:
        """Front matter and a slot where the glue puts the rendered HTML (no Markdown processing)."""
        lines = ["---", f"title: {_yaml_string(self.title)}"]
        if self.description:
            lines.append(f"description: {_yaml_string(self.description)}")
        for key, value in self.meta.items():
            lines.append(f"{key}: {value}")
        lines += ["---", "", SLOT, ""]
        return "\n".join(lines)


@dataclass
class Asset:
    """A generated non-page file (JSON, vCard, CSV, XLSX…)."""

    path: str
    content: bytes


SLOT = "<!-- sotay:generated -->"


def _yaml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
