"""Defence in depth: even data that skipped validation cannot inject markup. Tables are loaded from
the mini package, every displayed text is replaced by an attack, and the model and every page
builder (BUILDERS) run directly; every page body, page front matter and generated file is checked."""
from __future__ import annotations

import datetime as dt
import re

import pytest
import yaml
from markupsafe import Markup

from corpus import make_mini
from outputs import formula_cells
from sotay.model import build_model
from sotay.pages import Page
from sotay.pages.site import build_site
from sotay.settings import Settings
from sotay.validate.check import check

ATTACKS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '"><svg onload=alert(1)>',
    "&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;",
    "</textarea></script><script>alert(1)</script>",
    "{{ 7*7 }}{% raw %}",
    "=HYPERLINK(\"https://example.invalid\")",
]
# Raw markup that must never appear in an HTML output when the data held the attacks above.
FORBIDDEN = re.compile(r"<script>alert|<img src=x|<svg onload|onerror=\"alert|\b49\b", re.I)
# Displayed text fields (ids and codes stay valid so the model can link the rows).
TEXT_FIELDS = {
    "units": ["name"], "teams": ["name", "village", "decision"], "members": ["full_name", "organisation"],
    "organisations": ["name", "short_name"], "platforms": ["name", "owner", "description"],
    "indicators": ["name", "unit_label", "description"], "trainings": ["venue", "trainer"],
    "report_notes": ["difficulties", "proposals"],
}


@pytest.fixture
def hostile_model(tmp_path):
    root = make_mini(tmp_path / "data")
    _package, tables, problems = check(root, dt.date(2023, 1, 20))
    assert problems == []
    n = 0
    for table, fields in TEXT_FIELDS.items():
        for row in tables[table]:
            for field in fields:
                row[field] = f"{row[field] or ''} {ATTACKS[n % len(ATTACKS)]}".strip()
                n += 1
    settings = Settings(data_dir=root, docs_dir=root / "docs", today=dt.date(2023, 1, 20))
    return build_model(tables, settings.today, sample=True), settings, tmp_path


def test_every_generated_page_and_file_escapes_hostile_text(hostile_model):
    model, settings, tmp_path = hostile_model
    pages, assets = build_site(model, settings)
    assert pages
    escaped_seen = 0
    for page in pages:
        body = page.render()
        assert not FORBIDDEN.search(body), (page.path, FORBIDDEN.search(body).group())
        escaped_seen += body.count("&lt;script&gt;alert(1)&lt;/script&gt;")
        _assert_front_matter_is_safe(page)
    assert escaped_seen > 0  # the attacks were displayed, as text
    out = tmp_path / "assets"
    for asset in assets:
        path = out / asset.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(asset.content)
        if asset.path.endswith((".html", ".htm", ".svg")):
            assert not FORBIDDEN.search(asset.content.decode("utf-8", "replace")), asset.path
    if assets:
        assert formula_cells(out) == []


def _assert_front_matter_is_safe(page: Page) -> None:
    """The theme prints title and description without escaping (MkDocs' Jinja has no autoescape),
    and strips tags from <title> after unescaping entities: both must stay plain text."""
    front = yaml.safe_load(page.markdown().split("---")[1])
    assert front == page.front_matter(), page.path  # what the glue hands MkDocs without reading the YAML
    for key in ("title", "description"):
        value = front.get(key, "")
        assert "<" not in value and ">" not in value, (page.path, value)
        # Inside <title> only "</title" ends the text; Material's striptags output must not hold it.
        assert "</title" not in Markup(value).striptags().lower(), (page.path, value)


def test_title_escaping_defeats_the_striptags_entity_trick():
    """Material writes <title>{{ page.title | striptags }}</title>; striptags unescapes entities, so
    an unescaped '&lt;/title&gt;' title would close the tag and open a script."""
    attack = "Xã &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;"
    title = yaml.safe_load(Page("x.md", attack, str).markdown().split("---")[1])["title"]
    assert "</title>" in Markup(attack).striptags()  # what an unescaped title would become
    assert "</title>" not in Markup(title).striptags()
    assert Markup(title).striptags() == attack  # shown as the editor typed it
