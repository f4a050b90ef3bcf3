"""Work counted in executed source lines (deterministic), for the tests that check work grows linearly."""
from __future__ import annotations

import sys
from collections.abc import Callable


def lines_run(counts: Callable[[str], bool], work: Callable[[], object]) -> int:
    """Run work(); return how many lines it executed in files whose path (with /) counts() accepts."""
    count = 0

    def tracer(frame, event, arg):
        nonlocal count
        if counts(frame.f_code.co_filename.replace("\\", "/")):
            if event == "line":
                count += 1
            return tracer
        return None

    sys.settrace(tracer)
    try:
        work()
    finally:
        sys.settrace(None)
    return count
