"""MkDocs glue, kept thin: load and validate the data once per build, add the generated pages and
files, put each generated page's HTML into its slot, and point edit links at the data files. Guides
(docs/huong-dan/*.md) are validated with the data, get their banners and their print handout block.

Generated pages outside the navigation (units, teams: ~1,700 of the ~1,760 pages) skip the two costs
that do nothing for them: Markdown (their Markdown is only the slot) and rendering the theme around
each one (a shell rendered once per shape and filled in, see sotay.shell). Team pages (``direct``)
skip MkDocs altogether but for the first two, which check their shell: the others are written from
it after the build, and listed in the sitemap where MkDocs would have listed them. SOTAY_PLAIN_BUILD=1
builds every page the ordinary way; tests/test_build.py checks both ways give the same bytes.

Two cores (sotay.background): the rest of the data check runs beside the build from on_config until
on_pre_build, which waits for it before MkDocs empties the site folder; then the files no MkDocs page waits for (vCards,
report templates, the directory's data) and the direct pages' bodies are made beside MkDocs' page builds,
until on_post_build."""
from __future__ import annotations

import copy
import logging
import os
import posixpath
import re
from dataclasses import replace
from functools import partial
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urljoin, urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File
from mkdocs.structure.pages import Page as MkDocsPage
from mkdocs.structure.toc import get_toc
from mkdocs.utils import write_file

from sotay.errors import DataError
from sotay.load import start_loading
from sotay.pages import SLOT
from sotay.pages import guides
from sotay.pages.site import build_site
from sotay.settings import from_environment, source_date_epoch
from sotay.validate.authored import check_authored
from sotay.offline import DOWNLOAD_PATH, download_page, file_links, local_polyfills, online_url
from sotay.search import fold_index_file, hold_excluded, restore_held
from sotay.shell import MARKS, make_shell
from sotay import background, service_worker

log = logging.getLogger("mkdocs.hooks.sotay")
_state: dict = {}
SHELL_TEMPLATE = "sotay-shell.html"  # renders nothing: on_post_page puts the page into its shell
DIRECT_CHECKED = 2  # direct pages that go through MkDocs, so that their shell is checked against the theme twice
_CANNOT = object()  # a page shape whose shell did not reproduce the theme's output


def _plain() -> bool:
    return os.environ.get("SOTAY_PLAIN_BUILD", "") not in ("", "0")


class GeneratedPage(MkDocsPage):
    """A generated page outside the navigation: front matter known, Markdown only the slot."""

    def __init__(self, file: File, config, source):
        super().__init__(None, file, config)
        self.source = source

    def read_source(self, config) -> None:
        self.markdown = self.source.body() + "\n"
        self.meta = {**self.source.front_matter(), "template": SHELL_TEMPLATE}

    def render(self, config, files) -> None:
        if self.markdown.strip() != SLOT:  # a plugin changed the Markdown: convert it the ordinary way
            self.meta.pop("template", None)
            return super().render(config, files)
        self.content = SLOT  # what Markdown makes of the slot
        self.toc = get_toc([])
        self._title_from_render = None
        self.present_anchor_ids = set()
        if log.getEffectiveLevel() > logging.DEBUG:
            self.links_to_anchors = {}


# Hooks -------------------------------------------------------------------------------------------

def on_config(config):
    settings = replace(from_environment(Path(config.config_file_path).parent), site_url=config.site_url or "")
    # The rest of the check runs beside the build until on_pre_build, which waits for it (_verified)
    # before MkDocs empties the site folder; without a model there is nothing to build: its problems now.
    loading = start_loading(settings.data_dir, settings.today)
    _state.update(loading=loading, authored=lambda tables: check_authored(settings.docs_dir, tables, _blog_categories(config)))
    model = loading.model if loading.model is not None else _verified()
    try:  # the pages to build are planned meanwhile (rendered later, from the verified model)
        if _state.get("built_for") is not model:
            _state["pages"], _state["assets"] = build_site(model, settings)
            _state["built_for"] = model
    except Exception:
        _verified()  # data the rules refuse can break the plan: its problems, not a traceback
        raise
    # Reproducible output: MkDocs dates the sitemap (<lastmod>, gzip header) from SOURCE_DATE_EPOCH,
    # else from the clock. Date it "as of" SITE_TODAY unless the caller set the epoch itself.
    os.environ.setdefault("SOURCE_DATE_EPOCH", str(source_date_epoch(settings.today)))
    _state.update(settings=settings, model=model)
    config.extra["sample_data"] = model.sample
    config.extra["site_today"] = settings.today.isoformat()
    if config.extra.get("polyfills"):  # the offline plugin's CDN shim -> our local copy
        config.extra["polyfills"] = local_polyfills(config.extra["polyfills"])
    return config


def on_pre_build(config):
    _verified()  # before MkDocs empties the site folder: bad data leaves the last good site as it was


def _verified():
    """The model once the whole check (and the check of the authored pages) found nothing; else the build stops."""
    try:
        return _state["loading"].verified([_state["authored"]])
    except DataError as exc:
        raise PluginError("Dữ liệu có lỗi nên chưa thể xuất bản trang:\n" + exc.report()) from None


def _blog_categories(config) -> list[str] | None:
    """The blog's allowed categories; None (any) without the blog or a list."""
    blog = config.plugins.get("material/blog")
    if blog is None:
        return None
    return list(blog.config.categories_allowed) or None


def on_files(files, config):
    direct, checked = [], []
    for page in _state["pages"]:
        if page.direct and not _plain() and len(checked) >= DIRECT_CHECKED:
            direct.append(page)
            continue
        file = File.generated(config, page.path, content=page.markdown())
        files.append(file)
        if page.direct:
            checked.append(file)
    # written after the build (_write_direct), listed in the sitemap after the last page checked
    _state["direct"], _state["direct_after"] = direct, (checked[-1] if direct else None)
    outputs = []
    for asset in _state["assets"]:
        if _plain():
            files.append(File.generated(config, asset.path, content=asset.content))
        else:  # made and written by the background job; MkDocs knows the file and copies nothing
            file = WrittenByTheGlue.generated(config, asset.path, content=b"")
            files.append(file)
            outputs.append((asset, file.abs_dest_path))
    if not _plain():
        # What no page MkDocs takes through its events waits for is made on the second core meanwhile.
        _state["job"] = background.start(partial(_in_background, outputs, direct, "search" in config.plugins))
    _state["by_path"] = {p.path: p for p in _state["pages"]}
    # The offline edition's ZIP (scripts/build_offline.py sets SITE_OFFLINE_ZIP) and its download page.
    zip_path = os.environ.get("SITE_OFFLINE_ZIP")
    zip_bytes = Path(zip_path).read_bytes() if zip_path and Path(zip_path).is_file() else None
    if zip_bytes is not None:
        files.append(File.generated(config, DOWNLOAD_PATH, content=zip_bytes))
    files.append(File.generated(config, "tai-ve/index.md",
                                content=download_page(None if zip_bytes is None else len(zip_bytes),
                                                      offline=config.use_directory_urls is False,  # offline plugin on
                                                      site_url=config.site_url or "")))
    return files


# Guides, unit, team and district progress pages are outside the navigation: the theme marked no tab or
# menu entry on them. Each is shown under its folder's index page; team pages under the units'.
SECTION_FOLDER = {"to": "don-vi"}


def _section_of(page):
    """The navigation page a page outside the navigation belongs under (shown as the current section), or None."""
    if id(page) in _state.get("in_nav", ()):
        return None
    folder = page.file.src_uri.split("/", 1)[0]
    section = _state.get("sections", {}).get(f"{SECTION_FOLDER.get(folder, folder)}/index.md")
    return section if section is not page else None


def on_nav(nav, config, files):
    _state["shells"], _state["filled"], _state["stamped"], _state["held"] = {}, {}, 0, {}
    _state["sections"] = {p.file.src_uri: p for p in nav.pages}
    _state["in_nav"] = {id(p) for p in nav.pages}
    if _plain():
        return nav
    in_nav = _state["in_nav"]
    for page in _state["pages"]:
        if page.body() != SLOT:
            continue
        file = files.get_file_from_path(page.path)
        if file is not None and file.page is not None and id(file.page) not in in_nav:
            GeneratedPage(file, config, page)  # replaces file.page
    return nav


def on_env(env, config, files):
    _state["env"] = env
    _state["direct_files"] = [File.generated(config, p.path, content="") for p in _state["direct"]]  # their addresses
    # every file of the site, for the offline edition's links
    _state["present"] = {f.dest_uri for f in files} | {f.dest_uri for f in _state["direct_files"]}
    return env


def _in_background(outputs, direct, search: bool) -> list[str]:
    """The background job: write every generated file (vCards, report templates, the directory's data)
    where MkDocs would have, and return the bodies of the direct pages, as the search plugin leaves them."""
    for asset, path in outputs:
        write_file(asset.content, path)
    return [_search_clean(body) if search else body for body in (page.render() for page in direct)]


class WrittenByTheGlue(File):
    """A generated file written by the background job, not by MkDocs' copying of static files."""

    def copy_file(self, dirty: bool = False) -> None:
        pass


def on_template_context(context, template_name, config):
    after = _state.get("direct_after")
    if template_name != "sitemap.xml" or after is None:
        return context
    # The pages written directly, where MkDocs would have listed them: right after the last one it built.
    pages = list(context["pages"])
    model = after.page
    prefix = model.abs_url[: len(model.abs_url) - len(model.url)] if model.abs_url else None
    stand_ins = [SimpleNamespace(page=SimpleNamespace(
        is_link=False, url=f.url, update_date=model.update_date,
        canonical_url=urljoin(config.site_url, f.url) if config.site_url else None,
        abs_url=None if prefix is None else prefix + f.url)) for f in _state["direct_files"]]
    at = pages.index(after) + 1
    context["pages"] = pages[:at] + stand_ins + pages[at:]
    return context


def on_page_markdown(markdown, page, config, files):
    if guides.is_guide(page.file.src_uri):
        page.meta.setdefault("description", page.meta.get("summary", ""))
        # Residents search for guides: rank one above a post or unit page with the same words.
        page.meta.setdefault("search", {"boost": GUIDE_SEARCH_BOOST})
        return guides.banner_markdown(guides.banners(page.meta, _state["model"])) + guides.search_terms(page.meta) + markdown
    if page.file.src_uri.startswith(EDITORS_FOLDER):
        # Editors know their section; residents searching "zalo" or "tập huấn" want a guide, not the data dictionary.
        page.meta.setdefault("search", {"boost": EDITORS_SEARCH_BOOST})
    return markdown


def on_page_content(html, page, config, files):
    if guides.is_guide(page.file.src_uri):
        # The handout's QR code opens the online guide, also when printed from the offline edition.
        url = online_url(page.file.src_uri)
        return guides.handout(html, page.meta, config.site_url + url if config.site_url else url)
    generated = _state["by_path"].get(page.file.src_uri)
    if generated is None:
        return html
    body = generated.render()
    if not _plain():  # member tables skip the theme's indexer, which would parse them only to skip them
        body, _state["held"][page.file.src_uri] = hold_excluded(body)
    return html.replace(SLOT, body, 1)


@event_priority(-100)  # last: the shell is rendered from the context every other plugin has made
def on_page_context(context, page, config, nav):
    # A guide's summary is its meta description (search engines, link previews) unless it has one.
    if not page.meta.get("description") and isinstance(page.meta.get("summary"), str):
        page.meta["description"] = page.meta["summary"]
    if not config.use_directory_urls and config.site_url:  # the offline edition: its copy's canonical is the online page
        page.canonical_url = config.site_url + online_url(page.file.src_uri)
    generated = _state["by_path"].get(page.file.src_uri)
    if generated is not None:
        page.edit_url = _edit_url(config, generated)
    section = _section_of(page)
    if section is not None:  # until on_post_page: the theme marks its tab and menu entry ("Đơn vị")
        section.active = True
    if page.meta.get("template") == SHELL_TEMPLATE:
        _state["filled"][page.file.src_uri] = _in_shell(context, page)
        if generated is not None and generated.direct:
            _state["direct_model"] = (context, page)  # what the direct pages are rendered like
    return context


def _edit_url(config, generated) -> str | None:
    """A generated page's edit link: the data file an editor would change; none when it is made from no
    single data file (MkDocs' own would point at a docs file that does not exist)."""
    return f"{config.repo_url.rstrip('/')}/edit/main/{generated.edit}" if generated.edit and config.repo_url else None


GUIDE_SEARCH_BOOST = 2
EDITORS_FOLDER, EDITORS_SEARCH_BOOST = "bien-tap/", 0.5


def _listing_pages(config) -> tuple[str, ...]:
    """The blog's category and page-2… listings: they repeat their posts' titles and would outrank them."""
    blog = config.plugins.get("material/blog")
    if blog is None:
        return ()
    return (f"{blog.config.blog_dir}/category/", f"{blog.config.blog_dir}/page/")


@event_priority(100)  # first: other plugins see the whole page
def on_post_page(output, page, config):
    section = _section_of(page)
    if section is not None:
        section.active = False
    filled = _state["filled"].pop(page.file.src_uri, None)
    output = output if filled is None else filled
    held = _state["held"].pop(page.file.src_uri, None)
    if held:
        clean = _search_clean if "search" in config.plugins else (lambda block: block)
        output = restore_held(output, held, clean)
    if not config.use_directory_urls:  # the offline edition, read from file://: no folder opens its index.html
        output = file_links(output, page.file.dest_uri, _state["present"])
    return output


def _search_clean(block: str) -> str:
    """What Material's search plugin does to the content it indexed (on_page_context): drop data-search-*
    attributes that have a value. Held elements missed it, so they get it here."""
    return re.sub(r"\s?data-search-\w+=\"[^\"]+\"", "", block)


# Shells ------------------------------------------------------------------------------------------

def _values(page) -> dict[str, str]:
    return {"title": page.meta["title"], "description": page.meta.get("description"),
            "canonical": page.canonical_url, "edit": page.edit_url, "content": page.content}


def _shape(page) -> tuple:
    """What, besides the values, the theme's output may depend on for a page outside the navigation."""
    values = _values(page)
    meta = tuple(sorted((k, repr(v)) for k, v in page.meta.items() if k not in ("title", "description")))
    # Relative links in the theme's output depend on where the page's folder is, not only on its depth:
    # to/<id>/index.html pages share a shell, don-vi/<district>/<commune>/ pages one per district.
    folder = posixpath.dirname(posixpath.dirname(page.file.dest_uri))
    return (folder, "<h1" in page.content, meta, *(values[k] is None for k in ("description", "canonical", "edit")))


def _theme(context, page) -> str:
    """The theme's own rendering of the page (main.html)."""
    meta = page.meta
    page.meta = {k: v for k, v in meta.items() if k != "template"}
    try:
        return _state["env"].get_template("main.html").render(context)
    finally:
        page.meta = meta


def _marked(context, page) -> str:
    """The theme's rendering of a copy of the page whose values are the shell's marks."""
    twin = copy.copy(page)
    values = _values(page)
    twin.meta = {k: v for k, v in page.meta.items() if k != "template"}
    twin.meta["title"] = MARKS["title"]
    if values["description"] is not None:
        twin.meta["description"] = MARKS["description"]
    twin.canonical_url = MARKS["canonical"] if values["canonical"] is not None else None
    twin.edit_url = MARKS["edit"] if values["edit"] is not None else None
    twin.content = MARKS["content"]
    return _state["env"].get_template("main.html").render({**context, "page": twin})


def _in_shell(context, page) -> str:
    """The page's output: from its shape's shell once that shell has reproduced the theme's rendering
    of two pages byte for byte; until then (and for good if it did not) the theme's rendering."""
    shape = _shape(page)
    entry = _state["shells"].get(shape)
    if entry is _CANNOT:
        return _theme(context, page)
    if entry is not None and entry[1] >= 2:
        _state["stamped"] = _state.get("stamped", 0) + 1
        return entry[0].fill(_values(page))
    output = _theme(context, page)
    shell = entry[0] if entry is not None else make_shell(_marked(context, page))
    if shell is None or shell.fill(_values(page)) != output:
        log.debug("no shell for pages shaped like %s", page.file.src_uri)
        _state["shells"][shape] = _CANNOT
    else:
        _state["shells"][shape] = (shell, (entry[1] if entry is not None else 0) + 1)
    return output


def _write_direct(config, bodies: list[str]) -> None:
    """Write the direct pages (team pages but the first two) as MkDocs would have: their body (made by the
    background job, with the search plugin's clean-up) where the Markdown slot was, the page's values in
    the shell the first two checked (or, for a page of another shape, the theme's own rendering), the
    offline edition's file links."""
    if not _state["direct"]:
        return
    context, model = _state["direct_model"]
    section = _section_of(model)
    if section is not None:
        section.active = True  # as for the pages MkDocs rendered (on_page_context)
    for page, file, body in zip(_state["direct"], _state["direct_files"], bodies, strict=True):
        twin = copy.copy(model)
        twin.file = file
        twin.meta = {**page.front_matter(), "template": SHELL_TEMPLATE}
        twin.content = body
        twin.canonical_url = urljoin(config.site_url, twin.url) if config.site_url else None  # as MkDocs' Page sets them
        twin.abs_url = urlsplit(twin.canonical_url).path if config.site_url else None
        if not config.use_directory_urls and config.site_url:  # as on_page_context does for the offline edition
            twin.canonical_url = config.site_url + online_url(file.src_uri)
        twin.edit_url = _edit_url(config, page)
        output = _in_shell({**context, "page": twin}, twin)
        if not config.use_directory_urls:
            output = file_links(output, file.dest_uri, _state["present"])
        write_file(output.encode("utf-8"), os.path.join(config.site_dir, file.dest_uri))
    if section is not None:
        section.active = False
    log.debug("pages written directly after the build: %d", len(_state["direct"]))


def on_post_build(config):
    job = _state.pop("job", None)
    if job is not None:
        log.debug("generated files and direct pages made in %s", "a second process" if job.forked else "this process")
    _write_direct(config, job.result() if job is not None else [])
    log.debug("pages filled into a theme shell: %d", _state.get("stamped", 0))
    if config.use_directory_urls:  # not the offline edition (file://), where a service worker cannot run
        (Path(config.site_dir) / "sw.js").write_text(service_worker.script(Path(config.site_dir)), encoding="utf-8")
    # Tone-mark-insensitive search: folded copies of title and text in Material's lunr index. Runs
    # after the search plugin wrote the index and before the offline plugin inlines it (priority -100).
    index = Path(config.site_dir) / "search" / "search_index.json"
    if index.is_file():
        sizes = fold_index_file(index, exclude=_listing_pages(config), measure=log.isEnabledFor(logging.DEBUG))
        if sizes:
            log.debug("search index: %d -> %d bytes gzipped", *sizes)
