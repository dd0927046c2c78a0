"""No name of the guide's own standard in its code: everything specific comes from the YAML.

The names are read from the YAML (program and edition titles, area and phase names and slugs, tier
names and ids, criterion ids and their anchors) and searched for, as whole words, in macros/**/*.py,
main.py, macros/schemas, the settings YAML in macros/ and the guide's JavaScript. The lower-case
``wwc`` prefix of element ids, CSS classes and file names is the code's namespace, not the program's
name, so only the upper-case acronym counts.
"""

from __future__ import annotations

import functools
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
    # The sources of the page scripts, not their bundles: the bundles hold nothing else (no runtime
    # dependency), and the minifier's invented names (a function called "No") would match by chance.
    files += sorted((ROOT / "selfcheck" / "src").rglob("*.js"))
    return files


@functools.lru_cache(maxsize=1)  # the YAML does not change during a run; read it once, not per file
def standard_names() -> frozenset[str]:
    content = load_content(ROOT)
    names = set(PROGRAM_NAMES)
    for edition in content["editions"].values():
        names |= {edition["id"], edition["title"], edition["short_title"]}
        names |= {tier["name"] for tier in edition["tiers"]} | {tier["id"] for tier in edition["tiers"]}
        # The answers' labels too: the texts fill them in from answer_states.
        names |= answer_labels(edition)
        for group in edition["groups"]:
            names |= {group["name"]}
            if "-" in group["id"]:  # one-word slugs ("act", "measure") are ordinary words in code
                names.add(group["id"])
            for criterion in group["criteria"]:
                names |= {criterion["id"], criterion["id"].lower()}
    return frozenset(names)


def answer_labels(edition: dict) -> set[str]:
    return {state["label"] for state in edition["answer_states"]}


@functools.lru_cache(maxsize=1)
def all_answer_labels() -> frozenset[str]:
    return frozenset().union(*(answer_labels(edition) for edition in load_content(ROOT)["editions"].values()))


# Before a word that opens a sentence: whitespace, comment markers, or the end of a sentence,
# of a string's opening quote or of a Markdown emphasis.
SENTENCE_START = re.compile(r"(?:[.!?:\"'`>{(\[][\s*/#]*|\*)$")


def opens_sentence(text: str, start: int) -> bool:
    # The file's start opens a sentence too (the "." stands for it).
    before = ("." if start <= 200 else "") + text[max(0, start - 200) : start]
    return bool(SENTENCE_START.search(before))


def occurrences(path: Path, names: set[str], root: Path = ROOT, ordinary_words: frozenset = frozenset()) -> list[str]:
    """Where each name occurs as a whole word. Names in ``ordinary_words`` (answer labels such as
    a plain "No") are English words too: opening a sentence ("No DOM here.") they are that word,
    not the answer's name; capitalised inside a sentence ("each Yes", "before No") they name it."""
    text = path.read_text(encoding="utf-8")
    found = []
    for name in sorted(names):
        if name not in text:  # a plain substring test first: most names are in no file, and it is cheap
            continue
        for match in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            if name in ordinary_words and opens_sentence(text, match.start()):
                continue
            line = text.count("\n", 0, match.start()) + 1
            found.append(f"{path.relative_to(root)}:{line}: {name}")
    return found


@pytest.mark.parametrize("path", code_files(), ids=lambda path: str(path.relative_to(ROOT)))
def test_no_name_of_the_standard_in_code(path):
    assert not occurrences(path, standard_names(), ordinary_words=all_answer_labels())


def test_the_search_finds_names_as_whole_words(tmp_path):
    """The check itself works: names in code are found, longer words containing them are not."""
    sample = tmp_path / "sample.js"
    sample.write_text('const tier = "Silver";\n// see #dg1\nconst DG10 = 1; silverware();\n', encoding="utf-8")
    assert occurrences(sample, {"Silver", "dg1", "DG1"}, root=tmp_path) == ["sample.js:1: Silver", "sample.js:2: dg1"]


def test_answer_labels_are_found_inside_a_sentence_not_opening_one(tmp_path):
    """An answer label inside a sentence names the answer; the same word opening one does not."""
    sample = tmp_path / "sample.js"
    sample.write_text(
        '// No DOM here.\nmsg = "No file.";\n/* turns a\n * Yes into In progress before No */\n', encoding="utf-8"
    )
    labels = frozenset({"Yes", "In progress", "No"})
    assert occurrences(sample, set(labels), root=tmp_path, ordinary_words=labels) == [
        "sample.js:4: In progress",
        "sample.js:4: No",
        "sample.js:4: Yes",
    ]
    assert all_answer_labels() >= {
        state["label"] for edition in load_content(ROOT)["editions"].values() for state in edition["answer_states"]
    }
