"""Load once: validate the data folder and build the model, reusing the result while no input changed
(``mkdocs serve`` rebuilds on every edit; unchanged data must cost next to nothing).

A build starts loading (``start_loading``) and asks for the verified model later: the check's first pass
(every file read, every cell cast and checked) runs here, and the model is built from its typed tables
while the rest of the check (foreign keys, domain rules: ~40% of it) runs in a second process
(``sotay.background``). ``Loading.verified()`` waits for the rest and raises DataError with every problem;
nothing may be published from the model before it returned, and whatever reads the model before then must
let verified() speak first when it fails (the rules are what make the model's assumptions true; the model
itself refuses the links that would make it loop). ``load_model`` does both at once.
"""
from __future__ import annotations

import datetime as dt
import gc
import os
from functools import partial
from pathlib import Path

from . import background, collector
from .errors import DataError, Problem
from .model import Model, build_model
from .validate.check import FirstPass, first_pass

_cache: dict[tuple, "Loading"] = {}


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


class Loading:
    """A data folder being loaded: the model built from the check's first pass (None when that pass found
    problems or the model could not be built), and the rest of the check still running."""

    def __init__(self, first: FirstPass, clock: dt.date, job: background.Job, model: Model | None,
                 failure: Exception | None):
        self.first = first
        self.model = model  # not verified until verified() returned it
        self._clock = clock
        self._job = job
        self._failure = failure
        self._problems: list[Problem] | None = None  # of the whole check, once the rest is in

    def verified(self, extra_checks=()) -> Model:
        """The model once the whole check found nothing, nor ``extra_checks`` (each called with the
        typed tables; they read files outside the data folder, the guides, so they run on every call)."""
        extra = [p for check in extra_checks for p in check(self.first.tables)]  # while the rest runs
        if self._problems is None:
            try:
                rest = self._job.result()
            except background.BackgroundError:  # the copy died (out of memory, killed): the rest here
                rest = _rest_of_check(self.first, self._clock)
            self._problems = sorted(self.first.problems + rest)
        problems = sorted(self._problems + extra)
        if problems:
            raise DataError(problems)
        if self._failure is not None:  # a valid package the model could not take: a bug, not the data
            raise self._failure
        return self.model


def start_loading(root: Path, today: dt.date, clock: dt.date | None = None) -> Loading:
    """Start loading the data in root, seen from ``today`` (SITE_TODAY); see Loading.

    The data is checked against the real date (``clock``): a site built "as of" an earlier day still
    accepts reports filed later; the model, not the check, hides what was not yet known that day.
    """
    clock = clock or dt.date.today()
    key = (str(root), today, clock, fingerprint(root))
    if key in _cache:
        return _cache[key]
    forget()  # the data this replaces (mkdocs serve after an edit, valid or not) goes now
    with collector.paused():
        first = first_pass(root)
    job = background.start(partial(_rest_of_check, first, clock))
    model = failure = None
    if not first.problems:
        try:
            with collector.paused():
                model = build_model(first.tables, today, first.package.sample)
        except Exception as exc:  # noqa: BLE001 - the rest of the check says whether the data is to blame
            failure = exc
        else:
            _keep(model)
    loading = _cache[key] = Loading(first, clock, job, model, failure)
    return loading


def _rest_of_check(first: FirstPass, clock: dt.date) -> list[Problem]:
    with collector.paused():
        return first.rest(clock)


def load_model(root: Path, today: dt.date, extra_checks=(), clock: dt.date | None = None) -> Model:
    """Validated model of the data in root, seen from ``today`` (SITE_TODAY); raises DataError."""
    return start_loading(root, today, clock).verified(extra_checks)


def _keep(model: Model) -> None:
    # The model and its rows live as long as the build: in the permanent generation, the cyclic collector
    # no longer walks their millions of objects on each full collection (at --scale 10 one such walk
    # took ~0.3 s, and the build and the analytics allocate enough to trigger several).
    gc.freeze()


def forget() -> None:
    """Drop the loaded model: the next load_model reads the data again (tests, the benchmark). The
    model was moved out of the collector's sight (gc.freeze); it is handed back and collected."""
    if not _cache and not gc.get_freeze_count():
        return
    _cache.clear()
    gc.unfreeze()
    gc.collect()
