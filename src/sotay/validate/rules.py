"""Domain rules a Table Schema cannot express. Each rule is a small function that yields problems;
``RULES`` lists them all, so every rule runs and every problem comes out in one run."""
from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator

from .. import phones
from ..constants import EXTRA_TOPICS, KIND_LABEL, KIND_LEVEL, LEADER, LEVEL_LABEL, PARENT_LEVEL
from ..errors import Problem
from ..package import Package
from . import timeline
from .contacts import contacts_in_text, withheld_contacts_published
from .context import Context, Tables

INTERNAL = "lỗi nội bộ của trình kiểm tra"  # tests assert it never appears


def _unit_hierarchy(ctx: Context) -> Iterator[Problem]:
    units = ctx.index("units")
    siblings: dict[tuple, dict] = {}
    for row in ctx.rows("units"):
        parent = units.get(row["parent_id"]) if row["parent_id"] else None
        if row["level"] == "province":
            if row["parent_id"]:
                yield ctx.at("units", row, "parent_id", row["parent_id"], "đơn vị cấp tỉnh không có đơn vị cấp trên: để trống ô này")
        elif row["parent_id"] is None:
            yield ctx.at("units", row, "parent_id", None, "đơn vị cấp huyện, xã phải có đơn vị cấp trên: điền mã đơn vị cấp trên")
        elif parent and parent["level"] not in (PARENT_LEVEL[row["level"]], "province"):
            yield ctx.at("units", row, "parent_id", row["parent_id"], f"đơn vị cấp trên ({parent['name']}) là {LEVEL_LABEL[parent['level']]}, không hợp với {LEVEL_LABEL[row['level']]} của đơn vị này")
        key = (row["parent_id"], row["slug"])
        if key in siblings:
            yield ctx.at("units", row, "slug", row["slug"], f"đường dẫn trùng với đơn vị ở dòng {siblings[key]['_line']} cùng cấp trên: thêm hậu tố để phân biệt")
        siblings.setdefault(key, row)


def _date_order(table: str, start: str, end: str, message: str) -> Callable[[Context], Iterator[Problem]]:
    def rule(ctx: Context) -> Iterator[Problem]:
        for row in ctx.rows(table):
            if row.get(start) and row.get(end) and row[end] < row[start]:
                yield ctx.at(table, row, end, row[end], message)
    rule.__name__ = f"_date_order_{table}"
    return rule


def _not_in_future(table: str, column: str, what: str) -> Callable[[Context], Iterator[Problem]]:
    def rule(ctx: Context) -> Iterator[Problem]:
        for row in ctx.rows(table):
            if row.get(column) and row[column] > ctx.today:
                yield ctx.at(table, row, column, row[column], f"{what} ở sau ngày hôm nay ({ctx.today:%d/%m/%Y}): kiểm tra lại năm, tháng")
    rule.__name__ = f"_not_in_future_{table}_{column}"
    return rule


def _team_kind(ctx: Context) -> Iterator[Problem]:
    units = ctx.index("units")
    for row in ctx.rows("teams"):
        unit = units.get(row["unit_id"])
        expected = KIND_LEVEL[row["kind"]]
        if unit and unit["level"] != expected:
            yield ctx.at("teams", row, "unit_id", row["unit_id"],
                         f"{KIND_LABEL[row['kind']].lower()} (kind {row['kind']}) phải thuộc một đơn vị {LEVEL_LABEL[expected]}, nhưng mã "
                         f"{row['unit_id']} là {unit['name']} ({LEVEL_LABEL[unit['level']]}): sửa mã đơn vị, hoặc sửa loại tổ ở cột kind")
        if row["kind"] == "village_team" and not row["village"]:
            yield ctx.at("teams", row, "village", None, "tổ công nghệ số cộng đồng phải ghi tên thôn, khu dân cư")
        if row["kind"] != "village_team" and row["village"]:
            yield ctx.at("teams", row, "village", row["village"], "tổ chỉ đạo không thuộc thôn nào: để trống ô này")
        if unit is None or unit["level"] != expected:
            continue  # the id follows the unit: with a unit id mistyped, only that is wrong (its own message says so)
        if row["kind"] != "village_team" and row["id"] != f"BCD-{row['unit_id']}":
            yield ctx.at("teams", row, "id", row["id"], f"mã tổ chỉ đạo phải là BCD-{row['unit_id']} (theo mã đơn vị)")
        # The number after the commune's id only: TCN-10507-2025-01 names Phường Thành Đông (10507-2025),
        # not Phường Cẩm Thượng (10507), though it starts with TCN-10507-.
        prefix = f"TCN-{row['unit_id']}-"
        number = row["id"][len(prefix):] if row["id"].startswith(prefix) else ""
        if row["kind"] == "village_team" and not (number.isascii() and number.isdigit() and len(number) in (2, 3)):
            yield ctx.at("teams", row, "id", row["id"], f"mã tổ thôn phải là TCN-{row['unit_id']}- và số thứ tự, ví dụ TCN-{row['unit_id']}-01 (theo mã xã)")


def _one_leader(ctx: Context) -> Iterator[Problem]:
    leaders: dict[str, dict] = {}
    terms: dict[str, list[dict]] = {}
    for row in ctx.rows("members"):
        if row["role"] != LEADER:
            continue
        terms.setdefault(row["team_id"], []).append(row)
        if row["until"] is None:
            first = leaders.setdefault(row["team_id"], row)
            if first is not row:
                yield ctx.at("members", row, "role", row["role"], f"tổ {row['team_id']} đã có tổ trưởng ở {first['_file']} dòng {first['_line']}: mỗi tổ chỉ có một tổ trưởng; đổi vai trò hoặc ghi ngày thôi tham gia cho người cũ")
    # One leader at a time: a new leader starts on or after the day the one before left.
    for rows in terms.values():
        dated = sorted((r for r in rows if r["since"] is not None), key=lambda r: r["since"])
        for before, row in zip(dated, dated[1:]):
            if before["until"] is not None and row["since"] < before["until"]:
                yield ctx.at("members", row, "since", row["since"],
                             f"tổ {row['team_id']} còn tổ trưởng cũ đến {before['until']:%d/%m/%Y} ({before['_file']} dòng {before['_line']}): "
                             "tổ trưởng mới bắt đầu từ ngày người cũ thôi trở đi; sửa một trong hai ngày")
    # Every team at work has a leader today: a file cut short or a leader's row deleted shows here.
    # Not while a member row is left out for a bad cell: its problem is reported, this would echo it.
    for team in ctx.rows("teams") if "members" not in ctx.incomplete else []:
        if team["dissolved_on"] is not None and team["dissolved_on"] <= ctx.today:
            continue
        if team["established_on"] is not None and team["established_on"] > ctx.today:
            continue
        # a leader's row with a date already reported as wrong still counts: one problem, not two
        if not any((r["since"] is None or r["since"] <= ctx.today) and (r["until"] is None or r["until"] > ctx.today)
                   for r in terms.get(team["id"], [])):
            yield ctx.at("teams", team, "id", team["id"],
                         "tổ đang hoạt động mà không có tổ trưởng: thêm dòng tổ trưởng vào tệp members của huyện, "
                         "hoặc ghi ngày giải thể tổ (dissolved_on)")


def _phones(ctx: Context) -> Iterator[Problem]:
    for table, columns in (("members", ("phone", "zalo")), ("teams", ("public_phone",))):
        for row in ctx.rows(table):
            for column in columns:
                if row.get(column):
                    message = phones.problem(row[column])
                    if not message and column == "zalo" and not phones.is_mobile(row[column]):
                        message = "số Zalo phải là số di động, ví dụ 0912345678 (Zalo không dùng số máy bàn hay số tổng đài): ghi số di động hoặc để trống"
                    if message:
                        yield ctx.at(table, row, column, row[column], message)


# Typos of the mail services people here use (each is a wrong address, not another service); .con is no
# domain at all. A list, not a similarity test: mail.com and email.com are real services.
MAIL_TYPOS = {
    "gmai.com": "gmail.com", "gmial.com": "gmail.com", "gmal.com": "gmail.com", "gamil.com": "gmail.com",
    "gmaill.com": "gmail.com", "gmail.co": "gmail.com", "gmail.cm": "gmail.com", "gmail.vn": "gmail.com",
    "gmail.com.vn": "gmail.com", "yaho.com": "yahoo.com", "yahoo.co": "yahoo.com", "yahoo.vn": "yahoo.com.vn",
    "hotmai.com": "hotmail.com", "outlok.com": "outlook.com",
}


def _email_domains(ctx: Context) -> Iterator[Problem]:
    for row in ctx.rows("members"):
        email = row.get("email")
        domain = email.rsplit("@", 1)[-1].lower() if email and "@" in email else ""
        right = MAIL_TYPOS.get(domain) or (domain[:-4] + ".com" if domain.endswith(".con") else None)
        if right:
            yield ctx.at("members", row, "email", email, f"tên miền '{domain}' có vẻ gõ nhầm: có phải …@{right}?")


def _member_dates(ctx: Context) -> Iterator[Problem]:
    teams = ctx.index("teams")
    for row in ctx.rows("members"):
        team = teams.get(row["team_id"])
        if team and row["since"] and row["since"] < team["established_on"]:
            yield ctx.at("members", row, "since", row["since"], f"tham gia trước ngày tổ được thành lập ({team['established_on']:%d/%m/%Y}): kiểm tra lại ngày")
        ended = team and team["dissolved_on"]
        if not ended:
            continue
        if row["since"] and row["since"] > ended:
            yield ctx.at("members", row, "since", row["since"], f"tham gia sau ngày tổ giải thể ({ended:%d/%m/%Y}): kiểm tra lại mã tổ hoặc ngày")
        elif row["until"] is None or row["until"] > ended:
            yield ctx.at("members", row, "until", row["until"],
                         f"tổ đã giải thể ngày {ended:%d/%m/%Y}: ghi ngày thôi tham gia (until) không muộn hơn ngày đó; "
                         "người chuyển sang tổ khác thì thêm dòng mới ở tổ đó")


# Names whose letters with tone marks became "?" when a file was saved in a code page without them.
NAME_COLUMNS = {"members": ("full_name",), "teams": ("name", "village"), "units": ("name",), "organisations": ("name", "short_name")}
_LOST_LETTER = re.compile(r"\w\?|\?\w")


def _names(ctx: Context) -> Iterator[Problem]:
    """Names are sorted, searched and compared: letters lost to "?", and spaces that are not one plain space
    (a double space, or a no-break space from a copied web page) make "Nguyễn  Văn An" another person."""
    for table, columns in NAME_COLUMNS.items():
        for row in ctx.rows(table):
            for column in columns:
                text = row.get(column)
                if not isinstance(text, str):
                    continue
                if "?" in text and _LOST_LETTER.search(text):
                    yield ctx.at(table, row, column, text,
                                 "có dấu ? giữa chữ: chữ có dấu đã bị mất khi tệp được lưu bằng bảng mã không phải UTF-8; "
                                 "gõ lại cho đúng rồi lưu tệp dạng CSV UTF-8")
                elif "  " in text or "\xa0" in text:
                    yield ctx.at(table, row, column, text,
                                 "giữa các chữ có hai dấu cách liền nhau hoặc dấu cách không ngắt (thường do chép từ trang web): "
                                 "để đúng một dấu cách thường giữa hai chữ")


def _team_names(ctx: Context) -> Iterator[Problem]:
    """Two teams of one commune with the same name: a resident could not tell which is theirs."""
    seen: dict[tuple, dict] = {}
    for row in ctx.rows("teams"):
        if row["dissolved_on"] is not None or not row.get("name"):
            continue
        key = (row["unit_id"], row["name"].casefold())
        first = seen.setdefault(key, row)
        if first is not row:
            yield ctx.at("teams", row, "name", row["name"],
                         f"trùng tên với tổ {first['id']} trong cùng đơn vị ({first['_file']} dòng {first['_line']}): sửa tên tổ, "
                         "ví dụ ghi thêm tên thôn hoặc khu dân cư để phân biệt", also=((first["_file"], first["_line"]),))


def _periods(ctx: Context) -> Iterator[Problem]:
    for row in ctx.rows("periods"):
        year, month = map(int, row["id"].split("-"))
        first = dt.date(year, month, 1)
        last = dt.date(year, month, calendar.monthrange(year, month)[1])
        if row["starts_on"] != first:
            yield ctx.at("periods", row, "starts_on", row["starts_on"], f"kỳ {row['id']} phải bắt đầu ngày {first.isoformat()}")
        if row["ends_on"] != last:
            yield ctx.at("periods", row, "ends_on", row["ends_on"], f"kỳ {row['id']} phải kết thúc ngày {last.isoformat()}")
        if row["due_on"] < row["ends_on"]:
            yield ctx.at("periods", row, "due_on", row["due_on"], "hạn nộp phải sau ngày cuối kỳ")


def _reports(ctx: Context) -> Iterator[Problem]:
    periods = ctx.index("periods")
    teams = ctx.index("teams")
    for table in ("reports", "report_notes"):
        for row in ctx.rows(table):
            period = periods.get(row["period_id"])
            team = teams.get(row["team_id"])
            if team and team["kind"] != "village_team":
                yield ctx.at(table, row, "team_id", row["team_id"], "chỉ tổ công nghệ số cộng đồng thôn mới báo cáo kết quả; tổ chỉ đạo không báo cáo ở đây")
            if team and period and team["established_on"] > period["ends_on"]:
                yield ctx.at(table, row, "period_id", row["period_id"], f"tổ thành lập ngày {team['established_on']:%d/%m/%Y}, sau kỳ này: kiểm tra lại kỳ báo cáo")
            if team and period and team["dissolved_on"] and team["dissolved_on"] < period["starts_on"]:
                yield ctx.at(table, row, "period_id", row["period_id"], f"tổ đã giải thể ngày {team['dissolved_on']:%d/%m/%Y}, trước kỳ này: kiểm tra lại mã tổ hoặc kỳ báo cáo")
            # reports/2022-12.csv holds December's rows: a row of November there counts for November, and
            # December loses it, with nothing to show for it.
            stem = row["_file"].rsplit("/", 1)[-1].removesuffix(".csv")
            if table == "reports" and stem in periods and period and row["period_id"] != stem:
                yield ctx.at(table, row, "period_id", row["period_id"],
                             f"dòng của kỳ {row['period_id']} nằm trong tệp của kỳ {stem}: mỗi tệp reports/<kỳ>.csv chỉ chứa báo cáo của kỳ đó; "
                             f"sửa kỳ thành {stem}, hoặc chuyển dòng sang tệp reports/{row['period_id']}.csv")
            submitted = row.get("submitted_on")
            if period and submitted and submitted < period["starts_on"]:
                yield ctx.at(table, row, "submitted_on", submitted, f"ngày nộp ở trước kỳ báo cáo {row['period_id']}: báo cáo chỉ nộp được từ khi kỳ đã bắt đầu")


def _cumulative(ctx: Context) -> Iterator[Problem]:
    """A running total (aggregation 'latest') never falls from one period to the next."""
    running = {row["id"] for row in ctx.rows("indicators") if row["aggregation"] == "latest"}
    periods = ctx.index("periods")  # an unknown period ("Sep-22", as Excel writes it) is its foreign key's problem,
    series: dict[tuple[str, str], list[dict]] = {}  # not a fall against December in every series
    for row in ctx.rows("reports"):
        if row["indicator_id"] in running and row["value"] is not None and row["period_id"] in periods:
            series.setdefault((row["team_id"], row["indicator_id"]), []).append(row)
    for rows in series.values():
        rows.sort(key=lambda r: r["period_id"])  # YYYY-MM sorts in time order
        for before, row in zip(rows, rows[1:]):
            if row["value"] < before["value"]:
                yield ctx.at("reports", row, "value", row["value"],
                             f"số lũy kế của chỉ tiêu {row['indicator_id']} giảm so với kỳ {before['period_id']} ({before['value']}): "
                             "số lũy kế tính từ đầu nên không thể giảm; kiểm tra lại số của kỳ này và kỳ trước",
                             also=((before["_file"], before["_line"]),))


IMPLAUSIBLE = 10  # a village reporting ten times its year's target has almost surely typed a digit too many


def _implausible(ctx: Context) -> Iterator[Problem]:
    """A reported value more than IMPLAUSIBLE times the team's target for that year (the demo data's
    highest is 1.3 times): 'nothing published by mistake' beats 'never ask twice'."""
    targets = {(r["team_id"], r["indicator_id"], r["year"]): r for r in ctx.rows("targets") if r["value"]}
    years = {r["id"]: r["starts_on"].year for r in ctx.rows("periods") if r["starts_on"] is not None}
    for row in ctx.rows("reports"):
        year = years.get(row["period_id"])  # an unknown period is reported by its foreign key
        if row["value"] is None or year is None:
            continue
        target = targets.get((row["team_id"], row["indicator_id"], year))
        if target is not None and row["value"] > IMPLAUSIBLE * target["value"]:
            times = row["value"] / target["value"]
            yield ctx.at("reports", row, "value", row["value"],
                         f"gấp {times:.0f} lần chỉ tiêu năm {target['year']} của tổ ({target['value']}): có lẽ gõ thừa chữ số; "
                         "kiểm tra lại số này, nếu đúng thật thì xem lại chỉ tiêu trong targets.csv",
                         also=((target["_file"], target["_line"]),))


def _district_files(ctx: Context) -> Iterator[Problem]:
    """teams/<id>.csv and members/<id>.csv hold one district's (or the province's) teams and members:
    each file has its reviewers (CODEOWNERS), so a row in another district's file escapes them."""
    units = ctx.index("units")

    def home(unit_id: str) -> str | None:  # the district (or province) whose file holds the unit's teams
        unit = units.get(unit_id)
        if unit is None:
            return None
        return unit["parent_id"] if unit["level"] == "commune" else unit["id"]

    def stem(row: dict) -> str:
        return row["_file"].rsplit("/", 1)[-1].rsplit(".", 1)[0]

    # Only where the unit's own file exists: units of the 2025 reform have no district, and no file.
    files = {path.rsplit("/", 1)[-1].rsplit(".", 1)[0] for path in ctx.package.resources["teams"].paths}
    teams = ctx.index("teams")
    for row in ctx.rows("teams"):
        where = home(row["unit_id"])
        if stem(row) in units and where in files and where != stem(row):
            yield ctx.at("teams", row, "unit_id", row["unit_id"],
                         f"tổ của {units[row['unit_id']]['name']} phải nằm trong tệp teams/{where}.csv, không phải tệp của đơn vị khác: chuyển dòng này sang đúng tệp")
    for row in ctx.rows("members"):
        team = teams.get(row["team_id"])
        if team and stem(row) in units and stem(team) != stem(row):
            yield ctx.at("members", row, "team_id", row["team_id"],
                         f"thành viên của tổ {row['team_id']} phải nằm trong tệp members/{stem(team)}.csv, cùng huyện với tổ: chuyển dòng này sang đúng tệp")


def _targets(ctx: Context) -> Iterator[Problem]:
    teams = ctx.index("teams")
    for row in ctx.rows("targets"):
        team = teams.get(row["team_id"])
        if team and team["kind"] != "village_team":
            yield ctx.at("targets", row, "team_id", row["team_id"], "chỉ tiêu chỉ giao cho tổ công nghệ số cộng đồng thôn")


def _platforms(ctx: Context) -> Iterator[Problem]:
    for row in ctx.rows("platforms"):
        if row["status"] == "active":
            if row["replaced_by"]:
                yield ctx.at("platforms", row, "replaced_by", row["replaced_by"], "nền tảng đang dùng (active) không có nền tảng thay thế: để trống ô này hoặc đổi tình trạng")
        else:
            if row["status"] == "merged" and not row["replaced_by"]:
                yield ctx.at("platforms", row, "replaced_by", None, "nền tảng đã gộp (merged) phải ghi mã nền tảng thay thế")
            if not row["changed_on"]:
                yield ctx.at("platforms", row, "changed_on", None, "ghi ngày nền tảng được gộp hoặc ngừng")
        if row["replaced_by"] == row["id"]:
            yield ctx.at("platforms", row, "replaced_by", row["replaced_by"], "nền tảng không thể thay thế chính nó")


def _training_topics(ctx: Context) -> Iterator[Problem]:
    known = set(ctx.index("platforms")) | set(EXTRA_TOPICS)
    for row in ctx.rows("trainings"):
        topics = row["topics"].split()
        for topic in {t for t in topics if topics.count(t) > 1}:
            yield ctx.at("trainings", row, "topics", row["topics"], f"nội dung '{topic}' ghi lặp lại: mỗi nội dung chỉ ghi một lần")
        for topic in topics:
            if topic not in known:
                yield ctx.at("trainings", row, "topics", topic, f"nội dung '{topic}' không phải mã nền tảng hay chủ đề đã biết ({', '.join(sorted(EXTRA_TOPICS))}): kiểm tra chính tả")


def _attendance(ctx: Context) -> Iterator[Problem]:
    trainings = ctx.index("trainings")
    teams = ctx.index("teams")
    wanted = {row["team_id"] for row in ctx.rows("attendance")}
    terms: dict[str, list[tuple]] = {}  # team id -> (since, until) of its members
    for member in ctx.rows("members"):
        if member["team_id"] in wanted:
            terms.setdefault(member["team_id"], []).append((member["since"], member["until"]))
    for row in ctx.rows("attendance"):
        training = trainings.get(row["training_id"])
        team = teams.get(row["team_id"])
        if (training and team and row["attendees"] is not None and "members" not in ctx.incomplete
                and team["established_on"] <= training["date"]):  # a team set up later: that rule says so
            day = training["date"]
            present = sum(1 for since, until in terms.get(row["team_id"], ())
                          if (since is None or since <= day) and (until is None or until >= day))
            if row["attendees"] > present:
                yield ctx.at("attendance", row, "attendees", row["attendees"],
                             f"tổ có {present} thành viên vào ngày {day:%d/%m/%Y} mà ghi {row['attendees']} người dự: chỉ ghi số thành viên "
                             "của tổ có mặt, không tính người dân hay khách mời; người đã thôi tham gia thì ghi ngày thôi (until) chứ không xóa dòng")
    for row in ctx.rows("attendance"):
        training = trainings.get(row["training_id"])
        team = teams.get(row["team_id"])
        if training and training["date"] > ctx.today:
            yield ctx.at("attendance", row, "training_id", row["training_id"], f"buổi tập huấn ngày {training['date']:%d/%m/%Y} chưa diễn ra: chỉ ghi số người dự sau buổi học")
        if training and team and team["established_on"] > training["date"]:
            yield ctx.at("attendance", row, "team_id", row["team_id"], f"tổ thành lập ngày {team['established_on']:%d/%m/%Y}, sau buổi tập huấn: kiểm tra lại mã tổ")
        if training and team and team["dissolved_on"] and team["dissolved_on"] < training["date"]:
            yield ctx.at("attendance", row, "team_id", row["team_id"], f"tổ đã giải thể ngày {team['dissolved_on']:%d/%m/%Y}, trước buổi tập huấn: kiểm tra lại mã tổ")


RULES: list[Callable[[Context], Iterator[Problem]]] = [
    _unit_hierarchy,
    _date_order("units", "valid_from", "valid_to", "ngày hết hiệu lực ở trước ngày bắt đầu hiệu lực"),
    _date_order("organisations", "valid_from", "valid_to", "ngày thôi hoạt động ở trước ngày bắt đầu"),
    _date_order("teams", "established_on", "dissolved_on", "ngày giải thể ở trước ngày thành lập"),
    _date_order("members", "since", "until", "ngày thôi tham gia ở trước ngày bắt đầu tham gia"),
    _not_in_future("teams", "established_on", "ngày thành lập"),
    _not_in_future("members", "since", "ngày tham gia"),
    _not_in_future("reports", "submitted_on", "ngày nộp báo cáo"),
    _team_kind,
    _one_leader,
    _phones,
    _email_domains,
    contacts_in_text,
    withheld_contacts_published,
    _member_dates,
    _names,
    _team_names,
    _periods,
    _reports,
    _district_files,
    _cumulative,
    _implausible,
    _targets,
    _platforms,
    _training_topics,
    _attendance,
    *timeline.RULES,
]


def check_rules(package: Package, tables: Tables, today: dt.date, incomplete: Iterable[str] = ()) -> list[Problem]:
    """Run every domain rule over typed tables (incomplete: tables with rows left out for a bad cell)."""
    ctx = Context(package, tables, today, frozenset(incomplete))
    problems: list[Problem] = []
    for rule in RULES:
        try:
            problems.extend(rule(ctx))
        except Exception as exc:  # a rule must never turn a data mistake into a traceback
            problems.append(Problem("", 0, 0, rule.__name__, type(exc).__name__,
                                    f"{INTERNAL}: quy tắc {rule.__name__} không chạy được ({exc!r}); kiểm tra các schema có bị sửa bớt ràng buộc không, rồi báo nhóm kỹ thuật"))
    return problems
