"""Unit pages, team pages, vCards and the directory data: rendered from the model, checked as a reader
and an attacker would see them (sorting, counts, escaping, whom to call, what a vCard holds)."""
from __future__ import annotations

import csv
import datetime as dt
import html as htmllib
import json
import re

import pytest
import vobject

from conftest import DATA, SITE_TODAY, append_row, edit_cell
from sotay.analytics.units import unit_counts
from sotay.load import forget, load_model
from sotay.pages import contacts, directory, teams, units
from sotay import phones
from sotay.pages.contacts import Fallback, fallback, vcard_path
from sotay.pages.vcard import card_count, stand_in_label, team_vcard
from sotay.pages.vcard import download_name as vcard_download_name
from sotay.settings import Settings
from sotay.text import in_sentence, person_sort_key

TODAY = dt.date.fromisoformat(SITE_TODAY)
EVIL_SCRIPT = "<script>alert(1)</script>"
EVIL_ATTR = '"><img src=x onerror=alert(1)>'

SETTINGS = Settings(DATA, DATA.parent / "docs", TODAY, "https://example.org/so-tay/")


@pytest.fixture(scope="module")
def demo():
    return load_model(DATA, TODAY)


@pytest.fixture
def mini_model(mini):
    return load_model(mini, TODAY)


def text_of(html: str) -> str:
    return htmllib.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


def directory_json(model) -> dict:
    """Both files of the directory data, as one object (m: the members, from the second)."""
    teams, members = (s.decode("utf-8") for s in directory.data_scripts(model))
    assert teams.startswith(f"window.{directory.GLOBAL}=") and teams.endswith(";\n")
    assert members.startswith(f"window.{directory.GLOBAL}_M=") and members.endswith(";\n")
    return {**json.loads(teams[len(f"window.{directory.GLOBAL}="):-2]), "m": json.loads(members[len(f"window.{directory.GLOBAL}_M="):-2])}


# Pages exist for every unit and team ---------------------------------------------------------------

def test_every_commune_of_the_units_table_has_a_page(built_site):
    with (DATA / "units.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    by_id = {r["id"]: r for r in rows}
    communes = [r for r in rows if r["level"] == "commune" and not r["valid_from"]]  # the 2022 communes
    assert len(communes) == 235
    for row in communes:
        district = by_id[row["parent_id"]]
        page = built_site / "don-vi" / district["slug"] / row["slug"] / "index.html"
        assert page.exists(), page
        assert f"<h1>{row['name']}</h1>" in page.read_text(encoding="utf-8")


def test_every_team_has_a_page_and_a_vcard(built_site, demo):
    for team in demo.teams.values():
        page = built_site / team.url / "index.html"
        assert page.exists(), team.id
        assert (built_site / team.url / f"{team.id.lower()}.vcf").exists(), team.id
    assert len(list((built_site / "to").glob("*/index.html"))) == len(demo.teams) == 1460


def test_unit_and_team_pages_are_not_in_the_navigation(built_site):
    html = (built_site / "to" / "tcn-10507-01" / "index.html").read_text(encoding="utf-8")
    start = html.index('<nav class="md-nav md-nav--primary')
    nav = html[start:html.index('<nav class="md-nav md-nav--secondary"', start)]
    assert "thanh-pho-hai-duong" not in nav and "tcn-" not in nav
    assert 'href="../../danh-ba/"' in nav and 'href="../../don-vi/"' in nav  # sections only


# Counts and sorting --------------------------------------------------------------------------------

def test_district_page_counts_match_the_model(built_site, demo):
    for district in demo.districts:
        html = (built_site / district.url / "index.html").read_text(encoding="utf-8")
        body = html[re.search(r'<table class="sotay-table sotay-units"[^>]*>', html).start():]
        rows = re.findall(r'<tr><th scope="row"><a href="([^"]+)/">([^<]+)</a></th><td class="num">([^<]+)</td>'
                          r'<td class="num">([^<]+)</td><td class="num">([^<]+)</td></tr>', body)
        assert [name for _, name, *_ in rows] == [c.name for c in district.children]
        for (slug, _, steering, teams_count, members), commune in zip(rows, district.children):
            village = [t for t in commune.teams if t.kind == "village_team"]
            assert slug == commune.slug
            assert int(teams_count.replace(".", "")) == len(village)
            assert int(members.replace(".", "")) == sum(len(t.current_members) for t in village)
            own = sum(len(t.current_members) for t in commune.teams if t.kind == "commune_steering")
            assert steering == (f"{own}" if own else "—")


def test_province_counts_add_up_to_the_headline(demo):
    counts = unit_counts(demo, demo.province)
    assert (counts.village_teams, counts.village_members, counts.communes, counts.steering_members) == (1340, 6891, 235, 113)
    assert sum(unit_counts(demo, d).village_members for d in demo.districts) == 6891


def test_people_are_sorted_by_role_then_given_name_in_the_vietnamese_alphabet(demo, built_site):
    team = demo.province.teams[0]
    members = [m for m in team.current_members if m.role == "Tổ viên"]
    assert [person_sort_key(m.full_name) for m in members] == sorted(person_sort_key(m.full_name) for m in members)
    html = (built_site / team.url / "index.html").read_text(encoding="utf-8")
    shown = re.findall(r"<strong>([^<]+)</strong><br><span class=\"sotay-role\">([^<·]+)", html)
    roles = [role.strip() for _, role in shown]
    assert roles == sorted(roles, key=["Tổ trưởng", "Tổ phó", "Tổ viên"].index)
    assert [name for name, role in shown if role.strip() == "Tổ viên"] == [m.full_name for m in members]
    assert len(members) > 50


def test_names_of_several_words_sort_word_by_word():
    from sotay.text import sort_key
    names = ["Xã Cộng Hòa", "Xã Cổ Dũng", "Thôn Lạc Dục", "Thôn La Xá", "Xã Đức Chính", "Xã Định Sơn", "Xã Dân Chủ"]
    assert sorted(names, key=sort_key) == ["Thôn La Xá", "Thôn Lạc Dục", "Xã Cổ Dũng", "Xã Cộng Hòa", "Xã Dân Chủ",
                                           "Xã Định Sơn", "Xã Đức Chính"]


def test_person_sort_key_follows_the_vietnamese_alphabet():
    names = ["Lê Văn Đức", "Trần Thị Dung", "Phạm Thị Ánh", "Vũ Văn Bình", "Nguyễn Thị Ân", "Đỗ Văn An", "Hoàng Thị Ăn"]
    assert sorted(names, key=person_sort_key) == [
        "Đỗ Văn An", "Phạm Thị Ánh", "Hoàng Thị Ăn", "Nguyễn Thị Ân", "Vũ Văn Bình", "Trần Thị Dung", "Lê Văn Đức"]
    # Same given name: then by family name, Đ after D.
    assert sorted(["Đỗ Văn An", "Dương Văn An", "Bùi Văn An"], key=person_sort_key) == ["Bùi Văn An", "Dương Văn An", "Đỗ Văn An"]


# Contacts and whom to call -------------------------------------------------------------------------

def test_commune_page_shows_every_village_team_with_contacts_and_fallbacks(mini_model):
    commune = mini_model.units["10507"]
    html = units._unit_page(mini_model, commune)
    for team in commune.teams:
        assert f'<h2 id="{team.id.lower()}">{team.name}</h2>' in html
        assert f'href="../../../{team.url}"' in html and f'href="../../../{team.url}{team.id.lower()}.vcf" download' in html
    # Consented: grouped number with tel:, sms:, Zalo (its own Zalo number) and mailto:.
    assert '<a class="sotay-tel" href="tel:+84900000004">0900 000 004</a>' in html
    assert 'href="sms:+84900000004"' in html
    # A Zalo number other than the phone shown says which number it opens.
    assert '<a href="https://zalo.me/0901000004">Zalo <span class="sotay-nowrap">0901 000 004</span></a>' in html
    assert 'href="mailto:dung.pham@example.com"' in html
    # Not consented: name and role, no number, and the consented leader to call instead.
    assert "Đỗ Văn Đức" in html and "0900000005" not in html and "duc.do@example.com" not in html
    assert "liên hệ qua tổ trưởng Phạm Thị Dung" in text_of(html)
    assert 'data-search-exclude' in html[html.index('<table class="sotay-table sotay-people"') - 1:html.index("<tbody>")]


def test_fallback_goes_up_to_the_nearest_public_number(mini_model):
    lonely = mini_model.teams["TCN-10510-01"]  # leader not consented, no public phone, no commune group
    fb = fallback(mini_model, lonely)
    assert fb.phone == "02203000000" and fb.label == "tổ chỉ đạo tỉnh Hải Dương"  # district group has no number either
    html = teams._team_page(mini_model, lonely)
    assert "0900000007" not in html and "0900 000 007" not in html
    assert '<a class="sotay-tel" href="tel:+842203000000">0220 3000 000</a>' in html


def test_a_consented_member_is_called_before_any_steering_group_a_deputy_first(mini):
    """A leader keeping their number private, no team number: a member of the village who agreed to
    publish theirs, on the same page, comes before a district office (the review found 89 of 92 demo
    teams sent there had one); a deputy before the others."""
    lonely = "TCN-10510-01"
    for row, expected in [(["TV-000091", lonely, "Bùi Văn Yên", "Tổ viên", "", "0900000091"], Fallback("tổ viên Bùi Văn Yên", "0900000091")),
                          (["TV-000090", lonely, "Lê Thị Mai", "Tổ phó", "", "0900000090"], Fallback("tổ phó Lê Thị Mai", "0900000090"))]:
        append_row(mini / "members/288.csv", [*row, "", "", "có", "2022-05-01", ""])
        model = load_model(mini, TODAY)
        assert fallback(model, model.teams[lonely]) == expected
        assert f"liên hệ qua {expected.label}" in text_of(teams._team_page(model, model.teams[lonely]))
        directory_row = next(t for t in directory_json(model)["t"] if t[3] == lonely.lower())
        assert directory_row[6] == [expected.label, phones.national(expected.phone)]


def test_a_team_page_says_whom_to_call_before_its_facts(demo):
    """On a phone the facts filled the first screen and the first number was below it."""
    team = next(t for t in demo.teams.values() if t.kind == "village_team" and t.leader and t.leader.phone)
    html = teams._team_page(demo, team)
    call = html.index(f"Liên hệ tổ trưởng {team.leader.full_name}: ")
    assert html.index("</nav>") < call < html.index('<ul class="sotay-facts">')
    assert f'href="tel:{phones.e164(team.leader.phone)}"' in html[call:call + 300]


def test_a_commune_without_its_own_steering_group_says_so_and_whom_to_call(demo):
    from sotay.pages.contacts import steering_group
    without = [u for u in demo.communes if steering_group(demo, u) is None]
    assert len(without) == 235 - 107
    for commune in without[:5]:
        district_group = steering_group(demo, commune.parent)
        text = text_of(units._unit_page(demo, commune))
        assert (f"{commune.name} chưa có tổ chỉ đạo triển khai công nghệ số cộng đồng riêng. Việc chung của xã, "
                f"liên hệ tổ chỉ đạo {in_sentence(commune.parent.name)}: {phones.national(district_group.public_phone)}") in text
    with_group = next(u for u in demo.communes if steering_group(demo, u) is not None)
    assert "chưa có tổ chỉ đạo" not in text_of(units._unit_page(demo, with_group))


def test_edit_links_point_to_the_members_file(demo):
    pages, _ = units.build(demo, SETTINGS)
    by_path = {p.path: p for p in pages}
    assert by_path["don-vi/thanh-pho-hai-duong/phuong-cam-thuong/index.md"].edit == "data/members/288.csv"
    assert by_path["don-vi/index.md"].edit == "data/members/30.csv"
    team_pages, _ = teams.build(demo, SETTINGS)
    assert {p.path: p for p in team_pages}["to/tcn-10507-01/index.md"].edit == "data/members/288.csv"
    # on paper, where the newest list is: the page's address on the site the settings name
    assert "Bản mới nhất: https://example.org/so-tay/don-vi/thanh-pho-hai-duong/phuong-cam-thuong/</p>" in \
        by_path["don-vi/thanh-pho-hai-duong/phuong-cam-thuong/index.md"].render()
    assert "Bản mới nhất: https://example.org/so-tay/to/tcn-10507-01/</p>" in {p.path: p for p in team_pages}["to/tcn-10507-01/index.md"].render()


def test_built_pages_carry_the_edit_link(built_site):
    html = (built_site / "don-vi" / "thanh-pho-hai-duong" / "phuong-cam-thuong" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://github.com/haiduong-cds/so-tay/edit/main/data/members/288.csv"' in html
    team = (built_site / "to" / "bcd-30" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://github.com/haiduong-cds/so-tay/edit/main/data/members/30.csv"' in team
    assert "edit/main/docs/danh-ba" not in (built_site / "danh-ba" / "index.html").read_text(encoding="utf-8")


# vCards --------------------------------------------------------------------------------------------

def test_vcard_holds_the_consented_members_only(mini_model):
    team = mini_model.teams["TCN-10507-01"]
    cards = list(vobject.readComponents(team_vcard(team)))
    assert [c.fn.value for c in cards] == ["Phạm Thị Dung"]  # Đỗ Văn Đức did not consent
    card = cards[0]
    assert (card.n.value.family, card.n.value.given, card.n.value.additional) == ("Phạm", "Dung", "Thị")
    tels = [(t.value, t.params.get("TYPE")) for t in card.contents["tel"]]
    assert tels == [("+84900000004", ["CELL"]), ("+84901000004", ["CELL"])]
    assert card.email.value == "dung.pham@example.com"
    assert card.org.value[0] == team.name
    assert card.note.value.startswith("Tổ trưởng, Trưởng thôn")
    assert card.note.value.endswith(" — Zalo: 0901 000 004")  # the second mobile number says what it is for
    assert "0900000005" not in team_vcard(team) and "duc.do" not in team_vcard(team)


def test_vcard_of_a_group_with_a_public_number_and_no_consent(mini_model):
    province = mini_model.teams["BCD-30"]
    cards = list(vobject.readComponents(team_vcard(province)))
    assert [c.tel.value for c in cards] == ["+842203000000", "+84900000001"]
    assert "Trần Thị Bình" not in team_vcard(province)
    assert team_vcard(mini_model.teams["TCN-10510-01"]) == ""  # nobody to publish


def test_a_team_with_nobody_to_publish_offers_the_number_its_pages_point_to(mini_model):
    team = mini_model.teams["TCN-10510-01"]
    stand_in = fallback(mini_model, team)
    assert stand_in.phone and stand_in.label.startswith("tổ chỉ đạo")
    cards = list(vobject.readComponents(team_vcard(team, stand_in)))
    assert [(c.fn.value, c.tel.value) for c in cards] == [("T" + stand_in.label[1:], phones.e164(stand_in.phone))]
    assert team.name in cards[0].note.value and cards[0].tel.params["TYPE"] == ["WORK"]
    assert card_count(team, stand_in) == 1
    page = teams._team_page(mini_model, team)
    # the link says whose number the file holds: "1 contact of the team" gave the commune office's card
    assert f"Lưu 1 liên hệ (gồm số của {stand_in.label}) vào danh bạ điện thoại" in page
    assert "liên hệ của tổ vào" not in page
    # and what to do with the file: "vCard" alone told a resident nothing (a review)
    assert "mở tệp vừa tải, chọn ứng dụng Danh bạ rồi bấm Lưu hoặc Nhập để thêm liên hệ này." in page
    assert "Mã tổ: <code>TCN-10510-01</code>" in page  # what an editor searches the data file for
    # a team with its own contacts does not get the stand-in too
    own = mini_model.teams["TCN-10507-01"]
    assert team_vcard(own, fallback(mini_model, own)) == team_vcard(own)


def test_the_vcard_holds_the_number_given_for_members_who_keep_theirs_private(mini):
    edit_cell(mini / "members/288.csv", 3, "consent", "không")  # the leader, Phạm Thị Dung, now private
    edit_cell(mini / "members/288.csv", 4, "consent", "có")  # Đỗ Văn Đức now public
    model = load_model(mini, TODAY)
    team = model.teams["TCN-10507-01"]
    stand_in = fallback(model, team)  # the member who agreed: his card is in the file already, once
    assert stand_in.label == "tổ viên Đỗ Văn Đức"
    assert [c.fn.value for c in vobject.readComponents(team_vcard(team, stand_in))] == ["Đỗ Văn Đức"]
    assert card_count(team, stand_in) == 1 and stand_in_label(team, stand_in) == ""
    edit_cell(mini / "members/288.csv", 4, "phone", "")  # his e-mail only: the pages send callers further up
    model = load_model(mini, TODAY)
    team = model.teams["TCN-10507-01"]
    stand_in = fallback(model, team)
    assert stand_in.label.startswith("tổ chỉ đạo") and stand_in.phone
    cards = list(vobject.readComponents(team_vcard(team, stand_in)))
    assert [c.fn.value for c in cards] == ["Đỗ Văn Đức", "T" + stand_in.label[1:]]
    assert cards[1].tel.value == phones.e164(stand_in.phone) and card_count(team, stand_in) == 2
    assert "Phạm Thị Dung" not in team_vcard(team, stand_in) and "0900000004" not in team_vcard(team, stand_in)


def test_no_vcard_is_offered_when_there_is_no_number_at_all(mini_model, monkeypatch):
    team = mini_model.teams["TCN-10510-01"]
    nobody = Fallback(f"Ủy ban nhân dân {in_sentence(team.unit.name)}", None)
    assert team_vcard(team, nobody) == "" and card_count(team, nobody) == 0
    for module in (teams, units):
        monkeypatch.setattr(module, "fallback", lambda model, t: nobody if t is team else fallback(model, t))
    page = teams._team_page(mini_model, team)
    assert ".vcf" not in page and f"hãy liên hệ Ủy ban nhân dân {in_sentence(team.unit.name)}" in page
    _pages, assets = teams.build(mini_model, SETTINGS)
    paths = {a.path for a in assets}
    assert vcard_path(team) not in paths and vcard_path(mini_model.teams["TCN-10507-01"]) in paths
    commune = units._unit_page(mini_model, team.unit)
    assert vcard_path(team).rsplit("/", 1)[1] not in commune and f'href="../../../{team.url}">Trang của tổ' in commune


def test_a_landline_gets_a_call_link_only(mini):
    edit_cell(mini / "members/288.csv", 3, "phone", "0220 3111 222")  # Phạm Thị Dung, at her office
    edit_cell(mini / "members/288.csv", 3, "zalo", "")
    model = load_model(mini, TODAY)
    team = model.teams["TCN-10507-01"]
    member = next(m for m in team.members if m.full_name == "Phạm Thị Dung")
    assert not member.phone_is_mobile and member.zalo_digits == ""
    html = units._unit_page(model, team.unit)
    assert 'href="tel:+842203111222"' in html
    assert "sms:+842203111222" not in html and "zalo.me/02203111222" not in html
    card = next(vobject.readComponents(team_vcard(team)))
    assert [(t.value, t.params["TYPE"]) for t in card.contents["tel"]] == [("+842203111222", ["WORK"])]
    row = next(r for r in directory_json(model)["m"] if r[0] == "Phạm Thị Dung")
    assert row[4] == "0220 3111 222" and row[5] == ""  # the script offers no Zalo for it (danh-ba.js mobile())


def test_a_shared_mobile_number_takes_messages_and_a_landline_calls_only(mini):
    edit_cell(mini / "teams/288.csv", 3, "public_phone", "0912 345 678")  # TCN-10507-01's number is a mobile
    model = load_model(mini, TODAY)
    team = model.teams["TCN-10507-01"]
    for html in (units._unit_page(model, team.unit), teams._team_page(model, team)):
        assert 'href="sms:+84912345678"' in html and 'href="https://zalo.me/0912345678"' in html
    province = teams._team_page(model, model.teams["BCD-30"])  # 0220 3000 000, an office line
    assert 'href="tel:+842203000000"' in province and "sms:+842203000000" not in province
    assert "zalo.me/02203000000" not in province


def test_steering_groups_are_found_by_their_unit_not_by_words_every_team_name_has(demo):
    data = directory_json(demo)
    steering = [t for t in data["t"] if data["p"][t[0]].startswith("Tổ chỉ đạo")] if data["p"] else []
    assert steering and all(t[4] == "to chi dao ban chi dao" for t in steering)  # "cong dong" matched every one of them


def vobject_team_vcard(team) -> str:
    """The team's vCard built as vobject component trees and serialized by vobject: the reference the
    line-by-line writer must match byte for byte."""
    from sotay import phones
    from sotay.constants import KIND_LABEL
    from sotay.pages.vcard import _names, shared_card_name

    def card(full_name, family, given, middle, note):
        c = vobject.vCard()
        c.add("fn").value = full_name
        c.add("n").value = vobject.vcard.Name(family=family, given=given, additional=middle)
        c.add("org").value = [team.name, team.unit.name]
        c.add("note").value = note
        return c

    cards = []
    if team.public_phone:
        c = card(shared_card_name(team), "", team.name, "",  # the name's wording is tested on its own
                 f"Số chung của {KIND_LABEL.get(team.kind, 'tổ').lower()}, {team.unit.name}")
        c.add("tel").value = phones.e164(team.public_phone)
        c.tel.type_param = "WORK"
        cards.append(c)
    for m in team.current_members:
        if not m.consent or not m.has_contact:
            continue
        note = m.role + (f", {m.organisation}" if m.organisation else "") + f" — {team.name}, {team.unit.name}"
        if m.zalo and phones.e164(m.zalo) != phones.e164(m.phone or ""):
            note += f" — Zalo: {phones.national(m.zalo)}"
        c = card(m.full_name, *_names(m.full_name), note)
        c.add("title").value = m.role
        for number in [m.phone] + ([m.zalo] if m.zalo and phones.e164(m.zalo) != phones.e164(m.phone or "") else []):
            if number:
                tel = c.add("tel")
                tel.value = phones.e164(number)
                tel.type_param = "CELL"
        if m.email:
            email = c.add("email")
            email.value = m.email
            email.type_param = "INTERNET"
        cards.append(c)
    return "".join(c.serialize() for c in cards)


def unfolded(text: str) -> str:
    return text.replace("\r\n ", "")


def assert_folded_at_75_bytes(text: str) -> None:
    """RFC 6350 3.2: no physical line over 75 octets; vobject folds only lines of 75 characters or more."""
    long = [line for line in text.split("\r\n") if len(line.encode("utf-8")) > 75]
    assert long == []


def test_vcards_match_vobjects_serializer_byte_for_byte(demo):
    """Every demo team: same cards, property order and escaping as vobject itself; folded at 75 bytes."""
    checked = 0
    for team in demo.teams.values():
        text = team_vcard(team)
        assert unfolded(text) == unfolded(vobject_team_vcard(team)), team.id
        assert_folded_at_75_bytes(text)
        checked += text.count("BEGIN:VCARD")
    assert checked > 5000


def test_vcard_escapes_and_folds_like_vobject(own_model):
    team = own_model.teams["TCN-10507-01"]
    dung = team.current_members[0]
    dung.full_name = "Phạm; Thị, Dung\\n " + "Nguyễn 👩🏽 " * 20
    dung.organisation = "Sở;Ban,Ngành\nDòng hai"
    team.name = "Tổ, công; nghệ " + "số cộng đồng " * 8
    assert unfolded(team_vcard(team)) == unfolded(vobject_team_vcard(team))
    assert_folded_at_75_bytes(team_vcard(team))
    card = next(vobject.readComponents(team_vcard(team)))
    assert card.fn.value == dung.full_name and card.org.value[0] == team.name
    dung.full_name = "Nguyễn Thị Phương Thảo " * 3  # 69 characters, 90 bytes: vobject leaves it whole
    assert_folded_at_75_bytes(team_vcard(team))
    assert next(vobject.readComponents(team_vcard(team))).fn.value == dung.full_name


# Escaping: names that try to be HTML, script or vCard syntax ---------------------------------------

@pytest.fixture
def own_model(mini):
    """A model this test may change: load_model caches by data fingerprint, so it would otherwise
    hand the changed objects to every later test that loads the same data."""
    forget()
    yield load_model(mini, TODAY)
    forget()


def test_hostile_names_are_text_in_pages_directory_data_and_vcards(own_model):
    mini_model = own_model
    team = mini_model.teams["TCN-10507-01"]
    dung, duc = team.current_members
    dung.full_name = f"Phạm {EVIL_SCRIPT} Dung"
    duc.full_name = f"Đỗ {EVIL_ATTR} Đức"
    team.village = EVIL_ATTR
    team.name = f"Tổ công nghệ số cộng đồng {EVIL_SCRIPT}"
    commune = mini_model.units["10507"]

    for html in (units._unit_page(mini_model, commune), teams._team_page(mini_model, team)):
        assert EVIL_SCRIPT not in html and EVIL_ATTR not in html and "<img" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in html
        assert EVIL_SCRIPT in text_of(html) and EVIL_ATTR in text_of(html)

    assert all("<" not in s.decode("utf-8") for s in directory.data_scripts(mini_model))  # not even inside strings:
    # nothing can close a <script> element
    data = directory_json(mini_model)
    names = [m[0] for m in data["m"]]
    assert dung.full_name in names and duc.full_name in names

    text = team_vcard(team)
    cards = list(vobject.readComponents(text))
    assert [c.fn.value for c in cards] == [dung.full_name]
    assert cards[0].org.value[0] == team.name
    assert all(line.startswith((" ", "BEGIN:", "END:", "VERSION:", "FN:", "N:", "ORG:", "NOTE:", "TEL;", "EMAIL;", "TITLE:"))
               for line in text.splitlines())


def test_hostile_name_in_the_data_is_refused_by_the_validator(data_copy):
    """The first line of defence: the validator itself; the renderer tests above are the second."""
    from conftest import edit_cell
    from sotay.errors import DataError
    edit_cell(data_copy / "members" / "288.csv", 2, "full_name", EVIL_SCRIPT)
    with pytest.raises(DataError):
        load_model(data_copy, TODAY)


# Directory data ------------------------------------------------------------------------------------

def test_directory_data_has_no_unconsented_contact(mini_model):
    data = directory_json(mini_model)
    by_name = {m[0]: m for m in data["m"]}
    assert len(by_name["Đỗ Văn Đức"]) == 4 and len(by_name["Hoàng Văn Hải"]) == 4 and len(by_name["Trần Thị Bình"]) == 4
    assert by_name["Phạm Thị Dung"][4:] == ["0900 000 004", "0901000004", "dung.pham@example.com"]
    flat = json.dumps(data)
    for secret in ("0900000005", "0900 000 005", "duc.do@example.com", "0900000007", "0900000002"):
        assert secret not in flat


def test_directory_folded_strings(demo):
    assert directory.search_text("Đỗ Thị Ánh") == "do thi anh"
    assert directory.search_text("Khu dân cư số 1") == "khu dan cu so 1"
    data = directory_json(demo)
    assert len(data["m"]) == 6891 + 113 + 357 + 1499
    # Members' names travel once: the browser folds them (tests/test_browser_directory.py checks its folding).
    assert all(isinstance(row[1], int) for row in data["m"])


def test_search_index_has_units_and_teams_but_no_member_rows(built_site, demo):
    docs = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    titles = {d["title"] for d in docs}
    everything = " ".join(d["title"] + " " + d["text"] for d in docs)
    commune = demo.units["10507"]
    assert commune.name in titles and all(d.name in titles for d in demo.districts)
    assert all(t.name in titles for t in commune.teams)
    assert not any(d["location"].startswith("to/") for d in docs)  # team pages: indexed via unit pages
    for team in commune.teams + demo.province.teams:
        for member in team.current_members:
            assert member.full_name not in everything, member.full_name
            assert member.role + " ·" not in everything


def test_same_spelling_ignores_only_where_the_tone_mark_sits():
    from sotay.text import same_spelling
    assert same_spelling("Phường Việt Hoà", "Phường Việt Hòa")
    assert same_spelling("Xã Thuỵ Lâm", "Xã Thụy Lâm")
    assert not same_spelling("Xã Hà", "Xã Hạ")  # another tone, another name
    assert not same_spelling("Xã An Lạc", "Xã Ân Lạc")  # another letter
    assert not same_spelling("Xã Cộng Hòa", "Xã Cộng Hòa Mới")


def test_a_shared_numbers_card_names_its_commune_once(demo):
    """"Tổ chỉ đạo … xã Đoàn Thượng (Xã Đoàn Thượng)": the commune was read twice on the phone."""
    steering = next(t for t in demo.teams.values() if t.kind == "commune_steering" and t.public_phone)
    village = next(t for t in demo.teams.values() if t.kind == "village_team" and t.public_phone)
    # a card's name short enough for a phone's list to show where it is; ORG keeps the official name
    card = next(vobject.readComponents(team_vcard(steering)))
    assert card.fn.value == f"Tổ chỉ đạo {in_sentence(steering.unit.name)}" and card.org.value[0] == steering.name
    card = next(vobject.readComponents(team_vcard(village)))
    assert card.fn.value == f"Tổ công nghệ số {in_sentence(village.village)} ({in_sentence(village.unit.name)})"
    assert len(card.fn.value) < len(f"{village.name} ({village.unit.name})") and card.org.value[0] == village.name


def test_a_village_team_giving_its_steering_groups_number_says_whose_it_is(mini):
    """3 of 10 demo village teams give the commune office's line: pages said "Số chung của tổ", as if
    the village's own, and each team's vCard saved the office under that team's name."""
    edit_cell(mini / "teams/288.csv", 2, "public_phone", "0220 3288 000")  # the district's steering group
    edit_cell(mini / "teams/288.csv", 5, "public_phone", "02203288000")  # TCN-10510-01 gives that line
    edit_cell(mini / "teams/288.csv", 3, "public_phone", "02203288111")  # TCN-10507-01 has its own
    model = load_model(mini, TODAY)
    shared, own = model.teams["TCN-10510-01"], model.teams["TCN-10507-01"]
    assert contacts.shared_with(model, shared) is model.teams["BCD-288"] and contacts.shared_with(model, own) is None
    who = "tổ chỉ đạo thành phố Hải Dương"
    page = text_of(teams._team_page(model, shared))
    assert f"Số chung (của {who}): 0220 3288 000" in page
    assert "Số chung của tổ: 0220 3288 111" in text_of(teams._team_page(model, own))
    commune = text_of(units._unit_page(model, shared.unit))
    assert f"số chung (của {who}) 0220 3288 000" in commune
    assert fallback(model, shared).label == f"số chung của {who}"  # for its members who keep their number private
    # its vCard card is the steering group's, as every team sharing the line saves it: one contact, not three
    card = next(vobject.readComponents(team_vcard(shared, fallback(model, shared), contacts.shared_with(model, shared))))
    assert card.fn.value == "Tổ chỉ đạo thành phố Hải Dương"  # as the stand-in card of the same line is named
    assert card.tel.value == "+842203288000" and shared.name.lower() in card.note.value
    # the directory says whose line it is too
    rows = {row[3]: row for row in directory_json(model)["t"]}
    data = directory_json(model)
    assert data["u"][rows["tcn-10510-01"][7]][0] == "Thành phố Hải Dương" and len(rows["tcn-10507-01"]) == 7


def test_a_deputy_in_the_village_is_called_before_the_commune_offices_line(mini):
    """A review: Thôn Văn Xá's leader keeps his number private and the team gives the commune office's line;
    residents were sent to the office (open in office hours) past a deputy on the same page who agreed.
    The team's own line still comes first."""
    edit_cell(mini / "teams/288.csv", 2, "public_phone", "0220 3288 000")
    edit_cell(mini / "teams/288.csv", 5, "public_phone", "02203288000")  # TCN-10510-01 gives the office's line
    append_row(mini / "members/288.csv", ["TV-000090", "TCN-10510-01", "Lê Thị Mai", "Tổ phó", "", "0900000090", "", "", "có", "2022-05-01", ""])
    model = load_model(mini, TODAY)
    assert fallback(model, model.teams["TCN-10510-01"]) == Fallback("tổ phó Lê Thị Mai", "0900000090")
    edit_cell(mini / "teams/288.csv", 5, "public_phone", "02203288111")  # its own line
    model = load_model(mini, TODAY)
    assert fallback(model, model.teams["TCN-10510-01"]) == Fallback("số chung của tổ", "02203288111")


def test_a_vcard_downloads_under_the_teams_village_and_commune(built_site, demo):
    team = next(t for t in demo.teams.values() if t.kind == "village_team" and t.village == "Thôn La Xá"
                and any(x.kind == "commune_steering" for x in t.unit.teams))
    assert vcard_download_name(team) == f"thon-la-xa-{team.unit.slug}.vcf"
    page = (built_site / team.url / "index.html").read_text(encoding="utf-8")
    assert f'download="thon-la-xa-{team.unit.slug}.vcf"' in page
    unit_page = (built_site / team.unit.url / "index.html").read_text(encoding="utf-8")
    assert f'download="thon-la-xa-{team.unit.slug}.vcf"' in unit_page and f'download="to-chi-dao-{team.unit.slug}.vcf"' in unit_page
    assert 'download="to-chi-dao-tinh-hai-duong.vcf"' in (built_site / "don-vi" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("name, said", [
    ("Xã Ngọc Liên", "xã Ngọc Liên"), ("Thành phố Hải Dương", "thành phố Hải Dương"), ("Thị trấn Kẻ Sặt", "thị trấn Kẻ Sặt"),
    ("Thị xã Kinh Môn", "thị xã Kinh Môn"), ("Huyện Cẩm Giàng", "huyện Cẩm Giàng"), ("Tỉnh Hải Dương", "tỉnh Hải Dương"),
    ("Thôn La Xá", "thôn La Xá"), ("Khu dân cư số 3", "khu dân cư số 3"), ("Xãng Xã", "Xãng Xã"), ("Ngọc Liên", "Ngọc Liên"),
])
def test_a_place_inside_a_sentence_has_its_type_in_lower_case(name, said):
    """ "Thuộc Huyện Cẩm Giàng", "tổ chỉ đạo Xã Ngọc Liên": a unit's type is written in lower case in running text."""
    assert in_sentence(name) == said


def test_a_team_has_a_vcard_file_exactly_when_it_has_cards_to_give():
    """teams.build lists a team's .vcf from card_count, before the file is written (it may be written in a
    second process): the count must be the file's number of cards, for every team of the demo."""
    model = load_model(DATA, dt.date.fromisoformat(SITE_TODAY))
    _pages, assets = teams.build(model, SETTINGS)
    listed = {a.path: a for a in assets}
    for team in model.teams.values():
        stand_in = fallback(model, team)
        text = team_vcard(team, stand_in, contacts.shared_with(model, team))
        assert text.count("BEGIN:VCARD") == card_count(team, stand_in), team.id
        assert (vcard_path(team) in listed) == bool(text), team.id
        if text:
            assert listed[vcard_path(team)].content == text.encode("utf-8")
    assert sum(1 for t in model.teams.values() if card_count(t, fallback(model, t)) == 0) < len(listed)
