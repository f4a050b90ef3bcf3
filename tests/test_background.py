"""sotay.background: work in a forked second process, its result or its failure handed back; the same
work in this process where forking is unsafe."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time

import pytest

from sotay import background
from sotay.background import BackgroundError

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork here: every job runs inline")


@pytest.fixture(autouse=True)
def only_thread(request, monkeypatch):
    """Other tests leave threads running in this process (the site server of the browser tests); a build
    has none. The second process only computes and leaves, so they are not counted here, but in the test
    about threads."""
    monkeypatch.delenv("SOTAY_JOBS", raising=False)
    if "thread" not in request.node.name:
        monkeypatch.setattr(background.threading, "active_count", lambda: 1)


def _pid_and_value():
    return os.getpid(), ["bodies", "é" * 100_000]


def test_a_job_runs_in_a_second_process_and_hands_back_what_it_returned():
    job = background.start(_pid_and_value)
    assert job.forked
    pid, value = job.result()
    assert pid != os.getpid() and value == ["bodies", "é" * 100_000]
    with pytest.raises(RuntimeError):
        job.result()


def test_the_work_sees_what_this_process_had_made_before():
    made = {"warm": [1, 2, 3]}
    job = background.start(lambda: sum(made["warm"]))
    made["warm"].append(4)  # after the fork: the copy does not see it
    assert job.result() == 6


def _fail():
    raise ValueError("Nguyễn: no such team")


def test_a_failure_in_the_second_process_comes_back_with_its_traceback():
    job = background.start(_fail)
    with pytest.raises(BackgroundError, match=r"(?s)failed:.*ValueError: Nguyễn: no such team"):
        job.result()


def test_a_result_that_cannot_be_handed_back_is_a_failure_that_says_why():
    job = background.start(lambda: (lambda: "a function is not pickled"))
    with pytest.raises(BackgroundError, match="(?s)failed:.*(pickle|Pickl)"):
        job.result()


def test_a_second_process_that_dies_is_a_failure_not_an_empty_result():
    job = background.start(lambda: os._exit(3))
    with pytest.raises(BackgroundError, match="stopped without finishing"):
        job.result()


def test_with_sotay_jobs_1_the_work_runs_here_when_its_result_is_asked_for(monkeypatch):
    monkeypatch.setenv("SOTAY_JOBS", "1")
    ran = []
    job = background.start(lambda: ran.append(os.getpid()) or "done")
    assert not job.forked and ran == []  # nothing yet: inline work waits for result()
    assert job.result() == "done" and ran == [os.getpid()]


def test_no_fork_while_another_thread_runs():
    """mkdocs serve has its server's threads: a lock one of them holds would stay locked in a copy."""
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        job = background.start(_pid_and_value)
        assert not job.forked
        assert job.result()[0] == os.getpid()
        with pytest.raises(ValueError):
            background.start(_fail).result()  # inline: the work's own exception
    finally:
        stop.set()
        other.join()


def test_a_job_left_unclaimed_is_stopped_when_the_process_exits(tmp_path):
    """A build that fails before it takes the result must not leave its second process behind."""
    marker = tmp_path / "pid"
    script = (
        "import os, time, pathlib\n"
        "from sotay import background\n"
        f"job = background.start(lambda: (pathlib.Path({str(marker)!r}).write_text(str(os.getpid())), time.sleep(60)))\n"
        f"while not pathlib.Path({str(marker)!r}).exists(): time.sleep(0.01)\n"
        "raise SystemExit(1)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    pid = int(marker.read_text())
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and _alive(pid):
        time.sleep(0.05)
    assert not _alive(pid)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie is dead; it waits for a parent that already left (it is then reaped by init)
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(") ", 1)[1][0] != "Z"
    except FileNotFoundError:
        return False


_WAITING = (
    "import os, sys, time, pathlib\n"
    "from sotay import background\n"
    "marker = pathlib.Path(sys.argv[1])\n"
    "job = background.start(lambda: (marker.write_text(str(os.getpid())), time.sleep(60)))\n"
    "job.result()\n"
)


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGKILL])
def test_a_build_stopped_while_it_waits_stops_its_second_process(tmp_path, stop):
    """Ctrl-C (or a CI run cancelled, or killed) while the result is awaited: the copy goes too (a review:
    it lived on, adopted by init, and wrote its files after the build had gone)."""
    marker = tmp_path / "pid"
    parent = subprocess.Popen([sys.executable, "-c", _WAITING, str(marker)])
    deadline = time.monotonic() + 30
    while not marker.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(0.2)  # the parent is in waitpid by now
    parent.send_signal(stop)
    parent.wait(timeout=30)
    child = int(marker.read_text())
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and _alive(child):
        time.sleep(0.05)
    assert not _alive(child)
