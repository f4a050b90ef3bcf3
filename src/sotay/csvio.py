"""Reading and writing the CSV files editors keep: UTF-8 (with or without BOM), CRLF or LF."""
from __future__ import annotations

import csv
import io
import os
import re
from pathlib import Path

from .atomic import _write_temp
from .errors import Problem

MAX_FILE_BYTES = 20 * 1024 * 1024  # one district's or one period's file; far above the real size
MAX_CELL_CHARS = 5000  # the longest field (a note) allows 1,000; a longer cell is pasted by mistake
# The csv module stops a whole file at its first cell over 128 KB; the cell limit above is checked
# (and reported with its row) by the validator instead, and the file size bounds the memory used.
csv.field_size_limit(MAX_FILE_BYTES)
_LONE_CR = re.compile(r"\r(?!\n)")
_RESAVE = "Mở tệp bằng Excel, chọn Tệp → Lưu thành → 'CSV UTF-8 (phân tách bằng dấu phẩy)' rồi lưu lại"


def decode(raw: bytes, file: str) -> tuple[str | None, list[Problem]]:
    """Decode a CSV file's bytes as UTF-8; explain other encodings instead of guessing."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(raw) > 1 and raw[1:2] == b"\x00" and raw[0:1] != b"\x00"):
        return None, [Problem(file, 0, 0, "", "", f"tệp đang ở mã UTF-16 (Excel gọi là 'Unicode Text'), không phải UTF-8. {_RESAVE}.")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        return None, [Problem(file, line, 0, "", "", f"tệp không ở mã UTF-8 (có thể là Windows-1258 hoặc Windows-1252 của Excel), chữ có dấu sẽ bị lỗi phông. {_RESAVE}.")]
    broken = mojibake(text)
    if broken is not None:
        at, shown, meant = broken
        lines = sum(1 for line in text.splitlines() if _MOJIBAKE.search(line))  # linear: a whole file may be broken
        return None, [Problem(file, text.count("\n", 0, at) + 1, 0, "", "",
                              f"chữ bị lỗi phông: “{shown}” có lẽ là “{meant}” ({lines} dòng của tệp có chữ như vậy). Chữ UTF-8 "
                              "đã bị đọc bằng bảng mã khác, thường do mở và lưu tệp bằng chương trình không dùng UTF-8 hoặc chép "
                              "từ nơi đã lỗi. Cả tệp bị như vậy thì lấy lại bản trước của tệp trên GitHub (nút History); "
                              "chỉ vài dòng thì gõ lại các chữ đó.")]
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        return None, [Problem(file, line, 0, "", "", "tệp chứa ký tự rỗng (NUL): có thể không phải tệp CSV. Hãy lưu lại đúng dạng CSV UTF-8.")]
    if "\n" in text and "\r" in text:
        lone = _LONE_CR.search(text)
        if lone:  # LF or CRLF lines with a stray CR: the csv module would silently split a row there
            line = text.count("\n", 0, lone.start()) + 1
            return None, [Problem(file, line, 0, "", "", "dòng này có ký tự về đầu dòng (CR) lẻ, thường do dán từ máy khác: "
                                  "mở tệp bằng trình soạn thảo văn bản, xóa chỗ xuống dòng thừa trong dòng này rồi lưu lại.")]
    return text, []


# UTF-8 read as Windows-1252 (or Latin-1): "ễ" (E1 BB 85) shows as "á»…", "ư" as "Æ°", "đ" as "Ä‘". Vietnamese
# text never has these pairs: Ã, Ä, Å, Æ before a character of 80-BF, or "á" before "º"/"»".
_CONTINUATION = "\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
_MOJIBAKE = re.compile(f"[ÃÄÅÆ][{_CONTINUATION}]|á[º»][{_CONTINUATION}]")


def _as_byte(ch: str) -> int | None:
    if ord(ch) < 256:
        return ord(ch)
    try:
        return ch.encode("cp1252")[0]
    except UnicodeEncodeError:
        return None


def mojibake(text: str) -> tuple[int, str, str] | None:
    """(offset, word as written, word as meant) of the first word that is UTF-8 read as Windows-1252, or None."""
    match = _MOJIBAKE.search(text)
    if match is None:
        return None
    start = max(text.rfind(c, 0, match.start()) for c in " ,\n\"") + 1
    end = min((i for i in (text.find(c, match.end()) for c in " ,\n\"") if i >= 0), default=len(text))
    word = text[start:end]
    codes = [_as_byte(ch) for ch in word]
    if None in codes:
        return None
    meant = bytes(codes).decode("utf-8", errors="replace")
    return (start, word, meant) if "\ufffd" not in meant and meant != word else None


def read_csv(path: Path, file: str) -> tuple[list[str] | None, list[tuple[int, list[str]]], list[Problem]]:
    """Return (header, [(line number, cells)], problems) for one CSV file.

    Line numbers are those an editor sees in a text editor or on GitHub (the header is line 1).
    Blank lines are skipped; a quoted cell spanning lines is reported at the line where it starts.
    """
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return None, [], [Problem(file, 0, 0, "", f"{size // (1024 * 1024)} MB", f"tệp quá lớn (giới hạn {MAX_FILE_BYTES // (1024 * 1024)} MB): hãy tách thành nhiều tệp nhỏ, ví dụ mỗi huyện hoặc mỗi kỳ một tệp.")]
    text, problems = decode(path.read_bytes(), file)
    if text is None:
        return None, [], problems
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[tuple[int, list[str]]] = []
    header: list[str] | None = None
    line = 1
    try:
        for cells in reader:
            start = line
            line = reader.line_num + 1
            if not "".join(cells).strip():  # blank, or only spaces
                continue
            if header is None:
                header = [c.strip() for c in cells]
                continue
            rows.append((start, cells))
    except csv.Error as exc:
        problems.append(Problem(file, line, 0, "", "", broken_csv_message(exc, line)))
    if header is None:
        problems.append(Problem(file, 1, 0, "", "", "tệp trống: cần ít nhất dòng tiêu đề với tên các cột."))
    return header, rows, problems


def write_csv_atomic(path: Path, header: list[str], rows: list[list[str]], bom: bool = False) -> None:
    """Write a CSV file atomically: a temporary file in the same folder, then a rename."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    write_bytes_atomic(path, (("\ufeff" if bom else "") + buffer.getvalue()).encode("utf-8"))


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Replace path with data, never leaving a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = _write_temp(path, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def broken_csv_message(exc: csv.Error, line: int) -> str:
    """Python's csv error in words an editor can act on; line is where the broken row starts."""
    text = str(exc)
    if "unexpected end of data" in text:
        what = f"dấu ngoặc kép (\") mở ở dòng {line} không được đóng, nên cả phần còn lại của tệp thành một ô"
    elif "expected after" in text:
        what = "sau dấu ngoặc kép (\") đóng ô phải là dấu phẩy"
    elif "field larger than field limit" in text:
        what = "có một ô quá dài (thường do một dấu ngoặc kép không được đóng)"
    elif "NUL" in text:
        what = "có ký tự NUL: tệp không phải văn bản CSV, hãy xuất lại từ Excel bằng CSV UTF-8"
    else:
        what = f"tệp CSV hỏng ({text})"
    return f"CSV hỏng: {what}. Một dấu \" nằm trong ô phải được viết thành \"\"."

