"""Macros glue for MkDocs (mkdocs-macros) and Zensical (its macros extension): load the YAML once,
expose the renderers as macros, write the downloads.

All logic lives in the ``macros`` package (macros/glue.py reads either tool's env); this file only
wires it in.
"""

from __future__ import annotations

import sys
from pathlib import Path

try:
    from mkdocs.exceptions import PluginError
except ImportError:  # built by Zensical without MkDocs installed

    class PluginError(Exception):
        pass


# Neither `mkdocs` nor `zensical` puts the project folder on sys.path; the macros package lives there.
# Zensical runs this file once per page: add the folder once.
PROJECT = str(Path(__file__).resolve().parent)
if PROJECT not in sys.path:
    sys.path.insert(0, PROJECT)


from macros import casestudies, cohort, exports, glue, links, measured, offline, render, resources, selfcheck  # noqa: E402
from macros.buildguard import guard_build  # noqa: E402
from macros.errors import ContentError  # noqa: E402


def define_env(env):
    build = glue.BuildEnv(env)
    guard_build(env.conf)  # a failed build empties site/ (macros/buildguard.py)
    try:
        content, index, shells = glue.load_site(build.root, build.docs_dir)
    except ContentError as error:
        raise PluginError(str(error)) from None
    env.variables["wwc_content"] = content
    env.variables["wwc_site_dir"] = str(build.site_dir)
    env.variables["offline_zip"] = offline.ZIP_NAME if offline.offline_zip() else ""
    if not build.is_mkdocs:
        glue.write_downloads_once(content, build.site_dir)
    page_src = build.page_src

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
    def program_today() -> str:
        return resources.program_today(content)

    @env.macro
    def resources_list() -> str:
        return resources.resources_list(index, page_src())

    @env.macro
    def sources_list() -> str:
        return render.sources_list(content)

    @env.macro
    def self_check() -> str:
        try:
            return selfcheck.render_page(
                content, page_src(), guide_base=links.root_prefix(build.page_url()), directory_urls=build.directory_urls
            )
        except selfcheck.SelfCheckPageError as error:
            raise PluginError(str(error)) from None

    @env.macro
    def cohort_page() -> str:
        try:
            return cohort.render_cohort_page(
                content, page_src(), guide_base=links.root_prefix(build.page_url()), directory_urls=build.directory_urls
            )
        except cohort.CohortPageError as error:
            raise PluginError(str(error)) from None

    @env.macro
    def download_link(name: str) -> str:
        # Generated files are not in docs/, so MkDocs cannot resolve them: link by URL instead.
        if name not in exports.download_names() + ([offline.ZIP_NAME] if offline.offline_zip() else []):
            raise PluginError(f"docs/{page_src()}: no download named {name!r}")
        target = f"{links.root_prefix(build.page_url())}{exports.DOWNLOADS_DIR}/{name}"
        return f'<a href="{target}" download><code>{name}</code></a>'

    @env.macro
    def measurement(section: str) -> str:
        return measured.measurement(measured.load_results(build.root), section)


def on_post_build(env):
    """MkDocs only (Zensical has no post-build event: see glue.write_downloads_once)."""
    glue.write_downloads(env.variables["wwc_content"], Path(env.variables["wwc_site_dir"]))
