"""Shared fixtures: a copy of the demo data, a built site, a local HTTP server and Debian's Chromium."""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from sotay.bench.browser import CHROMIUM, CHROMIUM_ARGS  # one Chromium set-up for the tests and the benchmark

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
SITE_TODAY = "2023-01-20"  # the default "today" of test builds: all 2022 reports are in


def run_script(name: str, *args: str, env: dict | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """Run one of scripts/*.py in a fresh process, as an editor would."""
    return subprocess.run([sys.executable, str(ROOT / "scripts" / name), *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, cwd=cwd, timeout=600)


def build_site(out: Path, data_dir: Path = DATA, today: str = SITE_TODAY, strict: bool = True, extra_env: dict | None = None) -> subprocess.CompletedProcess:
    """mkdocs build into out with the given data and day; returns the finished process."""
    env = {**os.environ, "SITE_DATA_DIR": str(data_dir), "SITE_TODAY": today, **(extra_env or {})}
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(ROOT / "mkdocs.yml"), "-d", str(out)]
    if strict:
        command.append("--strict")
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, timeout=1800)


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped demo data."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The site built once from the shipped data with SITE_TODAY fixed."""
    out = tmp_path_factory.mktemp("site")
    result = build_site(out)
    assert result.returncode == 0, result.stderr[-5000:]
    return out


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A test's browser closes while its service worker is still saving files: not a failure.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def serve(directory: Path):
    """Serve directory on 127.0.0.1 on a free port from a thread; returns (server, base_url)."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = _QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="session")
def site_url(built_site: Path):
    server, url = serve(built_site)
    yield url
    server.shutdown()


REFORM_TODAY = "2026-01-10"  # after the 2025 reform: banners on 2022 pages, pages of the new units


@pytest.fixture(scope="session")
def built_site_2026(tmp_path_factory) -> Path:
    """The site built from the shipped data as of 10/01/2026."""
    out = tmp_path_factory.mktemp("site2026")
    result = build_site(out, today=REFORM_TODAY)
    assert result.returncode == 0, result.stderr[-5000:]
    return out


@pytest.fixture(scope="session")
def site_url_2026(built_site_2026: Path):
    server, url = serve(built_site_2026)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Debian's Chromium, never a downloaded browser; flags that keep it off the network."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium not found at {CHROMIUM}: apt-get install chromium")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture
def phone_page(page):
    """A page at a cheap phone's viewport (360×800)."""
    page.set_viewport_size({"width": 360, "height": 800})
    return page


@pytest.fixture
def request_log(phone_page):
    """Every URL the page requests, to prove nothing leaves 127.0.0.1."""
    urls: list[str] = []
    phone_page.on("request", lambda req: urls.append(req.url))
    return urls


MINI = ROOT / "tests" / "fixtures" / "mini"
# The official lists the data was taken from (units of 2022 and 2025, the crosswalk), with their sources.
REFERENCE = ROOT / "tests" / "fixtures" / "reference"


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A writable copy of the small hand-made data package, with the real schemas. Like the shipped data it
    knows the 2025 reform: its 2022 units end on 30/06/2025, Thành phố Hải Phòng and Phường Thành Đông
    start on 01/07/2025, and crosswalk.csv maps the old units to them."""
    target = tmp_path / "mini"
    shutil.copytree(MINI, target)
    shutil.copytree(DATA / "schemas", target / "schemas")
    return target


def edit_cell(path: Path, line: int, column: str, value: str) -> None:
    """Set one cell of a CSV file (line numbers as an editor sees them, header = 1)."""
    import csv
    rows = list(csv.reader(path.read_text(encoding="utf-8").splitlines()))
    rows[line - 1][rows[0].index(column)] = value
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)


def append_row(path: Path, row: list[str]) -> None:
    import csv
    with path.open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerow(row)


def write_rows(path: Path, rows: list[list[str]]) -> None:
    import csv
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
