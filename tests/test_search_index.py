"""The folded search index: extra fields registered for lunr, folded copies of titles and text, small,
and free of member rows; and the gzip server used by scripts/audit.py."""
from __future__ import annotations

import gzip
import json
import re
import urllib.request

from conftest import ROOT

from sotay.gzipserve import serve
from sotay.search import fold_index, folded, gzipped_size

SAMPLE = {
    "config": {"lang": ["vi"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"],
               "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}}},
    "docs": [
        {"location": "a/", "title": "Đăng ký Dịch vụ công", "text": "<p>Mở <strong>Cổng</strong> dịch vụ công &amp; đăng nhập.</p>"},
        {"location": "b/", "title": "Zalo", "text": "<p>zalo group</p>"},
        {"location": "c/", "title": "", "text": "", "tags": ["Sức khỏe", "zalo"]},
        {"location": "blog/category/dich-vu-cong/", "title": "Dịch vụ công", "text": ""},
    ],
}


def test_folded_drops_markup_tone_marks_and_d_bar():
    assert folded("<p>Mở <b>Cổng</b> Đồng &amp; Lạc</p>") == "mo cong dong & lac"
    assert folded("de\u0301 hu\u031b\u0303u") == "de huu"  # NFD input folds the same


def test_fold_index_registers_fields_with_the_sources_boosts_and_adds_copies():
    result = fold_index(SAMPLE, exclude=("blog/category/",))
    fields = result["config"]["fields"]
    assert fields["title_fold"] == {"boost": 1000.0} and fields["text_fold"] == {"boost": 1.0}
    assert fields["tags"] == fields["tags_fold"] == {"boost": 1000000.0}
    first, second, third = result["docs"]  # the category listing is left out
    assert third["tags_fold"] == ["suc khoe", "zalo"]
    assert first["title_fold"] == "dang ky dich vu cong"
    assert first["text_fold"] == "mo cong dich vu cong & dang nhap."
    assert "title_fold" not in second and "text_fold" not in second  # nothing to fold: no copy
    assert "title_fold" not in third
    assert SAMPLE["docs"][0].keys() == {"location", "title", "text"}  # the input is not changed
    assert len(SAMPLE["docs"]) == 4
    assert fold_index(result) == result  # idempotent


def test_built_index_is_folded_small_and_has_no_member_rows(built_site):
    raw = (built_site / "search" / "search_index.json").read_bytes()
    index = json.loads(raw)
    fields = index["config"]["fields"]
    assert {"title_fold", "text_fold", "tags_fold"} <= fields.keys()
    # A tag counts less than a title (Material's default 1000000 let one word of a tag outrank a title).
    assert fields["text"]["boost"] < fields["tags"]["boost"] == fields["tags_fold"]["boost"] < fields["title"]["boost"]
    # Guides, what residents look for, weigh more than other pages with the same words.
    assert {doc.get("boost") for doc in index["docs"] if doc["location"].startswith("huong-dan/vneid/")} == {2}
    titles = {doc.get("title_fold") for doc in index["docs"]}
    assert "phuong cam thuong" in {t.split(" (")[0] for t in titles if t} or any(
        t and "cam thuong" in t for t in titles)
    assert gzipped_size(raw) <= 200_000
    locations = [doc["location"] for doc in index["docs"]]
    assert "cach-lam-hay/" in {loc.split("#")[0] for loc in locations}  # the blog itself stays
    assert not [loc for loc in locations if loc.startswith(("cach-lam-hay/category/", "cach-lam-hay/page/"))]
    text = raw.decode("utf-8")
    phones = re.findall(r"090[01][ .]?\d{3}[ .]?\d{3}", text)
    assert not phones, phones[:5]
    # Demo members' e-mails look like name.123@example.com (the data dictionary's example has no number).
    assert not re.search(r"\.\d+@example\.com", text)


FIGURE = re.compile(r"\d/[\d.]+\s*(<[^>]+>\s*)*\d+(,\d+)?%")  # achieved/target and rate: 741/951 77,9%


def test_index_keeps_names_and_notes_but_no_tables_of_figures(built_site):
    """Site search is for words: guides, unit and team names, the teams' difficulties. Figures, late
    reporters and each unit's progress and training sections would triple the index a phone downloads
    and builds, and answer "tiến độ" with 248 copies of the same heading."""
    raw = (built_site / "search" / "search_index.json").read_bytes()
    docs = json.loads(raw)["docs"]
    locations = {doc["location"] for doc in docs}
    assert not [loc for loc in locations if loc.endswith(("#tien-do-title", "#tap-huan-title"))]
    by_location = {d["location"]: d for d in docs}
    assert by_location["don-vi/huyen-gia-loc/xa-doan-thuong/#tcn-11056-04"]["title"] == "Tổ công nghệ số cộng đồng thôn An Lạc"
    # but a unit's page names its sections, so that "tập huấn Ngọc Liên" finds it
    assert "<li>Tập huấn</li>" in by_location["don-vi/huyen-cam-giang/xa-ngoc-lien/"]["text"]
    # Tables of counts would glue a name to its numbers ("Xã Đoàn Thượng14631"): left out. Cells and
    # facts are separated, or the indexer runs their words together ("Giảng viênChuyên viên").
    assert not [d["location"] for d in docs if re.search(r"[^\W\d_]\d{3,}", d["text"])]
    glued = [(d["location"], m.group()) for d in docs
             for m in re.finditer(r"\w*[^\W\d_A-Z]\w*", re.sub(r"VNeID|GitHub|iPhone|JavaScript", "", d["text"]))
             if any(a.islower() and b.isupper() for a, b in zip(m.group(), m.group()[1:]))]
    assert not glued, glued[:5]
    assert "Tiến độ toàn tỉnh" not in by_location["tien-do/huyen-gia-loc/"]["text"]  # breadcrumbs are not words
    # Residents searching "zalo" want a guide before the data dictionary.
    assert {d.get("boost") for d in docs if d["location"].startswith("bien-tap/")} == {0.5}
    progress = [doc for doc in docs if doc["location"].startswith("tien-do/")]
    assert not [d["location"] for d in progress if FIGURE.search(d["text"]) or "Nộp muộn" in d["text"]]
    assert by_location["tien-do/#nop-muon"]["title"] == "Tổ nộp muộn và chưa nộp"  # the heading is found
    assert "Khó khăn:" in by_location["tien-do/huyen-gia-loc/#kho-khan"]["text"]  # notes, once: by district
    assert "Khó khăn:" not in by_location["tien-do/#kho-khan"]["text"]
    assert gzipped_size(raw) <= 200_000


def test_gzip_server_compresses_when_accepted(built_site):
    server, url = serve(built_site)
    try:
        request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request) as response:
            assert response.headers["Content-Encoding"] == "gzip"
            body = gzip.decompress(response.read())
        assert body == (built_site / "index.html").read_bytes()
        with urllib.request.urlopen(url + "index.html") as response:
            assert response.headers["Content-Encoding"] is None
            assert response.read() == body
    finally:
        server.shutdown()


def test_guide_summary_becomes_the_meta_description(built_site):
    import html as html_lib
    import yaml
    source = (ROOT / "docs" / "huong-dan" / "vneid.md").read_text(encoding="utf-8")
    summary = yaml.safe_load(source.split("---", 2)[1])["summary"]
    page = (built_site / "huong-dan" / "vneid" / "index.html").read_text(encoding="utf-8")
    match = re.search(r'<meta name="description" content="([^"]*)"', page)
    assert match and html_lib.unescape(match.group(1)) == summary


def test_heading_ids_keep_d_bar_as_d(built_site):
    """Search results and shared links point at heading ids: "đất đai" gives dat-dai, not at-ai."""
    index = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    assert "huong-dan/#tra-cuu-thong-tin-dat-dai" in locations
    assert not [loc for loc in locations if loc.endswith("#tra-cuu-thong-tin-at-ai")]


def test_held_elements_go_back_where_they_were():
    """The glue keeps data-search-exclude elements away from the theme's indexer and puts them back."""
    from sotay.search import hold_excluded, restore_held
    page = ('<h2 id="a">Tổ 1</h2><p>giữ</p><table class="x" data-search-exclude><tr><td><table><tr><td>1</td></tr>'
            '</table></td></tr></table>\n<nav data-search-exclude="">b</nav><p data-search-excluded>c</p>'
            '<div\ndata-search-exclude>d</div>')
    held_html, held = hold_excluded(page)
    assert held_html == '<h2 id="a">Tổ 1</h2><p>giữ</p><!--sotay:held:0-->\n<!--sotay:held:1--><p data-search-excluded>c</p><!--sotay:held:2-->'
    assert restore_held(held_html, held) == page
    assert restore_held(held_html, held, str.upper).count("DATA-SEARCH-EXCLUDE") == 3


from hypothesis import given, settings, strategies as st  # noqa: E402


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.one_of(st.sampled_from(list("ĐđAaăâêôơưÝýẤấỆệ\u0300\u0301\u0323\u034f\u0483\u05b0 -")),
                                  st.characters()), max_size=12))
def test_fold_shortcut_agrees_with_removing_every_combining_character(text):
    import unicodedata
    from sotay.text import fold
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    assert fold(text) == "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def test_words_with_a_movable_tone_mark_are_indexed_in_the_other_placement_too():
    from sotay.search import fold_index
    index = {"config": {"fields": {"title": {"boost": 1000}, "text": {"boost": 1}}}, "docs": [
        {"location": "a/", "title": "Phường Cộng Hoà", "text": "Uỷ ban hoà giải, hòa bình."},
        {"location": "b/", "title": "Xã Cộng Hòa", "text": "Không có gì."}]}
    folded = fold_index(index)
    assert folded["config"]["fields"]["title_tone"] == {"boost": 1000}
    a, b = folded["docs"]
    assert a["title_tone"] == "hòa" and a["text_tone"] == "ủy"  # "hoà" and "hòa" are both in the text already
    assert b["title_tone"] == "hoà" and "text_tone" not in b


def test_communes_of_the_same_name_are_told_apart_in_search_results(built_site):
    docs = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    texts = {d["location"]: d["text"] for d in docs if d["location"].endswith("/xa-cong-hoa/")}
    assert len(texts) == 2  # Xã Cộng Hòa of Kim Thành and of Nam Sách: the text under the title says which
    assert "Thuộc huyện Kim Thành." in texts["don-vi/huyen-kim-thanh/xa-cong-hoa/"]
    assert "Thuộc huyện Nam Sách." in texts["don-vi/huyen-nam-sach/xa-cong-hoa/"]
