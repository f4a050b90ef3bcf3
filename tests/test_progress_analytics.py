"""Training and progress analytics on the small hand-made package (tests/fixtures/mini), values by hand.

mini: village teams TCN-10507-01 (since 20/04/2022), TCN-10507-02 (since 01/08/2022) in Phường Cẩm Thượng,
TCN-10510-01 (since 22/04/2022) in Phường Bình Hàn; periods 2022-06..08 due on the 5th of the next month.
tk-dvc aggregates `latest` (cumulative), gian-hang `sum` (increments).
"""
from __future__ import annotations

import datetime as dt
import re

import pytest

from conftest import append_row
from sotay.analytics import progress as P
from sotay.analytics import trainings as T
from sotay.load import load_model
from sotay.validate.check import check

D = dt.date


def model_of(root, today: str):
    return load_model(root, D.fromisoformat(today))


def figure(all_, unit_id, indicator):
    return all_.units[unit_id].figure(indicator)


def team_figure(all_, team_id, indicator):
    return next(f for f in all_.teams[team_id].figures if f.indicator.id == indicator)


def test_cumulative_indicator_takes_each_teams_latest_value_and_sums_teams(mini):
    all_ = P.compute_all(model_of(mini, "2023-01-20"))
    # 10507-01 reported 30, 70, 110 (cumulative): 110; 10507-02: 15; 10510-01: 20 then 60: 60
    assert team_figure(all_, "TCN-10507-01", "tk-dvc").achieved == 110
    assert team_figure(all_, "TCN-10510-01", "tk-dvc").achieved == 60
    assert (figure(all_, "10507", "tk-dvc").target, figure(all_, "10507", "tk-dvc").achieved) == (150, 125)
    province = figure(all_, "30", "tk-dvc")
    assert (province.target, province.achieved) == (230, 185)
    assert province.percent == pytest.approx(185 / 230)
    assert figure(all_, "288", "tk-dvc").achieved == 185


def test_incremental_indicator_sums_every_report(mini):
    all_ = P.compute_all(model_of(mini, "2023-01-20"))
    # gian-hang: 2 (June) + 3 (July) from 10507-01, target 6
    f = figure(all_, "10507", "gian-hang")
    assert (f.target, f.achieved) == (6, 5)
    assert f.percent == pytest.approx(5 / 6)


def test_over_achievement_is_shown_as_is(mini):
    all_ = P.compute_all(model_of(mini, "2023-01-20"))
    f = team_figure(all_, "TCN-10507-01", "tk-dvc")
    assert (f.target, f.achieved) == (100, 110)
    assert f.percent == pytest.approx(1.10)  # 110%, not capped at 100%


def test_unit_without_target_says_so_not_zero_percent(mini):
    all_ = P.compute_all(model_of(mini, "2023-01-20"))
    f = figure(all_, "10510", "gian-hang")  # no team of Bình Hàn has a gian-hang target
    assert f.target is None and f.percent is None and f.achieved == 0
    assert team_figure(all_, "TCN-10507-02", "gian-hang").target is None


def test_unit_without_teams_has_zero_teams_and_no_target(mini):
    append_row(mini / "units.csv", ["10513", "10513", "Phường Trần Phú", "Phường", "commune", "288", "phuong-tran-phu", "", "2025-06-30"])
    append_row(mini / "crosswalk.csv", ["10513", "10507-2025", "2025-07-01", "không", "", ""])  # a 2022 commune says where it went
    all_ = P.compute_all(model_of(mini, "2023-01-20"))
    empty = all_.units["10513"]
    assert empty.teams == 0
    assert all(f.target is None and f.achieved == 0 for f in empty.figures)
    assert all_.units["10507"].teams == 2


def test_team_counts_are_the_active_village_teams_as_on_unit_pages(mini):
    from sotay.analytics.units import unit_counts
    model = model_of(mini, "2023-01-20")
    all_ = P.compute_all(model)
    for unit in model.units.values():  # steering groups have no targets and are not counted here
        assert all_.units[unit.id].teams == unit_counts(model, unit).village_teams, unit.name
    assert all_.units["288"].teams == 3 and all_.units["30"].teams == 3


def test_reports_submitted_after_today_are_not_known(mini):
    all_ = P.compute_all(model_of(mini, "2022-09-03"))
    # known: 10507-01's 110 (01/09); not 10507-02's 15 (04/09) nor 10510-01's 60 (20/09): 110 + 0 + 20
    assert figure(all_, "30", "tk-dvc").achieved == 130


def completeness_of(all_, period_id):
    return next(p for p in all_.completeness if p.period.id == period_id)


def test_completeness_and_timeliness_per_period(mini):
    all_ = P.compute_all(model_of(mini, "2023-01-20"))
    assert [p.period.id for p in all_.completeness] == ["2022-06", "2022-07", "2022-08"]
    june = completeness_of(all_, "2022-06")
    c = june.province
    # TCN-10507-02 did not exist in June: 2 expected; Bình Hàn submitted 09/07 > due 05/07: late by 4 days
    assert (c.expected, c.actual, c.on_time) == (2, 2, 1)
    assert c.rate == 1.0 and c.on_time_rate == 0.5
    assert [(x.team.id, x.submitted_on, x.days_late) for x in c.late] == [("TCN-10510-01", D(2022, 7, 9), 4)]
    assert c.missing == []
    july = completeness_of(all_, "2022-07").province
    assert (july.expected, july.actual, july.on_time) == (2, 1, 1)
    assert [t.id for t in july.missing] == ["TCN-10510-01"]
    august = completeness_of(all_, "2022-08").province
    assert (august.expected, august.actual, august.on_time) == (3, 3, 2)
    assert [(x.team.id, x.days_late) for x in august.late] == [("TCN-10510-01", 15)]
    # the one district carries the same figures
    [district] = completeness_of(all_, "2022-08").districts
    assert (district.unit.id, district.expected, district.actual, district.on_time) == ("288", 3, 3, 2)


def test_period_not_yet_due_has_no_missing_reporters(mini):
    all_ = P.compute_all(model_of(mini, "2022-09-03"))
    august = completeness_of(all_, "2022-08")
    assert august.due is False  # due 05/09, today 03/09
    assert (august.province.expected, august.province.actual, august.province.on_time) == (3, 1, 1)
    assert august.province.missing == [] and august.province.late == []
    assert completeness_of(all_, "2022-07").due is True
    assert all_.latest_period.period.id == "2022-07"


def test_periods_not_started_are_left_out(mini):
    all_ = P.compute_all(model_of(mini, "2022-07-20"))
    assert [p.period.id for p in all_.completeness] == ["2022-06", "2022-07"]


def test_notes_are_known_with_their_report(mini):
    assert P.compute_all(model_of(mini, "2022-07-08")).notes == []  # the June report came on 09/07
    [note] = P.compute_all(model_of(mini, "2022-07-10")).notes
    assert (note.team.id, note.period.id, note.submitted_on, note.district.id) == ("TCN-10510-01", "2022-06", D(2022, 7, 9), "288")


def test_notes_newest_first(mini):
    append_row(mini / "report_notes.csv", ["TCN-10507-01", "2022-08", "Mất điện nhiều.", ""])
    append_row(mini / "report_notes.csv", ["TCN-10507-01", "2022-07", "Thiếu máy.", "Cấp máy."])
    notes = P.compute_all(model_of(mini, "2023-01-20")).notes
    assert [(n.team.id, n.period.id) for n in notes] == [("TCN-10507-01", "2022-08"), ("TCN-10507-01", "2022-07"), ("TCN-10510-01", "2022-06")]


def test_furthest_behind_ranks_by_percentage_and_skips_no_target(mini):
    all_ = P.compute_all(model_of(mini, "2023-01-20"))
    behind = P.furthest_behind(all_.province)
    # tk-dvc 185/230 = 80,4%, gian-hang 5/6 = 83,3%
    assert [f.indicator.id for f in behind] == ["tk-dvc", "gian-hang"]


def test_training_calendar_depends_on_today(mini):
    cal = T.calendar(model_of(mini, "2022-09-03"))
    assert [s.training.id for s in cal.upcoming] == ["TH-2022-002"]
    assert [(s.training.id, s.teams, s.people) for s in cal.past] == [("TH-2022-001", 1, 2)]
    cal = T.calendar(model_of(mini, "2022-09-11"))
    assert cal.upcoming == []
    assert [(s.training.id, s.teams, s.people) for s in cal.past] == [("TH-2022-002", 1, 1), ("TH-2022-001", 1, 2)]


def test_training_coverage_district_by_topic(mini):
    cov = T.coverage(model_of(mini, "2023-01-20"))
    assert cov.topics == ["chinh-sach", "dich-vu-cong", "so-suc-khoe"]
    [row] = cov.rows
    assert row.unit.id == "288" and row.total == 3
    assert [(c.trained, c.total) for c in row.cells] == [(1, 3), (1, 3), (1, 3)]
    # before TCN-10507-02 existed and before the second session
    cov = T.coverage(model_of(mini, "2022-07-01"))
    assert cov.topics == ["chinh-sach", "dich-vu-cong"]
    assert [(c.trained, c.total) for c in cov.rows[0].cells] == [(1, 2), (1, 2)]
    assert cov.rows[0].cells[0].rate == 0.5


def test_a_session_without_attendance_entered_is_not_counted_as_nobody_trained(mini):
    """A session whose attendance nobody entered said "0 tổ, 0 người", and its topic "0/1.340 0%"."""
    append_row(mini / "trainings.csv", ["TH-2022-003", "2022-08-01", "288", "Hội trường UBND thành phố", "vnpt",
                                        "Kỹ thuật viên VNPT", "phan-anh-hien-truong"])
    model = model_of(mini, "2023-01-20")
    session = next(s for s in T.calendar(model).past if s.training.id == "TH-2022-003")
    assert not session.recorded and all(s.recorded for s in T.calendar(model).past if s.training.id != "TH-2022-003")
    cov = T.coverage(model)
    assert cov.topics == ["chinh-sach", "dich-vu-cong", "so-suc-khoe"] and cov.unrecorded == ["phan-anh-hien-truong"]
    from sotay.pages import trainings as pages
    text = re.sub(r"<[^>]+>", " ", pages._calendar(model, None))
    assert "chưa có số liệu điểm danh" in text and "Chưa có số liệu điểm danh nên chưa tính bao phủ: " in text


def test_trainings_for_a_unit_held_there_or_attended_by_its_teams(mini):
    model = model_of(mini, "2023-01-20")
    ids = lambda unit_id: [s.training.id for s in T.for_unit(model, model.units[unit_id])]  # noqa: E731
    assert ids("10507") == ["TH-2022-002", "TH-2022-001"]  # held in Cẩm Thượng; and attended by its team
    assert ids("10510") == []
    assert ids("288") == ["TH-2022-002", "TH-2022-001"]


def test_a_units_sessions_are_in_calendar_order_the_next_one_on_top(mini):
    """Upcoming soonest first, then past newest first, as on /tap-huan/: a commune page had listed the
    session of 12/04 above that of 15/03, the next one."""
    for today, order in [("2022-05-01", ["TH-2022-001", "TH-2022-002"]), ("2022-07-01", ["TH-2022-002", "TH-2022-001"]),
                         ("2022-12-01", ["TH-2022-002", "TH-2022-001"])]:
        model = model_of(mini, today)
        assert [s.training.id for s in T.for_unit(model, model.units["288"])] == order, today


def test_a_unit_gets_its_own_share_of_a_sessions_attendance(mini):
    # TH-2022-001 (held by the province): a team of each commune; TH-2022-002 (held in Cẩm Thượng): Bình Hàn's only
    (mini / "attendance.csv").write_text("training_id,team_id,attendees\nTH-2022-001,TCN-10507-01,2\n"
                                         "TH-2022-001,TCN-10510-01,1\nTH-2022-002,TCN-10510-01,1\n", encoding="utf-8")
    model = model_of(mini, "2023-01-20")

    def shares(unit_id):
        return {s.training.id: (s.teams, s.people, s.own_teams, s.own_people) for s in T.for_unit(model, model.units[unit_id])}
    assert shares("10507") == {"TH-2022-001": (2, 3, 1, 2), "TH-2022-002": (1, 1, 0, 0)}
    assert shares("10510") == {"TH-2022-001": (2, 3, 1, 1), "TH-2022-002": (1, 1, 1, 1)}
    assert shares("288") == shares("30") == {"TH-2022-001": (2, 3, 2, 3), "TH-2022-002": (1, 1, 1, 1)}
    from sotay.pages import trainings as pages

    def said(unit_id):
        text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", pages.unit_section(model, model.units[unit_id])))
        return re.sub(r" ([,.:)])", r"\1", text).replace("( ", "(")
    commune = said("10507")
    assert "2 tổ, 3 người tham dự, trong đó của phường Cẩm Thượng: 1 tổ, 2 người (khu dân cư số 1: 2 người)." in commune
    assert "1 tổ, 1 người tham dự, không có tổ nào của phường Cẩm Thượng." in commune
    district = said("288")  # every team that came is the district's: the totals alone
    assert "2 tổ, 3 người tham dự." in district and "1 tổ, 1 người tham dự." in district and "trong đó" not in district


def test_report_for_an_unknown_period_is_a_validation_error(mini):
    append_row(mini / "reports/2022-08.csv", ["TCN-10510-01", "gian-hang", "2022-13", "1", "2022-09-20"])
    assert [str(p) for p in check(mini, D(2023, 1, 1))[2]] == [
        "reports/2022-08.csv:5:period_id: 2022-13: không có mã này trong bảng kỳ báo cáo (periods): kiểm tra chính tả (phân biệt hoa, thường) hoặc thêm vào bảng periods trước",
    ]


def test_late_and_missing_reporters_are_listed_in_the_vietnamese_alphabet():
    from conftest import DATA
    from sotay.text import sort_key
    model = load_model(DATA, dt.date(2023, 1, 20))
    for period in P.completeness(model):
        for cell in [period.province, *period.districts]:
            for teams in ([x.team for x in cell.late], cell.missing):
                keys = [(sort_key(t.unit.district.name), sort_key(t.unit.name), t.unit.id, sort_key(t.village or t.name))
                        for t in teams]
                assert keys == sorted(keys)
    late = [x.team.unit.name for p in P.completeness(model) for x in p.province.late]
    assert any(name.startswith("Xã Đ") for name in late)  # Đ comes after D, not after Z


def test_a_unit_whose_teams_were_dissolved_keeps_its_figures(mini):
    from conftest import edit_cell
    from sotay.pages import units
    edit_cell(mini / "teams/288.csv", 5, "dissolved_on", "2022-12-01")  # TCN-10510-01, Bình Hàn's only team
    edit_cell(mini / "members/288.csv", 6, "until", "2022-12-01")  # its one member leaves with it
    model = model_of(mini, "2023-01-20")
    here = P.compute_all(model).units["10510"]
    assert here.teams == 0 and here.has_teams  # no team today, but its 2022 target and results count
    html = units._unit_page(model, model.units["10510"])
    assert "chưa có tổ nào nên chưa có chỉ tiêu" not in html
    assert "chưa có tổ" not in html.split('id="tien-do"')[1].split("</section>")[0]


def test_a_communes_reporting_counted_by_hand(mini):
    """for_commune on the mini data: Cẩm Thượng's two teams reported 08/2022 on time; Bình Hàn's one team
    sent it on 20/09 (15 days late), so on 10/09 it had not reported; a period not yet due gives None."""
    def of(today, unit_id):
        model = model_of(mini, today)
        latest = P.get(model).latest_period
        c = P.for_commune(latest, model.units[unit_id])
        return latest.period.id, c.expected, c.actual, c.on_time, [(x.team.id, x.days_late) for x in c.late], [t.id for t in c.missing]
    assert of("2022-09-25", "10507") == ("2022-08", 2, 2, 2, [], [])
    assert of("2022-09-25", "10510") == ("2022-08", 1, 1, 0, [("TCN-10510-01", 15)], [])
    assert of("2022-09-10", "10510") == ("2022-08", 1, 0, 0, [], ["TCN-10510-01"])
    assert of("2022-08-10", "10507") == ("2022-07", 1, 1, 1, [], [])  # the second team began in August
    model = model_of(mini, "2022-09-03")
    not_due = next(p for p in P.get(model).completeness if p.period.id == "2022-08")
    assert P.for_commune(not_due, model.units["10507"]) is None
