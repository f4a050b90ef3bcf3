"""The cyclic garbage collector, paused while big acyclic data is built.

Reading the data (~800,000 rows at --scale 10) and the analytics allocate millions of lists, dicts and
tuples that form no reference cycles: the collector would walk them again and again for nothing (at
--scale 10 it took half of the validation's time). Reference counting still frees everything."""
from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def paused():
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
