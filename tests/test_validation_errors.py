"""Bad content stops the build with a message naming file, line, path and what was expected."""

from __future__ import annotations

import shutil

import pytest

from helpers import copy_project, run_mkdocs_build
from macros.content import load_content
from macros.errors import ContentError

DG = "criteria/assessment-45/data-governance.yml"
SEATTLE = "casestudies/seattle.yml"


@pytest.fixture
def tree(root, tmp_path):
    for folder in ("criteria", "casestudies"):
        shutil.copytree(root / folder, tmp_path / folder)
    return tmp_path


def edit(tree, relative: str, old: str, new: str, count: int = 1) -> int:
    """Replace text in a copied YAML file; returns the 1-based line where the change starts."""
    path = tree / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {relative}"
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return line


def problems(tree) -> list[str]:
    with pytest.raises(ContentError) as raised:
        load_content(tree)
    return [str(problem) for problem in raised.value.problems]


def test_valid_content_loads(tree):
    content = load_content(tree)
    assert len(content["editions"]["assessment-45"]["groups"]) == 8


def test_yaml_syntax_error_names_file_and_line(tree):
    line = edit(tree, DG, "  - id: DG2\n", "  - id: [DG2\n")
    found = problems(tree)
    assert len(found) == 1
    assert found[0].startswith(f"{DG}:") and "YAML syntax error" in found[0]
    reported = int(found[0].split(":")[1])
    assert line <= reported <= line + 2


def test_duplicate_key_in_a_mapping(tree):
    line = edit(tree, DG, "  - id: DG2\n", "  - id: DG2\n    id: DG9\n")
    assert problems(tree) == [f"{DG}:{line + 1}: at criteria[1].id: duplicate key 'id' (first defined on line {line})"]


def test_unknown_key(tree):
    line = edit(tree, DG, "  - id: DG2\n", "  - id: DG2\n    statment: typo\n")
    [found] = problems(tree)
    assert found.startswith(f"{DG}:{line + 1}: at criteria[1].statment: unknown field 'statment'")
    assert "expected one of:" in found and "statement" in found


def test_missing_required_field(tree):
    text = (tree / SEATTLE).read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    kept = [line for line in lines if not line.startswith("city:")]
    (tree / SEATTLE).write_text("".join(kept), encoding="utf-8")
    [found] = problems(tree)
    assert found.startswith(f"{SEATTLE}:1:") and "missing required field 'city'" in found


def test_wrong_type(tree):
    line = edit(tree, DG, "all_applicants_percent: 19", "all_applicants_percent: nineteen")
    [found] = problems(tree)
    assert found == (f"{DG}:{line}: at benchmark.all_applicants_percent: expected a number, found a string: 'nineteen'")


def test_duplicate_criterion_id(tree):
    line = edit(tree, DG, "  - id: DG2\n", "  - id: DG1\n")
    found = problems(tree)
    assert any(f"{DG}:{line}: at criteria[1].id: duplicate id 'DG1'" in p for p in found), found


def test_duplicate_id_across_files_names_the_other_file(tree):
    edit(tree, "criteria/assessment-45/evaluations.yml", "  - id: EVAL2\n", "  - id: DG1\n")
    found = problems(tree)
    assert any("duplicate id 'DG1' (also at criteria/assessment-45/data-governance.yml:line" in p for p in found), found


def test_dangling_crosswalk_reference(tree):
    line = edit(tree, "criteria/launch-50/commit.yml", "matches: [OD1]", "matches: [OD9]")
    [found] = problems(tree)
    assert (
        found
        == f"criteria/launch-50/commit.yml:{line}: at criteria[0].matches[0]: unknown criterion 'OD9': no other edition has this id"
    )


def test_case_study_referring_to_a_missing_criterion(tree):
    text = (tree / SEATTLE).read_text(encoding="utf-8")
    assert "OD1" in text
    (tree / SEATTLE).write_text(text.replace("OD1", "OD99", 1), encoding="utf-8")
    [found] = problems(tree)
    assert found.startswith(f"{SEATTLE}:") and "unknown criterion 'OD99' in edition 'assessment-45'" in found


def test_quote_speaker_must_be_a_listed_person(tree):
    text = (tree / SEATTLE).read_text(encoding="utf-8")
    marker = "speaker: "
    start = text.index(marker) + len(marker)
    end = text.index("\n", start)
    (tree / SEATTLE).write_text(text[:start] + "Somebody Else" + text[end:], encoding="utf-8")
    [found] = problems(tree)
    assert "speaker 'Somebody Else' is not one of the people listed" in found


def test_unknown_source_reference(tree):
    line = edit(tree, DG, "definition_source: sample-certification-report", "definition_source: nowhere")
    [found] = problems(tree)
    assert found.startswith(f"{DG}:{line}: at definition_source: unknown source 'nowhere' (expected one of: ")
    assert "sample-certification-report" in found


def test_group_file_not_listed_in_the_edition(tree):
    shutil.copy(tree / DG, tree / "criteria/assessment-45/extra.yml")
    found = problems(tree)
    assert any("criteria/assessment-45/extra.yml is not listed in groups" in p for p in found), found


def test_several_problems_are_all_reported(tree):
    edit(tree, DG, "  - id: DG2\n", "  - id: DG2\n    statment: typo\n")
    edit(tree, "criteria/launch-50/commit.yml", "matches: [OD1]", "matches: OD1")
    found = problems(tree)
    assert len(found) == 2 and found[1].startswith("criteria/launch-50/commit.yml:"), found


@pytest.fixture
def site_tree(root, tmp_path):
    return copy_project(root, tmp_path)


def assert_build_stops_with(site_tree, message: str) -> None:
    result = run_mkdocs_build(site_tree / "mkdocs.yml", site_tree / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert message in output, output
    assert "Traceback" not in output


def test_build_stops_with_the_message_and_no_traceback(site_tree):
    line = edit(site_tree, DG, "  - id: DG2\n", "  - id: DG2\n    statment: typo\n")
    assert_build_stops_with(site_tree, f"{DG}:{line + 1}: at criteria[1].statment: unknown field 'statment'")


def test_build_stops_when_a_case_study_has_no_page(site_tree):
    (site_tree / "docs/case-studies/seattle.md").unlink()
    assert_build_stops_with(site_tree, "casestudies/seattle.yml:1: has no page: create docs/case-studies/seattle.md")


def test_build_stops_when_a_page_has_no_case_study(site_tree):
    (site_tree / "casestudies/seattle.yml").unlink()
    assert_build_stops_with(site_tree, "docs/case-studies/seattle.md:1: this page has no YAML file behind it")
