"""The guide also builds with Zensical (Material's successor): same pages, anchors, self-check, downloads.

Zensical requires the site folder inside the project, so the project is copied to a temporary folder
and built there once per test run (shared across xdist workers like ``built_site``).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from helpers import copy_project, html_pages, shared_build, soup

ZENSICAL = Path(sys.executable).parent / "zensical"


def zensical_build(root: Path):
    def build(folder: Path) -> tuple[bool, str]:
        copy_project(root, folder / "project")
        result = subprocess.run(
            [str(ZENSICAL), "build", "--clean", "--strict"],
            cwd=folder / "project",
            capture_output=True,
            text=True,
            timeout=300,
        )
        return result.returncode == 0, f"zensical build failed:\n{result.stdout}\n{result.stderr}"

    return build


@pytest.fixture(scope="session")
def zensical_site(request, tmp_path_factory, root) -> Path:
    return shared_build(request, tmp_path_factory, "zensical", zensical_build(root)) / "project" / "site"


def page_names(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in html_pages(site)}


def content_anchors(site: Path) -> set[str]:
    """Every page#id inside the pages' article (the theme's own ids differ between the two tools)."""
    anchors = set()
    for path in html_pages(site):
        article = soup(path).find("article")
        if article is not None:
            name = path.relative_to(site).as_posix()
            anchors |= {
                f"{name}#{element['id']}" for element in article.find_all(id=True) if not element["id"].startswith("__")
            }  # "__": the theme's own (skip link)
    return anchors


def test_same_pages(built_site, zensical_site):
    assert page_names(zensical_site) == page_names(built_site)


def test_same_anchors(built_site, zensical_site):
    mkdocs_anchors, zensical_anchors = content_anchors(built_site), content_anchors(zensical_site)
    assert len(mkdocs_anchors) > 500
    assert zensical_anchors == mkdocs_anchors, (
        sorted(mkdocs_anchors - zensical_anchors)[:20],
        sorted(zensical_anchors - mkdocs_anchors)[:20],
    )


def test_self_check_form_and_data_are_the_same(built_site, zensical_site):
    def form(site: Path):
        article = soup(site / "self-check" / "index.html").find("article")  # the theme's own differ
        data = [script.string for script in article.find_all("script", type="application/json")]
        inputs = [(field.get("name"), field.get("value")) for field in article.find_all("input")]
        return data, inputs

    mkdocs_form, zensical_form = form(built_site), form(zensical_site)
    assert mkdocs_form[0] and len(mkdocs_form[1]) > 100
    assert zensical_form == mkdocs_form


def test_same_downloads(built_site, zensical_site):
    mkdocs_files = sorted(p.name for p in (built_site / "downloads").iterdir() if p.suffix != ".html")
    zensical_files = sorted(p.name for p in (zensical_site / "downloads").iterdir() if p.suffix != ".html")
    assert "criteria.json" in mkdocs_files and zensical_files == mkdocs_files
    for name in mkdocs_files:
        assert (zensical_site / "downloads" / name).read_bytes() == (built_site / "downloads" / name).read_bytes(), name
