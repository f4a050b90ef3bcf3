"""The directory search (/danh-ba/) in a real browser: how long each keystroke takes to answer.

Debian's Chromium, driven by Playwright, opens the built page from file:// at a 360 × 800 phone viewport
and types each query of QUERIES one character at a time. For every keystroke the page's own clock
measures the input handler (search, result list rebuilt) plus the style and layout of the new list.
The same again with the CPU slowed down 4× (Chromium's throttling), roughly a cheap phone.
"""
from __future__ import annotations

import os
import statistics
from pathlib import Path

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")  # Debian's; the browser tests use the same
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-default-apps"]
# Names with and without tone marks, a village, a commune, a phone number, Telex "dd": what people type.
QUERIES = ("nguyen van an", "Trần Thị", "thon dong", "phuong cam thuong", "0900 000 12", "ddoong lac")
SLOW_PHONE = 4  # CPU throttling rate of the second pass

# True once the directory's members' file is in (it comes after the page's load); the tests wait on it too.
MEMBERS_IN = "document.getElementById('sotay-dir-results').dataset.members === 'in'"
_TYPE = """(queries) => {
  const input = document.getElementById("sotay-dir-q"), list = document.getElementById("sotay-dir-results");
  const times = [];
  for (const query of queries) {
    input.value = "";
    input.dispatchEvent(new Event("input", {bubbles: true}));
    for (let i = 1; i <= query.length; i++) {
      input.value = query.slice(0, i);
      const start = performance.now();
      input.dispatchEvent(new Event("input", {bubbles: true}));
      void list.offsetHeight;  // style and layout of the new result list
      times.push(performance.now() - start);
    }
  }
  return times;
}"""


def _summary(times_ms: list[float]) -> dict:
    seconds = [t / 1000 for t in times_ms]
    return {"keystrokes": len(seconds), "median": statistics.median(seconds), "slowest": max(seconds)}


def measure_directory_search(site: Path, repeat: int = 1) -> dict | None:
    """Per-keystroke figures of the built site's directory (the slowest keystroke: min over repeat), or
    None when Playwright or Chromium is missing (the table then says n/a)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if not Path(CHROMIUM).exists():
        return None
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            return type_in_directory(browser, site, repeat)
        finally:
            browser.close()


def type_in_directory(browser, site: Path, repeat: int = 1) -> dict:
    """The measurement in a running Playwright browser (the tests pass theirs: one Playwright per process)."""
    page_url = (site / "danh-ba" / "index.html").resolve().as_uri()
    result: dict = {}
    for label, rate in (("normal", 1), ("slow_phone", SLOW_PHONE)):
        runs = []
        for _ in range(repeat):
            context = browser.new_context(viewport={"width": 360, "height": 800}, is_mobile=True, has_touch=True)
            page = context.new_page()
            page.goto(page_url, wait_until="load")
            page.wait_for_function(MEMBERS_IN)  # the members' file comes after the page's load
            if rate != 1:
                page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": rate})
            runs.append(_summary(page.evaluate(_TYPE, list(QUERIES))))
            context.close()
        result[label] = min(runs, key=lambda r: r["slowest"])
    return result
