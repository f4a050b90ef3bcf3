"""The one shape every data problem takes: file, row, column, value, message (in Vietnamese)."""
from __future__ import annotations

from dataclasses import dataclass, field

_MAX_SHOWN = 80


@dataclass(frozen=True, order=True)
class Problem:
    """A located problem in the data, printed as ``file:row:column: value: message``."""

    file: str
    row: int = 0  # line number in the file as an editor sees it (header is line 1); 0 = whole file
    position: int = 0  # column position, only used to sort
    column: str = field(default="", compare=False)
    value: str = field(default="", compare=False)
    message: str = ""
    # Other rows the problem is about, as (file, row): a running total that falls names the period before.
    also: tuple[tuple[str, int], ...] = field(default=(), compare=False)

    def __str__(self) -> str:
        value = self.value if len(self.value) <= _MAX_SHOWN else self.value[:_MAX_SHOWN] + "…"
        # an empty cell shown as "(trống)": "full_name: : bắt buộc…" read as a typo in the message
        shown = visible(value) if value or not self.column else "(trống)"
        return f"{self.file}:{self.row}:{self.column}: {shown}: {self.message}"


# Characters an editor cannot see, named so that the message says what to delete.
_INVISIBLE = {"\t": "Tab", "\n": "xuống dòng", "\r": "xuống dòng", "\xa0": "dấu cách không ngắt",
              "\u200b": "dấu cách độ rộng 0", "\ufeff": "BOM"}


def visible(text: str) -> str:
    """The text with each invisible character shown as ⟨its name⟩: 'Liên⟨dấu cách không ngắt⟩'."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else f"⟨{_INVISIBLE.get(c, f'U+{ord(c):04X}')}⟩" for c in text)


MANY = 20  # problems in one column of one file from which a whole column was likely changed at once


def summary(problems: list[Problem]) -> list[str]:
    """One line per column of a file with problems on MANY rows or more, one after another (a file saved
    through Excel turns every date of a column into dd/mm/yyyy: 700 alike lines hide the one cause). The
    lines themselves stay listed."""
    groups: dict[tuple[str, str], list[Problem]] = {}
    for problem in problems:
        if problem.column and problem.row:
            groups.setdefault((problem.file, problem.column), []).append(problem)
    lines = []
    for (file, column), found in groups.items():
        rows = sorted({p.row for p in found})
        # many, and row after row: a column changed as a whole (not 224 late reports among 8,500 rows)
        if len(rows) >= MANY and len(rows) >= 0.9 * (rows[-1] - rows[0] + 1):
            lines.append(f"Cột {column} của {file} có {len(found)} lỗi (dòng {rows[0]} đến {rows[-1]}): có lẽ cả cột bị đổi cùng lúc, "
                         f"ví dụ khi mở rồi lưu tệp bằng Excel; lấy lại bản trước trên GitHub hoặc sửa cả cột. Lỗi đầu: {found[0].message}")
    return lines


class DataError(Exception):
    """Raised when the data cannot be used; carries every problem found, sorted."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        lines = [str(p) for p in self.problems] + summary(self.problems)
        lines.append(f"Có {count} lỗi trong dữ liệu. Sửa các dòng trên rồi chạy lại: python scripts/validate.py")
        return "\n".join(lines)


class CannotRun(Exception):
    """The check itself cannot run (missing folder, unreadable package description)."""
