"""Which platform guide (docs/huong-dan/<slug>.md) to link for a training topic or an indicator."""
from __future__ import annotations

from pathlib import Path

import yaml

# The guide written for each platform or topic; a guide's own front matter (`platforms`) adds to it.
PREFERRED = {
    "dich-vu-cong": "dich-vu-cong-tao-tai-khoan",
    "vneid": "vneid",
    "so-suc-khoe": "so-suc-khoe-dien-tu",
    "voso": "gian-hang-voso",
    "postmart": "gian-hang-postmart",
    "ban-hang-truc-tuyen": "ban-hang-truc-tuyen",
    "thanh-toan": "thanh-toan-qr",
    "tro-ly-ao": "tro-ly-ao",
    "phan-anh-hien-truong": "phan-anh-hien-truong",
    "dat-dai": "thong-tin-dat-dai",
    "zalo": "nhom-zalo-thon",
    "an-toan-mang": "phong-tranh-lua-dao",
    "chinh-sach": "chinh-sach-chuyen-doi-so",
}


def _front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---"):
        return {}
    end = text.find("\n---", 3)
    if end < 0:
        return {}
    try:
        data = yaml.safe_load(text[3:end])
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}


def guide_slugs(docs_dir: Path) -> dict[str, str]:
    """Platform or topic id -> slug of an existing guide; only guides that exist are linked."""
    folder = docs_dir / "huong-dan"
    existing = {p.stem: p for p in folder.glob("*.md") if p.stem != "index"} if folder.is_dir() else {}
    found = {topic: slug for topic, slug in PREFERRED.items() if slug in existing}
    for slug in sorted(existing):
        platforms = _front_matter(existing[slug]).get("platforms") or []
        for platform in platforms if isinstance(platforms, list) else []:
            found.setdefault(str(platform), slug)
    return found
