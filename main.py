"""mkdocs-macros glue: load the YAML once, expose the renderers as macros, write the downloads.

All logic lives in the ``macros`` package; this file only wires it into MkDocs.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

# The `mkdocs` console script does not put the project folder on sys.path; the macros package lives there.
sys.path.insert(0, str(Path(__file__).resolve().parent))


from macros import casestudies, exports, links, render, selfcheck  # noqa: E402
from macros.content import load_content
from macros.errors import ContentError
from macros.links import SiteIndex
from macros.pages import check_page_shells, expected_shells


def define_env(env):
    root = Path(env.conf.config_file_path).parent
    try:
        content = load_content(root)
        check_page_shells(content, Path(env.conf.docs_dir))
    except ContentError as error:
        raise PluginError(str(error)) from None
    index = SiteIndex(content)
    shells = expected_shells(content)
    env.variables["wwc_content"] = content

    def page_src() -> str:
        return env.page.file.src_uri

    def shell_target(kind: str) -> tuple:
        target = shells.get(page_src())
        if not target or target[0] != kind:
            raise PluginError(f"docs/{page_src()}: this page is not a {kind} page shell")
        return target

    @env.macro
    def group_page() -> str:
        _, edition_id, group_id = shell_target("group")
        return render.group_page(index, edition_id, group_id, page_src())

    @env.macro
    def case_study_page() -> str:
        return casestudies.case_study_page(index, shell_target("case_study")[1], page_src())

    @env.macro
    def edition_overview(edition_id: str) -> str:
        return render.edition_overview(index, edition_id, page_src())

    @env.macro
    def tier_table(edition_id: str) -> str:
        return render.tier_table(content, edition_id)

    @env.macro
    def tiers_page() -> str:
        return render.tiers_page(content)

    @env.macro
    def crosswalk_table() -> str:
        return render.crosswalk_table(index, page_src())

    @env.macro
    def case_study_index() -> str:
        return casestudies.case_study_index(index, page_src())

    @env.macro
    def sources_list() -> str:
        return render.sources_list(content)

    @env.macro
    def self_check() -> str:
        try:
            return selfcheck.render_page(content, page_src(), guide_base=links.root_prefix(env.page.url),
                                         directory_urls=env.conf.use_directory_urls)
        except selfcheck.SelfCheckPageError as error:
            raise PluginError(str(error)) from None

    @env.macro
    def download_link(name: str) -> str:
        # Generated files are not in docs/, so MkDocs cannot resolve them: link by URL instead.
        if name not in exports.download_names():
            raise PluginError(f"docs/{page_src()}: no download named {name!r}")
        target = f"{links.root_prefix(env.page.url)}{exports.DOWNLOADS_DIR}/{name}"
        return f'<a href="{target}" download><code>{name}</code></a>'


def on_post_build(env):
    exports.write_downloads(env.variables["wwc_content"], Path(env.conf.site_dir))
    selfcheck.write_downloads(env.variables["wwc_content"], Path(env.conf.site_dir))
