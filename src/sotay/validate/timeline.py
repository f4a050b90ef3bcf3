"""Domain rules about time: units valid from/to a date, the crosswalk from the 2022 units to the units
of the 2025 reform, organisations that were merged or renamed. Every rule reads each table once
(indexes by id), so checking stays linear in the number of rows."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator

from ..constants import LEVEL_LABEL
from ..errors import Problem
from .context import Context

ONE_DAY = dt.timedelta(days=1)
# Levels that move to a new unit when they end (the district level was abolished, not moved).
MAPPED_LEVELS = ("province", "commune")


def _d(day: dt.date | None) -> str:
    return "không thời hạn" if day is None else f"{day:%d/%m/%Y}"


def unit_ids(ctx: Context) -> Iterator[Problem]:
    """id is the statistics code for the original units, code-<year> for units of a later reform."""
    for row in ctx.rows("units"):
        if not row["id"] or not row["code"]:
            continue
        expected = row["code"] if row["valid_from"] is None else f"{row['code']}-{row['valid_from'].year}"
        if row["id"] != expected:
            why = ("đơn vị có từ trước (valid_from để trống) dùng đúng mã thống kê" if row["valid_from"] is None else
                   f"đơn vị có hiệu lực từ {_d(row['valid_from'])} dùng mã thống kê kèm năm, để không trùng với đơn vị cũ cùng mã")
            yield ctx.at("units", row, "id", row["id"], f"mã định danh phải là {expected}: {why}")


def unit_overlap(ctx: Context) -> Iterator[Problem]:
    """One statistics code never belongs to two units on the same day."""
    by_code: dict[str, list[dict]] = defaultdict(list)
    for row in ctx.rows("units"):
        if row["code"]:
            by_code[row["code"]].append(row)
    for rows in by_code.values():
        if len(rows) < 2:
            continue
        rows = sorted(rows, key=lambda r: (r["valid_from"] or dt.date.min, r["_line"]))
        latest = rows[0]  # the row whose validity reaches furthest so far
        for row in rows[1:]:
            if latest["valid_to"] is None or latest["valid_to"] >= (row["valid_from"] or dt.date.min):
                yield ctx.at("units", row, "valid_from", row["valid_from"],
                             f"mã thống kê {row['code']} cũng là của {latest['name']} (dòng {latest['_line']}, hiệu lực đến "
                             f"{_d(latest['valid_to'])}): một mã không thể thuộc hai đơn vị cùng lúc; ghi ngày hết hiệu lực "
                             f"(valid_to) của đơn vị cũ trước ngày đơn vị này bắt đầu")
            if latest["valid_to"] is not None and (row["valid_to"] is None or row["valid_to"] > latest["valid_to"]):
                latest = row


def unit_within_parent(ctx: Context) -> Iterator[Problem]:
    """A unit exists only while its parent does."""
    units = ctx.index("units")
    for row in ctx.rows("units"):
        parent = units.get(row["parent_id"]) if row["parent_id"] else None
        if parent is None:
            continue
        if parent["valid_from"] and (row["valid_from"] is None or row["valid_from"] < parent["valid_from"]):
            yield ctx.at("units", row, "valid_from", row["valid_from"],
                         f"đơn vị cấp trên {parent['name']} chỉ có hiệu lực từ {_d(parent['valid_from'])}: đơn vị này không thể bắt đầu sớm hơn")
        if parent["valid_to"] and (row["valid_to"] is None or row["valid_to"] > parent["valid_to"]):
            yield ctx.at("units", row, "valid_to", row["valid_to"],
                         f"đơn vị cấp trên {parent['name']} hết hiệu lực sau ngày {_d(parent['valid_to'])}: ghi ngày hết hiệu lực không muộn hơn")


def crosswalk_rows(ctx: Context) -> Iterator[Problem]:
    """Each row links an ended unit to a unit of the same level that starts on the day of the change."""
    units = ctx.index("units")
    by_old: dict[str, list[dict]] = defaultdict(list)
    for row in ctx.rows("crosswalk"):
        old, new = units.get(row["old_id"]), units.get(row["new_id"])
        if old is None or new is None:
            continue  # a missing unit is reported by the foreign key check
        by_old[row["old_id"]].append(row)
        if old is new:
            yield ctx.at("crosswalk", row, "new_id", row["new_id"], "đơn vị mới phải khác đơn vị cũ")
            continue
        if old["level"] != new["level"]:
            yield ctx.at("crosswalk", row, "new_id", row["new_id"],
                         f"{new['name']} là {LEVEL_LABEL.get(new['level'], new['level'])}, còn {old['name']} là {LEVEL_LABEL.get(old['level'], old['level'])}: đơn vị cũ chỉ chuyển sang đơn vị mới cùng cấp")
        if row["changed_on"] and row["changed_on"] != new["valid_from"]:
            yield ctx.at("crosswalk", row, "changed_on", row["changed_on"],
                         f"phải trùng ngày {new['name']} bắt đầu hiệu lực ({_d(new['valid_from'])}, cột valid_from trong units.csv)")
        if (row["interim_name"] is None) != (row["interim_on"] is None):
            missing = "interim_on" if row["interim_on"] is None else "interim_name"
            yield ctx.at("crosswalk", row, missing, None, "bước trung gian cần cả tên đơn vị (interim_name) và ngày (interim_on), hoặc để trống cả hai")
        elif row["interim_on"] and row["changed_on"] and row["interim_on"] >= row["changed_on"]:
            yield ctx.at("crosswalk", row, "interim_on", row["interim_on"], f"bước trung gian phải ở trước ngày có hiệu lực ({_d(row['changed_on'])})")
    for old_id, rows in by_old.items():
        old = units[old_id]
        first = rows[0]
        ends = (first["interim_on"] or first["changed_on"])
        for row in rows[1:]:
            if (row["interim_on"] or row["changed_on"]) != ends:
                yield ctx.at("crosswalk", row, "changed_on", row["changed_on"],
                             f"{old['name']} đã có dòng {first['_line']} với ngày khác: mọi dòng của cùng đơn vị cũ phải cùng ngày thay đổi")
        if ends is not None and old["valid_to"] != ends - ONE_DAY:
            # Located here, at the row that says when the change happened; the fix may be in either file.
            yield ctx.at("crosswalk", first, "old_id", first["old_id"],
                         f"{old['name']} chuyển sang đơn vị mới từ {_d(ends)}, nên hết hiệu lực ngày {_d(ends - ONE_DAY)}, nhưng "
                         f"{old['_file']} dòng {old['_line']} ghi hết hiệu lực {_d(old['valid_to'])}: sửa cột valid_to "
                         f"thành {(ends - ONE_DAY).isoformat()} (hoặc sửa ngày ở dòng này)")
        split = len(rows) > 1
        for row in rows:
            if row["partial"] is None:
                continue
            if split and not row["partial"]:
                yield ctx.at("crosswalk", row, "partial", "không",
                             f"{old['name']} được chia cho {len(rows)} đơn vị mới: ghi 'có' ở cột partial của mọi dòng của đơn vị này")
            elif not split and row["partial"]:
                yield ctx.at("crosswalk", row, "partial", "có",
                             f"{old['name']} chỉ có một đơn vị mới: ghi 'không', hoặc thêm dòng cho các đơn vị mới còn lại")


def crosswalk_complete(ctx: Context) -> Iterator[Problem]:
    """Every province and commune that ended says where it went."""
    mapped = {row["old_id"] for row in ctx.rows("crosswalk")}
    for row in ctx.rows("units"):
        if row["valid_to"] is not None and row["level"] in MAPPED_LEVELS and row["id"] not in mapped:
            yield ctx.at("units", row, "valid_to", row["valid_to"],
                         f"{row['name']} hết hiệu lực sau ngày {_d(row['valid_to'])} nhưng crosswalk.csv chưa có dòng nào cho biết "
                         f"nay thuộc đơn vị nào: thêm dòng có old_id {row['id']}")


def _within(ctx: Context, table: str, column: str, what: str) -> Iterator[Problem]:
    units = ctx.index("units")
    for row in ctx.rows(table):
        unit, day = units.get(row["unit_id"]), row[column]
        if unit is None or day is None:
            continue
        if (unit["valid_from"] and day < unit["valid_from"]) or (unit["valid_to"] and day > unit["valid_to"]):
            span = f"từ {_d(unit['valid_from'])}" if unit["valid_from"] and day < unit["valid_from"] else f"đến hết {_d(unit['valid_to'])}"
            yield ctx.at(table, row, "unit_id", row["unit_id"],
                         f"{what} ngày {_d(day)} nhưng {unit['name']} chỉ có hiệu lực {span}: ghi đơn vị có hiệu lực vào ngày đó")


def teams_in_valid_units(ctx: Context) -> Iterator[Problem]:
    yield from _within(ctx, "teams", "established_on", "tổ thành lập")


def trainings_in_valid_units(ctx: Context) -> Iterator[Problem]:
    yield from _within(ctx, "trainings", "date", "buổi tập huấn")


def organisation_succession(ctx: Context) -> Iterator[Problem]:
    """A merged or renamed body ends the day before its successor starts; no chain loops back."""
    organisations = ctx.index("organisations")
    for row in ctx.rows("organisations"):
        successor = organisations.get(row["succeeded_by"]) if row["succeeded_by"] else None
        if successor is None:
            continue
        if row["valid_to"] is None:
            yield ctx.at("organisations", row, "valid_to", None, f"đã có cơ quan kế thừa ({successor['name']}): ghi ngày cuối cùng hoạt động với tên này")
        elif successor["valid_from"] != row["valid_to"] + ONE_DAY:
            yield ctx.at("organisations", row, "succeeded_by", row["succeeded_by"],
                         f"{successor['name']} phải bắt đầu hoạt động (valid_from) ngày {(row['valid_to'] + ONE_DAY).isoformat()}, ngay sau ngày cuối của cơ quan này")
        seen, current = {row["id"]}, successor
        while current is not None and current["succeeded_by"]:
            if current["succeeded_by"] in seen:
                yield ctx.at("organisations", row, "succeeded_by", row["succeeded_by"], "chuỗi cơ quan kế thừa quay vòng về chính nó: kiểm tra cột succeeded_by")
                break
            seen.add(current["id"])
            current = organisations.get(current["succeeded_by"])


def organiser_active(ctx: Context) -> Iterator[Problem]:
    """A training names its organiser as it was on the day (pages then say what it is today)."""
    organisations = ctx.index("organisations")
    for row in ctx.rows("trainings"):
        org, day = organisations.get(row["organiser_id"]), row["date"]
        if org is None or day is None:
            continue
        if (org["valid_from"] and day < org["valid_from"]) or (org["valid_to"] and day > org["valid_to"]):
            yield ctx.at("trainings", row, "organiser_id", row["organiser_id"],
                         f"{org['name']} hoạt động từ {_d(org['valid_from'])} đến {_d(org['valid_to'])}, không có vào ngày {_d(day)}: "
                         f"ghi cơ quan với tên lúc tổ chức (trang web tự ghi thêm tên hiện nay)")


RULES = [unit_ids, unit_overlap, unit_within_parent, crosswalk_rows, crosswalk_complete,
         teams_in_valid_units, trainings_in_valid_units, organisation_succession, organiser_active]
