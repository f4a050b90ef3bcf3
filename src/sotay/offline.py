"""The offline edition: a ZIP of the whole site that works from file:// with no network."""
from __future__ import annotations

import os
import posixpath
import re
import zipfile
from pathlib import Path

# Material's offline plugin adds https://unpkg.com/iframe-worker/shim to extra.polyfills: the site
# must make no request to another host, so the build points it at this vendored copy instead.
LOCAL_SHIM = "assets/js/vendor/iframe-worker-shim.js"
ZIP_NAME = "so-tay-offline.zip"
DOWNLOAD_PATH = f"tai-ve/{ZIP_NAME}"
FIXED_TIME = (2022, 1, 1, 0, 0, 0)  # every entry's timestamp, so that equal sites give equal bytes
# Not worth carrying on a phone or a slow line: source maps, the JSON copy of the search index (the
# edition reads search_index.js) and the sitemap (for search engines, which never see the ZIP).
LEFT_OUT = re.compile(r"(\.map|^search/search_index\.json|^sitemap\.xml(\.gz)?)$")

# A relative link to a folder ("../to/bcd-30/", "..", "."), with an optional #fragment.
_FOLDER_LINK = re.compile(r'href="((?![a-zA-Z][a-zA-Z0-9+.-]*:)[^"#?/][^"#?]*/|\.\.?)(#[^"]*)?"')


def file_links(html: str, page: str, present: set[str]) -> str:
    """The page's links for file://, which opens no index page: a link to a folder becomes a link to
    the file it means, '../to/bcd-30/' -> '../to/bcd-30/index.html', '../huong-dan/vneid/' ->
    '../huong-dan/vneid.html'. page is the page's file in the site ('don-vi/index.html'); present
    holds every file of the site. A folder with no such file keeps its link."""
    base = posixpath.dirname(page)

    def to_file(match: re.Match) -> str:
        target = posixpath.normpath(posixpath.join(base, match.group(1)))
        target = "" if target == "." else target
        for candidate in (posixpath.join(target, "index.html"), f"{target}.html" if target else None):
            if candidate in present:
                return f'href="{posixpath.relpath(candidate, base or ".")}{match.group(2) or ""}"'
        return match.group(0)

    return _FOLDER_LINK.sub(to_file, html)


def online_url(src_uri: str) -> str:
    """A page's address on the online site (folder style) from its source file, whatever this build's
    style: 'huong-dan/vneid.md' -> 'huong-dan/vneid/', 'don-vi/index.md' -> 'don-vi/'. The offline
    edition's handouts and canonical links point there: its own 'vneid.html' exists only in the ZIP."""
    stem, _ = posixpath.splitext(src_uri)
    folder, name = posixpath.split(stem)
    if name in ("index", "README"):
        return f"{folder}/" if folder else ""
    return f"{stem}/"


def local_polyfills(polyfills: list) -> list:
    """The polyfill list with any iframe-worker URL replaced by the local copy (no duplicates)."""
    result: list = []
    for script in polyfills:
        script = LOCAL_SHIM if "iframe-worker" in str(script) else script
        if script not in result:
            result.append(script)
    return result


def write_zip(site_dir: Path, target: Path, folder: str = "so-tay") -> int:
    """Zip the files under site_dir (but LEFT_OUT) into target under folder/, sorted, with fixed
    timestamps and modes, so that the same site always gives the same bytes. Returns the number of files."""
    files = sorted((p for p in site_dir.rglob("*") if p.is_file() and p.resolve() != target.resolve()
                    and not LEFT_OUT.search(p.relative_to(site_dir).as_posix())),
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


def download_page(zip_size: int | None, offline: bool = False, site_url: str = "") -> str:
    """Markdown of the download page (tai-ve/index.md); a link only when the ZIP is in this build, else to
    this page on the published site (site_url), which has it."""
    head = ("---\ntitle: Tải sổ tay về máy\ndescription: Tải cả sổ tay về máy để xem và tìm kiếm khi không có "
            "mạng, ví dụ khi tập huấn ở nhà văn hóa thôn.\n---\n\n# Tải sổ tay về máy\n\n"
            "Bản tải về là toàn bộ sổ tay trong một tệp ZIP: hướng dẫn, hình minh họa, danh bạ, tìm kiếm. "
            "Dùng khi tập huấn ở nơi không có mạng.\n\n")
    if offline:
        return head + "Bạn đang xem chính bản tải về này: mọi trang và ô tìm kiếm đều dùng được khi không có mạng.\n"
    if zip_size is None:
        # A preview build (mkdocs build/serve): residents should not meet a command; README.md has it.
        official = f"[trang chính thức của sổ tay]({site_url}tai-ve/)" if site_url else "trang chính thức của sổ tay"
        return head + ("Bản tải về chưa có trong bản này của trang. Trang chính thức luôn có: "
                       f"hãy mở lại trang này trên {official}.\n")
    megabytes = f"{zip_size / 1_000_000:.1f}".replace(".", ",")
    return head + (f'[Tải sổ tay về máy ({megabytes} MB)]({ZIP_NAME}){{ .md-button .md-button--primary download }}\n\n'
                   "Cách dùng trên máy tính:\n\n"
                   "1. Tải tệp về máy và giải nén (nhấp chuột phải, chọn *Giải nén tất cả*).\n"
                   "2. Mở thư mục `so-tay` vừa giải nén, nhấp đúp vào tệp `index.html`.\n"
                   "3. Trang mở trong trình duyệt, không cần mạng. Ô tìm kiếm gõ có dấu hay không dấu đều được.\n")
