"""The tests' own build helpers: the in-process build reports a failure with MkDocs' message, and the
command-line build runs the copy's own code."""

from __future__ import annotations

from helpers import build_in_process, copy_project, run_mkdocs_build

DG = "criteria/assessment-45/data-governance.yml"


def test_in_process_build_fails_with_the_content_error(root, tmp_path):
    tree = copy_project(root, tmp_path / "project")
    path = tree / DG
    path.write_text(
        path.read_text(encoding="utf-8").replace("  - id: DG2\n", "  - id: DG2\n    statment: x\n", 1), encoding="utf-8"
    )
    ok, log = build_in_process(tree / "mkdocs.yml", tmp_path / "site")
    assert not ok
    assert f"{DG}:" in log and "unknown field 'statment'" in log, log


def test_command_line_build_imports_the_copys_macros_package(root, tmp_path):
    tree = copy_project(root, tmp_path / "project")
    with (tree / "macros" / "__init__.py").open("a", encoding="utf-8") as init:
        init.write("\nraise SystemExit('the copy of macros/ was imported')\n")
    result = run_mkdocs_build(tree / "mkdocs.yml", tmp_path / "site")
    assert result.returncode != 0
    assert "the copy of macros/ was imported" in result.stdout + result.stderr
