"""MkDocs glue, kept thin: load and validate the data once per build, add the generated pages and
files, put each generated page's HTML into its slot, and point edit links at the data files. Guides
(docs/huong-dan/*.md) are validated with the data, get their banners and their print handout block."""
from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from sotay.errors import DataError
from sotay.load import load_model
from sotay.pages import SLOT
from sotay.pages import guides
from sotay.pages.site import build_site
from sotay.settings import from_environment, source_date_epoch
from sotay.validate.guides import check_guides

log = logging.getLogger("mkdocs.hooks.sotay")
_state: dict = {}


# Hooks -------------------------------------------------------------------------------------------

def on_config(config):
    settings = from_environment(Path(config.config_file_path).parent)
    try:
        model = load_model(settings.data_dir, settings.today, extra_checks=[
            lambda tables: check_guides(settings.docs_dir, {r["id"] for r in tables["platforms"]})])
    except DataError as exc:
        raise PluginError("Dữ liệu có lỗi nên chưa thể xuất bản trang:\n" + exc.report()) from None
    # Reproducible output: MkDocs dates the sitemap (<lastmod>, gzip header) from SOURCE_DATE_EPOCH,
    # else from the clock. Date it "as of" SITE_TODAY unless the caller set the epoch itself.
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(source_date_epoch(settings.today)))
    _state.update(settings=settings, model=model)
    config.extra["sample_data"] = model.sample
    config.extra["site_today"] = settings.today.isoformat()
    return config


def on_files(files, config):
    model, settings = _state["model"], _state["settings"]
    if _state.get("built_for") is not model:
        _state["pages"], _state["assets"] = build_site(model, settings)
        _state["built_for"] = model
    for page in _state["pages"]:
        files.append(File.generated(config, page.path, content=page.markdown()))
    for asset in _state["assets"]:
        files.append(File.generated(config, asset.path, content=asset.content))
    _state["by_path"] = {p.path: p for p in _state["pages"]}
    return files


def on_page_markdown(markdown, page, config, files):
    if guides.is_guide(page.file.src_uri):
        page.meta.setdefault("description", page.meta.get("summary", ""))
        return guides.banner_markdown(guides.banners(page.meta, _state["model"])) + markdown
    return markdown


def on_page_content(html, page, config, files):
    if guides.is_guide(page.file.src_uri):
        return guides.handout(html, page.meta, config.site_url + page.url if config.site_url else page.url)
    generated = _state["by_path"].get(page.file.src_uri)
    if generated is None:
        return html
    return html.replace(SLOT, generated.render(), 1)


def on_page_context(context, page, config, nav):
    generated = _state["by_path"].get(page.file.src_uri)
    if generated is not None and generated.edit and config.repo_url:
        page.edit_url = f"{config.repo_url.rstrip('/')}/edit/main/{generated.edit}"
    elif generated is not None:
        page.edit_url = None  # generated from no single data file: no edit link to a missing docs file
    return context
