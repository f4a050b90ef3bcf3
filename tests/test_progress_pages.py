"""The training and progress pages build with --strict, show the analytics' figures, and follow SITE_TODAY."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from conftest import DATA, ROOT, SITE_TODAY, build_site, run_script
from sotay.pages import contacts, progress
from sotay.phones import e164, national as format_phone
from sotay.settings import Settings
from sotay.analytics import progress as P
from sotay.load import load_model
from sotay.text import format_date, format_int, format_percent, in_sentence, sort_key


def text_of(path) -> str:
    html = path.read_text(encoding="utf-8")
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.fixture(scope="module")
def analytics():
    return P.compute_all(load_model(DATA, dt.date.fromisoformat(SITE_TODAY)))


def test_progress_page_shows_the_province_figures(built_site, analytics):
    text = text_of(built_site / "tien-do" / "index.html")
    for f in analytics.province.figures:
        assert f"{f.indicator.name} {format_int(f.achieved)}/{format_int(f.target)} {format_percent(f.percent)}" in text, f.indicator.id
    for p in analytics.completeness:
        c = p.province
        assert f"{format_int(c.expected)} {format_int(c.actual)} {format_percent(c.rate)} {format_int(c.on_time)} {format_percent(c.on_time_rate)}" in text
    assert f"{format_int(len(analytics.notes))} ý kiến" in text


def test_progress_page_has_an_accessible_chart_and_district_links(built_site, analytics):
    html = (built_site / "tien-do" / "index.html").read_text(encoding="utf-8")
    svg = re.search(r'<svg viewBox="0 0 \d+ \d+"[^>]*>', html).group(0)
    assert 'role="img"' in svg and "aria-label=" in svg and 'aria-describedby="bang-bao-cao"' in svg
    assert 'id="bang-bao-cao"' in html
    assert "<script" not in html.split("<article", 1)[1].split("</article>", 1)[0]  # no inline chart script
    for d in analytics.units["30"].unit.children:
        assert f'href="{d.slug}/"' in html
        assert (built_site / "tien-do" / d.slug / "index.html").exists()


def test_late_and_missing_reporters_by_district_then_team(built_site, analytics):
    html = (built_site / "tien-do" / "index.html").read_text(encoding="utf-8")
    # the province page counts them for every district and links that period's list on the district page
    latest = analytics.completeness[-1]
    anchor = f"nop-muon-{latest.period.starts_on.year}-{latest.period.starts_on.month:02d}"
    for c in latest.districts:
        row = (f'<a href="{c.unit.slug}/#{anchor}">{c.unit.name}</a></th><td class="num">{format_int(len(c.missing))}</td>'
               f'<td class="num">{format_int(len(c.late))}</td>')
        assert row in html, c.unit.name
    for late in latest.province.late:  # teams are listed on the district pages only
        assert f'href="../to/{late.team.id.lower()}/"' not in html.split('id="kho-khan"')[0]
    district = latest.districts[0]
    page = (built_site / "tien-do" / district.unit.slug / "index.html").read_text(encoding="utf-8")
    assert f'<div class="sotay-period__body" id="{anchor}">' in page
    for late in district.late:
        assert f'href="../../to/{late.team.id.lower()}/"' in page
    # the teams to call come first, each with a public number to call: its leader's, else a stand-in's
    body = page.split(f'id="{anchor}">', 1)[1]
    assert body.index("Chưa nộp kỳ") < body.index("Nộp muộn kỳ")
    due = next(p for p in reversed(analytics.completeness) if p.province.missing)
    called = [(c.unit, t) for c in due.districts for t in c.missing if t.leader and t.leader.phone]
    private = [(c.unit, t) for c in due.districts for t in c.missing if t.leader and not t.leader.phone]
    assert called and private
    for unit, t in called[:5]:
        page = (built_site / "tien-do" / unit.slug / "index.html").read_text(encoding="utf-8")
        assert f'tổ trưởng {t.leader.full_name} <a class="sotay-tel" href="tel:{t.leader.phone_link}">' in page
    model = load_model(DATA, dt.date.fromisoformat(SITE_TODAY))
    for unit, t in private[:10]:
        page = (built_site / "tien-do" / unit.slug / "index.html").read_text(encoding="utf-8")
        stand_in = contacts.fallback(model, model.teams[t.id])
        assert not stand_in.label.startswith("tổ trưởng") and stand_in.phone
        assert (f'href="../../to/{t.id.lower()}/">{t.village or t.name}</a>, {t.unit.name} — {stand_in.label} '
                f'<a class="sotay-tel" href="tel:{e164(stand_in.phone)}">') in page
    # a late team too: why it was late, and whether the next report will be on time
    late = [(c.unit, x) for c in due.districts for x in c.late]
    assert len(late) > 20
    for unit, x in late[:20]:
        page = (built_site / "tien-do" / unit.slug / "index.html").read_text(encoding="utf-8")
        stand_in = contacts.fallback(model, model.teams[x.team.id])
        assert (f'{x.team.unit.name} — nộp ngày {x.submitted_on:%d/%m/%Y}, muộn {x.days_late} ngày; {stand_in.label} '
                f'<a class="sotay-tel" href="tel:{e164(stand_in.phone)}">') in page
    # the district's steering group, to call from the province, on the first screen
    group = contacts.steering_group(model, model.units[district.unit.id])
    page = (built_site / "tien-do" / district.unit.slug / "index.html").read_text(encoding="utf-8")
    assert group.public_phone and (f'Số chung của tổ chỉ đạo {in_sentence(district.unit.name)}: <span class="sotay-shared">'
                                   f'<a class="sotay-tel" href="tel:{e164(group.public_phone)}">') in page


def test_the_open_period_is_the_newest_already_due(tmp_path, mini):
    """From the 1st to the due date the newest period's list is empty: the one due before it opens."""
    out = tmp_path / "site"
    assert build_site(out, data_dir=mini, today="2022-09-03").returncode == 0
    html = (out / "tien-do" / "index.html").read_text(encoding="utf-8")
    opened = re.findall(r'<details class="sotay-period sotay-period--open" data-search-exclude open>\s*<summary>([^<]*)', html)
    assert opened == ["Kỳ 07/2022 (hạn 05/08/2022): 0 tổ nộp muộn, 1 tổ chưa nộp"], opened
    assert "Kỳ 08/2022 (hạn 05/09/2022): 0 tổ nộp muộn, chưa đến hạn nộp</summary>" in html
    assert "Chưa đến hạn nộp (05/09/2022); chưa có tổ nộp muộn." in html


def test_the_province_page_does_not_grow_with_the_number_of_teams(tmp_path):
    """Its late teams and notes are counted by district: at twice the teams it is the same size."""
    result = run_script("make_demo_data.py", "--out", str(tmp_path / "x2"), "--scale", "2")
    assert result.returncode == 0, result.stderr
    today = dt.date.fromisoformat(SITE_TODAY)
    sizes, notes = [], []
    for root in (DATA, tmp_path / "x2"):
        model = load_model(root, today)
        page = progress.build(model, Settings(root, ROOT / "docs", today))[0][0]
        assert page.path == "tien-do/index.md"
        html = page.render()
        sizes.append(len(html.encode("utf-8")))
        notes.append(len(P.get(model).notes))
        assert html.count('<p class="sotay-notes__who">') == progress.NEWEST_NOTES
    assert notes[1] > 1.8 * notes[0]
    assert sizes[1] < 1.05 * sizes[0], sizes


def test_district_drill_down_shows_communes_and_commune_pages_show_teams(built_site, analytics):
    district = analytics.units["288"]
    text = text_of(built_site / "tien-do" / district.unit.slug / "index.html")
    for f in district.figures:
        assert f"{format_int(f.achieved)}/{format_int(f.target)} {format_percent(f.percent)}" in text
    commune = analytics.units["10507"]
    assert commune.unit.name in text
    f = commune.figures[0]
    assert f"{format_int(f.achieved)}/{format_int(f.target)} {format_percent(f.percent)}" in text
    unit_page = built_site / "don-vi" / "thanh-pho-hai-duong" / "phuong-cam-thuong" / "index.html"
    html = unit_page.read_text(encoding="utf-8")
    assert 'id="tien-do"' in html and 'id="tap-huan"' in html
    team = analytics.teams["TCN-10507-01"]
    t = team.figures[0]
    assert 'href="../../../to/tcn-10507-01/"' in html
    assert f"{format_int(t.achieved)}/{format_int(t.target)} {format_percent(t.percent)}" in text_of(unit_page)


def test_training_page_lists_sessions_and_coverage(built_site, analytics):
    text = text_of(built_site / "tap-huan" / "index.html")
    assert f"Đã tổ chức ({format_int(len(analytics.calendar.past))} buổi)" in text
    first = analytics.calendar.past[0]
    assert f"{first.training.date:%d/%m/%Y}" in text and f"{format_int(first.teams)} tổ, {format_int(first.people)} người" in text
    row = analytics.coverage.province
    assert f"Toàn tỉnh {format_int(row.total)} " + " ".join(f"{format_int(c.trained)}/{format_int(c.total)} {format_percent(c.rate)}" for c in row.cells) in text


def test_organisers_are_named_once_and_venues_with_their_district(built_site, analytics):
    text = text_of(built_site / "tap-huan" / "index.html")
    assert "Viettel Hải Dương (Viettel Hải Dương)" not in text and "(VNPT Hải Dương) (VNPT Hải Dương)" not in text
    assert "Bưu điện tỉnh Hải Dương (VNPost) (Bưu điện Hải Dương)" not in text
    # a commune's venue names its district too: "Xã Lê Lợi" alone could be one of several
    commune_session = next(s for s in analytics.calendar.past if s.training.unit.level == "commune")
    unit = commune_session.training.unit
    assert f"{commune_session.training.venue} ({unit.name}, {unit.parent.name})" in text
    assert "Viễn thông Hải Dương (VNPT Hải Dương)" in text and "Sở Thông tin và Truyền thông tỉnh Hải Dương (Sở TT&amp;TT)" in text


def test_home_page_shows_latest_completeness_and_indicators_behind(built_site, analytics):
    text = text_of(built_site / "index.html")
    latest = analytics.latest_period
    c = latest.province
    assert f"Báo cáo kỳ {latest.period.starts_on:%m/%Y}: {format_int(c.actual)}/{format_int(c.expected)} tổ đã nộp ( {format_percent(c.rate)} )" in text
    for f in P.furthest_behind(analytics.province):
        assert f"{f.indicator.name}: {format_int(f.achieved)}/{format_int(f.target)} ( {format_percent(f.percent)} )" in text


def test_site_today_changes_upcoming_sessions_and_late_periods(tmp_path, mini):
    early, late = tmp_path / "early", tmp_path / "late"
    for out, today in ((early, "2022-08-10"), (late, "2023-01-20")):
        result = build_site(out, data_dir=mini, today=today)
        assert result.returncode == 0, result.stderr[-3000:]
    # 10/09/2022 session: upcoming on 10/08/2022, past on 20/01/2023
    early_text = text_of(early / "tap-huan" / "index.html")
    assert re.search(r"Sắp tới \(1 buổi\).*10/09/2022.*Đã tổ chức \(1 buổi\).*02/06/2022", early_text)
    late_text = text_of(late / "tap-huan" / "index.html")
    assert "Sắp tới (0 buổi) Chưa có buổi tập huấn nào sắp tới." in late_text
    assert re.search(r"Đã tổ chức \(2 buổi\).*10/09/2022.*02/06/2022", late_text)
    assert "1 tổ, 2 người" in late_text
    # August is not yet due on 10/08/2022; July is (due 05/08) and Bình Hàn has not reported
    early_progress = text_of(early / "tien-do" / "index.html")
    assert "Kỳ 08/2022 (hạn 05/09/2022): 0 tổ nộp muộn, chưa đến hạn nộp" in early_progress
    assert "Kỳ 07/2022 (hạn 05/08/2022): 0 tổ nộp muộn, 1 tổ chưa nộp" in early_progress
    late_progress = text_of(late / "tien-do" / "index.html")
    assert "Kỳ 08/2022 (hạn 05/09/2022): 1 tổ nộp muộn, 0 tổ chưa nộp" in late_progress
    district = text_of(late / "tien-do" / "thanh-pho-hai-duong" / "index.html")
    assert "Khu dân cư số 1 , Phường Bình Hàn — nộp ngày 20/09/2022, muộn 15 ngày" in district
    # cumulative tk-dvc: 30+... on 10/08 only June/July known: 70 (10507-01) + 20 (10510-01) = 90 of 230
    assert "Tài khoản dịch vụ công trực tuyến được tạo 90/230 39,1%" in early_progress
    assert "Tài khoản dịch vụ công trực tuyến được tạo 185/230 80,4%" in late_progress


def test_percentages_round_half_up_with_a_decimal_comma():
    # 9/16 is 56,25%: a float rounds it to even (56,2%), Excel and a hand calculation to 56,3%
    assert [format_percent(v) for v in (9 / 16, 1 / 8, 2 / 3, 0.82, 1.0, None)] == ["56,3%", "12,5%", "66,7%", "82%", "100%", "—"]
    assert format_percent(0.5625, 0) == "56%" and format_percent(0.565, 0) == "57%"


def test_the_chart_axis_starts_near_the_lowest_rate_and_labels_fit_a_phone():
    from sotay.pages.charts import LABEL_PX, line_chart
    months = [f"T{m}/22" for m in range(6, 13)]
    chart = line_chart(months, [("a", "nộp", [0.82, 0.85, 0.9, 0.94, 0.88, 0.9, None])])
    assert [label for _, label in chart.grid] == ["70%", "80%", "90%", "100%"]  # not 82–94% squeezed under 0–100%
    assert [label for _, label in chart.ticks] == ["T6/22", "T8/22", "T10/22", "T12/22"]  # every other month fits
    low = line_chart(months, [("a", "nộp", [0.3, 0.6, 0.9, None, None, None, None])])
    assert [label for _, label in low.grid] == ["0%", "25%", "50%", "75%", "100%"]
    assert LABEL_PX * 328 / chart.width >= 14  # the drawing is 328 px wide on a 360 px phone


def test_a_team_page_shows_its_results_its_latest_report_and_its_newest_difficulty(built_site, analytics):
    """Officials tap a late or missing team in /tien-do/ and land on its page, which had only names and numbers."""
    latest = analytics.latest_period
    missing, late = latest.province.missing[0], latest.province.late[0]
    text_of_team = lambda path: re.sub(r"\s+([.,:])", r"\1", text_of(path))  # noqa: E731  (inline tags became spaces)
    text = text_of_team(built_site / "to" / missing.id.lower() / "index.html")
    assert f"Báo cáo kỳ {latest.period.starts_on.month:02d}/{latest.period.starts_on.year} (hạn {format_date(latest.period.due_on)}): chưa nộp." in text
    for f in analytics.teams[missing.id].figures:
        assert f"{f.indicator.name}: {format_int(f.achieved)}/{format_int(f.target)} {format_percent(f.percent)}" in text
    note = next(n for n in analytics.notes if n.team is missing or n.team.id == missing.id)
    assert f"Khó khăn tổ báo gần nhất (kỳ {note.period.starts_on.month:02d}/{note.period.starts_on.year}): {note.difficulties}" in text
    text = text_of_team(built_site / "to" / late.team.id.lower() / "index.html")
    assert f"nộp muộn {late.days_late} ngày, ngày {format_date(late.submitted_on)}." in text
    on_time = next(t for t in analytics.teams.values() if t.team.kind == "village_team" and t.team.id not in
                   {x.team.id for x in latest.province.late} | {m.id for m in latest.province.missing}
                   and t.team.active_in(latest.period.starts_on, latest.period.ends_on))
    assert "đã nộp đúng hạn." in text_of_team(built_site / "to" / on_time.team.id.lower() / "index.html")
    assert "Kết quả và báo cáo" not in text_of(built_site / "to" / "bcd-30" / "index.html")  # steering groups have no targets


def _section(path, anchor="tap-huan") -> str:
    html = path.read_text(encoding="utf-8")
    start = html.index(f'<section class="sotay-section" id="{anchor}"')
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html[start:html.index("</section>", start)]))


def test_who_attended_a_training_on_commune_and_team_pages(built_site):
    """An official asked which of the commune's teams came to a session: the commune page said
    "5 tổ, 20 người" and no team page said anything. Counted here from the CSVs, not the analytics."""
    import csv
    from sotay.pages.places import where
    model = load_model(DATA, dt.date.fromisoformat(SITE_TODAY))
    with open(DATA / "trainings.csv", encoding="utf-8") as f:
        held = {r["id"]: dt.date.fromisoformat(r["date"]) for r in csv.DictReader(f)}
    with open(DATA / "attendance.csv", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if held[r["training_id"]] < model.today]
    by_team: dict[str, list[tuple[str, int]]] = {}
    for r in rows:
        by_team.setdefault(r["team_id"], []).append((r["training_id"], int(r["attendees"])))
    communes = sorted({model.teams[t].unit.id for t in by_team})[:40]
    checked = 0
    for unit_id in communes:
        unit = model.units[unit_id]
        text = _section(built_site / unit.url / "index.html")
        for training_id in {tid for t in unit.teams for tid, _ in by_team.get(t.id, [])}:
            came = sorted(((t, n) for t in unit.teams for tid, n in by_team.get(t.id, []) if tid == training_id),
                          key=lambda x: sort_key(x[0].village or x[0].name))
            listed = ", ".join(f"{in_sentence(t.village or t.name)}: {n} người" for t, n in came)
            assert f"{sum(n for _, n in came)} người ({listed})." in text or f"người tham dự ({listed})." in text, (unit.name, training_id)
            checked += 1
    assert checked > 40
    # a district page gives the counts only: its list would be as long as its teams
    district = model.units[communes[0]].parent
    assert " người: Thôn " not in _section(built_site / district.url / "index.html")
    village = [t for t in model.teams.values() if t.kind == "village_team"]
    for team in village[:300]:
        text = _section(built_site / team.url / "index.html")
        came = by_team.get(team.id, [])
        assert (f"Tổ đã dự {len(came)} buổi tập huấn" in text) if came else ("Chưa ghi nhận tổ dự buổi tập huấn nào" in text), team.id
        for training_id, n in came:
            training = next(t for t in model.trainings if t.id == training_id)
            assert f"{held[training_id]:%d/%m/%Y} — {where(training)}. Tổ có {n} người dự." in text, (team.id, training_id)
    assert any(t.id not in by_team for t in village[:300]) and any(t.id in by_team for t in village[:300])


def test_a_commune_page_lists_its_own_late_and_missing_teams(built_site, analytics):
    """A commune official had to pick the commune's teams out of the district's list of late and missing."""
    model = load_model(DATA, dt.date.fromisoformat(SITE_TODAY))
    latest = analytics.latest_period
    assert latest.due
    checked = {"late": 0, "missing": 0}
    for district in latest.districts:
        for commune in district.unit.children:
            missing = [t for t in district.missing if t.unit.id == commune.id]
            late = [x for x in district.late if x.team.unit.id == commune.id]
            expected = [t for t in commune.teams if t.kind == "village_team" and t.active_in(latest.period.starts_on, latest.period.ends_on)]
            if not expected:
                continue
            html = (built_site / commune.url / "index.html").read_text(encoding="utf-8")
            # links at the top jump to each section: progress, reporting, trainings
            jumps = re.findall(r'<li><a href="#([a-z-]+)">([^<]+)</a></li>', html.split('aria-label="Trên trang này"')[1].split("</nav>")[0])
            assert [a for a, _ in jumps][:2] == ["tien-do-title", "bao-cao"] and jumps[1][1] == "Báo cáo kỳ 12/2022"
            assert all(f'id="{a}"' in html for a, _ in jumps) and ("tap-huan-title" in dict(jumps)) == ('id="tap-huan-title"' in html)
            text = _section(built_site / commune.url / "index.html", "tien-do")
            done = len(expected) - len(missing)
            assert f"Báo cáo kỳ 12/2022 (hạn {latest.period.due_on:%d/%m/%Y}) {done}/{len(expected)} tổ đã nộp, {done - len(late)} tổ nộp đúng hạn." in text
            assert (f"Chưa nộp kỳ 12/2022 ({len(missing)}):" in text) == bool(missing)
            assert (f"Nộp muộn kỳ 12/2022 ({len(late)}):" in text) == bool(late)
            for team in missing:
                stand_in = contacts.fallback(model, model.teams[team.id])
                assert f"{team.village or team.name} — {stand_in.label} {format_phone(stand_in.phone)}" in text
            for x in late:
                assert f"{x.team.village or x.team.name} — nộp ngày {x.submitted_on:%d/%m/%Y}, muộn {x.days_late} ngày" in text
            checked["late"] += len(late)
            checked["missing"] += len(missing)
    assert checked["missing"] == len(latest.province.missing) and checked["late"] == len(latest.province.late)


def test_a_districts_figures_are_set_beside_the_provinces(built_site, analytics):
    """Officials compare their district with the province: on a phone the 12-district table scrolls sideways."""
    province = {f.indicator.id: f for f in analytics.province.figures}
    for district in ("huyen-cam-giang", "thanh-pho-hai-duong"):
        unit = next(u for u in analytics.units.values() if u.unit.slug == district and u.unit.level == "district")
        text = text_of(built_site / "tien-do" / district / "index.html")
        for f in unit.figures:
            whole = province[f.indicator.id]
            assert (f"{format_int(f.achieved)}/{format_int(f.target)} {format_percent(f.percent)} {f.indicator.unit_label} "
                    f"(toàn tỉnh {format_percent(whole.percent)})") in text, f.indicator.id
    assert "(toàn tỉnh " not in text_of(built_site / "tien-do" / "index.html")  # the province is not set beside itself


def test_the_training_calendar_links_each_districts_own_list(built_site):
    """49 sessions run to 60 screens on a phone: each district's list is one tap away."""
    model = load_model(DATA, dt.date.fromisoformat(SITE_TODAY))
    html = (built_site / "tap-huan" / "index.html").read_text(encoding="utf-8")
    for district in model.districts:
        assert f'<a href="../{district.url}#tap-huan-title">{district.name}</a>' in html
        assert 'id="tap-huan-title"' in (built_site / district.url / "index.html").read_text(encoding="utf-8")


def test_a_venue_that_names_its_place_is_not_followed_by_it_again():
    """ "Hội trường UBND huyện Ninh Giang (Huyện Ninh Giang)" said the place twice on unit pages."""
    from sotay.pages.places import where
    model = load_model(DATA, dt.date.fromisoformat(SITE_TODAY))
    named = [t for t in model.trainings if t.venue == "Hội trường UBND huyện Ninh Giang"]
    assert named and all(where(t) == "Hội trường UBND huyện Ninh Giang" for t in named)
    other = next(t for t in model.trainings if t.unit.name.split(" ")[-1].lower() not in t.venue.lower())
    assert where(other) == f"{other.venue} ({other.unit.name})"
    # a village named like its commune is not the commune
    from types import SimpleNamespace as At
    village_hall = At(venue="Nhà văn hóa thôn Ngọc Liên", unit=At(name="Xã Ngọc Liên"))
    assert where(village_hall) == "Nhà văn hóa thôn Ngọc Liên (Xã Ngọc Liên)"
