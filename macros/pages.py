"""Which page shell in docs/ shows which piece of YAML, and a check that they correspond one to one."""

from __future__ import annotations

from pathlib import Path

from . import links
from .errors import ContentError, Problem


def expected_shells(content: dict) -> dict[str, tuple]:
    """Page source path (relative to docs/) -> what it renders."""
    shells = {}
    for edition in content["editions"].values():
        for group in edition["groups"]:
            shells[links.group_src(edition, group)] = ("group", edition["id"], group["id"])
    for study_id in content["case_studies"]:
        shells[links.case_study_src(study_id)] = ("case_study", study_id)
    return shells


def shell_folders(content: dict) -> set[str]:
    return {edition["url_path"] for edition in content["editions"].values()} | {links.CASE_STUDY_FOLDER}


def check_page_shells(content: dict, docs_dir: Path) -> None:
    """Every group and case study has its page shell, and every shell has its YAML."""
    expected = expected_shells(content)
    problems = []
    for src, target in expected.items():
        if not (docs_dir / src).is_file():
            yaml_file = (f"criteria/{target[1]}/{target[2]}.yml" if target[0] == "group"
                         else f"casestudies/{target[1]}.yml")
            problems.append(Problem(yaml_file, None, "", f"has no page: create docs/{src} containing only "
                                    f"the line {shell_text(target[0])!r}"))
    for folder in sorted(shell_folders(content)):
        for page in sorted((docs_dir / folder).glob("*.md")):
            src = f"{folder}/{page.name}"
            if page.name != "index.md" and src not in expected:
                problems.append(Problem(f"docs/{src}", None, "", "this page has no YAML file behind it "
                                        "(no group or case study with this slug)"))
    if problems:
        raise ContentError(problems)


def shell_text(kind: str) -> str:
    return "{{ group_page() }}" if kind == "group" else "{{ case_study_page() }}"
