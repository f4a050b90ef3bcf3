"""Deterministic, visibly fictitious demo data at the province's real scale (2022).

Counts at scale 1 are those the province reported in May 2022: province steering group 113 members;
12 district steering groups, 357 members; 1,340 village teams in all 235 communes, 6,891 members;
107 commune steering groups, 1,499 members. Every phone number starts with 0900/0901 followed by a
running number, every e-mail is at example.com, and every person is invented.
"""
from __future__ import annotations

import calendar
import csv
import datetime as dt
import io
import random
from dataclasses import dataclass
from pathlib import Path

from .atomic import replace_files
from .text import slugify

PROVINCE_MEMBERS = 113
DISTRICT_MEMBERS = 357
VILLAGE_TEAMS = 1340
VILLAGE_MEMBERS = 6891
COMMUNE_STEERING_GROUPS = 107
COMMUNE_STEERING_MEMBERS = 1499
PERIODS = [f"2022-{m:02d}" for m in range(6, 13)]
DUE_DAYS = 5

FAMILY = ["Nguyễn"] * 30 + ["Trần"] * 11 + ["Lê"] * 9 + ["Phạm"] * 7 + ["Vũ"] * 6 + ["Hoàng"] * 4 + ["Đỗ"] * 4 + \
    ["Bùi"] * 4 + ["Đặng"] * 3 + ["Ngô"] * 2 + ["Dương", "Đào", "Đinh", "Lương", "Mạc", "Phan", "Tô", "Trịnh", "Lương", "Hà", "Cao", "Đoàn"]
MIDDLE_M = ["Văn", "Văn", "Văn", "Đức", "Minh", "Hữu", "Quang", "Xuân", "Đình", "Thế", "Công", "Tiến", "Ngọc"]
MIDDLE_F = ["Thị", "Thị", "Thị", "Thu", "Ngọc", "Minh", "Thanh", "Hồng", "Phương", "Kim", "Thúy"]
GIVEN_M = ["An", "Anh", "Bảo", "Bình", "Cường", "Chiến", "Dũng", "Duy", "Đạt", "Điệp", "Đông", "Giang", "Hải", "Hiếu", "Hòa",
           "Hùng", "Huy", "Khánh", "Khoa", "Kiên", "Lâm", "Long", "Mạnh", "Nam", "Nghĩa", "Phong", "Phúc", "Quân", "Sơn",
           "Tâm", "Thắng", "Thành", "Thịnh", "Toàn", "Trung", "Tuấn", "Tùng", "Việt", "Vinh", "Ước"]
GIVEN_F = ["Ánh", "Anh", "Chi", "Diệp", "Dung", "Duyên", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Huệ", "Hương", "Lan",
           "Liên", "Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Nhung", "Oanh", "Phương", "Quyên", "Thảo", "Thu", "Thủy",
           "Trang", "Uyên", "Vân", "Yến", "Ân", "Ăng"]
VILLAGE_NAMES = ["Đông", "Tây", "Nam", "Bắc", "Thượng", "Hạ", "Trung", "An Lạc", "Phú Lộc", "Đồng Tâm", "Tân Tiến", "Hòa Bình",
                 "Quyết Thắng", "Cao Xá", "La Xá", "Ngọc Lặc", "Văn Xá", "Đoàn Kết", "Mỹ Lộc", "Lạc Dục", "Bình Lâm", "Kim Đôi"]
VILLAGE_ROLES = ["Trưởng thôn", "Bí thư chi bộ", "Công an viên", "Đoàn Thanh niên", "Hội Liên hiệp Phụ nữ", "Hội Cựu chiến binh",
                 "Y tế thôn", "Giáo viên", "Nhân viên Bưu điện", "Nhân viên VNPT", "Nhân viên Viettel", "Hội Nông dân"]
STEERING_ORGS = ["Văn phòng UBND", "Phòng Văn hóa và Thông tin", "Công an", "Phòng Tư pháp", "Phòng Tài chính - Kế hoạch",
                 "Trung tâm Y tế", "Phòng Giáo dục và Đào tạo", "Phòng Nông nghiệp", "VNPT Hải Dương", "Viettel Hải Dương",
                 "Bưu điện Hải Dương", "Đoàn Thanh niên", "Hội Liên hiệp Phụ nữ"]
PROVINCE_ORGS = ["Sở Thông tin và Truyền thông", "Văn phòng UBND tỉnh", "Sở Nội vụ", "Sở Y tế", "Sở Tư pháp", "Sở Công Thương",
                 "Sở Tài nguyên và Môi trường", "Công an tỉnh", "Tỉnh đoàn", "Hội Liên hiệp Phụ nữ tỉnh", "VNPT Hải Dương",
                 "Viettel Hải Dương", "Bưu điện tỉnh Hải Dương", "Ngân hàng Nhà nước chi nhánh Hải Dương"]
DIFFICULTIES = [
    ("Nhiều người cao tuổi chưa có điện thoại thông minh.", "Đề nghị doanh nghiệp viễn thông hỗ trợ máy giá rẻ cho hộ nghèo, người cao tuổi."),
    ("Sóng 4G yếu ở cuối thôn, cài ứng dụng mất nhiều thời gian.", "Đề nghị nhà mạng kiểm tra, bổ sung trạm phát sóng."),
    ("Người dân ngại nhập thông tin cá nhân vì sợ bị lừa đảo.", "Đề nghị tăng tuyên truyền trên loa truyền thanh về cách nhận biết lừa đảo."),
    ("Thành viên tổ bận việc đồng áng, khó bố trí thời gian đi từng nhà.", "Đề nghị hỗ trợ kinh phí cho tổ."),
    ("Một số hồ sơ dịch vụ công bị trả lại vì ảnh giấy tờ mờ.", "Đề nghị tập huấn thêm cách chụp, tải giấy tờ."),
    ("Hộ kinh doanh chưa quen đóng gói, giao hàng qua bưu điện.", "Đề nghị Bưu điện huyện hướng dẫn tại thôn."),
    ("Nhiều người quên mật khẩu tài khoản sau khi tạo.", "Đề nghị in phiếu ghi nhớ tài khoản cho người dân."),
    ("Chưa có tài liệu hướng dẫn in sẵn để phát cho người dân.", "Đề nghị cấp tờ hướng dẫn in sẵn."),
    ("Người dân chưa có tài khoản ngân hàng để thanh toán điện tử.", "Đề nghị ngân hàng mở điểm hỗ trợ tại nhà văn hóa thôn."),
    ("Nhóm Zalo của thôn có nhiều tin quảng cáo, lạc đề.", "Đề nghị hướng dẫn quản trị nhóm và nội quy nhóm."),
    ("Ứng dụng phản ánh hiện trường báo lỗi khi gửi ảnh.", "Đề nghị đơn vị quản lý ứng dụng kiểm tra lỗi."),
    ("Người lao động đi làm xa, ban ngày ít người ở nhà.", "Đề nghị tổ chức hướng dẫn vào buổi tối và cuối tuần."),
]


@dataclass
class Unit:
    id: str
    name: str
    type: str
    level: str
    parent_id: str


def _split(total: int, parts: int, rng: random.Random) -> list[int]:
    """total split into `parts` near-equal whole numbers, the larger ones placed at random."""
    base, extra = divmod(total, parts)
    bonus = set(rng.sample(range(parts), extra))
    return [base + (1 if i in bonus else 0) for i in range(parts)]


# Authored reference tables (real units, platforms, indicators, organisations), read from the source folder.
REFERENCE = ["units.csv", "crosswalk.csv", "organisations.csv", "platforms.csv", "indicators.csv"]


class _People:
    """Invented people with fictitious, clearly marked contacts."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.count = 0

    def make(self, team_id: str, role: str, organisation: str, since: dt.date) -> list[str]:
        rng = self.rng
        self.count += 1
        female = rng.random() < 0.45
        name = " ".join([rng.choice(FAMILY), rng.choice(MIDDLE_F if female else MIDDLE_M), rng.choice(GIVEN_F if female else GIVEN_M)])
        phone = f"0900{self.count:06d}" if self.count < 1_000_000 else f"0901{self.count % 1_000_000:06d}"
        consent = rng.random() < 0.7
        zalo = f"0901{self.count % 1_000_000:06d}" if rng.random() < 0.1 else ""
        email = f"{slugify(name).replace('-', '.')}.{self.count}@example.com" if rng.random() < 0.3 else ""
        return [f"TV-{self.count:06d}", team_id, name, role, organisation, phone, zalo, email,
                "có" if consent else "không", since.isoformat(), ""]


def _roles(size: int, rng: random.Random) -> list[str]:
    deputies = 1 if size < 8 else 2 if size < 30 else 3
    return ["Tổ trưởng"] + ["Tổ phó"] * deputies + ["Tổ viên"] * (size - 1 - deputies)


def _day(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randrange((end - start).days + 1))


def generate(source: Path, scale: int = 1, seed: int = 2022) -> dict[str, tuple[list[str], list[list[str]]]]:
    """Every generated file as {relative path: (header, rows)}, built on the real units in source."""
    rng = random.Random(seed)
    with (source / "units.csv").open(encoding="utf-8-sig", newline="") as handle:
        units = [Unit(r["id"], r["name"], r["type"], r["level"], r["parent_id"]) for r in csv.DictReader(handle)
                 if not r.get("valid_from")]  # the 2022 units; later units have a start date
    province = next(u for u in units if u.level == "province")
    districts = [u for u in units if u.level == "district"]
    communes = [u for u in units if u.level == "commune"]
    people = _People(rng)
    files: dict[str, tuple[list[str], list[list[str]]]] = {}
    team_header = ["id", "kind", "unit_id", "name", "village", "established_on", "decision", "public_phone", "dissolved_on"]
    member_header = ["id", "team_id", "full_name", "role", "organisation", "phone", "zalo", "email", "consent", "since", "until"]
    teams_by_file: dict[str, list[list[str]]] = {}
    members_by_file: dict[str, list[list[str]]] = {}
    village_teams: list[tuple[str, Unit, dt.date, int]] = []  # id, commune, established, households

    # Province steering group, decision 689/QĐ-UBND of 21/3/2022.
    established = dt.date(2022, 3, 21)
    teams_by_file["teams/30.csv"] = [["BCD-30", "province_steering", province.id, "Tổ chỉ đạo triển khai công nghệ số cộng đồng tỉnh Hải Dương",
                                      "", established.isoformat(), "689/QĐ-UBND ngày 21/3/2022", "02203000000", ""]]
    members_by_file["members/30.csv"] = [people.make("BCD-30", role, PROVINCE_ORGS[i % len(PROVINCE_ORGS)], established)
                                         for i, role in enumerate(_roles(PROVINCE_MEMBERS, rng))]

    district_sizes = _split(DISTRICT_MEMBERS, len(districts), rng)
    commune_steering = set(rng.sample([c.id for c in communes], COMMUNE_STEERING_GROUPS))
    steering_sizes = dict(zip(sorted(commune_steering), _split(COMMUNE_STEERING_MEMBERS, COMMUNE_STEERING_GROUPS, rng)))
    teams_per_commune = dict(zip([c.id for c in communes], _split(VILLAGE_TEAMS * scale, len(communes), rng)))
    team_sizes = _split(VILLAGE_MEMBERS * scale, VILLAGE_TEAMS * scale, rng)
    size_iter = iter(team_sizes)

    for district, size in zip(districts, district_sizes):
        file_teams = teams_by_file.setdefault(f"teams/{district.id}.csv", [])
        file_members = members_by_file.setdefault(f"members/{district.id}.csv", [])
        d_established = _day(rng, dt.date(2022, 4, 1), dt.date(2022, 4, 20))
        decision = f"{rng.randrange(500, 1500)}/QĐ-UBND ngày {d_established.day}/{d_established.month}/2022"
        file_teams.append([f"BCD-{district.id}", "district_steering", district.id,
                           f"Tổ chỉ đạo triển khai công nghệ số cộng đồng {district.name.replace('Thành phố', 'thành phố').replace('Huyện', 'huyện').replace('Thị xã', 'thị xã')}",
                           "", d_established.isoformat(), decision, f"02203{int(district.id):03d}000", ""])
        file_members += [people.make(f"BCD-{district.id}", role, STEERING_ORGS[i % len(STEERING_ORGS)], d_established)
                         for i, role in enumerate(_roles(size, rng))]
        for commune in (c for c in communes if c.parent_id == district.id):
            c_established = _day(rng, d_established + dt.timedelta(days=3), dt.date(2022, 5, 10))
            office = f"0220{3 + int(commune.id) % 7}{int(commune.id):06d}"[:11]
            if commune.id in steering_sizes:
                file_teams.append([f"BCD-{commune.id}", "commune_steering", commune.id,
                                   f"Tổ chỉ đạo triển khai công nghệ số cộng đồng {commune.name[0].lower()}{commune.name[1:]}",
                                   "", c_established.isoformat(), f"{rng.randrange(20, 200)}/QĐ-UBND ngày {c_established.day}/{c_established.month}/2022",
                                   office, ""])
                file_members += [people.make(f"BCD-{commune.id}", role, STEERING_ORGS[i % len(STEERING_ORGS)], c_established)
                                 for i, role in enumerate(_roles(steering_sizes[commune.id], rng))]
            names = rng.sample(VILLAGE_NAMES, len(VILLAGE_NAMES))
            for n in range(1, teams_per_commune[commune.id] + 1):
                team_id = f"TCN-{commune.id}-{n:02d}"
                if commune.type == "Xã":
                    village = f"Thôn {names[(n - 1) % len(names)]}" + (f" {(n - 1) // len(names) + 1}" if n > len(names) else "")
                else:
                    village = f"Khu dân cư số {n}"
                late_start = rng.random() < 0.03
                t_established = _day(rng, dt.date(2022, 7, 1), dt.date(2022, 9, 15)) if late_start else c_established
                file_teams.append([team_id, "village_team", commune.id, f"Tổ công nghệ số cộng đồng {village[0].lower()}{village[1:]}", village,
                                   t_established.isoformat(), f"{rng.randrange(20, 300)}/QĐ-UBND ngày {t_established.day}/{t_established.month}/2022",
                                   office if rng.random() < 0.3 else "", ""])
                size = next(size_iter)
                file_members += [people.make(team_id, role, rng.choice(VILLAGE_ROLES), t_established) for role in _roles(size, rng)]
                village_teams.append((team_id, commune, t_established, rng.randrange(150, 450)))

    for path, rows in teams_by_file.items():
        files[path] = (team_header, rows)
    for path, rows in members_by_file.items():
        files[path] = (member_header, rows)

    periods = []
    for pid in PERIODS:
        year, month = map(int, pid.split("-"))
        start, end = dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
        periods.append((pid, start, end, end + dt.timedelta(days=DUE_DAYS)))
    files["periods.csv"] = (["id", "starts_on", "ends_on", "due_on"], [[p, s.isoformat(), e.isoformat(), d.isoformat()] for p, s, e, d in periods])

    files.update(_trainings(rng, districts, communes, village_teams))
    files.update(_targets_and_reports(rng, village_teams, periods))
    return files


def _trainings(rng, districts, communes, village_teams):
    trainings = [["TH-2022-001", "2022-06-02", "30", "Hội trường Sở Thông tin và Truyền thông", "so-tttt",
                  "Lãnh đạo Sở TT&TT", "chinh-sach dich-vu-cong so-suc-khoe pc-covid"]]
    attendance = []
    enterprise_topics = {"vnpt": "thanh-toan tro-ly-ao", "viettel": "voso thanh-toan ban-hang-truc-tuyen", "vnpost": "postmart ban-hang-truc-tuyen"}
    teams_by_district: dict[str, list] = {}
    for team in village_teams:
        teams_by_district.setdefault(team[1].parent_id, []).append(team)
    number = 1
    for district in districts:
        teams = teams_by_district[district.id]
        # June: the department with the district people's committee, two sessions per district.
        half = len(teams) // 2
        for group, day in ((teams[:half], rng.randrange(6, 16)), (teams[half:], rng.randrange(16, 29))):
            number += 1
            tid = f"TH-2022-{number:03d}"
            enterprise = rng.choice(sorted(enterprise_topics))
            trainings.append([tid, f"2022-06-{day:02d}", district.id, f"Hội trường UBND {district.name[0].lower()}{district.name[1:]}", f"ubnd-{district.id}",
                              f"Chuyên viên Sở TT&TT và kỹ thuật viên {'VNPT' if enterprise == 'vnpt' else 'Viettel' if enterprise == 'viettel' else 'Bưu điện'} Hải Dương",
                              "chinh-sach dich-vu-cong so-suc-khoe thanh-toan zalo"])
            for team_id, _commune, established, _households in group:
                if established <= dt.date(2022, 6, day) and rng.random() < 0.93:
                    attendance.append([tid, team_id, str(rng.randrange(2, 6))])
        # Autumn: an enterprise session in a few communes of each district.
        for commune in rng.sample([c for c in communes if c.parent_id == district.id], 2):
            number += 1
            tid = f"TH-2022-{number:03d}"
            enterprise = rng.choice(sorted(enterprise_topics))
            when = _day(rng, dt.date(2022, 8, 1), dt.date(2022, 12, 15))
            trainings.append([tid, when.isoformat(), commune.id, f"Nhà văn hóa {commune.name[0].lower()}{commune.name[1:]}", enterprise,
                              {"vnpt": "Kỹ thuật viên VNPT Hải Dương", "viettel": "Kỹ thuật viên Viettel Hải Dương", "vnpost": "Nhân viên Bưu điện Hải Dương"}[enterprise],
                              enterprise_topics[enterprise]])
            for team_id, team_commune, established, _households in teams:
                if team_commune.id == commune.id and established <= when:
                    attendance.append([tid, team_id, str(rng.randrange(1, 5))])
    # Two sessions planned for 2023, so "upcoming" is never empty on a 2022 build day.
    for when, topics in (("2023-03-15", "an-toan-mang dich-vu-cong"), ("2023-04-12", "dat-dai phan-anh-hien-truong")):
        number += 1
        trainings.append([f"TH-2022-{number:03d}", when, "30", "Hội trường Sở Thông tin và Truyền thông", "so-tttt", "Chuyên viên Sở TT&TT", topics])
    return {
        "trainings.csv": (["id", "date", "unit_id", "venue", "organiser_id", "trainer", "topics"], trainings),
        "attendance.csv": (["training_id", "team_id", "attendees"], attendance),
    }


# Per-household rates reached by the end of 2022 (cumulative indicators) or per month (incremental).
_TARGET_RATE = {"tk-dvc": 0.55, "so-suc-khoe": 0.6, "gian-hang-voso": 0.02, "gian-hang-postmart": 0.015, "thanh-toan": 0.4, "nhom-zalo": 0.85, "phan-anh": 0.05}
_INCREMENTAL = {"gian-hang-voso", "gian-hang-postmart", "phan-anh"}


def _targets_and_reports(rng, village_teams, periods):
    targets, notes = [], []
    reports: dict[str, list[list[str]]] = {p[0]: [] for p in periods}
    for team_id, _commune, established, households in village_teams:
        # Each team has a steady habit: most on time, some often late, a few rarely report.
        habit = rng.random()
        p_missing, p_late = (0.02, 0.05) if habit < 0.75 else (0.1, 0.35) if habit < 0.95 else (0.6, 0.3)
        performance = rng.uniform(0.5, 1.25)
        for indicator, rate in _TARGET_RATE.items():
            target = max(1, round(households * rate))
            targets.append([team_id, indicator, "2022", str(target)])
        cumulative = {k: 0 for k in _TARGET_RATE}
        expected = [p for p in periods if p[2] >= established]
        for index, (pid, start, end, due) in enumerate(expected):
            if rng.random() < p_missing:
                continue
            late = rng.random() < p_late
            submitted = _day(rng, due + dt.timedelta(days=1), due + dt.timedelta(days=20)) if late else _day(rng, end - dt.timedelta(days=2), due)
            for indicator, rate in _TARGET_RATE.items():
                target = max(1, round(households * rate))
                if indicator in _INCREMENTAL:
                    value = max(0, round(target / len(periods) * performance * rng.uniform(0.3, 1.7)))
                else:
                    goal = target * performance * (index + 1) / len(expected)
                    cumulative[indicator] = max(cumulative[indicator], round(goal * rng.uniform(0.85, 1.05)))
                    value = cumulative[indicator]
                reports[pid].append([team_id, indicator, pid, str(value), submitted.isoformat()])
            if rng.random() < 0.08:
                difficulty, proposal = rng.choice(DIFFICULTIES)
                notes.append([team_id, pid, difficulty, proposal if rng.random() < 0.8 else ""])
    files = {"targets.csv": (["team_id", "indicator_id", "year", "value"], targets),
             "report_notes.csv": (["team_id", "period_id", "difficulties", "proposals"], notes)}
    for pid, rows in reports.items():
        files[f"reports/{pid}.csv"] = (["team_id", "indicator_id", "period_id", "value", "submitted_on"], rows)
    return files


RESOURCES = [  # name, title, description, single file or folder of parts
    ("units", "Đơn vị hành chính", "Tỉnh, huyện, xã theo danh mục của Tổng cục Thống kê, năm 2022 và sau sắp xếp từ 01/07/2025.", "units.csv"),
    ("crosswalk", "Chuyển đổi đơn vị hành chính", "Mỗi xã, phường, thị trấn năm 2022 nay thuộc đơn vị mới nào (sắp xếp 01/07/2025).", "crosswalk.csv"),
    ("organisations", "Cơ quan, đơn vị", "Cơ quan, doanh nghiệp tổ chức tập huấn; ghi cả khi đổi tên, sáp nhập.", "organisations.csv"),
    ("teams", "Tổ", "Tổ chỉ đạo các cấp và tổ công nghệ số cộng đồng thôn; mỗi huyện một tệp.", "teams/"),
    ("members", "Thành viên", "Thành viên của các tổ; mỗi huyện một tệp.", "members/"),
    ("platforms", "Nền tảng số", "Nền tảng số mà các tổ hướng dẫn người dân.", "platforms.csv"),
    ("indicators", "Chỉ tiêu", "Các chỉ tiêu giao cho tổ và cách cộng dồn.", "indicators.csv"),
    ("periods", "Kỳ báo cáo", "Các kỳ báo cáo và hạn nộp.", "periods.csv"),
    ("trainings", "Tập huấn", "Các buổi tập huấn, bồi dưỡng.", "trainings.csv"),
    ("attendance", "Tham dự tập huấn", "Số người của mỗi tổ dự mỗi buổi tập huấn.", "attendance.csv"),
    ("targets", "Chỉ tiêu giao", "Chỉ tiêu giao cho từng tổ theo năm.", "targets.csv"),
    ("reports", "Báo cáo kết quả", "Kết quả các tổ báo cáo; mỗi kỳ một tệp.", "reports/"),
    ("report_notes", "Khó khăn, đề xuất", "Khó khăn, vướng mắc và đề xuất trong báo cáo kỳ.", "report_notes.csv"),
]


def descriptor(paths: list[str]) -> str:
    """datapackage.yaml text for the files written; multi-file tables list their parts."""
    lines = ["# Gói dữ liệu của Sổ tay Công nghệ số cộng đồng (Frictionless Data Package).",
             "# Mỗi bảng có một schema trong thư mục schemas/: đó là từ điển dữ liệu.",
             "# Thêm tệp mới (ví dụ báo cáo kỳ mới) thì thêm đường dẫn của tệp vào 'path' của bảng.",
             "name: so-tay-cong-nghe-so-cong-dong",
             "title: Sổ tay Công nghệ số cộng đồng tỉnh Hải Dương",
             "description: Dữ liệu mẫu (hư cấu) về tổ công nghệ số cộng đồng, tập huấn, chỉ tiêu và báo cáo; đơn vị hành chính là danh mục thật năm 2022 và sau sắp xếp năm 2025.",
             "sample: true  # dữ liệu mẫu: trang web sẽ hiện thông báo 'dữ liệu mẫu'",
             "licenses:", "  - name: CC-BY-4.0", "    path: https://creativecommons.org/licenses/by/4.0/", "    title: Creative Commons Attribution 4.0",
             "resources:"]
    for name, title, description, where in RESOURCES:
        parts = sorted(p for p in paths if p.startswith(where)) if where.endswith("/") else [where]
        lines += [f"  - name: {name}", f"    title: {title}", f"    description: {description}", "    profile: tabular-data-resource",
                  "    format: csv", "    mediatype: text/csv", "    encoding: utf-8", f"    schema: schemas/{name}.yaml"]
        if len(parts) == 1 and not where.endswith("/"):
            lines.append(f"    path: {parts[0]}")
        else:
            lines.append("    path:")
            lines += [f"      - {p}" for p in parts]
    return "\n".join(lines) + "\n"


def write(source: Path, out: Path, scale: int = 1, seed: int = 2022) -> list[str]:
    """Write a complete data package into out, copying reference tables and schemas from source.

    All or nothing: every file is generated in memory first, then replaced in one step
    (``atomic.replace_files``); on any failure the folder is left exactly as it was.
    """
    files = generate(source, scale, seed)
    writes: dict[Path, bytes] = {}
    written = []
    for name in REFERENCE:
        writes[out / name] = (source / name).read_bytes()
        written.append(name)
    for rel, (header, rows) in sorted(files.items()):
        buffer = io.StringIO(newline="")
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
        writes[out / rel] = buffer.getvalue().encode("utf-8")
        written.append(rel)
    for schema in sorted((source / "schemas").glob("*.yaml")):
        writes[out / "schemas" / schema.name] = schema.read_bytes()
    writes[out / "datapackage.yaml"] = descriptor(written).encode("utf-8")
    # Parts of multi-file tables that this run does not write again (e.g. a district that is gone).
    stale = [p for sub in ("teams", "members", "reports") if (out / sub).is_dir()
             for p in sorted((out / sub).rglob("*")) if p.is_file() and p not in writes]
    replace_files(writes, stale)
    return written
