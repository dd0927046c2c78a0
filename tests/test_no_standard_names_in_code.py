"""No name of the guide's own standard in its code: everything specific comes from the YAML.

The names are read from the YAML (program and edition titles, area and phase names and slugs, tier
names and ids, criterion ids and their anchors) and searched for, as whole words, in macros/**/*.py,
main.py, macros/schemas, the settings YAML in macros/ and the guide's JavaScript. The lower-case
``wwc`` prefix of element ids, CSS classes and file names is the code's namespace, not the program's
name, so only the upper-case acronym counts.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.content import load_content

ROOT = Path(__file__).resolve().parent.parent
PROGRAM_NAMES = {"What Works Cities", "WWC"}


def code_files() -> list[Path]:
    files = sorted((ROOT / "macros").rglob("*.py")) + [ROOT / "main.py"]
    files += sorted((ROOT / "macros" / "schemas").glob("*.json"))
    # The self-check's settings and interface texts live in macros/ too: they must fit any standard.
    files += sorted((ROOT / "macros").glob("*.yml"))
    files += sorted((ROOT / "docs" / "assets" / "javascripts").glob("*.js"))  # not vendor/
    return files


def standard_names() -> set[str]:
    content = load_content(ROOT)
    names = set(PROGRAM_NAMES)
    for edition in content["editions"].values():
        names |= {edition["id"], edition["title"], edition["short_title"]}
        names |= {tier["name"] for tier in edition["tiers"]} | {tier["id"] for tier in edition["tiers"]}
        for group in edition["groups"]:
            names |= {group["name"]}
            if "-" in group["id"]:  # one-word slugs ("act", "measure") are ordinary words in code
                names.add(group["id"])
            for criterion in group["criteria"]:
                names |= {criterion["id"], criterion["id"].lower()}
    return names


def occurrences(path: Path, names: set[str], root: Path = ROOT) -> list[str]:
    text = path.read_text(encoding="utf-8")
    found = []
    for name in sorted(names):
        for match in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            line = text.count("\n", 0, match.start()) + 1
            found.append(f"{path.relative_to(root)}:{line}: {name}")
    return found


@pytest.mark.parametrize("path", code_files(), ids=lambda path: str(path.relative_to(ROOT)))
def test_no_name_of_the_standard_in_code(path):
    assert not occurrences(path, standard_names())


def test_the_search_finds_names_as_whole_words(tmp_path):
    """The check itself works: names in code are found, longer words containing them are not."""
    sample = tmp_path / "sample.js"
    sample.write_text('const tier = "Silver";\n// see #dg1\nconst DG10 = 1; silverware();\n', encoding="utf-8")
    assert occurrences(sample, {"Silver", "dg1", "DG1"}, root=tmp_path) == ["sample.js:1: Silver", "sample.js:2: dg1"]
