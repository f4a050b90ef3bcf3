#!/usr/bin/env python3
"""Take in a team's filled report template (.xlsx or .csv) and merge it into data/reports/<period>.csv.

Usage: python scripts/import_reports.py FILE [--replace] [--dry-run] [--data DIR] [--today YYYY-MM-DD]

Every row is checked with the rules of scripts/validate.py. A row is
  new        -> appended at the end of data/reports/<period>.csv (the file is created and declared in
                data/datapackage.yaml when the period has none yet);
  unchanged  -> the same team, indicator, period and value is already there: nothing to do, so
                importing the same file twice changes nothing;
  conflicting-> the data has another value: old and new are shown, and the value is replaced in place
                only with --replace;
  rejected   -> a problem, printed as FILE:row:column: value: message. If any row is rejected,
                nothing at all is written.
What the importer accepts as teams send it: blank rows, rows of the template with only the period (or a
date filled down), spaces around cells, numbers typed as text or as Excel numbers, a BOM, ';' as separator
(Excel in Vietnamese), Excel date cells (with a time or not) and dates written day first (05/07/2022),
a period Excel turned into a date, merged cells, team ids in lower case, rows on several sheets (each
located by its sheet), a renamed data sheet.
Exit code: 0 done, 1 rows rejected or conflicts left (without --replace), 2 cannot run.
"""
from __future__ import annotations

import sys
from pathlib import Path

from sotay.cli import Parser
from sotay.errors import CannotRun, Problem
from sotay.intake import apply, plan, read_filled, validate_plan
from sotay.settings import from_environment, parse_today


HELP = """Nhập tệp báo cáo các tổ gửi (mẫu .xlsx hoặc .csv) vào data/reports/<kỳ>.csv.

Mỗi dòng được kiểm tra bằng đúng các quy tắc của scripts/validate.py: dòng mới được thêm vào cuối tệp của
kỳ; dòng đã có cùng số được bỏ qua; dòng khác số đang có chỉ được thay khi chạy lại với --replace; chỉ
một dòng bị từ chối là không ghi gì cả. Mã thoát: 0 đã xong, 1 có dòng bị từ chối hoặc còn dòng khác số,
2 không chạy được. Xem trang Biên tập, mục "Nhập báo cáo của các tổ"."""


def main(argv: list[str] | None = None) -> int:
    settings = from_environment()
    parser = Parser(HELP)
    parser.add_argument("file", type=Path, help="tệp báo cáo đã điền (.xlsx hoặc .csv)")
    parser.add_argument("--replace", action="store_true", help="thay số đang có bằng số trong tệp khi hai số khác nhau")
    parser.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra và báo kết quả, không ghi gì")
    parser.add_argument("--data", type=Path, default=settings.data_dir, help="thư mục dữ liệu (mặc định data/ hoặc SITE_DATA_DIR)")
    parser.add_argument("--today", default=None, help="ngày coi là hôm nay khi kiểm tra, YYYY-MM-DD (mặc định ngày thật)")
    args = parser.parse_args(argv)
    sent = args.file.name
    try:
        today = parse_today(args.today)
        if not (args.data / "datapackage.yaml").is_file():
            raise CannotRun(f"không tìm thấy thư mục dữ liệu '{args.data}' (cần có datapackage.yaml).")
        rows, problems = read_filled(args.file, sent)
        if problems:
            for problem in problems:
                print(problem)
            print(f"Không nhập được {sent}: tệp không đúng mẫu báo cáo.", file=sys.stderr)
            return 1
        result = plan(args.data, rows, sent)
        validate_plan(args.data, result, today, args.replace)
    except (CannotRun, ValueError, OSError) as exc:
        print(f"Không chạy được việc nhập báo cáo: {exc}", file=sys.stderr)
        return 2

    rejected_lines = set(result.rejected)
    added = [r for r in result.added if r.where not in rejected_lines]
    unchanged = [r for r in result.unchanged if r.where not in rejected_lines]
    conflicts = [(r, old) for r, old in result.conflicts if r.where not in rejected_lines]
    replacing = args.replace and not rejected_lines and not args.dry_run  # "đã thay" only when it is written
    for problem in result.problems:
        print(problem)
    for row, old in conflicts:
        verb = ("đã thay" if replacing else "sẽ thay khi không còn dòng bị từ chối" if args.replace and rejected_lines
                else "sẽ thay khi chạy không có --dry-run" if args.replace else "chưa thay; chạy lại với --replace nếu số mới đúng")
        print(Problem(row.source, row.line, 4, "value", row.cells["value"],
                      f"khác với số đang có {old.cells[3]} (data/{old.file} dòng {old.line}, ngày nộp {old.cells[4]}): {verb}"))

    written: list[str] = []
    if not rejected_lines and not args.dry_run:
        try:
            written = apply(args.data, result, args.replace)
        except OSError as exc:
            print(f"Không ghi được dữ liệu: {exc}", file=sys.stderr)
            return 2

    print()
    print(f"Tệp {sent}: {len(rows)} dòng số liệu.")
    print(f"  Thêm mới:            {len(added)}")
    print(f"  Không đổi (đã có):   {len(unchanged)}")
    print(f"  Khác số đang có:     {len(conflicts)}" + ((" (đã thay)" if replacing else " (chưa thay)") if conflicts else ""))
    print(f"  Bị từ chối:          {len(rejected_lines)}")
    if rejected_lines:
        print(f"Chưa ghi gì vào dữ liệu vì có {len(rejected_lines)} dòng bị từ chối: sửa các dòng trên trong tệp rồi nhập lại.")
        return 1
    if args.dry_run:
        print("Chạy thử (--dry-run): chưa ghi gì vào dữ liệu.")
    elif written:
        print("Đã ghi: " + ", ".join(f"data/{f}" for f in written) + ". Chạy python scripts/validate.py rồi tạo yêu cầu hợp nhất (pull request).")
    else:
        print("Dữ liệu không thay đổi.")
    if conflicts and not args.replace:
        print(f"Còn {len(conflicts)} dòng khác số đang có, chưa thay: kiểm tra với tổ rồi chạy lại với --replace nếu số mới đúng.")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
