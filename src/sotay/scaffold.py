"""A new guide, ready to fill in: front matter with every key and the section pattern of every guide."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .text import slugify

# The headings every guide has, in order (the guides checker looks for the same ones).
SECTION_PREPARE = "## Bạn cần chuẩn bị"
SECTION_STEPS = "## Các bước"
SECTION_TROUBLE = "## Nếu gặp trục trặc"
SECTION_ASK = "## Hỏi ai"
GUIDE_SECTIONS = (SECTION_PREPARE, SECTION_STEPS, SECTION_TROUBLE, SECTION_ASK)
# A step is an item of a numbered list with its picture indented under it (what the guides checker reads).
STEP_ITEM = "{number}. {text}"
STEP_IMAGE = "    ![{alt}]({src})"
# Keys of a guide's front matter, in the order they are written.
FRONT_MATTER_KEYS = ("title", "summary", "platforms", "audience", "difficulty", "time", "prerequisites",
                     "last_reviewed", "reviewer", "tags")
STEPS = 3


@dataclass
class PlatformChoice:
    id: str
    name: str


def guess_platforms(title: str, platforms: list[PlatformChoice]) -> list[PlatformChoice]:
    """Platforms whose id or name appears in the title ('Tạo tài khoản dịch vụ công' -> dich-vu-cong)."""
    slug = f"-{slugify(title)}-"
    return [p for p in platforms if f"-{p.id}-" in slug or f"-{slugify(p.name)}-" in slug]


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def guide_markdown(title: str, platforms: list[PlatformChoice], today: dt.date, reviewer: str) -> str:
    """The Markdown of a new guide: valid front matter and the sections with placeholder text."""
    slug = slugify(title)
    lines = [
        "---",
        f"title: {_quoted(title)}",
        f"summary: {_quoted('Một câu nói bài này giúp người dân làm được việc gì.')}",
        "platforms: [" + ", ".join(p.id for p in platforms) + "]",
        "audience: [resident]  # resident, household_business, team_member",
        "difficulty: de  # de (dễ), vua (vừa), kho (khó)",
        f"time: {_quoted('15 phút')}",
        "prerequisites:",
        f"  - {_quoted('Điện thoại thông minh có kết nối Internet')}",
        f"last_reviewed: {today.isoformat()}",
        f"reviewer: {_quoted(reviewer)}",
        "tags:",
        *(f"  - {_quoted(p.name)}" for p in platforms),
        "---",
        "",
        f"# {title}",
        "",
        "Viết một hoặc hai câu: bài này giúp ai, làm được việc gì, mất bao lâu.",
        "",
        SECTION_PREPARE,
        "",
        "- Điện thoại thông minh có kết nối Internet.",
        "- Giấy tờ cần có (ví dụ căn cước công dân).",
        "",
        SECTION_STEPS,
        "",
    ]
    for number in range(1, STEPS + 1):
        lines += [
            STEP_ITEM.format(number=number, text="Viết một việc cần làm ở bước này: bấm vào đâu, gõ gì, thấy gì trên màn hình."),
            "",
            STEP_IMAGE.format(alt=f"Ảnh màn hình bước {number}: mô tả điều người đọc thấy trong ảnh",
                              src=f"img/{slug}/buoc-{number}.png"),
            "",
        ]
    lines += [
        SECTION_TROUBLE,
        "",
        "- **Không nhận được mã OTP**: chờ 1 đến 2 phút rồi bấm Gửi lại mã; kiểm tra điện thoại còn sóng.",
        "",
        SECTION_ASK,
        "",
        "Tổ công nghệ số cộng đồng ở thôn, khu dân cư của bạn sẵn sàng giúp: xem [Danh bạ](../danh-ba/index.md).",
        "",
    ]
    return "\n".join(lines)
