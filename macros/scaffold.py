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
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

from .content import CASE_STUDY_DIR, CRITERIA_DIR, load_content
from .errors import ContentError
from .pages import expected_shells, shell_text

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


def add_unlisted_groups(root: Path) -> list[str]:
    """Append each criteria/<edition>/<slug>.yml missing from its edition's ``groups`` to that list."""
    written = []
    editions_file = root / CRITERIA_DIR / "editions.yml"
    try:
        editions = yaml.safe_load(editions_file.read_text(encoding="utf-8"))["editions"]
    except (OSError, yaml.YAMLError, KeyError, TypeError):
        return written  # the build reports what is wrong with editions.yml
    for edition_id in editions:
        edition_file = root / CRITERIA_DIR / str(edition_id) / "edition.yml"
        try:
            text = edition_file.read_text(encoding="utf-8")
            listed = yaml.safe_load(text).get("groups") or []
        except (OSError, yaml.YAMLError, AttributeError):
            continue
        unlisted = sorted(path.stem for path in edition_file.parent.glob("*.yml")
                          if path.name != "edition.yml" and path.stem not in listed)
        lines = text.split("\n")
        key = next((n for n, line in enumerate(lines) if re.match(r"^groups:\s*$", line)), None)
        block = list_item_block(lines, key) if key is not None else None
        if not unlisted or block is None:
            continue
        last, indent = block
        lines[last + 1:last + 1] = [f"{indent}- {slug}" for slug in unlisted]
        edition_file.write_text("\n".join(lines), encoding="utf-8")
        written.append(f"{edition_file.relative_to(root)}: added {', '.join(unlisted)} to groups")
    return written


def add_page_shells(root: Path, shells: dict[str, tuple]) -> list[str]:
    written = []
    for src, target in shells.items():
        path = root / DOCS / src
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(shell_text(target[0]) + "\n", encoding="utf-8")
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
    written = add_unlisted_groups(root)
    try:
        content = load_content(root)
    except ContentError:
        return written, ["content has problems, no page shell written; the build lists them"]
    shells = expected_shells(content)
    written += add_page_shells(root, shells)
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
