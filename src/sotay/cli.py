"""Command-line parsers that speak Vietnamese: an editor runs validate.py and import_reports.py, and
argparse's own words (usage, options, -h, its errors) are English."""
from __future__ import annotations

import argparse
import sys

# argparse's messages that an editor can meet, as its source writes them
_ERRORS = (
    ("the following arguments are required: ", "thiếu tham số bắt buộc: "),
    ("unrecognized arguments: ", "không hiểu tham số: "),
    ("expected one argument", "cần ghi một giá trị sau tham số này"),
    ("ignored explicit argument ", "tham số này không nhận giá trị: "),
    ("invalid choice: ", "không có lựa chọn "),
    ("invalid int value: ", "không phải số nguyên: "),
    ("argument ", "tham số "),
)


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, prefix="Cách dùng: ")


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose help and errors are in Vietnamese (the description and each argument's
    help are the caller's)."""

    def __init__(self, description: str) -> None:
        super().__init__(description=description, formatter_class=_Formatter, add_help=False)
        self._positionals.title = "tham số"
        self._optionals.title = "tùy chọn"
        self.add_argument("-h", "--help", action="help", help="in hướng dẫn này rồi thoát")

    def error(self, message: str) -> None:
        for english, vietnamese in _ERRORS:
            message = message.replace(english, vietnamese)
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: lỗi: {message}\n")
