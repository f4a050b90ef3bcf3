"""scripts/validate.py as editors run it: exit codes, encodings, line endings."""
from __future__ import annotations

import subprocess

import pytest

from conftest import edit_cell, run_script

ARGS = ("--today", "2023-01-01")


def test_valid_data_exits_0(mini):
    result = run_script("validate.py", str(mini), *ARGS)
    assert result.returncode == 0
    assert result.stdout.startswith("Dữ liệu hợp lệ: 13 bảng")


def test_problems_exit_1_one_per_line(mini):
    edit_cell(mini / "targets.csv", 2, "value", "-1")
    edit_cell(mini / "targets.csv", 3, "value", "x")
    result = run_script("validate.py", str(mini), *ARGS)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "targets.csv:2:value: -1: số không được âm",
        "targets.csv:3:value: x: không phải số nguyên: chỉ viết chữ số, ví dụ 120",
    ]
    assert "Có 2 lỗi" in result.stderr


def test_cannot_run_exits_2(tmp_path):
    result = run_script("validate.py", str(tmp_path / "khong-co"), *ARGS)
    assert result.returncode == 2
    assert "Không tìm thấy thư mục dữ liệu" in result.stderr


def test_a_units_slug_may_not_change_against_the_base_of_a_pull_request(mini):
    """Slugs make the pages' addresses: a renamed unit keeps its slug. With --since (the pull request's
    base, as .github/workflows/pull-request.yml runs it) a changed slug is refused at its cell."""
    git = ["git", "-C", str(mini), "-c", "user.name=Biên tập", "-c", "user.email=bien-tap@example.com"]
    for step in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "dữ liệu gốc"]):
        subprocess.run(git + step, check=True, capture_output=True)
    edit_cell(mini / "units.csv", 4, "name", "Phường Cẩm Thượng Mới")  # a new display name: fine
    assert run_script("validate.py", str(mini), *ARGS, "--since", "HEAD").returncode == 0
    edit_cell(mini / "units.csv", 4, "slug", "phuong-cam-thuong-moi")
    assert run_script("validate.py", str(mini), *ARGS).returncode == 0  # without a base, nothing to compare
    result = run_script("validate.py", str(mini), *ARGS, "--since", "HEAD")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "units.csv:4:slug: phuong-cam-thuong-moi: đường dẫn của phường Cẩm Thượng Mới vốn là phuong-cam-thuong: đổi thì "
        "trang của đơn vị chuyển sang địa chỉ mới, mọi liên kết và mã QR đã in trỏ tới địa chỉ cũ đều không mở được; giữ "
        "phuong-cam-thuong (đổi tên hiển thị ở cột name là đủ)"]
    result = run_script("validate.py", str(mini), *ARGS, "--since", "khong-co-nhanh-nay")
    assert result.returncode == 2 and "không đọc được units.csv ở bản khong-co-nhanh-nay" in result.stderr


def test_bom_and_crlf_are_accepted(mini):
    path = mini / "members/288.csv"
    text = path.read_text(encoding="utf-8")
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    assert run_script("validate.py", str(mini), *ARGS).returncode == 0


def test_windows_1258_gets_one_clear_message(mini):
    path = mini / "report_notes.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("cp1258", errors="replace"))
    result = run_script("validate.py", str(mini), *ARGS)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "report_notes.csv:2:: : tệp không ở mã UTF-8 (có thể là Windows-1258 hoặc Windows-1252 của Excel), chữ có dấu sẽ bị lỗi phông. "
        "Mở tệp bằng Excel, chọn Tệp → Lưu thành → 'CSV UTF-8 (phân tách bằng dấu phẩy)' rồi lưu lại.",
    ]


def test_utf16_gets_one_clear_message(mini):
    path = mini / "targets.csv"
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))
    result = run_script("validate.py", str(mini), *ARGS)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("targets.csv:0:: : tệp đang ở mã UTF-16")
    assert "CSV UTF-8" in lines[0]
    assert len(lines) == 1


def test_malformed_yaml_descriptor_is_located(mini):
    path = mini / "datapackage.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("resources:\n", "resources:\n\t- bad\n", 1), encoding="utf-8")
    result = run_script("validate.py", str(mini), *ARGS)
    assert result.returncode == 1
    assert result.stdout.startswith("datapackage.yaml:")
    assert "Tab" in result.stdout


def test_checks_against_the_real_date_as_the_build_does():
    """SITE_TODAY says which day the site shows; reports filed after it are not "in the future"."""
    result = run_script("validate.py", env={"SITE_TODAY": "2023-01-20"})  # shipped reports filed up to 22/01/2023
    assert result.returncode == 0, result.stdout[-1000:]


@pytest.mark.parametrize("script", ["validate.py", "import_reports.py", "new_guide.py", "build_offline.py"])
def test_editors_scripts_help_and_errors_are_in_vietnamese(script):
    """argparse said "usage:", "options:", "show this help message and exit" and its errors in English."""
    shown = run_script(script, "--help")
    assert shown.returncode == 0
    assert shown.stdout.startswith("Cách dùng: ") and "tùy chọn:" in shown.stdout and "in hướng dẫn này rồi thoát" in shown.stdout
    for english in ("usage:", "options:", "show this help", "positional arguments"):
        assert english not in shown.stdout, english
    wrong = run_script(script, "x", "--khong-co")
    assert wrong.returncode == 2 and "lỗi: không hiểu tham số: --khong-co" in wrong.stderr, wrong.stderr
