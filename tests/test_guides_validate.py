"""Guide validation: one small defect per test, with the exact located message an editor sees."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, run_script
from sotay.validate.guides import check_guides

PLATFORMS = {"vneid", "dich-vu-cong"}
CLOCK = dt.date(2026, 11, 28)
NAME = "docs/huong-dan/thu.md"

GOOD = """---
title: Tạo tài khoản
summary: Một câu tóm tắt.
platforms: [vneid]
audience: [resident]
difficulty: de
time: 10 phút
prerequisites: [Điện thoại thông minh]
last_reviewed: 2026-11-20
reviewer: Nhóm biên tập
tags: [Giấy tờ và thủ tục]
---

Mở đầu, xem [bài khác](khac.md).

## Bạn cần chuẩn bị

- Điện thoại.

## Các bước

1. Bấm nút Đăng ký.

    ![Nút Đăng ký được tô vàng](img/a.svg)

2. Gõ số điện thoại.

    ![Ô số điện thoại được tô vàng](img/b.svg)

## Nếu gặp trục trặc

- Hỏi tổ.

## Hỏi ai

- [Danh bạ các tổ](../danh-ba/index.md)
"""


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    root = tmp_path / "docs"
    (root / "huong-dan" / "img").mkdir(parents=True)
    (root / "huong-dan" / "img" / "a.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    (root / "huong-dan" / "img" / "b.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    (root / "huong-dan" / "khac.md").write_text(GOOD.replace("title: Tạo tài khoản", "title: Bài khác"), encoding="utf-8")
    return root


def problems(docs: Path, text: str) -> list[str]:
    (docs / "huong-dan" / "thu.md").write_text(text, encoding="utf-8")
    return [str(p) for p in check_guides(docs, PLATFORMS, clock=CLOCK) if p.file == NAME]


def test_a_good_guide_has_no_problem(docs):
    assert problems(docs, GOOD) == []


def test_the_shipped_guides_are_valid():
    from conftest import DATA
    import csv
    with (DATA / "platforms.csv").open(encoding="utf-8") as handle:
        ids = {row["id"] for row in csv.DictReader(handle)}
    assert [str(p) for p in check_guides(ROOT / "docs", ids)] == []
    assert len(list((ROOT / "docs" / "huong-dan").glob("*.md"))) >= 14


def test_missing_front_matter(docs):
    assert problems(docs, GOOD.split("---\n", 2)[2]) == [
        f"{NAME}:1:: : thiếu phần thông tin đầu bài: dòng đầu tiên phải là '---', tiếp theo là các khóa title, summary, platforms…, rồi một dòng '---'",
    ]


def test_unclosed_front_matter(docs):
    text = GOOD.replace("tags: [Giấy tờ và thủ tục]\n---\n", "tags: [Giấy tờ và thủ tục]\n")
    assert problems(docs, text)[0] == f"{NAME}:1:: ---: phần thông tin đầu bài không có dòng '---' đóng lại: thêm một dòng '---' sau khóa cuối cùng"


def test_malformed_yaml_is_located(docs):
    text = GOOD.replace("time: 10 phút", "time: 10 phút: khoảng")
    assert problems(docs, text) == [
        f"{NAME}:7:: time: 10 phút: khoảng: YAML không hợp lệ: dấu ':' đặt sai chỗ (giá trị có dấu ':' cần đặt trong ngoặc kép). Sửa dòng này rồi chạy lại.",
    ]


def test_missing_key(docs):
    assert problems(docs, GOOD.replace("reviewer: Nhóm biên tập\n", "")) == [
        f"{NAME}:1:reviewer: (trống): thiếu khóa 'reviewer': ghi tên người hoặc tổ đã rà soát bài",
    ]


def test_wrongly_typed_key(docs):
    assert problems(docs, GOOD.replace("platforms: [vneid]", "platforms: vneid")) == [
        f"{NAME}:4:platforms: vneid: 'platforms' phải là một danh sách các dòng chữ: ghi danh sách mã nền tảng, ví dụ: platforms: [vneid]",
    ]


def test_unknown_platform(docs):
    assert problems(docs, GOOD.replace("platforms: [vneid]", "platforms: [vneid, pc-covi]")) == [
        f"{NAME}:4:platforms: pc-covi: mã nền tảng không có trong data/platforms.csv: dùng một mã trong cột id của bảng đó",
    ]


def test_unknown_audience_and_difficulty(docs):
    text = GOOD.replace("audience: [resident]", "audience: [nguoi-dan]").replace("difficulty: de", "difficulty: dễ")
    assert problems(docs, text) == [
        f"{NAME}:5:audience: nguoi-dan: đối tượng không hợp lệ: chỉ dùng resident (người dân), household_business (hộ kinh doanh), team_member (thành viên tổ)",
        f"{NAME}:6:difficulty: dễ: độ khó không hợp lệ: chỉ dùng de (dễ), vua (vừa) hoặc kho (khó)",
    ]


def test_bad_and_future_review_dates(docs):
    assert problems(docs, GOOD.replace("last_reviewed: 2026-11-20", "last_reviewed: 20/11/2026")) == [
        f"{NAME}:9:last_reviewed: 20/11/2026: 'last_reviewed' không phải ngày hợp lệ: ghi ngày rà soát gần nhất dạng YYYY-MM-DD, ví dụ: last_reviewed: 2026-11-20",
    ]
    assert problems(docs, GOOD.replace("last_reviewed: 2026-11-20", "last_reviewed: 2027-01-01")) == [
        f"{NAME}:9:last_reviewed: 2027-01-01: ngày rà soát ở sau hôm nay (28/11/2026): ghi ngày bài thật sự được rà soát",
    ]


def test_missing_section(docs):
    text = GOOD.replace("## Nếu gặp trục trặc\n\n- Hỏi tổ.\n\n", "")
    assert problems(docs, text) == [
        f"{NAME}:32:: : thiếu mục '## Nếu gặp trục trặc': mỗi bài có các mục ## Bạn cần chuẩn bị, ## Các bước, ## Nếu gặp trục trặc, ## Hỏi ai, theo thứ tự đó",
    ]


def test_step_without_illustration(docs):
    text = GOOD.replace("    ![Ô số điện thoại được tô vàng](img/b.svg)\n", "")
    assert problems(docs, text) == [
        f"{NAME}:26:: 2. Gõ số điện thoại.: bước 2 chưa có hình minh họa: thêm một dòng thụt vào 4 dấu cách dạng ![mô tả hình](img/ten-hinh.svg) ngay dưới bước",
    ]


def test_image_without_alt_text(docs):
    assert problems(docs, GOOD.replace("![Nút Đăng ký được tô vàng]", "![]")) == [
        f"{NAME}:24:: img/a.svg: hình chưa có lời mô tả (alt): viết trong ngoặc vuông điều hình cho thấy, ví dụ ![Nút Đăng ký được tô đậm](img/...)",
    ]
    assert problems(docs, GOOD.replace("![Nút Đăng ký được tô vàng](img/a.svg)", '<img src="img/a.svg">')) == [
        f"{NAME}:24:: img/a.svg: hình chưa có lời mô tả (alt): viết trong ngoặc vuông điều hình cho thấy, ví dụ ![Nút Đăng ký được tô đậm](img/...)",
    ]


def test_missing_image_file(docs):
    assert problems(docs, GOOD.replace("img/a.svg", "img/khong-co.svg")) == [
        f"{NAME}:24:: img/khong-co.svg: không tìm thấy tệp hình docs/huong-dan/img/khong-co.svg: kiểm tra tên tệp hoặc thêm hình vào thư mục",
    ]


def test_image_over_200_kb(docs):
    (docs / "huong-dan" / "img" / "a.svg").write_bytes(b"<svg>" + b" " * (250 * 1024) + b"</svg>")
    assert problems(docs, GOOD) == [
        f"{NAME}:24:: img/a.svg: hình nặng 250 KB, quá 200 KB: thu nhỏ hoặc nén hình để người dùng mạng yếu vẫn xem được",
    ]


def test_image_from_another_host(docs):
    assert problems(docs, GOOD.replace("img/a.svg", "https://example.com/a.png")) == [
        f"{NAME}:24:: https://example.com/a.png: hình phải nằm trong thư mục docs/huong-dan/img/, không lấy từ trang khác: tải hình về, lưu vào đó rồi ghi đường dẫn img/ten-hinh.svg",
    ]


def test_broken_internal_link(docs):
    assert problems(docs, GOOD.replace("(khac.md)", "(khac-nua.md#muc)")) == [
        f"{NAME}:14:: khac-nua.md#muc: liên kết hỏng: không có trang docs/huong-dan/khac-nua.md: sửa đường dẫn cho đúng tên tệp",
    ]


def test_who_to_ask_links_to_the_directory(docs):
    text = GOOD.replace("- [Danh bạ các tổ](../danh-ba/index.md)", "- Trưởng thôn.")
    assert problems(docs, text) == [
        f"{NAME}:34:: ## Hỏi ai: mục '## Hỏi ai' phải có đường dẫn tới danh bạ các tổ: [danh bạ](../danh-ba/index.md)",
    ]


def test_validate_script_reports_guide_problems_and_exits_1(docs):
    (docs / "huong-dan" / "thu.md").write_text(GOOD.replace("platforms: [vneid]", "platforms: [khong-co]"), encoding="utf-8")
    result = run_script("validate.py", "--docs", str(docs))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{NAME}:4:platforms: khong-co: mã nền tảng không có trong data/platforms.csv: dùng một mã trong cột id của bảng đó",
    ]


def site_copy(tmp_path: Path) -> Path:
    """The site's sources (config, docs, hooks, overrides) copied, so a test may break a guide."""
    import shutil
    target = tmp_path / "repo"
    for name in ("docs", "hooks", "overrides"):
        shutil.copytree(ROOT / name, target / name)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    return target


def build_copy(repo: Path, out: Path, today: str = "2023-01-20", data: Path | None = None):
    import os
    import subprocess
    import sys
    from conftest import DATA
    env = {**os.environ, "SITE_DATA_DIR": str(data or DATA), "SITE_TODAY": today}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "--strict", "-f", str(repo / "mkdocs.yml"), "-d", str(out)],
                          capture_output=True, text=True, env=env, cwd=repo, timeout=1800)


def test_a_guide_problem_fails_the_build(tmp_path):
    repo = site_copy(tmp_path)
    guide = repo / "docs" / "huong-dan" / "tro-ly-ao.md"
    guide.write_text(guide.read_text(encoding="utf-8").replace("platforms: [tro-ly-ao]", "platforms: [tro-ly]"), encoding="utf-8")
    result = build_copy(repo, tmp_path / "site")
    assert result.returncode != 0
    assert "docs/huong-dan/tro-ly-ao.md:4:platforms: tro-ly: mã nền tảng không có trong data/platforms.csv" in result.stderr + result.stdout


def test_an_impossible_date_in_front_matter_is_located(tmp_path):
    from sotay.yamlio import load_yaml
    value, found = load_yaml("title: Bài\nlast_reviewed: 2022-02-31\n", "docs/huong-dan/bai.md", line_offset=1)
    assert value is None and [str(p) for p in found] == [
        "docs/huong-dan/bai.md:3:: last_reviewed: 2022-02-31: YAML không hợp lệ: ngày '2022-02-31' không có thật: "
        "kiểm tra ngày và tháng (viết năm-tháng-ngày, ví dụ 2022-08-15). Sửa dòng này rồi chạy lại."]


@pytest.mark.parametrize("text, line, said", [
    # Left open: located where it was opened, not where the parser gave up (the next key, or the file's end).
    ('title: "Bài\nsummary: Tóm tắt\ntime: 5 phút\n', 2, "dấu ngoặc kép mở ở dòng này chưa được đóng"),
    ("title: Bài\nplatforms: [vneid, pc-covid\ndifficulty: vừa\n", 3, "dấu '[' mở danh sách ở dòng này chưa được đóng"),
    ("title: Bài\ndifficulty vua\ntime: 20 phút\n", 3, "dòng này thiếu dấu ':' sau tên khóa"),
    ('title: "Bài" mới\n', 2, "có chữ thừa sau giá trị trong ngoặc kép"),
    ('title: "C:\\đường"\n', 2, "dấu \\ trong ngoặc kép"),  # the parser's English quoting a Vietnamese letter
    ("title: *tên\n", 2, "không dùng neo/bí danh YAML"),
])
def test_front_matter_syntax_is_located_where_it_went_wrong_in_vietnamese(text, line, said):
    from sotay.yamlio import load_yaml
    value, found = load_yaml(text, "docs/huong-dan/bai.md", line_offset=1)
    assert value is None and len(found) == 1 and found[0].row == line and said in found[0].message
    assert "expected" not in found[0].message and "while" not in found[0].message


def test_a_guide_not_in_utf8_is_located(tmp_path):
    from sotay.validate.guides import check_guides
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs" / "huong-dan", docs / "huong-dan")
    path = docs / "huong-dan" / "vneid.md"
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp1258", errors="replace"))  # Word's "Vietnamese"
    found = [str(p) for p in check_guides(docs, ["vneid", "so-suc-khoe", "dich-vu-cong"]) if "vneid.md" in p.file]
    assert found == ["docs/huong-dan/vneid.md:2:: : tệp không ở mã UTF-8: mở bằng trình soạn thảo văn bản "
                     "(hoặc trên GitHub) và lưu lại với mã UTF-8"]


@pytest.mark.parametrize("line,shown", [
    ("<script>alert(1)</script>", "<script"),
    ('[Bấm đây](javascript:alert(1))', "javascript:"),
    ('<img src="img/vneid-1.svg" alt="VNeID" onerror="alert(1)">', "onerror="),
    ('<iframe src="https://example.com"></iframe>', "<iframe"),
])
def test_a_guide_may_not_run_code(tmp_path, line, shown):
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs" / "huong-dan", docs / "huong-dan")
    path = docs / "huong-dan" / "vneid.md"
    path.write_text(path.read_text(encoding="utf-8").replace("## Bạn cần chuẩn bị", f"{line}\n\n## Bạn cần chuẩn bị", 1), encoding="utf-8")
    import csv
    with (ROOT / "data" / "platforms.csv").open(encoding="utf-8") as handle:
        platforms = [row["id"] for row in csv.DictReader(handle)]
    found = [str(p) for p in check_guides(docs, platforms) if "vneid.md" in p.file]
    assert len(found) == 1 and f": {shown}: bài không được chứa mã chạy trên trang" in found[0], found


def test_a_post_with_an_unknown_category_or_a_bad_date_is_located(tmp_path):
    """The blog plugin stops the build in English with no line; the check says where, in Vietnamese."""
    from sotay.validate.posts import blog_categories
    repo = site_copy(tmp_path)
    post = repo / "docs" / "cach-lam-hay" / "posts" / "dich-vu-cong-ca-toi.md"
    post.write_text(post.read_text(encoding="utf-8").replace("  - Huyện Cẩm Giàng", "  - Huyen Cẩm Giàng")
                    .replace("date: 2022-08-20", "date: 20/08/2022"), encoding="utf-8")
    result = run_script("validate.py", "--docs", str(repo / "docs"))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "docs/cach-lam-hay/posts/dich-vu-cong-ca-toi.md:2:date: 20/08/2022: thiếu ngày đăng hoặc ngày không hợp lệ: viết năm-tháng-ngày, ví dụ date: 2022-08-20",
        "docs/cach-lam-hay/posts/dich-vu-cong-ca-toi.md:6:categories: Huyen Cẩm Giàng: chuyên mục không có trong danh sách: chỉ dùng một trong "
        + ", ".join(blog_categories(ROOT / "mkdocs.yml")) + " (đúng chính tả, có dấu)",
    ]
    built = build_copy(repo, tmp_path / "site")
    assert built.returncode != 0 and "Traceback" not in built.stderr
    assert "dich-vu-cong-ca-toi.md:6:categories: Huyen Cẩm Giàng: chuyên mục không có trong danh sách" in built.stderr
