"""Page shells: the theme's HTML around a page, rendered once and filled in for every page of the same shape.

Material renders ~25 KB of header, navigation and footer around each page (1.6 ms a page). Pages outside
the navigation at the same depth (1,460 team pages, 235 commune pages) get the same bytes around their
content except for a few values: title, description, canonical and edit addresses. A shell is the theme's
output for one such page rendered with marks in place of those values; filling the marks with another
page's values gives that page's output. The glue (hooks/sotay_glue.py) keeps a shell only after it
reproduced two real renderings byte for byte, and renders normally whatever it cannot stamp.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# Plain ASCII marks: any template filter that changes them makes the shell fail its check.
FIELDS = ("title", "description", "canonical", "edit", "content")
MARKS = {name: f"SOTAYSHELLMARK{name.upper()}X" for name in FIELDS}
_SPLIT = re.compile("(" + "|".join(MARKS.values()) + ")")
_FIELD_OF = {mark: name for name, mark in MARKS.items()}


@dataclass(frozen=True)
class Shell:
    parts: tuple[str, ...]  # literal text, with field names at the odd positions

    def fill(self, values: dict[str, str]) -> str:
        parts = list(self.parts)
        for i in range(1, len(parts), 2):
            parts[i] = values[parts[i]]
        return "".join(parts)


def make_shell(marked: str) -> Shell | None:
    """The shell of a page rendered with MARKS as its values; None unless the content mark occurs once
    (the content is never searched for marks: it is put in as it is)."""
    pieces = _SPLIT.split(marked)
    fields = [_FIELD_OF[p] for p in pieces[1::2]]
    if fields.count("content") != 1:
        return None
    pieces[1::2] = fields
    return Shell(tuple(pieces))
