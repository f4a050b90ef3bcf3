"""Measuring primitives: a command in a fresh process (wall time, CPU time, peak memory), the rows of a
data package, and the statistics of a built site."""
from __future__ import annotations

import csv
import gzip
import json
import os
import signal
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


# Launcher run with ``python -I -S``: forks the command, waits for it with wait4 and writes its figures.
# The measured command must not be forked from this (possibly large) process: on Linux a child's ru_maxrss
# keeps the high-water mark of the address space it was forked or vforked from, so the parent's own
# memory would show up as the command's. The small launcher is the parent instead (~10 MiB floor).
LAUNCHER = """
import json, os, sys, time
out, command = sys.argv[1], sys.argv[2:]
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.execvp(command[0], command)
    except OSError as error:
        print(f"{command[0]}: {error}", file=sys.stderr)
    os._exit(127)
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - start
code = os.waitstatus_to_exitcode(status)
with open(out, "w") as handle:
    json.dump({"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "peak_kib": usage.ru_maxrss, "returncode": code}, handle)
"""


def run_command(command: list[str], env: dict[str, str] | None = None, cwd: Path | None = None,
                timeout: float = 3600) -> Run:
    """Run command in a fresh process; wall and CPU time and peak memory (ru_maxrss) of that command only."""
    with tempfile.TemporaryDirectory(prefix="sotay-run-") as tmp:
        figures = Path(tmp) / "run.json"
        launcher = [sys.executable, "-I", "-S", "-c", LAUNCHER, str(figures), *command]
        with tempfile.TemporaryFile() as out:
            proc = subprocess.Popen(launcher, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=cwd,
                                    start_new_session=True)
            try:
                proc.wait(timeout)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
                raise BenchError(f"{command[0]} ran longer than {timeout:.0f} s") from None
            out.seek(0)
            output = out.read().decode("utf-8", "replace")
        if not figures.exists():
            raise BenchError(f"could not run {command!r} (launcher exit {proc.returncode}):\n{output[-4000:]}")
        data = json.loads(figures.read_text(encoding="utf-8"))
    return Run(data["wall"], data["cpu"], data["peak_kib"], data["returncode"], output)


def checked(run: Run, what: str) -> Run:
    if run.returncode != 0:
        raise BenchError(f"{what} failed (exit {run.returncode}):\n{run.output[-4000:]}")
    return run


def best(runs: list[Run]) -> Run:
    """The fastest of repeated runs (the least disturbed by other load on a shared machine)."""
    return min(runs, key=lambda r: r.wall)


RAM_DISK = Path("/dev/shm")
RAM_DISK_ROOM = 4 * 1024**3  # the x10 data and its builds take ~1.5 GB


def scratch_root() -> Path | None:
    """The RAM disk, when there is one with room, for the data sets and builds; else None (the system's
    temporary folder). A build on a disk is timed with the disk's state: after a recent deletion of many
    files (a previous benchmark's clean-up, a test run), ext4 creates each new file ~10x slower."""
    try:
        usage = os.statvfs(RAM_DISK)
    except OSError:
        return None
    if not os.access(RAM_DISK, os.W_OK) or usage.f_bavail * usage.f_frsize < RAM_DISK_ROOM:
        return None
    return RAM_DISK


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
