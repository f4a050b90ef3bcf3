"""Units through time: every 2022 unit page says what the unit is today (only once the change has
happened as of SITE_TODAY), the new units get pages with the 2022 figures re-aggregated (nothing
counted twice or lost), organisers are named as they were and as they are, old and new names are
found by the directory and the site search."""
from __future__ import annotations

import csv
import datetime as dt
import html as htmllib
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from conftest import DATA, REFERENCE, ROOT, append_row, run_script
from linework import lines_run
from sotay.analytics import progress as progress_analytics
from sotay.analytics import reform as reform_analytics
from sotay.analytics.units import unit_counts
from sotay.load import load_model
from sotay.pages import directory, reform, trainings, units
from sotay.settings import Settings

BEFORE, BETWEEN, AFTER = dt.date(2022, 12, 20), dt.date(2025, 3, 1), dt.date(2026, 1, 10)


def model_on(day: dt.date):
    return load_model(DATA, day)


def settings_on(day: dt.date) -> Settings:
    return Settings(DATA, ROOT / "docs", day)


def text_of(html: str) -> str:
    """What a reader sees: tags as spaces, no space before punctuation."""
    text = htmllib.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))).strip()
    return re.sub(r"\( ", "(", re.sub(r" ([,.;:)])", r"\1", text))


def unit_pages(model) -> dict[str, str]:
    pages, _ = units.build(model, settings_on(model.today))
    return {p.path: p.render() for p in pages}


def rows_2022() -> list[dict]:
    with (DATA / "units.csv").open(encoding="utf-8") as handle:
        return [r for r in csv.DictReader(handle) if not r["valid_from"]]


@pytest.fixture(scope="module")
def after():
    return model_on(AFTER)


# The data ---------------------------------------------------------------------------------------------

def test_every_2022_commune_and_the_province_are_mapped_and_districts_end():
    rows = rows_2022()
    with (DATA / "crosswalk.csv").open(encoding="utf-8") as handle:
        crosswalk = list(csv.DictReader(handle))
    mapped = {r["old_id"] for r in crosswalk}
    assert {r["id"] for r in rows if r["level"] in ("commune", "province")} == mapped
    assert all(r["valid_to"] == "2025-06-30" for r in rows if r["level"] == "district")
    assert Counter(r["partial"] for r in crosswalk) == {"không": 195, "có": 84}


def test_crosswalk_and_new_units_are_the_official_ones():
    shared = REFERENCE
    with (shared / "crosswalk_2022_2025.csv").open(encoding="utf-8") as handle:
        official = {(r["old_code"], f"{r['new_code']}-2025", r["partial"] == "true") for r in csv.DictReader(handle)}
    with (DATA / "crosswalk.csv").open(encoding="utf-8") as handle:
        ours = {(r["old_id"], r["new_id"], r["partial"] == "có") for r in csv.DictReader(handle) if r["old_id"] != "30"}
    assert ours == official
    with (shared / "units_2025.csv").open(encoding="utf-8") as handle:
        official_units = {(f"{r['code']}-2025", r["name"], r["level"]) for r in csv.DictReader(handle)}
    with (DATA / "units.csv").open(encoding="utf-8") as handle:
        assert {(r["id"], r["name"], r["level"]) for r in csv.DictReader(handle) if r["valid_from"]} == official_units


# Banners on the 2022 pages ------------------------------------------------------------------------------

def test_no_banner_and_no_new_pages_as_of_2022():
    model = model_on(BEFORE)
    pages = unit_pages(model)
    assert len(pages) == 248
    assert not [path for path, html in pages.items() if 'id="nay-thuoc"' in html or "2025" in html]
    assert reform.build(model, settings_on(BEFORE)) == ([], [])
    assert not any(len(u) > 4 for u in directory.directory_data(model)["u"])


def test_banner_on_every_2022_unit_page_in_2026(after):
    pages = unit_pages(after)
    assert len(pages) == 248
    missing = [path for path, html in pages.items() if 'id="nay-thuoc"' not in html]
    assert missing == []
    # Every link in a banner leads to a page of the site.
    new_paths = {p.path.removesuffix("index.md") for p in reform.build(after, settings_on(AFTER))[0]}
    for path, html in pages.items():
        banner = html[html.index('id="nay-thuoc"'):html.index("</div>", html.index('id="nay-thuoc"'))]
        for href in re.findall(r'href="([^"]+)"', banner):
            target = Path(path).parent.joinpath(href).as_posix()
            resolved = "/".join(_normalise(target.split("/"))) + "/"
            assert resolved in new_paths, (path, href)


def _normalise(parts: list[str]) -> list[str]:
    out: list[str] = []
    for part in parts:
        if part == "..":
            out.pop()
        elif part not in ("", "."):
            out.append(part)
    return out


def test_commune_banner_names_the_new_ward_and_city(after):
    pages = unit_pages(after)
    html = pages["don-vi/thanh-pho-hai-duong/phuong-cam-thuong/index.md"]
    assert "Từ 01/07/2025, Phường Cẩm Thượng thuộc Phường Thành Đông, Thành phố Hải Phòng." in text_of(html)
    assert '<a href="../../../don-vi/2025/phuong-thanh-dong/">Phường Thành Đông</a>' in html
    assert '<a href="../../../don-vi/2025/">Thành phố Hải Phòng</a>' in html
    # The banner comes right under the breadcrumbs, before the counts.
    assert html.index('id="nay-thuoc"') < html.index("tổ công nghệ số cộng đồng")


def test_ward_that_keeps_its_name_is_not_said_to_belong_to_itself(after):
    # 2022: Phường Việt Hoà (old tone-mark placement); 2025: Phường Việt Hòa, the same name.
    text = text_of(unit_pages(after)["don-vi/thanh-pho-hai-duong/phuong-viet-hoa/index.md"])
    assert "Từ 01/07/2025, Phường Việt Hoà được sắp xếp lại thành Phường Việt Hòa mới, thuộc Thành phố Hải Phòng." in text
    assert "thuộc Phường Việt Hòa" not in text


def test_split_commune_says_among_which_units(after):
    html = unit_pages(after)["don-vi/huyen-nam-sach/xa-cong-hoa/index.md"]
    assert ("Từ 01/07/2025, địa bàn Xã Cộng Hòa được chia cho Xã An Phú, Xã Lai Khê và Xã Nam An Phụ, Thành phố Hải Phòng."
            in text_of(html))


def test_commune_merged_on_1_january_2025_tells_both_steps(after):
    text = text_of(unit_pages(after)["don-vi/thanh-pho-hai-duong/phuong-pham-ngu-lao/index.md"])
    assert "Từ 01/01/2025 đến 30/06/2025, địa bàn Phường Phạm Ngũ Lão thuộc Phường Lê Thanh Nghị, Thành phố Hải Dương." in text
    assert "Từ 01/07/2025, Phường Phạm Ngũ Lão thuộc Phường Lê Thanh Nghị, Thành phố Hải Phòng." in text


def test_between_the_two_steps_only_the_first_is_told():
    pages = unit_pages(model_on(BETWEEN))
    merged = text_of(pages["don-vi/thanh-pho-hai-duong/phuong-pham-ngu-lao/index.md"])
    assert "Từ 01/01/2025, địa bàn Phường Phạm Ngũ Lão thuộc Phường Lê Thanh Nghị, Thành phố Hải Dương." in merged
    assert "Hải Phòng" not in merged
    assert 'id="nay-thuoc"' not in pages["don-vi/thanh-pho-hai-duong/phuong-cam-thuong/index.md"]
    assert 'id="nay-thuoc"' not in pages["don-vi/thanh-pho-hai-duong/index.md"]


def test_district_page_says_the_district_level_ended(after):
    html = unit_pages(after)["don-vi/thanh-pho-hai-duong/index.md"]
    text = text_of(html)
    assert "Từ 01/07/2025, cấp huyện kết thúc: Thành phố Hải Dương không còn là đơn vị hành chính." in text
    assert "nay thuộc 9 xã, phường của Thành phố Hải Phòng" in text
    assert '<a href="../../don-vi/2025/phuong-thanh-dong/">Phường Thành Đông</a>' in html


def test_province_page_links_to_the_new_units(after):
    html = unit_pages(after)["don-vi/index.md"]
    assert "Từ 01/07/2025, Tỉnh Hải Dương thuộc Thành phố Hải Phòng; cấp huyện không còn." in text_of(html)
    assert '<a href="../don-vi/2025/">Xem 64 xã, phường mới</a>' in html


def test_old_addresses_do_not_change(after):
    by_id = {r["id"]: r for r in rows_2022()}
    for row in by_id.values():
        unit = after.units[row["id"]]
        expected = "don-vi/" + "".join(f"{by_id[a]['slug']}/" for a in _chain(by_id, row)[1:])
        assert unit.url == expected, row["id"]
    assert after.units["10507-2025"].url == "don-vi/2025/phuong-thanh-dong/"
    assert after.units["31-2025"].url == "don-vi/2025/"


def _chain(by_id, row) -> list[str]:
    chain = [row["id"]]
    while by_id[chain[0]]["parent_id"]:
        chain.insert(0, by_id[chain[0]]["parent_id"])
    return chain


# Re-aggregation onto the new units -------------------------------------------------------------------

def test_reaggregated_totals_equal_the_2022_totals(after):
    figures = reform_analytics.get(after, after.units["31-2025"])
    province = unit_counts(after, after.province)
    assert (figures.total.communes, figures.total.village_teams, figures.total.village_members) == (235, province.village_teams, province.village_members) == (235, 1340, 6891)
    steering = sum(unit_counts(after, c).steering_members for c in after.communes)
    assert figures.total.steering_members == steering
    past = [t for t in after.trainings if t.date < after.today]
    assert figures.total.attendees == sum(sum(t.attendance.values()) for t in past)
    assert figures.total.team_attendances == sum(len(t.attendance) for t in past)
    province_figures = progress_analytics.get(after).units["30"].figures
    assert [(f.indicator.id, f.target, f.achieved) for f in figures.total.figures] == \
        [(f.indicator.id, f.target, f.achieved) for f in province_figures]
    # allocated + not allocated: each part is the sum of its own rows
    assert figures.allocated.village_teams == sum(u.totals.village_teams for u in figures.units)
    assert figures.allocated.communes + figures.unallocated.communes == 235


def test_each_2022_commune_is_counted_once(after):
    figures = reform_analytics.get(after, after.units["31-2025"])
    counted = Counter(s.unit.id for u in figures.units for s in u.whole)
    assert max(counted.values()) == 1
    split = {s.unit.id for s in figures.split}
    assert not split & set(counted)
    assert set(counted) | split == {c.id for c in after.communes}
    # A split commune is declared on every new unit it went into, and added to none of them.
    for commune_id in split:
        targets = {s.new.id for s in after.units[commune_id].successors}
        listed = {u.unit.id for u in figures.units if any(s.unit.id == commune_id for s in u.partial)}
        assert len(targets) > 1 and listed == targets


def test_new_unit_page_lists_its_2022_communes_teams_trainings_and_progress(after):
    pages = {p.path: p for p in reform.build(after, settings_on(AFTER))[0]}
    assert len(pages) == 65 and "don-vi/2025/index.md" in pages
    page = pages["don-vi/2025/phuong-thanh-dong/index.md"]
    assert page.title == "Phường Thành Đông"
    html = page.render()
    text = text_of(html)
    new = reform_analytics.get(after, after.units["31-2025"]).unit("10507-2025")
    assert [s.unit.name for s in new.whole] == ["Phường Bình Hàn", "Phường Cẩm Thượng", "Phường Nguyễn Trãi", "Xã An Thượng"]
    for source in new.whole:
        assert f'<a href="../../../{source.unit.url}">{source.unit.name}</a>' in html
        for team in source.unit.teams:
            assert f'href="../../../{team.url}"' in html
    teams = sum(unit_counts(after, s.unit).village_teams for s in new.whole)
    assert f"Cộng dồn năm 2022: {teams} tổ công nghệ số cộng đồng" in text
    assert "Tài khoản dịch vụ công trực tuyến được tạo:" in text
    assert 'id="tap-huan"' in html and "UBND TP Hải Dương (không còn từ 01/07/2025)" in text


def test_new_unit_page_gives_its_2022_communes_share_of_each_session(after):
    new = reform_analytics.get(after, after.units["31-2025"]).unit("10507-2025")
    communes = {s.unit.id for s in [*new.whole, *new.partial]}
    shared = 0
    for session in new.sessions:
        own = {tid: n for tid, n in session.training.attendance.items() if after.teams[tid].unit.id in communes}
        assert (session.own_teams, session.own_people) == (len(own), sum(own.values()))
        shared += session.own_teams != session.teams
    assert shared  # a district session: some of its teams are from elsewhere
    page = next(p for p in reform.build(after, settings_on(AFTER))[0] if p.path == "don-vi/2025/phuong-thanh-dong/index.md")
    text = text_of(page.render())
    session = next(s for s in new.sessions if s.own_teams != s.teams)
    assert (f"{session.teams} tổ, {session.people} người tham dự, trong đó của các xã trên: "
            f"{session.own_teams} tổ, {session.own_people} người.") in text


def test_a_session_with_no_attendance_entered_says_so_on_a_new_unit_page(tmp_path, after):
    import shutil
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    new = reform_analytics.get(after, after.units["31-2025"]).unit("10507-2025")
    communes = {s.unit.id for s in [*new.whole, *new.partial]}
    session = next(s.training for s in new.sessions if s.training.unit.id in communes)  # held there: still listed
    rows = (data / "attendance.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    (data / "attendance.csv").write_text("".join(r for r in rows if not r.startswith(session.id + ",")), encoding="utf-8")
    model = load_model(data, AFTER)
    page = next(p for p in reform.build(model, Settings(data, ROOT / "docs", AFTER))[0] if p.path == "don-vi/2025/phuong-thanh-dong/index.md")
    item = next(li for li in re.findall(r"<li>.*?</li>", page.render(), re.S) if session.venue in li)
    assert text_of(item).endswith(": chưa có số liệu điểm danh.") and "0 tổ" not in item


def test_partial_sources_are_listed_apart_and_not_added(after):
    page = next(p for p in reform.build(after, settings_on(AFTER))[0] if p.path == "don-vi/2025/xa-lai-khe/index.md")
    text = text_of(page.render())
    assert "Xã Cộng Hòa (Huyện Nam Sách) (một phần)" in text and "Xã Cộng Hòa (Huyện Kim Thành)," in text
    assert "một phần (chưa cộng)" in text
    assert "Cộng các xã nhập toàn bộ" in text


def test_index_page_reconciles_with_2022(after):
    page = reform.build(after, settings_on(AFTER))[0][0]
    assert page.path == "don-vi/2025/index.md"
    html = page.render()
    text = text_of(html)
    assert "235 xã, phường, thị trấn năm 2022 nay thuộc 64 xã, phường dưới đây" in text
    assert "Tổng, đúng bằng số liệu năm 2022 235 1.340 6.891" in text
    assert html.count('<a href="phuong-') + html.count('<a href="xa-') >= 64


# Organisations renamed ---------------------------------------------------------------------------------

def test_organiser_named_as_it_was_and_as_it_is():
    def calendar(day):
        model = model_on(day)
        return text_of(trainings.build(model, settings_on(day))[0][0].render())
    assert "nay là" not in calendar(BEFORE)
    assert ("Sở Thông tin và Truyền thông tỉnh Hải Dương (Sở TT&TT); nay là Sở Khoa học và Công nghệ tỉnh Hải Dương"
            in calendar(dt.date(2025, 4, 1)))
    after_text = calendar(AFTER)
    assert "Sở Thông tin và Truyền thông tỉnh Hải Dương (Sở TT&TT); nay là Sở Khoa học và Công nghệ thành phố Hải Phòng" in after_text
    assert "Ủy ban nhân dân huyện Nam Sách (UBND huyện Nam Sách); không còn từ 01/07/2025" in after_text


def test_unit_trainings_section_names_the_organiser_then_and_now(after):
    section = trainings.unit_section(after, after.province)
    assert "Sở TT&TT (nay là Sở KH&CN Hải Phòng)" in text_of(section)
    before = model_on(BEFORE)
    assert "nay là" not in text_of(trainings.unit_section(before, before.province))


# Directory and site search ------------------------------------------------------------------------------

def test_directory_data_knows_old_and_new_names(after):
    data = directory.directory_data(after)
    by_url = {u[2]: u for u in data["u"]}
    old = by_url["don-vi/thanh-pho-hai-duong/phuong-cam-thuong/"]
    assert old[4] == "nay thuộc Phường Thành Đông" and "cam thuong" in old[3] and "thanh dong" in old[3]
    split = by_url["don-vi/huyen-nam-sach/xa-cong-hoa/"]
    assert split[4] == "nay chia cho Xã An Phú, Xã Lai Khê, Xã Nam An Phụ"
    assert "don-vi/2025/phuong-thanh-dong/" in by_url


@pytest.mark.slow
def test_built_site_publishes_new_pages_and_search_knows_both_names(built_site_2026):
    old = built_site_2026 / "don-vi" / "thanh-pho-hai-duong" / "phuong-cam-thuong" / "index.html"
    new = built_site_2026 / "don-vi" / "2025" / "phuong-thanh-dong" / "index.html"
    assert old.exists() and new.exists() and (built_site_2026 / "don-vi" / "2025" / "index.html").exists()
    assert "<h1>Phường Thành Đông</h1>" in new.read_text(encoding="utf-8")
    index = json.loads((built_site_2026 / "search" / "search_index.json").read_text(encoding="utf-8"))
    docs = {d["location"]: d for d in index["docs"]}
    assert docs["don-vi/2025/phuong-thanh-dong/"]["title"] == "Phường Thành Đông"
    assert docs["don-vi/2025/phuong-thanh-dong/"].get("title_fold") == "phuong thanh dong"
    assert "Phường Thành Đông" in docs["don-vi/thanh-pho-hai-duong/phuong-cam-thuong/"]["text"]
    assert "thanh dong" in docs["don-vi/thanh-pho-hai-duong/phuong-cam-thuong/"]["text_fold"]
    # The new pages' tables of numbers stay out of the index: it keeps within the audit's budget.
    from sotay.search import gzipped_size
    assert gzipped_size((built_site_2026 / "search" / "search_index.json").read_bytes()) <= 200_000


# Linear work --------------------------------------------------------------------------------------------

def _steps(root: Path) -> tuple[int, int]:
    model = load_model(root, AFTER)
    progress_analytics.get(model)  # shared with the other pages; timed by test_progress_linear
    def work():
        for page in reform.build(model, settings_on(AFTER))[0]:
            page.render()
        for unit in model.units.values():
            reform.banner(model, unit)
        reform_analytics.reform(model, model.units["31-2025"])

    count = lines_run(lambda path: path.endswith(("sotay/analytics/reform.py", "sotay/pages/reform.py")), work)
    return count, len(model.teams) + sum(len(t.attendance) for t in model.trainings)


@pytest.mark.slow
def test_reform_work_grows_linearly(tmp_path):
    result = run_script("make_demo_data.py", "--out", str(tmp_path / "x2"), "--scale", "2")
    assert result.returncode == 0, result.stderr
    one, size_one = _steps(DATA)
    two, size_two = _steps(tmp_path / "x2")
    assert size_two / size_one > 1.5
    assert two / one <= size_two / size_one * 1.1, (one, two)


def test_team_pages_say_where_their_commune_is_today(after):
    from sotay.pages import teams
    def page(model, path):
        return text_of(next(p for p in teams.build(model, settings_on(model.today))[0] if p.path == path).render())
    assert "Từ 01/07/2025, Phường Cẩm Thượng thuộc Phường Thành Đông, Thành phố Hải Phòng." in page(after, "to/tcn-10507-01/index.md")
    assert "Từ 01/07/2025, Thành phố Hải Dương không còn là đơn vị hành chính." in page(after, "to/bcd-288/index.md")
    assert "2025" not in page(model_on(BEFORE), "to/tcn-10507-01/index.md")


def test_progress_and_training_pages_say_their_figures_follow_the_2022_units():
    from sotay.pages import progress
    for day, expected in ((BEFORE, False), (AFTER, True)):
        model, settings = model_on(day), settings_on(day)
        pages = [p for builder in (progress.build, trainings.build) for p in builder(model, settings)[0]]
        assert len(pages) == 14  # /tien-do/, its 12 districts, /tap-huan/
        for page in pages:
            html = page.render()
            assert ('id="dia-gioi-2022"' in html) is expected, (day, page.path)
            if expected:
                depth = page.path.count("/")
                assert f'href="{"../" * depth}don-vi/2025/"' in html, page.path
                assert "Từ 01/07/2025, tỉnh Hải Dương thuộc Thành phố Hải Phòng và cấp huyện không còn" in text_of(html)


def test_new_unit_page_lists_teams_set_up_in_it_apart_from_the_2022_figures(mini):
    def totals():
        model = load_model(mini, AFTER)
        found = reform_analytics.get(model, model.units["31-2025"]).unit("10507-2025").totals
        return model, (found.village_teams, found.village_members, [(f.indicator.id, f.target, f.achieved) for f in found.figures])

    _, before = totals()
    append_row(mini / "teams/30.csv", ["TCN-10507-2025-01", "village_team", "10507-2025", "Tổ công nghệ số cộng đồng khu phố Thành Đông 1",
                                       "Khu phố Thành Đông 1", "2025-09-01", "12/QĐ-UBND ngày 1/9/2025", "", ""])
    append_row(mini / "members/30.csv", ["TV-000090", "TCN-10507-2025-01", "Đỗ Thị Hà", "Tổ trưởng", "Khu phố Thành Đông 1",
                                         "0900000090", "", "", "có", "2025-09-01", ""])
    model, after = totals()
    page = next(p for p in reform.build(model, Settings(mini, ROOT / "docs", AFTER))[0] if p.path.endswith("phuong-thanh-dong/index.md"))
    html = page.render()
    assert "Tổ thành lập tại Phường Thành Đông 1 tổ thành lập từ 01/07/2025 trở đi, không tính trong số liệu năm 2022 ở trên: " \
           "Tổ công nghệ số cộng đồng khu phố Thành Đông 1 (Khu phố Thành Đông 1), thành lập 01/09/2025: 1 thành viên" in text_of(html)
    assert f'href="{reform._root(model.units["10507-2025"])}{model.teams["TCN-10507-2025-01"].url}"' in html
    assert after == before  # the 2022 figures stay the 2022 figures


def test_the_province_progress_page_lists_teams_and_notes_of_communes_without_a_district(mini):
    """After the reform a commune has no district, so no district page lists its late teams or notes: the
    province page does, and its counts by district leave them out."""
    from sotay.pages import progress
    append_row(mini / "teams/30.csv", ["TCN-10507-2025-01", "village_team", "10507-2025", "Tổ công nghệ số cộng đồng khu phố Thành Đông 1",
                                       "Khu phố Thành Đông 1", "2025-09-01", "12/QĐ-UBND ngày 1/9/2025", "", ""])
    append_row(mini / "members/30.csv", ["TV-000090", "TCN-10507-2025-01", "Đỗ Thị Hà", "Tổ trưởng", "Khu phố Thành Đông 1",
                                         "0900000090", "", "", "có", "2025-09-01", ""])
    append_row(mini / "periods.csv", ["2025-09", "2025-09-01", "2025-09-30", "2025-10-05"])
    append_row(mini / "periods.csv", ["2025-10", "2025-10-01", "2025-10-31", "2025-11-05"])
    (mini / "reports/2025-09.csv").write_text("team_id,indicator_id,period_id,value,submitted_on\n"
                                              "TCN-10507-2025-01,tk-dvc,2025-09,12,2025-10-10\n", encoding="utf-8")
    descriptor = mini / "datapackage.yaml"
    descriptor.write_text(descriptor.read_text(encoding="utf-8").replace(
        "      - reports/2022-08.csv\n", "      - reports/2022-08.csv\n      - reports/2025-09.csv\n"), encoding="utf-8")
    append_row(mini / "report_notes.csv", ["TCN-10507-2025-01", "2025-09", "Khu phố mới chưa có danh sách hộ.", ""])
    model = load_model(mini, AFTER)
    page = progress.build(model, Settings(mini, ROOT / "docs", AFTER))[0][0]
    assert page.path == "tien-do/index.md"
    html = page.render()
    team = model.teams["TCN-10507-2025-01"]
    september = html.split("<summary>Kỳ 09/2025", 1)[1].split("</details>", 1)[0]
    assert "<h3>Xã, phường không thuộc huyện nào</h3>" in september
    assert (f'<a href="../{team.url}">Khu phố Thành Đông 1</a>, Phường Thành Đông — nộp ngày 10/10/2025, muộn 5 ngày'
            in september)
    october = html.split("<summary>Kỳ 10/2025", 1)[1].split("</details>", 1)[0]
    assert (f'<a href="../{team.url}">Khu phố Thành Đông 1</a>, Phường Thành Đông — tổ trưởng Đỗ Thị Hà '
            f'<a class="sotay-tel" href="tel:+84900000090">' in october)
    text = text_of(html)
    assert "Xã, phường không thuộc huyện nào: 1 ý kiến" in text and "Khu phố mới chưa có danh sách hộ." in text
    by_district = re.findall(r"(\d+) ý kiến</li>", html.split('class="sotay-note-districts"', 1)[1].split("</ul>", 1)[0])
    assert len(by_district) == len(model.districts) and sum(map(int, by_district)) + 1 == len(progress_analytics.get(model).notes) > 1
