"""The offline edition: a ZIP of the whole site that works from file:// with no network."""
from __future__ import annotations

import os
import zipfile
from pathlib import Path

# Material's offline plugin adds https://unpkg.com/iframe-worker/shim to extra.polyfills: the site
# must make no request to another host, so the build points it at this vendored copy instead.
LOCAL_SHIM = "assets/js/vendor/iframe-worker-shim.js"
ZIP_NAME = "so-tay-offline.zip"
DOWNLOAD_PATH = f"tai-ve/{ZIP_NAME}"
FIXED_TIME = (2022, 1, 1, 0, 0, 0)  # every entry's timestamp, so that equal sites give equal bytes


def local_polyfills(polyfills: list) -> list:
    """The polyfill list with any iframe-worker URL replaced by the local copy (no duplicates)."""
    result: list = []
    for script in polyfills:
        script = LOCAL_SHIM if "iframe-worker" in str(script) else script
        if script not in result:
            result.append(script)
    return result


def write_zip(site_dir: Path, target: Path, folder: str = "so-tay") -> int:
    """Zip every file under site_dir into target under folder/, sorted, with fixed timestamps and
    modes, so that the same site always gives the same bytes. Returns the number of files."""
    files = sorted((p for p in site_dir.rglob("*") if p.is_file() and p.resolve() != target.resolve()),
                   key=lambda p: p.relative_to(site_dir).as_posix())  # archive order = name order
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in files:
            info = zipfile.ZipInfo(f"{folder}/{path.relative_to(site_dir).as_posix()}", FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            archive.writestr(info, path.read_bytes(), compresslevel=9)
    os.replace(tmp, target)
    return len(files)


def download_page(zip_size: int | None, offline: bool = False) -> str:
    """Markdown of the download page (tai-ve/index.md); a link only when the ZIP is in this build."""
    head = ("---\ntitle: Tải sổ tay về máy\ndescription: Tải cả sổ tay về máy để xem và tìm kiếm khi không có "
            "mạng, ví dụ khi tập huấn ở nhà văn hóa thôn.\n---\n\n# Tải sổ tay về máy\n\n"
            "Bản tải về là toàn bộ sổ tay trong một tệp ZIP: hướng dẫn, hình minh họa, danh bạ, tìm kiếm. "
            "Dùng khi tập huấn ở nơi không có mạng.\n\n")
    if offline:
        return head + "Bạn đang xem chính bản tải về này: mọi trang và ô tìm kiếm đều dùng được khi không có mạng.\n"
    if zip_size is None:
        return head + ("Bản dựng này chưa kèm tệp ZIP. Người quản trị tạo tệp bằng lệnh "
                       "`python scripts/build_offline.py --site site`.\n")
    megabytes = f"{zip_size / 1_000_000:.1f}".replace(".", ",")
    return head + (f'[Tải sổ tay về máy ({megabytes} MB)]({ZIP_NAME}){{ .md-button .md-button--primary download }}\n\n'
                   "Cách dùng trên máy tính:\n\n"
                   "1. Tải tệp về máy và giải nén (nhấp chuột phải, chọn *Giải nén tất cả*).\n"
                   "2. Mở thư mục `so-tay` vừa giải nén, nhấp đúp vào tệp `index.html`.\n"
                   "3. Trang mở trong trình duyệt, không cần mạng. Ô tìm kiếm gõ có dấu hay không dấu đều được.\n")
