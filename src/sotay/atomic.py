"""Change several files of the data folder as one step: either every file is replaced (and stale ones
removed) or, on any failure, every file is left byte-for-byte as it was.

Phase 1 writes each new content to a temporary file beside its target and flushes it to disk; a
failure there only removes temporary files. Phase 2 renames them over the targets (a rename is
atomic per file) and removes stale files, remembering what it changed; a failure there restores the
old bytes of every file already changed. Used by scripts/make_demo_data.py and validate.py --fix-nfc.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path


def _write_temp(target: Path, data: bytes) -> Path:
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return Path(name)


def replace_files(writes: dict[Path, bytes], deletes: list[Path] = ()) -> None:
    """Write every file of ``writes`` and delete every file of ``deletes``, all or nothing."""
    created_dirs: list[Path] = []
    temps: dict[Path, Path] = {}
    originals: dict[Path, bytes | None] = {}
    done: list[Path] = []
    try:
        for target in writes:
            missing = [p for p in [target.parent, *target.parent.parents] if not p.exists()]
            for directory in reversed(missing):
                directory.mkdir()
                created_dirs.append(directory)
        for target in [*writes, *deletes]:
            originals[target] = target.read_bytes() if target.is_file() else None
        for target, data in writes.items():
            temps[target] = _write_temp(target, data)
        for target, temp in temps.items():
            os.replace(temp, target)
            done.append(target)
        for target in deletes:
            if target.is_file():
                target.unlink()
                done.append(target)
    except BaseException:
        for temp in temps.values():
            temp.unlink(missing_ok=True)
        for target in reversed(done):
            old = originals[target]
            if old is None:
                target.unlink(missing_ok=True)
            else:
                _restore(target, old)
        for directory in reversed(created_dirs):
            try:
                directory.rmdir()
            except OSError:
                pass
        raise


def _restore(target: Path, data: bytes) -> None:
    """Put the old bytes back, retrying once (the failure that started the rollback may recur)."""
    for attempt in range(2):
        temp = None
        try:
            temp = _write_temp(target, data)
            os.replace(temp, target)
            return
        except OSError:
            if temp is not None:
                temp.unlink(missing_ok=True)
            if attempt:
                raise
