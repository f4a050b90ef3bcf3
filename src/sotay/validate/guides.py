"""Check the authored guides (docs/huong-dan/<slug>.md): front matter, body pattern, images, links.

A guide is Markdown with YAML front matter between two ``---`` lines, then a body with these level-2
headings, in this order (other ``##`` sections may sit between them):

    ## Bạn cần chuẩn bị
    ## Các bước          (one or more sections whose heading starts with "Các bước"; each holds a
                          numbered list, one action per item, every item with an illustration)
    ## Nếu gặp trục trặc
    ## Hỏi ai            (links to the directory, ../danh-ba/index.md)

Every problem is a located ``Problem`` (file relative to the repository, line, front-matter key).
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..errors import Problem
from ..yamlio import load_yaml

GUIDES = "huong-dan"
AUDIENCES = ("resident", "household_business", "team_member")
DIFFICULTIES = ("de", "vua", "kho")
MAX_IMAGE_BYTES = 200 * 1024
DIRECTORY_PAGE = "danh-ba/index.md"  # the directory: authored placeholder or generated page
# Pages the build writes (sotay.pages, and the glue's download page) instead of docs/ files: a link to one
# is accepted here; `mkdocs build --strict` still checks it against the generated file.
GENERATED_PAGES = {DIRECTORY_PAGE, "don-vi/index.md", "tien-do/index.md", "tap-huan/index.md", "huong-dan/index.md",
                   "bien-tap/tu-dien-du-lieu.md", "bien-tap/mau-bao-cao/index.md", "tai-ve/index.md"}
# Folders the build fills (unit, team and progress pages, downloads): any path under them may be linked.
GENERATED_FOLDERS = ("don-vi/", "to/", "tien-do/", "tap-huan/", "danh-ba/", "tai-ve/", "bien-tap/mau-bao-cao/")
SECTIONS = ("Bạn cần chuẩn bị", "Các bước", "Nếu gặp trục trặc", "Hỏi ai")
STEPS = "Các bước"

# key: (required, type check, what the editor should write)
_KEYS: dict[str, tuple[str, str]] = {
    "title": ("text", "ghi tên bài, ví dụ: title: Tạo tài khoản dịch vụ công"),
    "summary": ("text", "ghi một câu tóm tắt bài hướng dẫn giúp làm gì"),
    "platforms": ("list", "ghi danh sách mã nền tảng, ví dụ: platforms: [vneid]"),
    "audience": ("list", "ghi danh sách đối tượng, ví dụ: audience: [resident]"),
    "difficulty": ("text", "ghi độ khó: de, vua hoặc kho"),
    "time": ("text", "ghi thời gian cần, ví dụ: time: 15 phút"),
    "prerequisites": ("list", "ghi danh sách những thứ cần chuẩn bị, ví dụ: prerequisites: [Điện thoại thông minh]"),
    "last_reviewed": ("date", "ghi ngày rà soát gần nhất dạng YYYY-MM-DD, ví dụ: last_reviewed: 2026-11-20"),
    "reviewer": ("text", "ghi tên người hoặc tổ đã rà soát bài"),
    "tags": ("list", "ghi danh sách thẻ (việc cần làm), ví dụ: tags: [Thủ tục hành chính]"),
}
_TYPE_NAMES = {"text": "một dòng chữ", "list": "một danh sách", "date": "một ngày dạng YYYY-MM-DD"}

_IMAGE = re.compile(r"!\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
_LINK = re.compile(r"(?<!!)\[[^\]]*\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
_HTML_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ALT_ATTR = re.compile(r"\balt\s*=\s*(\"([^\"]*)\"|'([^']*)')", re.IGNORECASE)
_SRC_ATTR = re.compile(r"\bsrc\s*=\s*(\"([^\"]*)\"|'([^']*)')", re.IGNORECASE)
_STEP = re.compile(r"^([0-9]+)\.\s+(.*)$")
_FENCE = re.compile(r"^\s*(```|~~~)")


# Entry point -------------------------------------------------------------------------------------

def guide_files(docs_dir: Path) -> list[Path]:
    """Every guide file (the folder's index page is generated from them and is not a guide)."""
    folder = Path(docs_dir) / GUIDES
    return sorted(p for p in folder.glob("*.md") if p.name != "index.md") if folder.is_dir() else []


def check_guides(docs_dir: Path, platform_ids: Iterable[str], clock: dt.date | None = None) -> list[Problem]:
    """All problems in all guides under docs_dir/huong-dan, sorted."""
    docs_dir = Path(docs_dir)
    platforms = set(platform_ids)
    problems: list[Problem] = []
    for path in guide_files(docs_dir):
        problems += check_guide(path, docs_dir, platforms, clock or dt.date.today())
    return sorted(problems)


def read_authored(path: Path, docs_dir: Path, keys: str = "title, summary, platforms…") -> tuple[str, list[str] | None, dict | None, int, list[Problem]]:
    """An authored page (guide or post): its name as editors see it, lines (None when unreadable), front
    matter (None when it cannot be read), the index of its first body line, and the problems so far."""
    name = f"{docs_dir.name}/{path.relative_to(docs_dir).as_posix()}"
    text, problems = read_page(path, name)
    if text is None:
        return name, None, None, 0, problems
    lines = text.splitlines()
    meta, body_start, problems = read_front_matter(lines, name, keys)
    return name, lines, meta, body_start, problems


def check_guide(path: Path, docs_dir: Path, platforms: set[str], clock: dt.date) -> list[Problem]:
    name, lines, meta, body_start, problems = read_authored(path, docs_dir)
    if lines is None:
        return problems
    if meta is not None:
        problems += _check_meta(meta, lines, name, platforms, clock)
    body = lines[body_start:]
    problems += _check_body(body, body_start, name)
    problems += check_media(body, body_start, name, path, docs_dir)
    return problems


def read_page(path: Path, name: str) -> tuple[str | None, list[Problem]]:
    """A Markdown page's text, or a located problem when it is not UTF-8."""
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:  # saved from Word or an old editor in Windows-1258 or similar
        return None, [Problem(name, raw.count(b"\n", 0, exc.start) + 1, 0, "", "",
                              "tệp không ở mã UTF-8: mở bằng trình soạn thảo văn bản (hoặc trên GitHub) và lưu lại với mã UTF-8")]


# Front matter ------------------------------------------------------------------------------------

def read_front_matter(lines: list[str], name: str, keys: str = "title, summary, platforms…") -> tuple[dict | None, int, list[Problem]]:
    """(meta, index of the first body line, problems). Meta is None when it cannot be read; keys: the keys
    the message names (a post's are not a guide's)."""
    if not lines or lines[0].strip() != "---":
        return None, 0, [Problem(name, 1, 0, "", lines[0] if lines else "",
                                 f"thiếu phần thông tin đầu bài: dòng đầu tiên phải là '---', tiếp theo là các khóa {keys}, rồi một dòng '---'")]
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if end is None:
        return None, 1, [Problem(name, 1, 0, "", "---", "phần thông tin đầu bài không có dòng '---' đóng lại: thêm một dòng '---' sau khóa cuối cùng")]
    value, problems = load_yaml("\n".join(lines[1:end]), name, line_offset=1)
    if problems:
        return None, end + 1, problems
    if not isinstance(value, dict):
        return None, end + 1, [Problem(name, 2, 0, "", "", "phần thông tin đầu bài phải gồm các dòng 'khóa: giá trị', ví dụ: title: Tạo tài khoản dịch vụ công")]
    return value, end + 1, []


def key_lines(lines: list[str]) -> dict[str, int]:
    found = {}
    for number, line in enumerate(lines[1:], start=2):
        if line.strip() == "---":
            break
        match = re.match(r"^([A-Za-z_][\w-]*)\s*:", line)
        if match:
            found.setdefault(match.group(1), number)
    return found


def _check_meta(meta: dict, lines: list[str], name: str, platforms: set[str], clock: dt.date) -> list[Problem]:
    where = key_lines(lines)
    position = {key: i + 1 for i, key in enumerate(_KEYS)}
    problems = []

    def problem(key: str, value: object, message: str) -> None:
        problems.append(Problem(name, where.get(key, 1), position.get(key, 99), key, _show(value), message))

    for key, (kind, hint) in _KEYS.items():
        value = meta.get(key)
        if key not in meta or value is None or value == "" or value == []:
            if key == "prerequisites" and value == []:
                continue
            problem(key, "", f"thiếu khóa '{key}': {hint}")
            continue
        if kind == "list" and (not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value)):
            problem(key, value, f"'{key}' phải là {_TYPE_NAMES[kind]} các dòng chữ: {hint}")
        elif kind == "text" and not isinstance(value, str):
            problem(key, value, f"'{key}' phải là {_TYPE_NAMES[kind]}: {hint}")
        elif kind == "date" and not isinstance(value, dt.date):
            problem(key, value, f"'{key}' không phải ngày hợp lệ: {hint}")
    keywords = meta.get("keywords")
    if keywords is not None and (not isinstance(keywords, list) or not all(isinstance(k, str) and k.strip() for k in keywords)):
        problem("keywords", keywords, "'keywords' phải là một danh sách các dòng chữ: những từ người dân hay gõ khi tìm bài này, "
                                      "ví dụ: keywords: [tạo tài khoản, làm giấy tờ qua mạng]")
    for key in sorted(set(meta) - set(_KEYS) - {"hide", "description", "search", "icon", "status", "render_macros", "keywords"}):
        problem(key, meta[key], f"khóa '{key}' không dùng trong bài hướng dẫn: xóa dòng này hoặc sửa tên khóa cho đúng")

    for key, (kind, _) in _KEYS.items():
        if kind == "list" and isinstance(meta.get(key), list):
            problems += _merged_items(meta[key], lines, name, key, position[key])
    if isinstance(meta.get("platforms"), list):
        for value in meta["platforms"]:
            if isinstance(value, str) and value.strip() and value not in platforms:
                problem("platforms", value, "mã nền tảng không có trong data/platforms.csv: dùng một mã trong cột id của bảng đó")
    if isinstance(meta.get("audience"), list):
        for value in meta["audience"]:
            if isinstance(value, str) and value.strip() and value not in AUDIENCES:
                problem("audience", value, "đối tượng không hợp lệ: chỉ dùng resident (người dân), household_business (hộ kinh doanh), team_member (thành viên tổ)")
    difficulty = meta.get("difficulty")
    if isinstance(difficulty, str) and difficulty and difficulty not in DIFFICULTIES:
        problem("difficulty", difficulty, "độ khó không hợp lệ: chỉ dùng de (dễ), vua (vừa) hoặc kho (khó)")
    reviewed = meta.get("last_reviewed")
    if isinstance(reviewed, dt.date) and not isinstance(reviewed, dt.datetime) and reviewed > clock:
        problem("last_reviewed", reviewed.isoformat(), f"ngày rà soát ở sau hôm nay ({clock:%d/%m/%Y}): ghi ngày bài thật sự được rà soát")
    return problems


def _merged_items(values: list, lines: list[str], name: str, key: str, position: int) -> list[Problem]:
    """'  - Giấy tờ' then '   - Sức khỏe' (one more space) is one item to YAML, 'Giấy tờ - Sức khỏe': a new tag
    and a guide missing from its list. Found as an item whose text after ' - ' is a '- …' line of its own."""
    problems = []
    for value in values:
        if not isinstance(value, str) or " - " not in value:
            continue
        for row, line in enumerate(lines[1:], start=2):
            if line.strip() == "---":
                break
            stripped = line.strip()
            if stripped.startswith("- ") and stripped[2:].strip() and value.endswith(" - " + stripped[2:].strip()) and line.startswith(" "):
                problems.append(Problem(name, row, position, key, value,
                                        f"hai mục của '{key}' bị gộp làm một vì dòng này thụt lề khác dòng trên: "
                                        "các dòng '- …' của một danh sách phải thụt lề bằng nhau"))
                break
    return problems


def _show(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else str(value)


# Body --------------------------------------------------------------------------------------------

def _headings(body: list[str]) -> list[tuple[int, str]]:
    """(index in body, text) of each level-2 heading outside code fences."""
    found, fenced = [], False
    for i, line in enumerate(body):
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced and line.startswith("## "):
            found.append((i, line[3:].strip().rstrip("#").strip()))
    return found


# What makes a page run code: a guide is text and pictures; the site's own scripts do the rest.
_ACTIVE = re.compile(r"<\s*(?:script|iframe|object|embed|form)\b|\bon[a-z]+\s*=|javascript\s*:|data\s*:\s*text/html",
                     re.IGNORECASE)


_TICKS = re.compile(r"\\`|`+")


def _without_code(line: str) -> str:
    """The line with its code spans (`…`, ``…``) blanked, in one pass: a run of n backticks opens a span that
    the next run of exactly n closes; an escaped \\` opens nothing (Markdown shows it as a backtick)."""
    out, at, opened = [], 0, None  # opened: (start, length) of the run that opened a span
    for match in _TICKS.finditer(line):
        run = match.group(0)
        if run.startswith("\\"):
            continue
        if opened is None:
            out.append(line[at:match.start()])
            opened = (match.start(), len(run))
        elif len(run) == opened[1]:
            at, opened = match.end(), None
    if opened is not None:  # never closed: the backticks are text
        out.append(line[opened[0]:])
    else:
        out.append(line[at:])
    return "".join(out)


def check_active(body: list[str], offset: int, name: str) -> list[Problem]:
    """Code that would run on the page; written as code (`<script>` in backticks, a fenced block) it is text."""
    problems, fenced = [], False
    for i, line in enumerate(body):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        match = None if fenced else _ACTIVE.search(_without_code(line))
        if match:
            problems.append(Problem(name, offset + i + 1, 0, "", match.group(0).strip(),
                                    "bài không được chứa mã chạy trên trang (<script>, <iframe>, onclick=…, javascript:): xóa đoạn này; muốn thêm nút hay hình, hỏi nhóm kỹ thuật"))
    return problems


def _check_body(body: list[str], offset: int, name: str) -> list[Problem]:
    problems = check_active(body, offset, name)
    headings = _headings(body)
    last_line = offset + len(body)
    seen_at = -1
    for section in SECTIONS:
        matches = [i for i, text in headings if (text.startswith(section) if section == STEPS else text == section)]
        if not matches:
            problems.append(Problem(name, last_line, 0, "", "", f"thiếu mục '## {section}': mỗi bài có các mục {', '.join('## ' + s for s in SECTIONS)}, theo thứ tự đó"))
            continue
        if matches[0] < seen_at:
            problems.append(Problem(name, offset + matches[0] + 1, 0, "", f"## {section}", f"mục '## {section}' đặt sai thứ tự: các mục phải theo thứ tự {', '.join('## ' + s for s in SECTIONS)}"))
        seen_at = max(seen_at, matches[0])
    bounds = [i for i, _ in headings] + [len(body)]
    for k, (start, text) in enumerate(headings):
        if text.startswith(STEPS):
            problems += _check_steps(body, start, bounds[k + 1], offset, name, text)
        if text == "Hỏi ai":
            section = "\n".join(body[start:bounds[k + 1]])
            targets = [unquote(urlsplit(t).path) for t in _LINK.findall(section)]
            if not any(t.endswith(DIRECTORY_PAGE) for t in targets):
                problems.append(Problem(name, offset + start + 1, 0, "", "## Hỏi ai", f"mục '## Hỏi ai' phải có đường dẫn tới danh bạ các tổ: [danh bạ](../{DIRECTORY_PAGE})"))
    return problems


def _check_steps(body: list[str], start: int, end: int, offset: int, name: str, heading: str) -> list[Problem]:
    """Each numbered item (one action) must carry at least one illustration."""
    steps: list[tuple[int, list[str]]] = []
    for i in range(start + 1, end):
        line = body[i]
        match = _STEP.match(line)
        if match:
            steps.append((i, [line]))
        elif steps and (line.startswith("    ") or not line.strip()):
            steps[-1][1].append(line)
        elif steps and line.strip():
            steps.append((-1, []))  # text outside the list ends the current step
    steps = [s for s in steps if s[0] >= 0]
    if not steps:
        return [Problem(name, offset + start + 1, 0, "", f"## {heading}", "mục các bước chưa có bước nào: viết các bước dạng danh sách đánh số '1. …', mỗi bước một việc")]
    problems = []
    for number, (i, item) in enumerate(steps, start=1):
        text = "\n".join(item)
        if not _IMAGE.search(text) and not _HTML_IMG.search(text):
            problems.append(Problem(name, offset + i + 1, 0, "", item[0][:60],
                                    f"bước {number} chưa có hình minh họa: thêm một dòng thụt vào 4 dấu cách dạng ![mô tả hình](img/ten-hinh.svg) ngay dưới bước"))
    return problems


# Images and links --------------------------------------------------------------------------------

def check_media(body: list[str], offset: int, name: str, path: Path, docs_dir: Path) -> list[Problem]:
    problems, fenced = [], False
    for i, line in enumerate(body):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced:
            continue
        row = offset + i + 1
        images = [(alt, src) for alt, src in _IMAGE.findall(line)]
        for tag in _HTML_IMG.findall(line):
            alt, src = _ALT_ATTR.search(tag), _SRC_ATTR.search(tag)
            images.append(((alt.group(2) or alt.group(3) or "") if alt else "", (src.group(2) or src.group(3) or "") if src else ""))
        for alt, src in images:
            if not alt.strip():
                problems.append(Problem(name, row, 0, "", src, "hình chưa có lời mô tả (alt): viết trong ngoặc vuông điều hình cho thấy, ví dụ ![Nút Đăng ký được tô đậm](img/...)"))
            problems += _check_target(src, row, name, path, docs_dir, image=True)
        for target in _LINK.findall(line):
            problems += _check_target(target, row, name, path, docs_dir, image=False)
    return problems


def _check_target(target: str, row: int, name: str, path: Path, docs_dir: Path, image: bool) -> list[Problem]:
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        if image:
            folder = "/".join(("docs", *path.parent.relative_to(docs_dir).parts, "img/"))
            return [Problem(name, row, 0, "", target, f"hình phải nằm trong thư mục {folder}, không lấy từ trang khác: tải hình về, lưu vào đó rồi ghi đường dẫn img/ten-hinh.svg")]
        return []
    if not parts.path:
        return []  # anchor on the same page
    if parts.path.startswith("/"):
        return [Problem(name, row, 0, "", target, "đường dẫn phải tương đối so với bài, ví dụ ../danh-ba/index.md hoặc img/ten-hinh.svg")]
    resolved = (path.parent / unquote(parts.path)).resolve()
    try:
        inside = resolved.relative_to(docs_dir.resolve()).as_posix()
    except ValueError:
        return [Problem(name, row, 0, "", target, "đường dẫn trỏ ra ngoài thư mục docs/: chỉ liên kết tới trang và hình trong docs/")]
    if image:
        if not resolved.is_file():
            return [Problem(name, row, 0, "", target, f"không tìm thấy tệp hình docs/{inside}: kiểm tra tên tệp hoặc thêm hình vào thư mục")]
        size = resolved.stat().st_size
        if size > MAX_IMAGE_BYTES:
            return [Problem(name, row, 0, "", target, f"hình nặng {size // 1024} KB, quá 200 KB: thu nhỏ hoặc nén hình để người dùng mạng yếu vẫn xem được")]
        return []
    if inside.startswith(GENERATED_FOLDERS):
        return []
    if not parts.path.endswith(".md"):
        if resolved.is_file():
            return []
        return [Problem(name, row, 0, "", target, "liên kết nội bộ phải trỏ tới tệp .md, ví dụ ../danh-ba/index.md")]
    if resolved.is_file() or inside in GENERATED_PAGES:
        return []
    return [Problem(name, row, 0, "", target, f"liên kết hỏng: không có trang docs/{inside}: sửa đường dẫn cho đúng tên tệp")]
