"""The service worker (``sw.js``): which files a phone keeps for reading without a network.

Made after the site is written, because the theme's file names carry content hashes: the home page,
the guides' index, every guide, the directory (every guide ends with "ask your village's team"), and
what those pages load (styles, scripts, pictures, the directory's data). Pages seen later are kept as
they are visited (see the script, ``pages/templates/sw.js``).
"""
from __future__ import annotations

import hashlib
import html
import json
import posixpath
import re
from pathlib import Path

GUIDES = "huong-dan"
DIRECTORY = "danh-ba/index.html"
SCRIPT = Path(__file__).parent / "pages" / "templates" / "sw.js"
# What a page loads: scripts, pictures, styles, icons, and files its scripts load later (data-loads).
_LOADS = re.compile(r'<(?:script[^>]*?\ssrc|img[^>]*?\ssrc|link[^>]*?\srel="(?:stylesheet|icon)"[^>]*?\shref|[a-z]+[^>]*?\sdata-loads)="([^"#?]+)')
_TITLE = re.compile(r"<title>([^<]*)</title>")


def pages(site: Path) -> list[str]:
    """The pages to keep, as paths in the site: home, the guides' index, each guide, the directory."""
    guides = sorted(p.parent.name for p in (site / GUIDES).glob("*/index.html"))
    directory = [DIRECTORY] if (site / DIRECTORY).is_file() else []
    return ["index.html", f"{GUIDES}/index.html", *(f"{GUIDES}/{name}/index.html" for name in guides), *directory]


def loads(site: Path, page: str) -> list[str]:
    """The files of the site a page loads (relative references only), as paths in the site."""
    text = (site / page).read_text(encoding="utf-8")
    found = []
    for ref in _LOADS.findall(text):
        if re.match(r"^[a-z][a-z0-9+.-]*:|^/", ref, re.IGNORECASE):  # another site, data:, absolute
            continue
        path = posixpath.normpath(posixpath.join(posixpath.dirname(page), html.unescape(ref)))
        if not path.startswith("../") and (site / path).is_file():
            found.append(path)
    return found


def _url(path: str) -> str:
    """The address of a path in the site, relative to the root: folders end in '/'."""
    return "./" if path == "index.html" else path[: -len("index.html")] if path.endswith("/index.html") else path


def script(site: Path) -> str:
    """The text of sw.js for the site in ``site``."""
    kept = pages(site)
    files = list(dict.fromkeys(kept + [f for page in kept for f in loads(site, page)]))
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.encode("utf-8") + b"\0" + (site / path).read_bytes())
    guides = []
    for page in (p for p in kept[2:] if p.startswith(f"{GUIDES}/")):
        match = _TITLE.search((site / page).read_text(encoding="utf-8"))
        title = html.unescape(match.group(1)).rsplit(" - ", 1)[0] if match else _url(page)  # "Guide - Site"
        guides.append([_url(page), title])
    text = SCRIPT.read_text(encoding="utf-8")
    return (text.replace("__VERSION__", digest.hexdigest()[:16])
                .replace("__PRECACHE__", json.dumps([_url(p) for p in files], ensure_ascii=False))
                .replace("__GUIDES__", json.dumps(guides, ensure_ascii=False))
                .replace("__DIRECTORY__", json.dumps(_url(DIRECTORY) if DIRECTORY in kept else "")))
