#!/usr/bin/env python3
"""Create a new guide, ready to fill in: docs/huong-dan/<slug>.md with valid front matter and the
sections every guide has (Bạn cần chuẩn bị, Các bước with numbered steps and images, Nếu gặp trục
trặc, Hỏi ai).

Usage: python scripts/new_guide.py "Tiêu đề" [--platform ID ...] [--reviewer NAME] [--out DIR]

The platforms are guessed from the title when --platform is not given (check them).
An existing file is never overwritten. Exit code: 0 created, 1 the file exists, 2 cannot run.
"""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from sotay.cli import Parser
from sotay.csvio import read_csv
from sotay.scaffold import PlatformChoice, guess_platforms, guide_markdown
from sotay.settings import ROOT, from_environment
from sotay.text import nfc, slugify


HELP = """Tạo bài hướng dẫn mới để điền: docs/huong-dan/<tên-bài>.md, có sẵn phần thông tin đầu bài và các mục
của mọi bài (Bạn cần chuẩn bị, Các bước có đánh số và hình, Nếu gặp trục trặc, Hỏi ai).

Khi không ghi --platform, nền tảng được đoán từ tiêu đề (hãy kiểm tra lại).
Không bao giờ ghi đè tệp đã có. Mã thoát: 0 đã tạo, 1 tệp đã có, 2 không chạy được."""


def _platforms(data: Path) -> list[PlatformChoice]:
    header, rows, problems = read_csv(data / "platforms.csv", "platforms.csv")
    if header is None or problems:
        raise ValueError("không đọc được data/platforms.csv: chạy python scripts/validate.py")
    column = {name: i for i, name in enumerate(header)}
    return [PlatformChoice(cells[column["id"]], cells[column["name"]]) for _, cells in rows
            if cells[column["status"]] == "active"]


def main(argv: list[str] | None = None) -> int:
    settings = from_environment()
    parser = Parser(HELP)
    parser.add_argument("title", help="tiêu đề bài hướng dẫn, có dấu")
    parser.add_argument("--platform", action="append", default=[], help="mã nền tảng trong data/platforms.csv (có thể ghi nhiều lần)")
    parser.add_argument("--reviewer", default="Nhóm biên tập Sổ tay", help="người rà soát bài")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "huong-dan", help="thư mục đặt bài (mặc định docs/huong-dan)")
    args = parser.parse_args(argv)
    title = nfc(args.title).strip()
    slug = slugify(title)
    if not slug:
        print("Tiêu đề cần có chữ: ví dụ python scripts/new_guide.py \"Cài đặt ứng dụng VNeID\"", file=sys.stderr)
        return 2
    try:
        known = _platforms(settings.data_dir)
    except (OSError, ValueError) as exc:
        print(f"Không tạo được bài: {exc}", file=sys.stderr)
        return 2
    if args.platform:
        by_id = {p.id: p for p in known}
        unknown = [p for p in args.platform if p not in by_id]
        if unknown:
            print(f"Không có nền tảng {', '.join(unknown)} trong data/platforms.csv; các mã có thể dùng: {', '.join(by_id)}", file=sys.stderr)
            return 2
        chosen = [by_id[p] for p in args.platform]
    else:
        chosen = guess_platforms(title, known) or known[:1]
    target = args.out / f"{slug}.md"
    if target.exists():
        print(f"Đã có bài {target}: không ghi đè. Sửa bài đó, hoặc chọn tiêu đề khác.", file=sys.stderr)
        return 1
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8", newline="\n") as handle:  # "x": never overwrite
        handle.write(guide_markdown(title, chosen, dt.date.today(), args.reviewer))
    print(f"Đã tạo {target}")
    print(f"Nền tảng: {', '.join(p.id for p in chosen)} (kiểm tra lại khóa platforms ở đầu bài).")
    print(f"Thêm ảnh màn hình vào {args.out / 'img' / slug}/buoc-1.png, buoc-2.png… rồi viết nội dung từng bước.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
