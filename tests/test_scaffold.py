"""Adding a case study or a practice area is one YAML file: `python -m macros.scaffold` writes the rest."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from helpers import copy_project, page, run_mkdocs_build, soup

NEW_STUDY = "testville"
NEW_AREA = "test-area"
AREA_YAML = """id: test-area
name: Test Area
definition: A practice area added by the scaffold test.
criteria:
  - id: TA1
    statement: Your local government does the tested thing.
    requirements:
      - id: ta1-tested-thing
        text: The tested thing is done.
"""


def copy_repository(root, target):
    copy_project(root, target)


def run_scaffold(repo) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "macros.scaffold", str(repo)], cwd=repo, capture_output=True, text=True, timeout=120
    )


def snapshot(repo) -> dict[str, bytes]:
    return {
        str(path.relative_to(repo)): path.read_bytes()
        for path in sorted(repo.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


@pytest.fixture(scope="module")
def scaffolded(root, tmp_path_factory):
    """A copy of the repository with one new case study YAML and one new practice area YAML, scaffolded twice."""
    repo = tmp_path_factory.mktemp("scaffold-repo")
    copy_repository(root, repo)
    study = (root / "casestudies" / "seattle.yml").read_text(encoding="utf-8")
    (repo / "casestudies" / f"{NEW_STUDY}.yml").write_text(
        study.replace("id: seattle", f"id: {NEW_STUDY}").replace("city: Seattle", "city: Testville"), encoding="utf-8"
    )
    (repo / "criteria" / "assessment-45" / f"{NEW_AREA}.yml").write_text(AREA_YAML, encoding="utf-8")
    first = run_scaffold(repo)
    after_first = snapshot(repo)
    second = run_scaffold(repo)
    site = tmp_path_factory.mktemp("scaffold-site")
    build = run_mkdocs_build(repo / "mkdocs.yml", site)
    return repo, first, second, after_first, site, build


def test_scaffold_reports_what_it_wrote(scaffolded):
    _, first, _, _, _, _ = scaffolded
    assert first.returncode == 0, first.stderr
    out = first.stdout
    assert f"docs/case-studies/{NEW_STUDY}.md: page shell written" in out
    assert f"docs/criteria/{NEW_AREA}.md: page shell written" in out
    assert f"nav line '- case-studies/{NEW_STUDY}.md' added" in out
    assert f"nav line '- criteria/{NEW_AREA}.md' added" in out
    assert f"added {NEW_AREA} to groups" in out


def test_scaffold_is_idempotent(scaffolded):
    repo, _, second, after_first, _, _ = scaffolded
    assert second.returncode == 0, second.stderr
    assert "nothing to add" in second.stdout
    assert snapshot(repo) == after_first


def test_the_scaffolded_site_builds_with_both_new_pages(scaffolded):
    _, _, _, _, site, build = scaffolded
    assert build.returncode == 0, f"strict build failed:\n{build.stdout}\n{build.stderr}"
    study = soup(page(site, f"case-studies/{NEW_STUDY}/"))
    assert "Testville" in study.find("h1").get_text()
    area = soup(page(site, f"criteria/{NEW_AREA}/"))
    assert area.find(id="ta1") is not None
    nav_links = {a["href"] for a in soup(page(site, "")).select("nav.md-nav a[href]")}
    assert f"case-studies/{NEW_STUDY}/" in nav_links and f"criteria/{NEW_AREA}/" in nav_links


def test_existing_repository_needs_nothing(root, tmp_path):
    copy_repository(root, tmp_path)
    before = snapshot(tmp_path)
    result = run_scaffold(tmp_path)
    assert result.returncode == 0 and "nothing to add" in result.stdout, result.stdout + result.stderr
    assert snapshot(tmp_path) == before


def test_without_scaffold_the_build_still_names_the_missing_page(root, tmp_path):
    copy_repository(root, tmp_path)
    (tmp_path / "docs" / "case-studies" / "seattle.md").unlink()
    result = run_mkdocs_build(tmp_path / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0
    assert "casestudies/seattle.yml" in result.stdout + result.stderr
    assert "docs/case-studies/seattle.md" in result.stdout + result.stderr


def test_a_linked_or_special_group_file_is_not_added_to_groups(root, tmp_path):
    """Only a real group file becomes a group: a link (to a file outside) or a fifo is left for the build to refuse."""
    repo = tmp_path / "repo"
    copy_repository(root, repo)
    outside = tmp_path / "outside.yml"
    outside.write_text(AREA_YAML, encoding="utf-8")
    (repo / "criteria/assessment-45/linked-area.yml").symlink_to(outside)
    os.mkfifo(repo / "criteria/assessment-45/pipe-area.yml")
    edition = repo / "criteria/assessment-45/edition.yml"
    before = edition.read_bytes()
    result = run_scaffold(repo)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert edition.read_bytes() == before
    assert "content has problems" in result.stderr


def test_a_malformed_edition_file_is_not_rewritten(root, tmp_path):
    """The scaffold reads edition.yml as the build does (schema first): a file the build refuses is left alone."""
    repo = tmp_path / "repo"
    copy_repository(root, repo)
    (repo / "criteria/assessment-45" / f"{NEW_AREA}.yml").write_text(AREA_YAML, encoding="utf-8")
    edition = repo / "criteria/assessment-45/edition.yml"
    edition.write_text(edition.read_text(encoding="utf-8") + "statment: a typo the schema refuses\n", encoding="utf-8")
    before = edition.read_bytes()
    result = run_scaffold(repo)
    assert edition.read_bytes() == before
    assert "content has problems" in result.stderr


def test_a_page_shell_is_not_written_through_a_linked_docs_folder(root, tmp_path):
    repo = tmp_path / "repo"
    copy_repository(root, repo)
    outside = tmp_path / "outside"
    (repo / "docs/case-studies").rename(outside)
    (repo / "docs/case-studies").symlink_to(outside)
    (outside / "seattle.md").unlink()
    before = sorted(path.name for path in outside.iterdir())
    result = run_scaffold(repo)
    assert sorted(path.name for path in outside.iterdir()) == before
    assert "docs/case-studies/seattle.md: would be written outside the repository" in result.stderr, result.stderr
