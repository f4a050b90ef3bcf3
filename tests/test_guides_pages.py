"""Guide pages: banners come from data and "today", the index lists every guide, the QR code is there."""
from __future__ import annotations

from pathlib import Path

import datetime as dt
import html
import re

import pytest

from conftest import DATA, ROOT, SITE_TODAY, edit_cell
from sotay.load import load_model
from sotay.pages.guides import banner_markdown, banners, handout, is_guide, read_guides
from test_guides_validate import build_copy, site_copy

HEALTH = {"platforms": ["so-suc-khoe", "vneid"], "last_reviewed": dt.date(2026, 11, 25)}


def titles(meta, model):
    return [b.title for b in banners(meta, model)]


def test_merged_platform_banner_names_the_replacement(mini):
    model = load_model(mini, dt.date(2024, 6, 1), clock=dt.date(2026, 11, 28))
    found = banners(HEALTH, model)
    assert [(b.kind, b.title) for b in found] == [("warning", "Sổ sức khỏe điện tử đã được gộp vào Ứng dụng định danh điện tử VNeID")]
    assert found[0].text.startswith("Từ ngày 01/01/2024, Sổ sức khỏe điện tử đã được gộp vào Ứng dụng định danh điện tử VNeID.")
    assert banner_markdown(found).startswith('!!! warning "Sổ sức khỏe điện tử đã được gộp vào Ứng dụng định danh điện tử VNeID"\n    Từ ngày')


def test_retired_platform_banner(mini):
    model = load_model(mini, dt.date(2024, 6, 1), clock=dt.date(2026, 11, 28))
    assert titles({"platforms": ["vneid", "pc-covid"]}, model) == ["Ứng dụng PC-COVID đã ngừng hoạt động"]
    assert "nay làm trên Ứng dụng định danh điện tử VNeID" in banners({"platforms": ["pc-covid"]}, model)[0].text


def test_no_banner_before_the_change_or_for_active_platforms(mini):
    model = load_model(mini, dt.date(2023, 1, 20), clock=dt.date(2026, 11, 28))
    assert titles(HEALTH, model) == []  # merged on 01/01/2024, after this "today"
    assert titles({"platforms": ["voso", "zalo"]}, model) == []


def test_no_banner_when_the_platform_is_active_again(mini):
    edit_cell(mini / "platforms.csv", 4, "status", "active")
    edit_cell(mini / "platforms.csv", 4, "replaced_by", "")
    edit_cell(mini / "platforms.csv", 4, "changed_on", "")
    model = load_model(mini, dt.date(2024, 6, 1), clock=dt.date(2026, 11, 28))
    assert titles(HEALTH, model) == []


@pytest.mark.parametrize("today, stale", [("2027-11-25", False), ("2027-11-26", True), ("2030-01-01", True), ("2026-12-01", False)])
def test_out_of_date_banner_after_12_months(mini, today, stale):
    model = load_model(mini, dt.date.fromisoformat(today), clock=dt.date(2026, 11, 28))
    found = titles({"platforms": ["voso"], "last_reviewed": dt.date(2026, 11, 25)}, model)
    assert found == (["Bài này có thể đã cũ"] if stale else [])


def test_only_guides_get_guide_hooks():
    assert is_guide("huong-dan/vneid.md")
    assert not is_guide("huong-dan/index.md")
    assert not is_guide("don-vi/index.md")
    assert not is_guide("huong-dan/img/x.md")


def test_handout_has_a_qr_code_for_the_url():
    html = handout("<p>nội dung</p>", {"audience": ["resident"], "difficulty": "de", "time": "5 phút"}, "https://example.org/huong-dan/vneid/")
    assert "<svg" in html and "https://example.org/huong-dan/vneid/" in html
    assert "Dành cho: <strong>Người dân</strong>" in html and "<p>nội dung</p>" in html


def _article(path):
    html = path.read_text(encoding="utf-8")
    return html[html.index("<article"):html.index("</article>")]


@pytest.mark.slow
def test_banners_in_built_pages_follow_data_and_today(tmp_path, data_copy):
    repo = site_copy(tmp_path)
    result = build_copy(repo, tmp_path / "a", today="2024-06-01", data=data_copy)
    assert result.returncode == 0, result.stderr[-3000:]
    site = tmp_path / "a" / "huong-dan"
    merged = "Sổ sức khỏe điện tử đã được gộp vào Ứng dụng định danh điện tử VNeID"
    retired = "Ứng dụng PC-COVID đã ngừng hoạt động"
    with_banner = {p.parent.name for p in site.glob("*/index.html") if merged in _article(p)}
    assert with_banner == {"so-suc-khoe-dien-tu", "to-bao-cao-ket-qua"}  # the guides whose platforms list so-suc-khoe
    assert {p.parent.name for p in site.glob("*/index.html") if retired in _article(p)} == {"vneid"}
    assert not any("có thể đã cũ" in _article(p) for p in site.glob("*/index.html"))

    # The health book active again, and three years later: only the out-of-date banner remains.
    edit_cell(data_copy / "platforms.csv", 4, "status", "active")
    edit_cell(data_copy / "platforms.csv", 4, "replaced_by", "")
    edit_cell(data_copy / "platforms.csv", 4, "changed_on", "")
    result = build_copy(repo, tmp_path / "b", today="2029-12-01", data=data_copy)
    assert result.returncode == 0, result.stderr[-3000:]
    pages = list((tmp_path / "b" / "huong-dan").glob("*/index.html"))
    assert len(pages) >= 14
    assert not any(merged in _article(p) for p in pages)
    assert all("Bài này có thể đã cũ" in _article(p) for p in pages)


def test_index_lists_every_guide_by_task_audience_and_platform(built_site):
    article = _article(built_site / "huong-dan" / "index.html")
    sections = re.split(r"<h2 ", article)
    assert [re.sub(r"<[^>]+>|&para;", "", s.split(">", 1)[1].split("</h2>")[0]) for s in sections[1:]] == [
        "Theo việc cần làm", "Theo đối tượng", "Theo nền tảng"]
    guides = sorted(p.parent.name for p in (built_site / "huong-dan").glob("*/index.html"))
    assert len(guides) >= 14
    for section in sections[1:]:
        linked = set(re.findall(r'href="([a-z0-9-]+)/"', section))
        assert linked == set(guides), section[:40]
    assert "Chụp ảnh sản phẩm, viết mô tả" in sections[1]  # a short line for each guide
    assert "Sổ sức khỏe điện tử" in sections[3]
    assert 'href="#theo-doi-tuong"' in sections[0] and 'id="theo-doi-tuong"' in sections[2]


def test_index_says_each_summary_once_so_it_stays_short_on_a_phone(built_site):
    by_task, by_audience, by_platform = re.split(r"<h2 ", _article(built_site / "huong-dan" / "index.html"))[1:]
    guides = read_guides(ROOT / "docs")
    assert len(guides) >= 14
    for guide in guides:
        summary = html.escape(guide.summary, quote=False)
        assert by_task.count(summary) == len(guide.tags), guide.slug  # once under each of its tasks
        assert summary not in by_audience + by_platform, guide.slug  # and not again: titles only there


def test_every_guide_page_has_a_qr_code_to_itself(built_site):
    for page in (built_site / "huong-dan").glob("*/index.html"):
        article = _article(page)
        url = f"https://haiduong-cds.github.io/so-tay/huong-dan/{page.parent.name}/"
        assert 'class="sotay-handout-qr"' in article and url in article, page
    vneid = (built_site / "huong-dan" / "vneid" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="description" content="Cài ứng dụng VNeID, đăng ký tài khoản' in vneid  # from the summary


def test_committed_illustrations_match_their_specs_and_are_small():
    from conftest import ROOT, run_script
    result = run_script("make_guide_images.py", "--check")
    assert result.returncode == 0, result.stderr
    svgs = list((ROOT / "docs" / "huong-dan" / "img").glob("*.svg"))
    assert len(svgs) >= 80
    assert max(p.stat().st_size for p in svgs) < 4096
    for path in svgs:
        text = path.read_text(encoding="utf-8")
        assert "<metadata" not in text and "<image" not in text and "http://www.w3.org/2000/svg" in text


def test_illustration_text_fits_its_box_in_dejavu_sans(monkeypatch):
    """Printed from a desktop, the sketches' sans-serif is DejaVu Sans (the widest of the usual ones): a line
    estimated at ~0.47 em a letter ran past its box ('Chuyển phí 500.000 đ để nhận…' cut at 'nhậ')."""
    import importlib.util
    from PIL import ImageFont
    from conftest import ROOT
    from sotay import sketches
    fonts = {bold: Path(f"/usr/share/fonts/truetype/dejavu/DejaVuSans{'-Bold' if bold else ''}.ttf") for bold in (False, True)}
    assert all(f.is_file() for f in fonts.values()), "fonts-dejavu-core (installed by .ci/run) is needed"
    spec = importlib.util.spec_from_file_location("make_guide_images", ROOT / "scripts" / "make_guide_images.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    lines, fit = [], sketches.fit

    def recorded(text, size, bold, width):
        lines.append((text, fit(text, size, bold, width), bold, width))
        return lines[-1][1]
    monkeypatch.setattr(sketches, "fit", recorded)
    for name, drawing in module.SPECS.items():
        sketches.draw(drawing)
    assert len(lines) > 300
    over = [(text, size, width) for text, size, bold, width in lines
            if ImageFont.truetype(str(fonts[bold]), size).getlength(text) > width]
    assert over == [], over


def test_illustration_check_catches_a_hand_edited_svg(tmp_path, monkeypatch):
    import importlib.util
    from conftest import ROOT
    spec = importlib.util.spec_from_file_location("make_guide_images", ROOT / "scripts" / "make_guide_images.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "OUT", tmp_path)
    assert module.main([]) == 0 and len(list(tmp_path.glob("*.svg"))) == len(module.SPECS)
    (tmp_path / "dvc-1.svg").write_text("<svg/>")
    assert module.main(["--check"]) == 1


def test_guide_checks_run_again_on_a_cached_model(mini):
    """mkdocs serve: data unchanged (cached model) but a guide edited: the guide is checked again."""
    from sotay.errors import DataError, Problem
    calls = []

    def extra(tables):
        calls.append(len(tables["platforms"]))
        return [] if len(calls) == 1 else [Problem("docs/huong-dan/x.md", 4, 0, "platforms", "x", "mã nền tảng không có")]

    today, clock = dt.date(2023, 1, 20), dt.date(2026, 11, 28)
    load_model(mini, today, extra_checks=[extra], clock=clock)
    with pytest.raises(DataError, match="docs/huong-dan/x.md:4:platforms: x: mã nền tảng không có"):
        load_model(mini, today, extra_checks=[extra], clock=clock)
    assert calls == [13, 13]


def test_report_guide_shows_the_deadlines_from_data(built_site):
    article = _article(built_site / "huong-dan" / "to-bao-cao-ket-qua" / "index.html")
    rows = re.findall(r"<tr>\s*<td>(.*?)</td>.*?<strong>(.*?)</strong>", article, re.S)
    assert rows[0] == ("2022-06", "05/07/2022") and rows[-1] == ("2022-12", "05/01/2023")
    assert len(rows) == 7  # one per row of data/periods.csv


def test_guides_never_send_residents_to_a_district():
    """Districts ended on 01/07/2025: a guide (text or picture) names 'huyện' only to say it is gone."""
    from conftest import ROOT
    guides = ROOT / "docs" / "huong-dan"
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in [*guides.glob("*.md"), *(guides / "img").glob("*.svg")]]
    stale = []
    for name, text in texts:
        plain = re.sub(r"<[^>]+>", "\n", text)  # an SVG's labels are separate texts
        for sentence in re.split(r"(?<=[.!?:;\n])\s*", plain):
            if re.search(r"\bhuyện\b", sentence, re.IGNORECASE) and "không còn" not in sentence:
                stale.append((name, sentence.strip()))
    assert stale == []


def test_the_reporting_guide_says_which_indicators_are_running_totals_and_which_count_the_month(built_site):
    """It said "running total" for every indicator: teams that followed it had their new shops and
    field reports added up again each month on the progress pages."""
    text = re.sub(r"<[^>]+>", "", (built_site / "huong-dan" / "to-bao-cao-ket-qua" / "index.html").read_text(encoding="utf-8"))
    running = text.split("Số lũy kế, cộng dồn từ khi tổ bắt đầu đến hết tháng:", 1)[1].split("Số mới trong tháng", 1)
    demo = load_model(DATA, dt.date.fromisoformat(SITE_TODAY))
    for indicator in demo.indicators.values():
        where = running[0] if indicator.aggregation == "latest" else running[1].split("Hạn nộp", 1)[0]
        assert indicator.name in where, indicator.id
    assert {i.aggregation for i in demo.indicators.values()} == {"latest", "sum"}
    assert "ghi chú của báo cáo" not in text  # the templates have no such field: notes go with the message
