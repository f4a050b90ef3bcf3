#!/usr/bin/env python3
"""Measure validation, data loading, analytics and the site build, next to baselines measured in the same run.

Usage: python scripts/bench.py [--scales 1,10] [--skip-build] [--repeat N] [--out FILE] [--data DIR] [--work DIR]

For each scale, demo data (scripts/make_demo_data.py) is written into a temporary folder, then:
  1. scripts/validate.py and stock `frictionless validate` on the same files (fresh processes):
     wall and CPU time, rows/s, peak memory, ratio (target ≤ 1.5×);
  2. in one process per data set: load_model cold (validate + model) and again on unchanged data, as `mkdocs serve`
     does (target < 0.3 s); each generated-page builder with rendering;
  2b. the analytics, one worker process per data set holding its model, timed in turns (demo, ×10,
     demo, …) so that the ×10/demo ratio compares the two under the same machine load (target ≤ 11×);
  3. the full `mkdocs build`, cold, in a fresh process: wall time, peak memory, pages, median and
     largest page, search index raw and gzipped (targets: demo ≤ 0.5× baseline, ×10 ≤ 11× demo,
     median page ×10 within 10% of demo);
  4. the baseline on the demo data: MkDocs + Material rendering the same members as plain Markdown
     pages, all listed in the navigation;
 4b. the same build as 3 on the demo data without unit pages, team pages and the directory
     (python -m sotay.bench.without): what the rest of the site costs alone, next to the baseline;
  5. the directory search of each built site in Debian's Chromium (Playwright, file://, 360×800):
     every query of sotay.bench.browser.QUERIES typed key by key, the time each keystroke takes to
     answer (median, slowest), also with the CPU slowed 4× (target: slowest < 50 ms on the demo data).
The machine may be shared: use --repeat N, every figure is the minimum of N runs (the analytics, a few
milliseconds each, are the median of at least 15 rounds). Every timed build writes into a new, empty folder
and nothing is deleted until the end, on the RAM disk /dev/shm when there is one (--work to choose): right
after many files are deleted, ext4 creates new ones ~10x slower, which charged the build that writes more
files for the clean-up before it.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from sotay.bench.measure import BenchError
from sotay.bench.run import Options, format_table, run_default


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scales", default="1,10", help="demo data scales, comma-separated (default 1,10)")
    parser.add_argument("--skip-build", action="store_true", help="skip the site build and the baseline build")
    parser.add_argument("--repeat", type=int, default=1, help="runs per measurement; the minimum is reported (default 1)")
    parser.add_argument("--out", type=Path, help="also write the figures as JSON to this file")
    parser.add_argument("--data", type=Path, help="measure this data folder instead of generated demo data")
    parser.add_argument("--work", type=Path, help="make the working folder (data sets, builds) in this folder "
                        "(default: the RAM disk /dev/shm when there is one, else the system's temporary folder)")
    args = parser.parse_args(argv)
    try:
        scales = [int(s) for s in args.scales.split(",") if s.strip()]
    except ValueError:
        parser.error("--scales: whole numbers separated by commas, e.g. 1,10")
    if not scales or min(scales) < 1 or args.repeat < 1:
        parser.error("--scales and --repeat must be 1 or more")
    log = lambda message: print(message, file=sys.stderr, flush=True)  # noqa: E731
    try:
        figures = run_default(scales, Options(repeat=args.repeat, skip_build=args.skip_build), args.data, log, args.work)
    except BenchError as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 2
    print(format_table(figures))
    if args.out:
        args.out.write_text(json.dumps(figures, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
