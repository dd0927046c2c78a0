"""Write the boilerplate a new case study or practice area needs: ``python -m macros.scaffold [ROOT]``.

Adding content is one YAML file (``casestudies/<slug>.yml`` or ``criteria/<edition>/<slug>.yml``); this
command writes what follows from it and that nobody should have to remember:

- a group file not yet listed is appended to its edition's ``groups`` (criteria/<edition>/edition.yml);
- the one-line page shell in docs/ of every group and case study that has none;
- a ``nav`` line in mkdocs.yml for every shell missing from it, after the other pages of its folder.

It only adds, never rewrites or removes, so running it twice changes nothing; it prints each file it
changed. It is plain Python run before the build (scripts/dev.sh), not a MkDocs hook, so it works the
same whichever static site generator reads mkdocs.yml. If the content has problems it writes no shell and
leaves the build to report them, file and line, as usual.

It validates before it writes: editions.yml and each edition.yml are read with the build's bounded reader
and checked against their schemas first, every path it writes to is built from validated ids and must stay
inside the repository, and no symbolic link is followed (macros/safefiles.py).
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from .content import CASE_STUDY_DIR, CRITERIA_DIR, load_content
from .errors import ContentError, Problem
from .pages import expected_shells, shell_text
from .safefiles import entries, inside, read_bounded, safe_path
from .validation import schema, schema_problems
from .yamlfile import MAX_FILE_BYTES, YamlDocument, load_yaml

CONFIG = "mkdocs.yml"
DOCS = "docs"


def list_item_block(lines: list[str], start: int) -> tuple[int, str] | None:
    """(index of the last line, indentation) of the block list that follows the key at ``start``."""
    last, indent = None, None
    for number in range(start + 1, len(lines)):
        line = lines[number]
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        match = re.match(r"^(\s*)- ", line)
        if not match or (indent is not None and match.group(1) != indent):
            break
        indent, last = match.group(1), number
    return (last, indent) if last is not None else None


def valid_document(root: Path, relative: str, schema_name: str) -> YamlDocument | None:
    """The file read as the build reads it, or None when it is refused or fails its schema."""
    try:
        document = load_yaml(safe_path(root, relative), relative)
    except ContentError:
        return None
    return None if schema_problems(document, schema_name) else document


def group_file_slugs(root: Path, edition_id: str) -> list[str]:
    """Slugs of the group files in an edition's folder: regular files whose name is a valid group id."""
    pattern = re.compile(schema("edition")["properties"]["groups"]["items"]["pattern"])
    try:
        found = entries(root, f"{CRITERIA_DIR}/{edition_id}", (".yml",))
    except ContentError:
        return []
    slugs = (name[: -len(".yml")] for name, kind in found if kind == "file" and name != "edition.yml")
    return [slug for slug in slugs if pattern.match(slug)]


def add_unlisted_groups(root: Path) -> list[str]:
    """Append each criteria/<edition>/<slug>.yml missing from its edition's ``groups`` to that list."""
    written = []
    editions = valid_document(root, f"{CRITERIA_DIR}/editions.yml", "editions")
    if editions is None:
        return written  # the build reports what is wrong with editions.yml
    for edition_id in editions.data["editions"]:
        relative = f"{CRITERIA_DIR}/{edition_id}/edition.yml"
        edition = valid_document(root, relative, "edition")
        if edition is None:
            continue
        listed = edition.data["groups"]
        unlisted = sorted(slug for slug in group_file_slugs(root, edition_id) if slug not in listed)
        edition_file = safe_path(root, relative)
        lines = read_bounded(edition_file, relative, MAX_FILE_BYTES).decode("utf-8").split("\n")
        key = next((n for n, line in enumerate(lines) if re.match(r"^groups:\s*$", line)), None)
        block = list_item_block(lines, key) if key is not None else None
        if not unlisted or block is None:
            continue
        last, indent = block
        lines[last + 1 : last + 1] = [f"{indent}- {slug}" for slug in unlisted]
        write_inside(root, edition_file, "\n".join(lines))
        written.append(f"{relative}: added {', '.join(unlisted)} to groups")
    return written


def write_inside(root: Path, path: Path, text: str, new: bool = False) -> None:
    """Write a file of the repository; refuses a path that leads outside it or is a link."""
    if not inside(root, path.parent) or os.path.islink(path):
        raise ContentError([Problem(str(path), None, "", "is outside the repository or a link: not written")])
    with open(path, "x" if new else "w", encoding="utf-8") as handle:
        handle.write(text)


def add_page_shells(root: Path, shells: dict[str, tuple]) -> list[str]:
    written = []
    for src, target in shells.items():
        path = root / DOCS / src
        if os.path.lexists(path):
            continue
        if not inside(root, path.parent):  # a linked folder in docs/
            raise ContentError(
                [Problem(f"{DOCS}/{src}", None, "", "would be written outside the repository: not written")]
            )
        path.parent.mkdir(parents=True, exist_ok=True)
        write_inside(root, path, shell_text(target[0]) + "\n", new=True)
        written.append(f"{DOCS}/{src}: page shell written")
    return written


def nav_entries(lines: list[str]) -> dict[str, int]:
    """Page source -> line number, for every line of the config that names a Markdown page in a list."""
    found = {}
    for number, line in enumerate(lines):
        match = re.match(r"^\s*-\s+(?:[^:#]+:\s+)?([\w./-]+\.md)\s*$", line)
        if match:
            found[match.group(1)] = number
    return found


def add_nav_lines(root: Path, shells: dict[str, tuple]) -> tuple[list[str], list[str]]:
    """Add a nav line for each shell not in the nav, after the last page of the same folder."""
    config = root / CONFIG
    lines = config.read_text(encoding="utf-8").split("\n")
    written, problems = [], []
    for src in shells:
        entries = nav_entries(lines)
        if src in entries:
            continue
        folder = src.rsplit("/", 1)[0] + "/"
        siblings = [number for page, number in entries.items() if page.startswith(folder)]
        if not siblings:
            problems.append(f"{CONFIG}: no nav section for {folder}; add the line '- {src}' to nav yourself")
            continue
        last = max(siblings)
        indent = re.match(r"^(\s*)-", lines[last]).group(1)
        lines.insert(last + 1, f"{indent}- {src}")
        written.append(f"{CONFIG}: nav line '- {src}' added")
    if written:
        config.write_text("\n".join(lines), encoding="utf-8")
    return written, problems


def scaffold(root: Path) -> tuple[list[str], list[str]]:
    """Write what is missing; return (what was written, what could not be done)."""
    root = Path(root)
    try:
        written = add_unlisted_groups(root)
    except ContentError as error:
        return [], [str(problem) for problem in error.problems]
    try:
        content = load_content(root)
    except ContentError:
        return written, ["content has problems, no page shell written; the build lists them"]
    shells = expected_shells(content)
    try:
        written += add_page_shells(root, shells)
    except ContentError as error:
        return written, [str(problem) for problem in error.problems]
    nav_written, problems = add_nav_lines(root, shells)
    return written + nav_written, problems


def main(argv: list[str]) -> int:
    root = Path(argv[0]) if argv else Path(__file__).resolve().parent.parent
    written, problems = scaffold(root)
    for line in written:
        print(f"scaffold: {line}")
    for line in problems:
        print(f"scaffold: {line}", file=sys.stderr)
    if not written and not problems:
        print(f"scaffold: nothing to add ({CASE_STUDY_DIR}/ and {CRITERIA_DIR}/ all have their pages)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
