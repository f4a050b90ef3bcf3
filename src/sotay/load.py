"""Load once: validate the data folder and build the model, reusing the result while no input changed
(``mkdocs serve`` rebuilds on every edit; unchanged data must cost next to nothing)."""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from .errors import DataError
from .model import Model, build_model
from .validate.check import check

_cache: dict[tuple, Model] = {}


def fingerprint(root: Path) -> tuple:
    """Names, sizes and modification times of every file under root: cheap, and changes on any edit."""
    entries = []
    stack = [str(root)]
    while stack:
        with os.scandir(stack.pop()) as it:
            for entry in it:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(entry.path)
                else:
                    stat = entry.stat()
                    entries.append((entry.path, stat.st_size, stat.st_mtime_ns))
    return tuple(sorted(entries))


def load_model(root: Path, today: dt.date, extra_checks=()) -> Model:
    """Validated model of the data in root; raises DataError listing every problem."""
    key = (str(root), today, fingerprint(root))
    if key in _cache:
        return _cache[key]
    package, tables, problems = check(root, today)
    for extra in extra_checks:
        problems += extra(tables)
    if problems:
        raise DataError(problems)
    model = build_model(tables, today)
    _cache.clear()
    _cache[key] = model
    return model
