"""The authored pages besides the guides: posts, the home page, the blog's and editors' pages, and the template
code of pages that run macros. Each mistake an editor made there passed validation, then stopped the build
(a traceback, English, or no message at all) or was published as it was."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import DATA, ROOT, run_script
from sotay.constants import MACRO_FIELDS, MACRO_VARIABLES
from sotay.validate.pages import check_macros, check_pages
from sotay.validate.posts import blog_categories, check_posts

POST = "cach-lam-hay/posts/dich-vu-cong-ca-toi.md"


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    """A writable copy of docs/ beside mkdocs.yml (the macros' extra: names are read from it)."""
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path / "docs"


def said(problems) -> list[str]:
    return [str(p) for p in problems]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if text in line)


def test_the_shipped_pages_pass(docs):
    assert said(check_pages(docs)) == [] and said(check_macros(docs)) == []


def test_a_page_saved_in_windows_1258_is_located(docs):
    page = docs / "cach-lam-hay" / "index.md"
    page.write_bytes(page.read_text(encoding="utf-8").encode("cp1258", errors="replace"))
    found = check_pages(docs)
    assert [(p.file, p.row) for p in found] == [("docs/cach-lam-hay/index.md", 2)]
    assert "tệp không ở mã UTF-8" in found[0].message


def test_front_matter_that_cannot_be_read_is_located_not_published_as_text(docs):
    page = docs / "cach-lam-hay" / "index.md"
    edit(page, "description: ", 'description: "')
    found = check_pages(docs)
    assert [(p.file, p.row) for p in found] == [("docs/cach-lam-hay/index.md", line_of(page, "description:"))]
    assert "dấu ngoặc kép mở ở dòng này chưa được đóng" in found[0].message


def test_a_script_on_any_page_is_refused(docs):
    page = docs / "cach-lam-hay" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n<script>alert("x")</script>\n', encoding="utf-8")
    found = check_pages(docs)
    assert [(p.file, p.value) for p in found] == [("docs/cach-lam-hay/index.md", "<script")]


def test_a_missing_image_in_a_post_or_page_is_located(docs):
    for name in (POST, "index.md"):
        page = docs / name
        page.write_text(page.read_text(encoding="utf-8") + "\n![Ảnh lớp học](anh-lop-hoc.jpg)\n", encoding="utf-8")
    posts, pages = check_posts(docs, None), check_pages(docs)
    assert [(p.file, p.value) for p in posts] == [(f"docs/{POST}", "anh-lop-hoc.jpg")]
    assert [(p.file, p.value) for p in pages] == [("docs/index.md", "anh-lop-hoc.jpg")]
    assert "không tìm thấy tệp hình docs/cach-lam-hay/posts/anh-lop-hoc.jpg" in posts[0].message


@pytest.mark.parametrize("old, new, column, said_", [
    ("categories:\n  - Dịch vụ công", "categories: Dịch vụ công", "categories", "chuyên mục phải là một danh sách"),
    ("categories:\n", "draft: có\ncategories:\n", "draft", "draft chỉ nhận true"),
])
def test_post_front_matter_the_blog_refuses_in_english_is_said_in_vietnamese(docs, old, new, column, said_):
    post = docs / POST
    edit(post, old, new)
    categories = blog_categories(docs.parent / "mkdocs.yml")
    found = [p for p in check_posts(docs, categories) if p.column == column]
    assert len(found) == 1 and said_ in found[0].message and found[0].row == line_of(post, new.split("\n")[0])


def test_post_front_matter_the_blog_takes_is_taken(docs):
    post = docs / POST
    edit(post, "categories:\n", "draft:\ncategories: []\nx:\n")
    assert said(check_posts(docs, blog_categories(docs.parent / "mkdocs.yml"))) == []


def test_a_post_without_front_matter_is_told_the_keys_of_a_post(docs):
    post = docs / POST
    text = post.read_text(encoding="utf-8")
    post.write_text(text.split("---\n", 2)[2], encoding="utf-8")
    found = check_posts(docs, None)
    assert len(found) == 1 and "date, categories, description" in found[0].message and "platforms" not in found[0].message


@pytest.mark.parametrize("page, added, value, said_", [
    ("index.md", "\n## Liên hệ {#lien-he}\n", "## Liên hệ {#lien-he}", "Mã neo tiêu đề viết có dấu cách: { #lien-he }"),
    ("index.md", "\nSố tổ: {{ so_lieu.village_teams\n", "Số tổ: {{ so_lieu.village_teams", "viết sai hoặc chưa đóng"),
    ("huong-dan/to-bao-cao-ket-qua.md", "\nTổ: {{ ten_to }}\n", "ten_to", "mẫu dùng tên 'ten_to' mà trang không có"),
    ("index.md", "\nSố tổ: {{ so_lieu.to_thon }}\n", "so_lieu.to_thon", "so_lieu không có mục 'to_thon'"),
    ("index.md", "\nSố tổ: {{ so_lieu.village_teams | khong_co }}\n", "Số tổ: {{ so_lieu.village_teams | khong_co }}",
     "mẫu dùng bộ lọc (sau dấu |) không có"),
])
def test_template_code_on_a_page_that_runs_macros_is_checked(docs, page, added, value, said_):
    path = docs / page
    path.write_text(path.read_text(encoding="utf-8") + added, encoding="utf-8")
    found = check_macros(docs)
    assert [(p.file, p.row, p.value) for p in found] == [(f"docs/{page}", line_of(path, added.strip()), value)]
    assert said_ in found[0].message


def test_template_code_may_use_the_sites_names_and_the_pages_own(docs):
    page = docs / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n{{ config.site_name }} {{ now() }} {{ generator }} {{ title }}"
                    " {% for p in ky_bao_cao %}{{ p.ky }}{% endfor %} {{ range(2)|list }} {{ 'tai-ve/' | relative_url }}"
                    " {{ so_lieu['village_teams'] }} {{ chi_tieu.luy_ke | join(', ') }}\n", encoding="utf-8")
    assert said(check_macros(docs)) == []


def test_links_to_pages_and_files_the_build_writes_are_taken(docs):
    page = docs / "cach-lam-hay" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[Thành phố](../don-vi/thanh-pho-hai-duong/index.md) "
                    "[Bản ngoại tuyến](../tai-ve/so-tay-offline.zip) [Tiến độ](../tien-do/huyen-gia-loc/index.md)\n", encoding="utf-8")
    assert said(check_pages(docs)) == []


def test_the_macros_module_gives_exactly_the_names_validation_allows(monkeypatch):
    import importlib.util
    from types import SimpleNamespace
    monkeypatch.setenv("SITE_DATA_DIR", str(DATA))
    monkeypatch.setenv("SITE_TODAY", "2023-01-20")
    spec = importlib.util.spec_from_file_location("sotay_macros_under_test", ROOT / "hooks" / "macros.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for data in (DATA, ROOT / "nowhere"):  # the data read, or not (the glue reports why)
        monkeypatch.setenv("SITE_DATA_DIR", str(data))
        env = SimpleNamespace(conf=SimpleNamespace(config_file_path=str(ROOT / "mkdocs.yml")), variables={})
        module.define_env(env)
        assert set(env.variables) == MACRO_VARIABLES
        if data == DATA:  # every key of its mappings is one validation knows, and the other way round
            for variable, fields in MACRO_FIELDS.items():
                assert set(env.variables[variable]) == fields, variable


def test_validate_and_the_build_both_refuse_a_broken_page(tmp_path):
    from test_guides_validate import build_copy, site_copy
    repo = site_copy(tmp_path)
    page = repo / "docs" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n## Liên hệ {#lien-he}\n", encoding="utf-8")
    expected = f"docs/index.md:{line_of(page, '{#lien-he}')}:: ## Liên hệ {{#lien-he}}: trang này chạy mẫu"
    checked = run_script("validate.py", str(DATA), "--docs", str(repo / "docs"), "--today", "2023-01-20")
    assert checked.returncode == 1 and expected in checked.stdout + checked.stderr
    built = build_copy(repo, tmp_path / "site")
    assert built.returncode != 0 and expected in built.stdout + built.stderr


def test_two_tags_merged_by_one_more_space_of_indent_are_located(docs):
    from sotay.validate.guides import check_guides
    guide = docs / "huong-dan" / "vneid.md"
    edit(guide, "\n  - Sức khỏe\n", "\n   - Sức khỏe\n")
    found = check_guides(docs, {"vneid", "dich-vu-cong", "so-suc-khoe"})
    merged = [p for p in found if p.column == "tags"]
    assert [(p.row, p.value) for p in merged] == [(line_of(guide, "   - Sức khỏe"), "Giấy tờ và thủ tục - Sức khỏe")]
    assert "thụt lề bằng nhau" in merged[0].message


def test_code_written_as_code_is_text_not_a_script(docs):
    from sotay.validate.guides import check_active
    body = ["Không dán `<script>` vào trang.", "```html", '<iframe src="x"></iframe>', "```",
            "<script>alert(1)</script> và `mã`", "`` a` <iframe> ``", "` <iframe> chưa đóng", "\\`<script>x</script>\\`",
            "x " + "`" * 20000 + "<script>"]
    assert [(p.row, p.value) for p in check_active(body, 0, "docs/x.md")] == [(5, "<script"), (7, "<iframe"), (8, "<script"),
                                                                             (9, "<script")]


def test_a_page_file_name_with_spaces_or_tone_marks_is_refused_with_its_address_form(docs):
    from sotay.validate.pages import check_file_names
    assert said(check_file_names(docs)) == []
    (docs / "huong-dan" / "vneid.md").rename(docs / "huong-dan" / "Hướng dẫn VNeID mới.md")
    found = check_file_names(docs)
    assert [(p.file, p.value) for p in found] == [("docs/huong-dan/Hướng dẫn VNeID mới.md", "Hướng dẫn VNeID mới.md")]
    assert "ví dụ huong-dan-vneid-moi.md" in found[0].message
    (docs / "huong-dan" / "Hướng dẫn VNeID mới.md").rename(docs / "huong-dan" / "vneid.md")
    (docs / "cach-lam-hay").rename(docs / "Cách làm hay")
    found = check_file_names(docs)
    assert {(p.value, "ví dụ cach-lam-hay" in p.message) for p in found} == {("Cách làm hay", True)}


def test_guide_keywords_are_a_list_of_text_and_reach_the_search_only(docs):
    from sotay.pages.guides import search_terms
    from sotay.validate.guides import check_guides
    guide = docs / "huong-dan" / "vneid.md"
    edit(guide, "\nkeywords: [", "\nkeywords: 5\nx: [")
    found = [p for p in check_guides(docs, {"vneid", "dich-vu-cong", "so-suc-khoe"}) if p.column == "keywords"]
    assert len(found) == 1 and "'keywords' phải là một danh sách các dòng chữ" in found[0].message
    block = search_terms({"summary": "Mở <sổ>", "keywords": ["bị lừa", "", 3]})
    assert block == '<p class="sotay-search-terms" hidden>Mở &lt;sổ&gt; · bị lừa</p>\n\n'
    assert search_terms({}) == ""
