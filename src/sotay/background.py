"""Work done by a second process while the build goes on, handed back when it is needed.

A build uses one core; the machines it runs on (CI, an editor's laptop) have two or more. ``start(work)``
forks a copy of the process, which shares everything loaded so far (the model, the warm caches of the
pages already rendered) and runs ``work()`` while this process carries on; ``Job.result()`` waits for it
and returns what it returned, or raises BackgroundError with its traceback. The value comes back pickled
through an unnamed temporary file, so the copy never waits for this process to read it.

Where forking is unavailable or unsafe, ``work()`` runs here instead, when the result is asked for:
without ``os.fork``, when other threads run (``mkdocs serve`` has its server's: a lock one of them holds
would stay locked in the copy), or with SOTAY_JOBS=1. Either way the result is the same.

The work must not log or print: what the copy logs is counted in the copy (MkDocs' --strict counts the
warnings of this process), and what it prints may be lost when it leaves.
"""
from __future__ import annotations

import atexit
import os
import pickle
import signal
import sys
import tempfile
import threading
import traceback
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")
JOBS_VARIABLE = "SOTAY_JOBS"


class BackgroundError(RuntimeError):
    """The work failed in the second process; the message carries its traceback."""


def can_fork() -> bool:
    """Whether start() may fork here: os.fork exists, this is the only thread, SOTAY_JOBS is not 1."""
    if os.environ.get(JOBS_VARIABLE, "").strip() == "1":
        return False
    return hasattr(os, "fork") and threading.active_count() == 1


class Job(Generic[T]):
    """A started piece of work; result() once."""

    def __init__(self, work: Callable[[], T], fork: bool):
        self._work: Callable[[], T] | None = work
        self._pid: int | None = None
        self._out = None
        if fork:
            self._fork()

    @property
    def forked(self) -> bool:
        return self._pid is not None

    def _fork(self) -> None:
        self._out = tempfile.TemporaryFile()
        for stream in (sys.stdout, sys.stderr):  # or what they hold is written twice, once by each process
            stream.flush()
        pid = os.fork()
        if pid == 0:  # the copy: run the work, write the outcome, leave without this process's exit handlers
            code = 1
            try:
                _die_with_parent()
                try:
                    data = pickle.dumps(("ok", self._work()), protocol=pickle.HIGHEST_PROTOCOL)
                except BaseException:  # noqa: BLE001 - every failure goes back to the build, a result that
                    data = pickle.dumps(("error", traceback.format_exc()))  # cannot be pickled too
                self._out.write(data)
                self._out.flush()
                code = 0
            finally:
                os._exit(code)
        self._pid = pid
        self._work = None
        atexit.register(self._abandon)

    def result(self) -> T:
        """What the work returned; raises what it raised (here) or BackgroundError (forked)."""
        if self._pid is None:
            work, self._work = self._work, None
            if work is None:
                raise RuntimeError("result() was already taken")
            return work()
        try:
            _, status = os.waitpid(self._pid, 0)
        except BaseException:  # Ctrl-C while waiting: the copy goes too
            self._abandon()
            raise
        self._pid = None
        atexit.unregister(self._abandon)
        out, self._out = self._out, None
        with out:
            out.seek(0)
            data = out.read()
        if os.waitstatus_to_exitcode(status) != 0 or not data:
            raise BackgroundError(f"the second process stopped without finishing (exit status {status})")
        kind, value = pickle.loads(data)
        if kind == "error":
            raise BackgroundError(f"the second process failed:\n{value}")
        return value

    def _abandon(self) -> None:
        """At exit without result() (the build failed before it), or interrupted while waiting: stop the
        copy, never leave it running."""
        if self._pid is not None:
            try:
                os.kill(self._pid, signal.SIGTERM)
                os.waitpid(self._pid, 0)
            except OSError:
                pass
            self._pid = None
            atexit.unregister(self._abandon)
        if self._out is not None:
            self._out.close()
            self._out = None


def _die_with_parent() -> None:
    """Linux: the copy gets SIGTERM when this process dies, however it dies (killed, SIGTERM from CI:
    exit handlers do not run then)."""
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        PR_SET_PDEATHSIG = 1
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):  # not Linux, or no libc to ask: the exit handler still stops it
        return


def start(work: Callable[[], T]) -> Job[T]:
    """Start work in a second process where it may fork (can_fork), else keep it for result()."""
    return Job(work, fork=can_fork())
