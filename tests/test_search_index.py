"""The folded search index: extra fields registered for lunr, folded copies of titles and text, small,
and free of member rows; and the gzip server used by scripts/audit.py."""
from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import urllib.request

from conftest import ROOT, SITE_TODAY

from sotay.gzipserve import serve
from sotay.search import fold_index, folded, gzipped_size

SAMPLE = {
    "config": {"lang": ["vi"], "separator": "[\\s\\-]+", "pipeline": ["stopWordFilter"],
               "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}}},
    "docs": [
        {"location": "a/", "title": "Đăng ký Dịch vụ công", "text": "<p>Mở <strong>Cổng</strong> dịch vụ công &amp; đăng nhập.</p>"},
        {"location": "b/", "title": "Zalo", "text": "<p>zalo group</p>"},
        {"location": "c/", "title": "", "text": ""},
    ],
}


def test_folded_drops_markup_tone_marks_and_d_bar():
    assert folded("<p>Mở <b>Cổng</b> Đồng &amp; Lạc</p>") == "mo cong dong & lac"
    assert folded("de\u0301 hu\u031b\u0303u") == "de huu"  # NFD input folds the same


def test_fold_index_registers_fields_with_the_sources_boosts_and_adds_copies():
    result = fold_index(SAMPLE)
    fields = result["config"]["fields"]
    assert fields["title_fold"] == {"boost": 1000.0} and fields["text_fold"] == {"boost": 1.0}
    assert fields["tags"] == {"boost": 1000000.0}
    first, second, third = result["docs"]
    assert first["title_fold"] == "dang ky dich vu cong"
    assert first["text_fold"] == "mo cong dich vu cong & dang nhap."
    assert "title_fold" not in second and "text_fold" not in second  # nothing to fold: no copy
    assert "title_fold" not in third
    assert SAMPLE["docs"][0].keys() == {"location", "title", "text"}  # the input is not changed
    assert fold_index(result) == result  # idempotent


def test_built_index_is_folded_small_and_has_no_member_rows(built_site):
    raw = (built_site / "search" / "search_index.json").read_bytes()
    index = json.loads(raw)
    assert {"title_fold", "text_fold"} <= index["config"]["fields"].keys()
    titles = {doc.get("title_fold") for doc in index["docs"]}
    assert "phuong cam thuong" in {t.split(" (")[0] for t in titles if t} or any(
        t and "cam thuong" in t for t in titles)
    assert gzipped_size(raw) <= 400_000
    text = raw.decode("utf-8")
    phones = re.findall(r"090[01][ .]?\d{3}[ .]?\d{3}", text)
    assert not phones, phones[:5]
    assert "example.com" not in text


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


def test_guide_summary_becomes_the_meta_description(tmp_path):
    docs = tmp_path / "project"
    shutil.copytree(ROOT, docs, ignore=shutil.ignore_patterns(".git", "site", "tools", "node_modules", ".venv"))
    (docs / "docs" / "huong-dan" / "thu.md").write_text(
        "---\ntitle: Thử\nsummary: Hướng dẫn thử để kiểm tra mô tả trang.\n---\n\n# Thử\n\nNội dung.\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(tmp_path / "out")], cwd=docs,
                            capture_output=True, text=True, env={**os.environ, "SITE_TODAY": SITE_TODAY})
    assert result.returncode == 0, result.stderr[-3000:]
    html = (tmp_path / "out" / "huong-dan" / "thu" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="description" content="Hướng dẫn thử để kiểm tra mô tả trang.">' in html
