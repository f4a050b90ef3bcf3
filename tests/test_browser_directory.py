"""Directory search and unit pages in Debian's Chromium at a phone's viewport (360×800): search with and
without tone marks, đ/d/dd, NFD input and phone numbers; tel: links; axe-core; offline from file://."""
from __future__ import annotations

import csv
import re
import unicodedata
from collections import Counter

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from browsing import directory_search as search
from conftest import DATA
from sotay import phones
from sotay.bench.browser import MEMBERS_IN
from sotay.pages import directory
from sotay.text import fold

pytestmark = pytest.mark.browser


def consented_members() -> list[dict]:
    rows = []
    for path in sorted((DATA / "members").glob("*.csv")):
        with path.open(encoding="utf-8-sig") as handle:
            rows += list(csv.DictReader(handle))
    names = Counter(r["full_name"] for r in rows)
    # Unique names, so the person is the first result whatever the ranking of namesakes.
    return [r for r in rows if r["consent"] == "có" and r["phone"] and names[r["full_name"]] == 1 and not r["until"]]


def hit_for(page, name: str):
    return page.locator("#sotay-dir-results > li").filter(has=page.locator(".sotay-hit__name", has_text=re.compile(f"^{re.escape(name)}$")))


def test_directory_finds_a_member_with_and_without_tone_marks(phone_page, site_url, request_log):
    errors: list[str] = []
    phone_page.on("pageerror", lambda exc: errors.append(str(exc)))
    # One whose Zalo number is not the phone number: the Zalo link must say which number it opens.
    member = next(r for r in consented_members() if fold(r["full_name"]) != r["full_name"].lower()
                  and r["zalo"] and phones.digits_national(r["zalo"]) != phones.digits_national(r["phone"]))
    phone_page.goto(site_url + "danh-ba/")
    for query in (member["full_name"], fold(member["full_name"]), fold(member["full_name"]).upper()):
        search(phone_page, query)
        hit = hit_for(phone_page, member["full_name"])
        assert hit.count() == 1, query
        assert phone_page.locator("#sotay-dir-results > li").first.inner_text().startswith(member["full_name"])
        tel = hit.locator(f'a[href="tel:{phones.e164(member["phone"])}"]')
        assert tel.inner_text() == phones.national(member["phone"])
        zalo = hit.locator(f'a[href="https://zalo.me/{phones.digits_national(member["zalo"])}"]')
        assert zalo.inner_text() == "Zalo " + phones.national(member["zalo"])
    assert "người" in phone_page.locator("#sotay-dir-count").inner_text()
    assert [u for u in request_log if not u.startswith(site_url)] == []
    assert errors == []


def test_the_browser_folds_every_member_name_as_the_build_folds_units_and_teams(phone_page, site_url):
    phone_page.goto(site_url + "danh-ba/")
    phone_page.wait_for_function(MEMBERS_IN)
    names = phone_page.evaluate("window.SOTAY_DANH_BA.m.map(function (m) { return m[0]; })")
    folded = phone_page.evaluate("window.SOTAY_DANH_BA.m.map(function (m) { return window.sotayDirFold(m[0]); })")
    assert len(names) == 6891 + 113 + 357 + 1499
    # The script also reads Telex "dd" as đ in what people type; no folded name has "dd" to lose.
    expected = [f" {directory.search_text(n)} " for n in names]
    assert not any("dd" in e for e in expected)
    assert folded == expected
    assert phone_page.evaluate("window.sotayDirFold('Đỗ Thị Ánh, Khu dân cư số 1')") == " do thi anh khu dan cu so 1 "


def test_the_box_and_two_results_with_a_number_are_on_the_first_screen(phone_page, site_url):
    """Under the sample-data banner and the title, the explanation put the box at 490 of 800 px: one
    result and one number on the first screen."""
    phone_page.goto(site_url + "danh-ba/")
    box = phone_page.get_by_label("Tìm trong danh bạ").bounding_box()
    assert box and box["y"] + box["height"] < 420, box
    search(phone_page, "ngoc lac doan thuong")
    phone_page.evaluate("window.scrollTo(0, 0)")
    tel = phone_page.locator('#sotay-dir-results a[href^="tel:"]').first  # whom to call about the team
    assert tel.bounding_box()["y"] + tel.bounding_box()["height"] <= 640  # and room for the next result
    assert phone_page.locator("#sotay-dir-results > li").nth(1).bounding_box()["y"] < 700


def test_what_is_typed_while_the_data_is_still_loading_is_searched_when_it_arrives(phone_page, site_url):
    """On a slow line the box shows seconds before the ~120 KB data file: typing then did nothing."""
    held = []
    phone_page.route("**/assets/danh-ba-data.js", lambda route: held.append(route))
    phone_page.goto(site_url + "danh-ba/", wait_until="commit")
    box = phone_page.get_by_label("Tìm trong danh bạ")
    box.press_sequentially("cam thuong")
    status = phone_page.locator("#sotay-dir-count")
    assert status.inner_text() == "Đang tải danh bạ…"
    phone_page.wait_for_timeout(200)
    assert held, "the data was not requested"
    held[0].continue_()
    phone_page.wait_for_function("document.querySelectorAll('#sotay-dir-results > li').length > 0")
    assert "Tìm thấy" in status.inner_text()
    assert "Cẩm Thượng" in phone_page.locator("#sotay-dir-results").inner_text()


def test_teams_are_found_before_the_members_file_is_in(phone_page, site_url):
    """A review on a slow line (50 KB/s): 5.7 s before the first result, for the whole data. The teams,
    villages and communes come first (~25 KB); the members (~100 KB) after, and what was typed is searched again."""
    held = []
    phone_page.route("**/assets/danh-ba-thanh-vien.js", lambda route: held.append(route))
    phone_page.goto(site_url + "danh-ba/", wait_until="domcontentloaded")  # "load" waits for the members too
    box = phone_page.get_by_label("Tìm trong danh bạ")
    box.press_sequentially("ngoc lien")
    results = phone_page.locator("#sotay-dir-results > li")
    expect(results.first).to_contain_text("Ngọc Liên")
    assert phone_page.locator("#sotay-dir-results > li.sotay-hit--team").count() == results.count()  # teams only
    status = phone_page.locator("#sotay-dir-count")
    assert status.inner_text().endswith("Đang tải tên và số của thành viên…")
    # a whole team card with whom to call needs no member: the leader's name and number are in the teams' file
    assert phone_page.locator("#sotay-dir-results a[href^='tel:']").count() > 0
    assert held, "the members' file was not asked for"
    held[0].continue_()
    expect(status).not_to_contain_text("Đang tải")
    assert phone_page.locator("#sotay-dir-results > li:not(.sotay-hit--team)").count() > 0  # people now too


def test_the_directory_says_when_its_members_could_not_be_loaded(phone_page, site_url):
    phone_page.route("**/assets/danh-ba-thanh-vien.js", lambda route: route.abort())
    phone_page.goto(site_url + "danh-ba/?tim=ngoc%20lien")
    status = phone_page.locator("#sotay-dir-count")
    expect(status).to_contain_text("Chưa tải được danh sách thành viên: kiểm tra mạng rồi tải lại trang.")
    assert phone_page.locator("#sotay-dir-results > li.sotay-hit--team").count() > 0  # the teams still


def test_the_directory_says_when_its_data_could_not_be_loaded(phone_page, site_url):
    phone_page.route("**/assets/danh-ba-data.js", lambda route: route.abort())
    phone_page.goto(site_url + "danh-ba/")
    assert phone_page.locator("#sotay-dir-count").inner_text() == "Chưa tải được danh bạ. Kiểm tra mạng rồi tải lại trang."


def test_directory_d_dd_and_đ_all_find_a_name_with_đ(phone_page, site_url):
    member = next(r for r in consented_members() if "Đ" in r["full_name"] or "đ" in r["full_name"])
    folded = fold(member["full_name"])
    telex = unicodedata.normalize("NFC", member["full_name"]).replace("Đ", "Dd").replace("đ", "dd")
    telex = fold(telex)  # "Đỗ Thị Hà" -> "ddo thi ha"
    phone_page.goto(site_url + "danh-ba/")
    for query in (member["full_name"], folded, telex, unicodedata.normalize("NFD", member["full_name"])):
        search(phone_page, query)
        assert hit_for(phone_page, member["full_name"]).count() == 1, query


def test_directory_finds_by_phone_village_and_commune(phone_page, site_url):
    member = consented_members()[10]
    phone_page.goto(site_url + "danh-ba/")
    number = phones.national(member["phone"])  # "0900 000 114"
    search(phone_page, number[-7:])
    assert hit_for(phone_page, member["full_name"]).count() == 1
    search(phone_page, "+84" + phones.digits_national(member["phone"])[1:])
    assert hit_for(phone_page, member["full_name"]).count() == 1
    # The country code with the first digits only ("+84 900 00"): it found nothing under ten digits.
    start = phones.digits_national(member["phone"])[1:7]
    for typed in ("+84 " + start, "+84 (0) " + start, "(+84) " + start, "0084 " + start):
        search(phone_page, typed)
        first = phone_page.locator("#sotay-dir-results > li").first
        assert first.locator('a[href^="tel:"]').first.get_attribute("href").startswith("tel:+84" + start), typed
    # A commune typed without marks lists its teams first, each linking to its team page.
    search(phone_page, "cam thuong")
    first = phone_page.locator("#sotay-dir-results > li").first
    assert "Phường Cẩm Thượng" in first.inner_text()
    first.locator("a.sotay-hit__name").click()
    assert re.search(r"/to/[a-z0-9-]+/$", phone_page.url)
    assert "Cẩm Thượng" in phone_page.locator("h1").inner_text()


def test_directory_shows_20_results_then_30_more_on_request_and_says_how_many(phone_page, site_url):
    phone_page.goto(site_url + "danh-ba/?tim=nguyen")
    results, more = phone_page.locator("#sotay-dir-results > li"), phone_page.locator("#sotay-dir-more")
    assert results.count() == 20
    count = phone_page.locator("#sotay-dir-count").inner_text()
    assert "hiện 20 kết quả đầu" in count and re.search(r"\d\.\d{3} người", count)
    first_twenty = results.all_inner_texts()
    assert more.inner_text() == "Hiện thêm 30 kết quả"
    more.click()
    assert results.count() == 50 and results.all_inner_texts()[:20] == first_twenty
    assert "hiện 50 kết quả đầu" in phone_page.locator("#sotay-dir-count").inner_text()
    assert more.is_hidden()
    # focus moves on to the first new result, where reading goes on
    assert phone_page.evaluate("document.activeElement === document.querySelectorAll('#sotay-dir-results > li')[20]")
    search(phone_page, "zzqx")
    assert results.count() == 0 and more.is_hidden()
    assert "Không tìm thấy" in phone_page.locator("#sotay-dir-count").inner_text()
    search(phone_page, "nguyen")  # a new query starts again from 20
    assert results.count() == 20 and more.is_visible()
    search(phone_page, "nguyen van an")  # people only: no "0 tổ và"; namesakes told from near matches
    count = phone_page.locator("#sotay-dir-count").inner_text()
    found = re.match(r"Tìm thấy (\d+) người đúng như đã gõ, [\d.]+ người gần giống;", count)
    assert found, count
    exact = int(found.group(1))
    names = [fold(n) for n in phone_page.locator("#sotay-dir-results > li .sotay-hit__name").all_inner_texts()]
    assert 0 < exact < 20 and all(" nguyen van an " in f" {n} " for n in names[:exact])
    assert " nguyen van an " not in f" {names[exact]} "
    # a number typed: the numbers that start so, in order
    search(phone_page, "0900 006")
    numbers = [re.sub(r"\D", "", t) for t in phone_page.locator("#sotay-dir-results > li a.sotay-tel").all_inner_texts()]
    assert numbers and numbers == sorted(numbers) and all(n.startswith("0900006") for n in numbers), numbers


def test_teams_counted_are_shown_even_when_people_fill_the_list(phone_page, site_url_2026):
    # In 2026 teams are found by their unit's new name too: a few then match "nguyen van" loosely.
    phone_page.goto(site_url_2026 + "danh-ba/?tim=nguyen van")
    count = phone_page.locator("#sotay-dir-count").inner_text()
    teams = int(re.search(r"Tìm thấy (\d+) tổ", count).group(1))
    assert teams > 0 and "hiện 20 kết quả đầu" in count, count
    assert phone_page.locator("#sotay-dir-results > li").count() == 20
    # among the results shown first, and no more of them once the rest are shown
    assert phone_page.locator("#sotay-dir-results > li.sotay-hit--team").count() == min(teams, 5)
    phone_page.locator("#sotay-dir-more").click()
    assert phone_page.locator("#sotay-dir-results > li").count() == 50
    assert phone_page.locator("#sotay-dir-results > li.sotay-hit--team").count() == min(teams, 5)


def test_directory_works_offline_from_file(phone_page, built_site):
    member = consented_members()[0]
    phone_page.goto((built_site / "danh-ba" / "index.html").as_uri())
    search(phone_page, fold(member["full_name"]))
    assert hit_for(phone_page, member["full_name"]).count() >= 1


def test_commune_page_tel_links(phone_page, site_url):
    phone_page.goto(site_url + "don-vi/thanh-pho-hai-duong/phuong-cam-thuong/")
    links = phone_page.locator('article a[href^="tel:"]')
    assert links.count() > 10
    for i in range(links.count()):
        link = links.nth(i)
        href = link.get_attribute("href")
        assert re.fullmatch(r"tel:\+84\d{9,10}", href), href
        assert re.fullmatch(r"0\d{3} \d{3,4} \d{3}", link.inner_text()), link.inner_text()
        assert phones.e164(link.inner_text()) == href[4:]
    first = links.first
    first.scroll_into_view_if_needed()
    box = first.bounding_box()
    assert box and box["height"] >= 24 and box["x"] + box["width"] <= 360  # tappable, inside the screen



def test_a_printed_commune_page_keeps_each_team_with_its_members_and_is_dated(page, site_url):
    """Xã Long Xuyên printed on 4 A4 pages, two team names alone at the foot of a page, their members
    on the next, under a line of links nobody can tap on paper."""
    page.goto(site_url + "don-vi/huyen-binh-giang/xa-long-xuyen/", wait_until="networkidle")
    assert page.locator(".sotay-print-only").is_hidden()  # screen: not there
    page.emulate_media(media="print")
    assert page.locator(".sotay-team-links").first.is_hidden()
    assert page.locator('.sotay-people a[href^="sms:"]').first.is_hidden()
    meta = page.locator(".sotay-team-meta").first
    assert meta.evaluate("e => getComputedStyle(e).breakAfter") == "avoid"
    assert page.locator("h2").first.evaluate("e => getComputedStyle(e).breakAfter") == "avoid"
    # where the newest list is, as an address to type (a review: the paper named only the site)
    assert page.locator(".sotay-print-only").first.inner_text() == (
        "Danh sách theo dữ liệu ngày 20/01/2023. Bản mới nhất: https://haiduong-cds.github.io/so-tay/don-vi/huyen-binh-giang/xa-long-xuyen/")
    people = page.locator(".sotay-people").first
    assert people.evaluate("e => getComputedStyle(e).breakInside") == "avoid"
    assert abs(people.evaluate("e => parseFloat(getComputedStyle(e).fontSize)") - 10 * 96 / 72) < 0.01  # 10 pt
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    # 3 sheets at 8 pt with teams split over two; whole teams at 10 pt take one more
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) <= 4


# Every character of a word on one line: the province table gave names 66 px, "Huyệ / n Kim / Thàn / h".
_BROKEN_WORDS = """els => els.flatMap(a => {
  const text = a.firstChild, range = document.createRange(), tops = [];
  for (let i = 0; i < text.length; i++) { range.setStart(text, i); range.setEnd(text, i + 1); tops.push(Math.round(range.getBoundingClientRect().top)); }
  const broken = []; let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text.data[i] === " ") { if (new Set(tops.slice(start, i)).size > 1) broken.push(text.data.slice(start, i)); start = i + 1; }
  }
  return broken;
})"""


@pytest.mark.parametrize("path", ["don-vi/", "don-vi/huyen-cam-giang/"])
def test_unit_names_in_the_units_table_break_between_words_only(phone_page, site_url, path):
    phone_page.goto(site_url + path)
    names = phone_page.locator(".sotay-units tbody th[scope=row] a")
    assert names.count() >= 12
    assert names.evaluate_all(_BROKEN_WORDS) == []
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 360  # the table scrolls in its box

def axe_problems(page) -> list[str]:
    results = Axe().run(page)
    return [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
            for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("path", ["don-vi/thanh-pho-hai-duong/phuong-cam-thuong/", "to/tcn-10507-01/", "danh-ba/?tim=nguyen"])
def test_no_serious_accessibility_violation(phone_page, site_url, path):
    phone_page.goto(site_url + path)
    assert axe_problems(phone_page) == []


def test_hostile_names_stay_text_in_the_directory(phone_page, built_site, mini, tmp_path):
    """Directory data made from a model whose names are HTML: shown as text, nothing runs."""
    import datetime as dt
    import shutil

    from sotay.load import load_model
    from sotay.pages import directory
    model = load_model(mini, dt.date(2023, 1, 20))
    dung, duc = model.teams["TCN-10507-01"].current_members
    dung.full_name = "Phạm <script>alert(1)</script> Dung"
    duc.full_name = 'Đỗ "><img src=x onerror=alert(1)> Đức'
    site = tmp_path / "site"
    shutil.copytree(built_site / "assets", site / "assets")
    shutil.copytree(built_site / "danh-ba", site / "danh-ba")
    teams, members = directory.data_scripts(model)
    (site / "assets" / "danh-ba-data.js").write_bytes(teams)
    (site / "assets" / "danh-ba-thanh-vien.js").write_bytes(members)
    dialogs: list[str] = []
    phone_page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    phone_page.goto((site / "danh-ba" / "index.html").as_uri())
    for query, name in (("dung", dung.full_name), ("duc", duc.full_name)):
        search(phone_page, query)
        assert hit_for(phone_page, name).count() == 1, query
    search(phone_page, "alert")
    assert phone_page.locator("#sotay-dir-results > li").count() == 2
    assert phone_page.locator("#sotay-dir-results img, #sotay-dir-results script").count() == 0
    assert dialogs == []


def test_a_landline_is_offered_for_calling_only(phone_page, site_url):
    # Teams' shared numbers are office landlines (0220 …): no text message, no Zalo for them.
    phone_page.goto(site_url + "danh-ba/")
    search(phone_page, "cam thuong")
    team = phone_page.locator("#sotay-dir-results > li.sotay-hit--team .sotay-hit__contact").filter(has_text="Số chung").first
    number = team.locator("a.sotay-tel").inner_text()
    assert not phones.is_mobile(number) and team.locator('a[href^="tel:+84220"]').count() == 1
    assert team.locator('a[href^="sms:"], a[href*="zalo.me"]').count() == 0
    # a member's mobile keeps all three; Zalo on the number shown needs no number of its own
    member = next(r for r in consented_members()[10:] if not r["zalo"])
    search(phone_page, phones.national(member["phone"]))
    hit = hit_for(phone_page, member["full_name"])
    assert hit.locator('a[href^="tel:"]').count() == 1 and hit.locator('a[href^="sms:"]').count() == 1
    assert hit.locator('a[href*="zalo.me"]').inner_text() == "Zalo"


def test_never_more_than_50_results_even_when_teams_fill_the_list(phone_page, site_url):
    # "an" is in more than 45 team names, and also loosely in other teams and in people's names
    phone_page.goto(site_url + "danh-ba/?tim=an")
    more = phone_page.locator("#sotay-dir-more")
    assert more.inner_text() == "Hiện thêm 30 kết quả"
    more.click()
    assert phone_page.locator("#sotay-dir-results > li").count() == 50 and more.is_hidden()
    assert "hiện 50 kết quả đầu" in phone_page.locator("#sotay-dir-count").inner_text()


@pytest.fixture(scope="module")
def model():
    import datetime as dt
    from conftest import SITE_TODAY
    from sotay.load import load_model
    return load_model(DATA, dt.date.fromisoformat(SITE_TODAY))


def test_a_number_lists_those_that_start_with_it_before_those_that_only_contain_it(phone_page, site_url):
    """"0900" listed a commune office first because its 0220 4010 900 has 0900 inside."""
    phone_page.goto(site_url + "danh-ba/")
    results = search(phone_page, "0900")
    phone_page.wait_for_function("document.querySelectorAll('#sotay-dir-results > li').length > 0")
    first = results.first.locator("a.sotay-tel").first.inner_text()
    assert first.startswith("0900"), first


def test_a_village_lists_its_leader_first_and_role_words_and_ban_chi_dao_are_understood(phone_page, site_url, model):
    from sotay.pages.contacts import steering_group
    commune = next(u for u in model.communes if steering_group(model, u) is not None and len(u.teams) >= 3)
    team = next(t for t in commune.teams if t.kind == "village_team" and t.leader is not None
                and sum(1 for m in t.current_members if m.role == "Tổ phó") and t.village)
    place = f"{directory.search_text(team.village)} {directory.search_text(commune.name.split(' ', 1)[1])}"
    phone_page.goto(site_url + "danh-ba/")
    search(phone_page, place)
    people = phone_page.locator("#sotay-dir-results > li:not(.sotay-hit--team)")
    people.first.wait_for()
    assert people.first.inner_text().split(" — ", 1)[1].startswith("Tổ trưởng"), people.first.inner_text()
    # the team's own result says whom to call
    team_hit = phone_page.locator("#sotay-dir-results > li.sotay-hit--team", has_text=team.name).first
    assert "Liên hệ tổ trưởng" in team_hit.inner_text() or team.leader.phone is None
    # "tổ trưởng <commune>": the leaders of that commune's teams
    search(phone_page, "to truong " + directory.search_text(commune.name.split(" ", 1)[1]))
    people.first.wait_for()
    roles = [t.split(" — ", 1)[1].split(",", 1)[0] for t in people.all_inner_texts()]
    assert roles and set(roles[:len(commune.teams) - 1]) == {"Tổ trưởng"}, roles
    # the commune's name side by side comes before its words found apart: "to truong doan thuong" listed
    # leaders of thôn Đoàn Kết, Xã Thượng Quận among those of Xã Đoàn Thượng
    search(phone_page, "to truong doan thuong")
    people.first.wait_for()
    where = ["Xã Đoàn Thượng" in text for text in people.all_inner_texts()]
    assert where[0] and False in where and True not in where[where.index(False):], where
    # "ban chỉ đạo xã <commune>" is how people name the steering group
    search(phone_page, "ban chi dao " + directory.search_text(commune.name))
    expect_first = phone_page.locator("#sotay-dir-results > li").first
    expect_first.wait_for()
    assert expect_first.inner_text().startswith("Tổ chỉ đạo") and commune.name in expect_first.inner_text()


def test_a_team_giving_its_communes_office_line_says_whose_it_is(phone_page, site_url):
    """Thôn La Xá of Xã Ngọc Liên gives the commune steering group's number: "Số chung: …" read as the village's."""
    phone_page.goto(site_url + "danh-ba/")
    search(phone_page, "la xa ngoc lien")
    hit = phone_page.locator("#sotay-dir-results > li.sotay-hit--team").filter(has_text="Thôn La Xá").first
    assert hit.locator(".sotay-hit__contact").first.inner_text().startswith("Số chung (của tổ chỉ đạo xã Ngọc Liên): 0220 7010 903")
    search(phone_page, "nam ngoc lien")  # Thôn Nam gives the same line
    hit = phone_page.locator("#sotay-dir-results > li.sotay-hit--team").filter(has_text="Thôn Nam").first
    assert "Số chung (của tổ chỉ đạo xã Ngọc Liên)" in hit.inner_text()


def test_a_team_whose_words_are_whole_comes_before_one_that_has_them_inside(phone_page, site_url):
    """ "la xa ngoc lien" listed Thôn An Lạc ("la" inside "lạc") before Thôn La Xá, both of Xã Ngọc Liên."""
    phone_page.goto(site_url + "danh-ba/")
    search(phone_page, "la xa ngoc lien")
    first = phone_page.locator("#sotay-dir-results > li.sotay-hit--team").first
    assert first.locator(".sotay-hit__name").inner_text().endswith("thôn La Xá")
    assert "Xã Ngọc Liên" in first.locator(".sotay-hit__where").inner_text()


def test_the_directorys_districts_are_tapped_with_a_thumb(phone_page, site_url):
    """A review measured them 19 px tall: a list of plain links under "Xem theo đơn vị"."""
    phone_page.goto(site_url + "danh-ba/")
    links = phone_page.locator(".sotay-dir-units a")
    assert links.count() == 12
    boxes = [links.nth(i).bounding_box() for i in range(links.count())]
    assert all(b["height"] >= 44 and b["x"] + b["width"] <= 360 for b in boxes), boxes


def test_results_with_long_addresses_stay_within_a_phones_width(phone_page, site_url):
    """Numbers do not wrap ("Zalo 0901 004 / 874" in a review), but a long e-mail address must: kept on one
    line it pushed the page 28 px wider than the phone."""
    phone_page.goto(site_url + "danh-ba/")
    results = search(phone_page, "van xa ngoc lien")
    expect(results.first).to_be_visible()
    assert phone_page.locator('#sotay-dir-results a[href^="mailto:"]').count() > 0
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 360
    zalo = phone_page.locator('#sotay-dir-results a[href^="https://zalo.me/"]').first
    assert zalo.evaluate("e => getComputedStyle(e).whiteSpace") == "nowrap"
