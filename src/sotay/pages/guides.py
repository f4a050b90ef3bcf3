"""Guides (/huong-dan/): banners from data, the print handout block with its QR code, and the index.

Banners are computed from a guide's front matter and the model only, never from text in the guide:
- a platform the guide lists whose status is ``retired`` or ``merged`` (and whose ``changed_on`` is on
  or before the build's "today") gets a banner naming its replacement (``replaced_by``);
- a guide whose ``last_reviewed`` is more than 12 months before "today" gets a "may be out of date"
  banner.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape
from pathlib import Path

import segno

from ..model import Model
from ..settings import Settings
from ..text import format_date, sort_key
from ..validate.guides import GUIDES, guide_files, read_front_matter
from . import Asset, Page
from .render import render

AUDIENCE_LABELS = {"resident": "Người dân", "household_business": "Hộ kinh doanh", "team_member": "Thành viên tổ công nghệ số"}
DIFFICULTY_LABELS = {"de": "Dễ", "vua": "Vừa", "kho": "Khó"}
STALE_MONTHS = 12


@dataclass(frozen=True)
class Banner:
    kind: str  # admonition type: warning, danger
    title: str
    text: str


# Banners -----------------------------------------------------------------------------------------

def is_guide(src_uri: str) -> bool:
    """True for docs/huong-dan/<slug>.md, not for the index or deeper files."""
    return src_uri.startswith(GUIDES + "/") and src_uri.count("/") == 1 and src_uri.endswith(".md") and not src_uri.endswith("/index.md")


def _add_months(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    for last in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


def banners(meta: dict, model: Model) -> list[Banner]:
    """The banners a guide gets from data: retired or merged platforms, then an overdue review."""
    found = []
    for platform_id in meta.get("platforms") or []:
        platform = model.platforms.get(platform_id)
        if platform is None or platform.status == "active":
            continue
        if platform.changed_on and platform.changed_on > model.today:
            continue  # not yet changed on the build's "today"
        replacement = model.platforms.get(platform.replaced_by or "")
        since = f"Từ ngày {format_date(platform.changed_on)}, " if platform.changed_on else ""
        if platform.status == "merged":
            title = f"{platform.name} đã được gộp vào {replacement.name}" if replacement else f"{platform.name} đã được gộp vào nền tảng khác"
            text = f"{since}{platform.name} đã được gộp vào {replacement.name if replacement else 'nền tảng khác'}."
        else:
            title = f"{platform.name} đã ngừng hoạt động"
            text = f"{since}{platform.name} đã ngừng hoạt động."
        if replacement:
            text += f" Những phần của bài nói về {platform.name} nay làm trên {replacement.name}."
        else:
            text += " Những phần của bài nói về nền tảng này không còn dùng được."
        found.append(Banner("warning", title, text))
    reviewed = meta.get("last_reviewed")
    if isinstance(reviewed, dt.date) and _add_months(reviewed, STALE_MONTHS) < model.today:
        found.append(Banner("note", "Bài này có thể đã cũ",
                            f"Bài được rà soát lần cuối ngày {format_date(reviewed)}, đã hơn {STALE_MONTHS} tháng. "
                            "Màn hình và tên nút trên điện thoại có thể đã khác; nếu thấy khác, hãy hỏi tổ công nghệ số của thôn."))
    return found


def search_terms(meta: dict) -> str:
    """The summary and the guide's keywords (the words residents use: "tạo tài khoản", "bị lừa", "đường
    hỏng"), for the site search only: the search wants every word typed, and a guide that says "Đăng ký"
    was missing from "tao tai khoan dich vu cong" while the progress pages, which say "được tạo", came first.
    Hidden, so readers and print see the guide as written."""
    words = [meta.get("summary") or "", *(meta.get("keywords") or [])]
    text = " · ".join(escape(str(w).strip()) for w in words if isinstance(w, str) and w.strip())
    return f'<p class="sotay-search-terms" hidden>{text}</p>\n\n' if text else ""


def banner_markdown(found: list[Banner]) -> str:
    """Admonitions to put at the top of the guide's Markdown."""
    out = []
    for banner in found:
        title = banner.title.replace('"', "”")
        out.append(f'!!! {banner.kind} "{title}"\n    {banner.text}\n\n')
    return "".join(out)


# Handout (facts box, print button, QR code) ------------------------------------------------------

def qr_svg(url: str) -> str:
    """An inline SVG QR code for url (built here, no request to any service)."""
    return segno.make(url, error="m").svg_inline(scale=4, border=4, omitsize=True, title=f"Mã QR: {url}", dark="#000", light="#fff")


def handout(content: str, meta: dict, url: str) -> str:
    """The guide's HTML with a facts box and print button on top and a QR block shown in print."""
    return render("guide_handout.html", content=content, url=url, qr=qr_svg(url),
                  audience=[AUDIENCE_LABELS.get(a, a) for a in meta.get("audience") or []],
                  difficulty=DIFFICULTY_LABELS.get(meta.get("difficulty"), ""), time=meta.get("time", ""),
                  reviewed=meta.get("last_reviewed"), reviewer=meta.get("reviewer", ""))


# Index -------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Guide:
    slug: str
    title: str
    summary: str
    platforms: list[str]
    audience: list[str]
    difficulty: str
    time: str
    tags: list[str]


def read_guides(docs_dir: Path) -> list[Guide]:
    """Front matter of every readable guide, sorted by title."""
    guides = []
    for path in guide_files(docs_dir):
        meta, _start, problems = read_front_matter(path.read_text(encoding="utf-8-sig").splitlines(), path.name)
        if meta is None or problems:
            continue
        guides.append(Guide(path.stem, str(meta.get("title", path.stem)), str(meta.get("summary", "")),
                            list(meta.get("platforms") or []), list(meta.get("audience") or []),
                            str(meta.get("difficulty", "")), str(meta.get("time", "")), list(meta.get("tags") or [])))
    return sorted(guides, key=lambda g: sort_key(g.title))


class MarkdownPage(Page):
    """A generated page whose body is Markdown (so the tags plugin can put its listing in it)."""

    def __init__(self, path: str, title: str, body: str, description: str = "", edit: str | None = None):
        super().__init__(path=path, title=title, render=lambda: "", description=description, edit=edit)
        self.markdown_body = body

    def body(self) -> str:
        return self.markdown_body


def _index(model: Model, guides: list[Guide]) -> str:
    by_audience = [(label, [g for g in guides if key in g.audience]) for key, label in AUDIENCE_LABELS.items()]
    by_platform = []
    for platform in model.platforms.values():
        listed = [g for g in guides if platform.id in g.platforms]
        if not listed:
            continue
        note = ""
        if platform.status != "active" and (not platform.changed_on or platform.changed_on <= model.today):
            replacement = model.platforms.get(platform.replaced_by or "")
            note = ("đã gộp vào " if platform.status == "merged" else "đã ngừng; thay bằng ") + replacement.name if replacement else "đã ngừng"
        by_platform.append((platform, note, listed))
    return render("guide_index.md", by_audience=by_audience, by_platform=by_platform,
                  difficulty=DIFFICULTY_LABELS, count=len(guides))


def build(model: Model, settings: Settings) -> tuple[list[Page], list[Asset]]:
    guides = read_guides(settings.docs_dir)
    page = MarkdownPage(f"{GUIDES}/index.md", "Hướng dẫn cho người dân", "", edit="src/sotay/pages/templates/guide_index.md",
                        description="Hướng dẫn từng bước, có hình minh họa, để người dân tự dùng dịch vụ công trực tuyến, VNeID, gian hàng số, thanh toán QR và giữ an toàn trên mạng.")
    page.markdown_body = _index(model, guides)
    return [page], []
