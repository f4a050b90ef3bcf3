#!/usr/bin/env python3
"""Build the offline edition: a ZIP of the whole site that works unpacked, from file://, with no network.

    python scripts/build_offline.py [--zip build/so-tay-offline.zip] [--site site]

Builds the site with OFFLINE=true (Material's offline plugin: file:// links, inlined search index,
local worker shim) into a temporary folder and zips it (sorted entries, fixed timestamps: the same
site gives the same bytes). With --site DIR it then builds the online site into DIR with the ZIP
offered for download at tai-ve/so-tay-offline.zip. Extra arguments after -- go to mkdocs build.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from sotay.cli import Parser  # noqa: E402
from sotay.offline import write_zip  # noqa: E402


def mkdocs_build(out: Path, env: dict, extra: list[str]) -> None:
    command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(ROOT / "mkdocs.yml"), "-d", str(out), *extra]
    result = subprocess.run(command, env={**os.environ, **env}, cwd=ROOT)
    if result.returncode:
        sys.exit(result.returncode)


def main(argv: list[str] | None = None) -> int:
    parser = Parser("Dựng bản offline (ZIP) của sổ tay.")
    parser.add_argument("--zip", type=Path, default=ROOT / "build" / "so-tay-offline.zip", help="tệp ZIP ra")
    parser.add_argument("--site", type=Path, help="dựng luôn trang online vào thư mục này, kèm tệp ZIP để tải")
    parser.add_argument("mkdocs_args", nargs="*", help="tham số thêm cho mkdocs build (sau --)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        offline = Path(tmp) / "site"
        mkdocs_build(offline, {"OFFLINE": "true"}, args.mkdocs_args)
        count = write_zip(offline, args.zip.resolve())
    size = f"{args.zip.stat().st_size:,}".replace(",", ".")
    print(f"{args.zip}: {count} tệp, {size} byte")
    if args.site:
        mkdocs_build(args.site.resolve(), {"OFFLINE": "false", "SITE_OFFLINE_ZIP": str(args.zip.resolve())}, args.mkdocs_args)
        print(f"{args.site}: trang online, tải bản offline ở tai-ve/so-tay-offline.zip")
    return 0


if __name__ == "__main__":
    sys.exit(main())
