"""Real builds that fail: the message names file and line, no traceback, and no site is left behind.

A failed build empties its output folder (macros/buildguard.py), whether it failed while loading
content, inside a page, or only at the end on strict-mode warnings after every page was written.
"""

from __future__ import annotations

import pytest

from helpers import copy_project, run_mkdocs_build
from macros.buildguard import MARKER_FILE

pytestmark = pytest.mark.slow


@pytest.fixture
def project(root, tmp_path):
    tree = copy_project(root, tmp_path / "project")
    # A previous good build's output: a failed build must not leave it looking current.
    site = tmp_path / "site"
    (site / "criteria").mkdir(parents=True)
    (site / "index.html").write_text("<html>old</html>", encoding="utf-8")
    (site / ".git").mkdir()
    return tree, site


def build_fails(tree, site, *expected: str) -> str:
    result = run_mkdocs_build(tree / "mkdocs.yml", site)
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output, output
    for fragment in expected:
        assert fragment in output, output
    left = sorted(path.name for path in site.iterdir())
    assert left == [".git", MARKER_FILE], f"a failed build left {left}"
    return output


def test_content_error_leaves_no_site(project):
    tree, site = project
    path = tree / "criteria/assessment-45/edition.yml"
    body = path.read_text(encoding="utf-8")
    line = body[: body.index("min_percent: 51")].count("\n") + 1
    path.write_text(body.replace("min_percent: 51", "min_percent: .nan", 1), encoding="utf-8")
    build_fails(
        tree, site, f"criteria/assessment-45/edition.yml:{line}: at tiers[0].min_percent: '.nan' is not a finite number"
    )


def test_shell_calling_the_wrong_macro_stops_the_build_with_a_message(project):
    tree, site = project
    (tree / "docs/criteria/open-data.md").write_text("{{ case_study_page() }}\n", encoding="utf-8")
    build_fails(
        tree, site, "docs/criteria/open-data.md:1: a page shell must contain only the line '{{ group_page() }}'"
    )


def test_missing_nav_line_stops_the_build_before_writing(project):
    tree, site = project
    config = tree / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("      - case-studies/jackson.md\n", ""), encoding="utf-8"
    )
    build_fails(tree, site, "docs/case-studies/jackson.md is not in the nav")


def test_strict_warning_after_every_page_was_written_leaves_no_site(project):
    tree, site = project
    about = tree / "docs/about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n\nSee [this](nowhere.md).\n", encoding="utf-8")
    build_fails(tree, site, "nowhere.md", "strict mode")


def test_a_good_build_leaves_no_failure_marker(built_site):
    assert (built_site / "index.html").is_file()
    assert not (built_site / MARKER_FILE).exists()
