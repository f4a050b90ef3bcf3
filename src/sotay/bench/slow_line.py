"""The directory on a slow line: how long until a village's team is found, and until everything is in.

Each built site given is served with gzip (as GitHub Pages does) and opened in Debian's Chromium at a
360 × 800 phone viewport, with 400 ms latency, 50 KB/s down and the CPU slowed 4×. A query is typed as
soon as the box shows; the times are from the start of the navigation. Compare two builds in one run:

    python -m sotay.bench.slow_line SITE [SITE ...] [--rounds N] [--query TEXT]
"""
from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from ..gzipserve import serve
from .browser import CHROMIUM, CHROMIUM_ARGS

LINE = {"offline": False, "latency": 400, "downloadThroughput": 50 * 1024, "uploadThroughput": 20 * 1024}
CPU_RATE = 4
_TEAM_SHOWN = "document.querySelectorAll('#sotay-dir-results > li.sotay-hit--team').length > 0"
_ALL_IN = "!document.getElementById('sotay-dir-count').textContent.includes('Đang tải')"


def measure(browser, site: Path, query: str, slow: bool = True) -> dict:
    """Seconds until the box shows, a team is listed for query, and nothing is loading any more."""
    server, url = serve(site)
    context = browser.new_context(viewport={"width": 360, "height": 800}, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        if slow:
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            cdp.send("Network.emulateNetworkConditions", LINE)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_RATE})
        start = time.perf_counter()
        page.goto(url + "danh-ba/", wait_until="commit")
        box = page.get_by_label("Tìm trong danh bạ")
        box.wait_for()
        shown = time.perf_counter() - start
        box.press_sequentially(query, delay=30)
        page.wait_for_function(_TEAM_SHOWN, timeout=120_000)
        team = time.perf_counter() - start
        page.wait_for_function(_ALL_IN, timeout=120_000)
        return {"box": shown, "team": team, "everything": time.perf_counter() - start}
    finally:
        context.close()
        server.shutdown()
        server.server_close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sites", nargs="+", type=Path, help="built sites (mkdocs build -d …)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds, sites in turn (median reported)")
    parser.add_argument("--query", default="van xa ngoc lien", help="what is typed")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright
    runs: dict[Path, list[dict]] = {site: [] for site in args.sites}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for _ in range(args.rounds):
            for site in args.sites:  # in turns: both under the same machine load
                runs[site].append(measure(browser, site, args.query))
        browser.close()
    for site, results in runs.items():
        medians = {k: statistics.median(r[k] for r in results) for k in ("box", "team", "everything")}
        print(f"{site}: box {medians['box']:.2f} s, first team {medians['team']:.2f} s, "
              f"everything {medians['everything']:.2f} s (median of {len(results)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
