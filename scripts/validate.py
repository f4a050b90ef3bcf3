#!/usr/bin/env python3
"""Check the whole data package (Table Schema + domain rules) and print every problem.

Usage: python scripts/validate.py [DATA_DIR] [--docs DOCS_DIR] [--today YYYY-MM-DD] [--fix-nfc] [--since REV]

Each problem is one line, sorted: file:row:column: value: what is wrong and what to do.
Exit code: 0 when the data is valid, 1 when there are problems, 2 when the check cannot run.
The pages in DOCS_DIR (default docs/) are checked too: guides (front matter, sections, images, links),
posts, every other page (encoding, front matter, scripts, images, links), template code where a page runs
macros, and contact details; their problems come in the same sorted list.
--fix-nfc rewrites CSV files whose text is in decomposed form (NFD) into NFC, then checks again.
--since REV also compares with the data at git revision REV (a pull request's base): no unit's slug changed.
"""
from __future__ import annotations

import datetime as dt
import sys
import unicodedata
from pathlib import Path

from sotay.atomic import replace_files
from sotay.cli import Parser
from sotay.csvio import MAX_FILE_BYTES
from sotay.errors import CannotRun, summary
from sotay.text import format_int
from sotay.settings import from_environment, parse_today
from sotay.validate.check import check
from sotay.validate.authored import check_authored
from sotay.validate.guides import guide_files
from sotay.validate.posts import blog_categories, post_files
from sotay.validate.since import changed_slugs, units_at


HELP = """Kiểm tra toàn bộ dữ liệu (bảng, cột, kiểu, khóa và các quy tắc nghiệp vụ) và các trang trong docs/,
rồi in mọi lỗi tìm thấy.

Mỗi lỗi một dòng, theo thứ tự: tệp:dòng:cột: giá trị: sai ở đâu và cần sửa thế nào.
Mã thoát: 0 dữ liệu hợp lệ, 1 có lỗi, 2 không chạy được.
--fix-nfc viết lại các tệp CSV có chữ có dấu dạng tổ hợp (NFD) về dạng dựng sẵn (NFC), rồi kiểm tra lại.
--since REV đối chiếu thêm với dữ liệu ở bản git REV (nhánh gốc của yêu cầu hợp nhất): đường dẫn của đơn vị không đổi.
Xem trang Biên tập, mục "Ý nghĩa các thông báo kiểm tra"."""


def _fix_nfc(root: Path) -> list[str]:
    """Rewrite every CSV file that is not NFC, all files in one step (all or nothing)."""
    if not root.is_dir():
        return []
    writes = {}
    for path in sorted(root.rglob("*.csv")):
        if path.stat().st_size > MAX_FILE_BYTES:
            continue  # the check reports it
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            continue
        normal = unicodedata.normalize("NFC", text)
        if normal != text:
            writes[path] = normal.encode("utf-8")
    replace_files(writes)
    return [path.relative_to(root).as_posix() for path in writes]


def main(argv: list[str] | None = None) -> int:
    settings = from_environment()
    parser = Parser(HELP)
    parser.add_argument("data_dir", nargs="?", type=Path, default=settings.data_dir, help="thư mục dữ liệu (mặc định data/ hoặc SITE_DATA_DIR)")
    parser.add_argument("--docs", type=Path, default=settings.docs_dir, help="thư mục trang (mặc định docs/); kiểm tra mọi trang trong đó")
    parser.add_argument("--today", default=None, help="ngày coi là hôm nay, YYYY-MM-DD (mặc định ngày thật, như khi dựng trang; SITE_TODAY chỉ đổi ngày trang hiển thị)")
    parser.add_argument("--fix-nfc", action="store_true", help="chuẩn hóa chữ có dấu dạng NFD về NFC trong các tệp CSV")
    parser.add_argument("--since", metavar="REV", help="bản git để đối chiếu (ví dụ origin/main): đường dẫn (slug) của đơn vị không được đổi")
    args = parser.parse_args(argv)
    try:
        today = parse_today(args.today) if args.today else dt.date.today()
        if args.fix_nfc:
            for name in _fix_nfc(args.data_dir):
                print(f"Đã chuẩn hóa NFC: {name}")
        package, tables, problems = check(args.data_dir, today)
        if args.since and "units" in tables:
            problems += changed_slugs(units_at(args.data_dir, args.since), package, tables)
        mkdocs_yml = Path(args.docs).parent / "mkdocs.yml"
        problems = sorted(problems + check_authored(args.docs, tables, blog_categories(mkdocs_yml)))
    except (CannotRun, ValueError) as exc:
        print(f"Không chạy được kiểm tra: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"Không đọc hoặc ghi được tệp: {exc.filename or ''} ({exc.strerror or exc}). Dữ liệu không bị thay đổi.", file=sys.stderr)
        return 2
    for problem in problems:
        print(problem)
    for line in summary(problems):
        print(line, file=sys.stderr)
    if problems:
        print(f"Có {len(problems)} lỗi. Sửa các dòng trên rồi chạy lại kiểm tra.", file=sys.stderr)
        return 1
    rows = sum(len(r) for r in tables.values())
    print(f"Dữ liệu hợp lệ: {len(tables)} bảng, {format_int(rows)} dòng; {len(guide_files(args.docs))} bài hướng dẫn, "
          f"{len(post_files(args.docs))} bài cách làm hay.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
