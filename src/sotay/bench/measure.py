"""Measuring primitives: a command in a fresh process (wall time, CPU time, peak memory), the rows of a
data package, and the statistics of a built site."""
from __future__ import annotations

import csv
import gzip
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import yaml

# Environment variables of the site build that must not leak from the caller into a measured command.
SITE_VARIABLES = ("SITE_DATA_DIR", "SITE_TODAY")


class BenchError(RuntimeError):
    """A measured command failed: the figures would mean nothing."""


@dataclass(frozen=True)
class Run:
    """One command in a fresh process."""

    wall: float  # seconds
    cpu: float  # user + system seconds of the process and its children
    peak_kib: int  # peak resident set size of the process (ru_maxrss, KiB on Linux)
    returncode: int
    output: str  # stdout + stderr, for error messages

    def as_dict(self) -> dict:
        data = asdict(self)
        del data["output"]
        return data


def clean_environment(**extra: str) -> dict[str, str]:
    """The caller's environment without the site variables, plus ``extra``."""
    env = {k: v for k, v in os.environ.items() if k not in SITE_VARIABLES}
    env.update(extra)
    return env


def run_command(command: list[str], env: dict[str, str] | None = None, cwd: Path | None = None,
                timeout: float = 3600) -> Run:
    """Run command in a fresh process; its own rusage (wait4) gives the peak memory of that command only."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=cwd)
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.005)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)  # tell Popen the child is reaped
        out.seek(0)
        output = out.read().decode("utf-8", "replace")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, proc.returncode, output)


def checked(run: Run, what: str) -> Run:
    if run.returncode != 0:
        raise BenchError(f"{what} failed (exit {run.returncode}):\n{run.output[-4000:]}")
    return run


def best(runs: list[Run]) -> Run:
    """The fastest of repeated runs (the least disturbed by other load on a shared machine)."""
    return min(runs, key=lambda r: r.wall)


def timed(function: Callable, *args, **kwargs) -> tuple[float, object]:
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return time.perf_counter() - start, result


def python_command(*args: str) -> list[str]:
    return [sys.executable, *args]


def frictionless_command(descriptor: Path) -> list[str]:
    """Stock ``frictionless validate`` from the same environment as this Python."""
    script = Path(sys.executable).with_name("frictionless")
    base = [str(script)] if script.exists() else [sys.executable, "-m", "frictionless"]
    return [*base, "validate", str(descriptor)]


def package_rows(root: Path) -> int:
    """Data rows (header excluded) of every CSV file the package declares."""
    descriptor = yaml.safe_load((root / "datapackage.yaml").read_text(encoding="utf-8"))
    total = 0
    for resource in descriptor["resources"]:
        paths = resource["path"] if isinstance(resource["path"], list) else [resource["path"]]
        for rel in paths:
            with (root / rel).open(encoding="utf-8-sig", newline="") as handle:
                total += max(sum(1 for _ in csv.reader(handle)) - 1, 0)
    return total


@dataclass(frozen=True)
class SiteStats:
    pages: int  # index.html files
    median_page: int  # bytes
    largest_page: int  # bytes
    largest_path: str
    search_index: int  # bytes of search/search_index.json (0 when absent)
    search_index_gz: int  # the same, gzip -9
    total_bytes: int  # every file of the site

    def as_dict(self) -> dict:
        return asdict(self)


def site_stats(site: Path) -> SiteStats:
    """Pages (index.html files), their median and largest size, and the search index raw and gzipped."""
    sizes = sorted((p.stat().st_size, p.relative_to(site).as_posix()) for p in site.rglob("index.html"))
    if not sizes:
        raise BenchError(f"no page (index.html) in {site}")
    index = site / "search" / "search_index.json"
    raw = index.read_bytes() if index.exists() else b""
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    return SiteStats(
        pages=len(sizes),
        median_page=int(statistics.median(s for s, _ in sizes)),
        largest_page=sizes[-1][0],
        largest_path=sizes[-1][1],
        search_index=len(raw),
        search_index_gz=len(gzip.compress(raw, 9, mtime=0)) if raw else 0,
        total_bytes=total,
    )
