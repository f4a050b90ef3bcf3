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
from sotay.offline import DOWNLOAD_PATH, download_page, local_polyfills
from sotay.search import fold_index_file

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
    if config.extra.get("polyfills"):  # the offline plugin's CDN shim -> our local copy
        config.extra["polyfills"] = local_polyfills(config.extra["polyfills"])
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
    # The offline edition's ZIP (scripts/build_offline.py sets SITE_OFFLINE_ZIP) and its download page.
    zip_path = os.environ.get("SITE_OFFLINE_ZIP")
    zip_bytes = Path(zip_path).read_bytes() if zip_path and Path(zip_path).is_file() else None
    if zip_bytes is not None:
        files.append(File.generated(config, DOWNLOAD_PATH, content=zip_bytes))
    files.append(File.generated(config, "tai-ve/index.md",
                                content=download_page(None if zip_bytes is None else len(zip_bytes),
                                                      offline=config.use_directory_urls is False)))  # offline plugin on
    return files


def on_page_markdown(markdown, page, config, files):
    if guides.is_guide(page.file.src_uri):
        page.meta.setdefault("description", page.meta.get("summary", ""))
        # Residents search for guides: rank one above a post or unit page with the same words.
        page.meta.setdefault("search", {"boost": GUIDE_SEARCH_BOOST})
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
    # A guide's summary is its meta description (search engines, link previews) unless it has one.
    if not page.meta.get("description") and isinstance(page.meta.get("summary"), str):
        page.meta["description"] = page.meta["summary"]
    generated = _state["by_path"].get(page.file.src_uri)
    if generated is not None and generated.edit and config.repo_url:
        page.edit_url = f"{config.repo_url.rstrip('/')}/edit/main/{generated.edit}"
    elif generated is not None:
        page.edit_url = None  # generated from no single data file: no edit link to a missing docs file
    return context


GUIDE_SEARCH_BOOST = 2


def _listing_pages(config) -> tuple[str, ...]:
    """The blog's category and page-2… listings: they repeat their posts' titles and would outrank them."""
    blog = config.plugins.get("material/blog")
    if blog is None:
        return ()
    return (f"{blog.config.blog_dir}/category/", f"{blog.config.blog_dir}/page/")


def on_post_build(config):
    # Tone-mark-insensitive search: folded copies of title and text in Material's lunr index. Runs
    # after the search plugin wrote the index and before the offline plugin inlines it (priority -100).
    index = Path(config.site_dir) / "search" / "search_index.json"
    if index.is_file():
        before, after = fold_index_file(index, exclude=_listing_pages(config))
        log.debug("search index: %d -> %d bytes gzipped", before, after)
