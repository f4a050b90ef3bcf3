"""Benchmark of validation, data loading, analytics and the site build (used by scripts/bench.py).

measure.py  fresh-process timing and peak memory, row counts, statistics of a built site
baseline.py the naive way, for comparison: MkDocs + Material with every member as Markdown tables
without.py  mkdocs without the unit directory's pages: what the rest of the site costs alone
run.py      the whole benchmark: measurements, targets, the printed table and the JSON figures

Speed is measured here, never asserted in tests: the machine is shared and timings are noisy.
"""
