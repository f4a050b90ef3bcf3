#!/usr/bin/env python3
"""Write the demo data set: real 2022 administrative units, invented teams, members and reports.

Usage: python scripts/make_demo_data.py --out DIR [--scale N] [--seed S] [--source DIR]

--scale N multiplies village teams, their members, targets and reports (for benchmarks).
The same arguments always give byte-identical files. Writing is all or nothing: on any failure the
output folder is left exactly as it was (exit code 2). Phone numbers are 0900xxxxxx/0901xxxxxx
running numbers and e-mails are at example.com: visibly fictitious.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sotay.demo import write

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, required=True, help="thư mục ghi dữ liệu")
    parser.add_argument("--scale", type=int, default=1, help="hệ số nhân số tổ, thành viên, báo cáo (mặc định 1)")
    parser.add_argument("--seed", type=int, default=2022, help="hạt giống ngẫu nhiên (mặc định 2022)")
    parser.add_argument("--source", type=Path, default=ROOT / "data", help="nơi lấy bảng tham chiếu và schema (mặc định data/)")
    args = parser.parse_args(argv)
    if args.scale < 1:
        parser.error("--scale phải từ 1 trở lên")
    try:
        written = write(args.source, args.out, args.scale, args.seed)
    except OSError as exc:
        print(f"Không ghi được dữ liệu mẫu: {exc.filename or args.out} ({exc.strerror or exc}). "
              f"Thư mục {args.out} không bị thay đổi.", file=sys.stderr)
        return 2
    print(f"Đã ghi {len(written)} tệp vào {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
