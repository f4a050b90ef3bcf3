"""Load once: validate the data folder and build the model, reusing the result while no input changed
(``mkdocs serve`` rebuilds on every edit; unchanged data must cost next to nothing)."""
from __future__ import annotations

import datetime as dt
import gc
import os
from pathlib import Path

from . import collector
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


def load_model(root: Path, today: dt.date, extra_checks=(), clock: dt.date | None = None) -> Model:
    """Validated model of the data in root, seen from ``today`` (SITE_TODAY); raises DataError.

    The data is checked against the real date (``clock``): a site built "as of" an earlier day still
    accepts reports filed later; the model, not the check, hides what was not yet known that day.
    """
    clock = clock or dt.date.today()
    key = (str(root), today, clock, fingerprint(root))
    if key in _cache:
        model, tables = _cache[key]
        # Extra checks read files outside root (guides): run them again, they are cheap.
        problems = [p for extra in extra_checks for p in extra(tables)]
        if problems:
            raise DataError(problems)
        return model
    package, tables, problems = check(root, clock)
    for extra in extra_checks:
        problems += extra(tables)
    if problems:
        raise DataError(problems)
    with collector.paused():
        model = build_model(tables, today, package.sample)
    if gc.get_freeze_count():
        forget()  # the model this one replaces (mkdocs serve after an edit) goes now
    _cache[key] = (model, tables)
    # The model and its rows live as long as the build: in the permanent generation, the cyclic collector
    # no longer walks their millions of objects on each full collection (at --scale 10 one such walk
    # took ~0.3 s, and the build and the analytics allocate enough to trigger several).
    gc.freeze()
    return model


def forget() -> None:
    """Drop the loaded model: the next load_model reads the data again (tests, the benchmark). The
    model was moved out of the collector's sight (gc.freeze); it is handed back and collected."""
    _cache.clear()
    gc.unfreeze()
    gc.collect()
