"""Which page shell in docs/ shows which piece of YAML, and checks that pages, shells and nav agree.

``check_page_shells`` finds, without building, what would otherwise fail a build (or, worse, only
show up in it): a group or case study without its page, a page without its YAML, a shell that
calls the wrong macro or holds other content, and a page missing from the ``nav`` of mkdocs.yml.
The build (main.py) and ``python -m macros.check`` both run it.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import yaml

from . import links
from .errors import ContentError, Problem
from .safefiles import read_bounded

CONFIG_FILE = "mkdocs.yml"
# A page shell is one macro line; more than this is certainly not one (and is not read further).
SHELL_MAX_BYTES = 10_000


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


def check_page_shells(content: dict, docs_dir: Path, config_file: Path | None = None) -> None:
    """Pages and YAML correspond; shells hold only their macro; the nav lists every page.

    ``config_file`` is mkdocs.yml, by default the one beside ``docs_dir``.
    """
    expected = expected_shells(content)
    problems = []
    for src, target in expected.items():
        if not (docs_dir / src).is_file():
            yaml_file = (
                f"criteria/{target[1]}/{target[2]}.yml" if target[0] == "group" else f"casestudies/{target[1]}.yml"
            )
            problems.append(
                Problem(
                    yaml_file,
                    1,
                    "",
                    f"has no page: create docs/{src} containing only the line {shell_text(target[0])!r}",
                )
            )
    for folder in sorted(shell_folders(content)):
        for page in sorted((docs_dir / folder).glob("*.md")):
            src = f"{folder}/{page.name}"
            if page.name != "index.md" and src not in expected:
                problems.append(
                    Problem(
                        f"docs/{src}",
                        1,
                        "",
                        "this page has no YAML file behind it (no group or case study with this slug)",
                    )
                )
    problems += shell_content_problems(expected, docs_dir)
    config = Path(config_file) if config_file else Path(docs_dir).parent / CONFIG_FILE
    if config.is_file():
        problems += nav_problems(config, docs_dir)
    if problems:
        raise ContentError(problems)


def shell_content_problems(expected: dict, docs_dir: Path) -> list[Problem]:
    """A shell holds exactly its one macro call: anything else would be lost or fail inside a plugin."""
    problems = []
    for src, target in expected.items():
        path = Path(docs_dir) / src
        if not os.path.lexists(path):
            continue
        try:
            text = read_bounded(path, f"docs/{src}", SHELL_MAX_BYTES).decode("utf-8", errors="replace")
        except ContentError as error:
            problems += error.problems
            continue
        if not _SHELL_CALL[target[0]].fullmatch(text.strip()):
            found = " ".join(text.split())
            found = found if len(found) <= 60 else found[:57] + "..."
            problems.append(
                Problem(
                    f"docs/{src}",
                    1,
                    "",
                    f"a page shell must contain only the line {shell_text(target[0])!r}; found {found!r}",
                )
            )
    return problems


def nav_problems(config_file: Path, docs_dir: Path) -> list[Problem]:
    """Every page in docs/ is in the nav (a strict build fails otherwise), and every nav entry exists."""
    name = config_file.name
    try:
        root = yaml.compose(
            config_file.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        )
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        return [Problem(name, None, "", f"cannot read the nav: {error}")]
    nav_key, nav = _mapping_entry(root, "nav")
    if nav is None:
        return []  # no nav: MkDocs lists every page itself
    entries = dict(_nav_pages(nav))
    problems = []
    pages = sorted(page.relative_to(docs_dir).as_posix() for page in Path(docs_dir).rglob("*.md"))
    for src in pages:
        if src not in entries:
            problems.append(
                Problem(
                    name, nav_key.start_mark.line + 1, "nav", f"docs/{src} is not in the nav: add the line '- {src}'"
                )
            )
    for src, line in entries.items():
        if not (Path(docs_dir) / src).is_file():
            problems.append(Problem(name, line, "nav", f"docs/{src} does not exist"))
    return problems


_SHELL_CALL = {
    "group": re.compile(r"\{\{\s*group_page\(\s*\)\s*\}\}"),
    "case_study": re.compile(r"\{\{\s*case_study_page\(\s*\)\s*\}\}"),
}


def _mapping_entry(node, key: str) -> tuple:
    """(key node, value node) of ``key`` in a composed mapping, or (None, None)."""
    if not isinstance(node, yaml.MappingNode):
        return None, None
    return next(
        (
            (key_node, value)
            for key_node, value in node.value
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == key
        ),
        (None, None),
    )


def _nav_pages(node):
    """(page path, line) of every Markdown page the nav names, at any depth."""
    if isinstance(node, yaml.ScalarNode):
        if node.value.endswith(".md") and "://" not in node.value:
            yield node.value, node.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _nav_pages(item)
    elif isinstance(node, yaml.MappingNode):
        for _, value in node.value:
            yield from _nav_pages(value)


def shell_text(kind: str) -> str:
    return "{{ group_page() }}" if kind == "group" else "{{ case_study_page() }}"
