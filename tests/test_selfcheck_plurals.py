"""Counts read right for 1 and for many: every self-check text that puts a count before a noun is a
pair of plural forms ({one, other}) in the YAML, and both the page's script (lib/format.js
formatCount) and the server (macros/selfcheck.py fill_count) choose the right one."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from macros.selfcheck import SelfCheckPageError, fill_count, flat_texts

ROOT = Path(__file__).resolve().parent.parent
TEXT_FILES = ("macros/selfcheck.yml", "macros/selfcheck-assessments.yml", "macros/cohort.yml")
PLURAL_FORMS = {"zero", "one", "two", "few", "many", "other"}
# The placeholders that hold a count of something.
COUNT_NAMES = (
    "count|answers|taken|total|ticked|met|added|refused|same|differ|only_here|only_there|improved|worsened"
    "|changed|cities|more|answered|length|size|max"
)
# A count followed by a written noun (not a placeholder such as {items}, which the script words for the
# count): "{count} answers", "{count} {label_met} answers", "{total} required documents".
COUNT_THEN_NOUN = re.compile(r"\{(" + COUNT_NAMES + r")\}((?: \{label_\w+\}| [a-z]+){0,2}?) ([a-z]+s|criteria)\b")
# Counts that are never 1: a file's or a link's size and the settings' limits.
NEVER_ONE = {"length", "size", "max"}


def all_texts() -> dict[str, str | dict]:
    """Every text of the three files, by file and dotted key; a pair of plural forms is one text."""
    found: dict[str, str | dict] = {}

    def walk(node, key: str) -> None:
        if isinstance(node, dict) and node and set(node) <= PLURAL_FORMS:
            found[key] = node
        elif isinstance(node, dict):
            for name, value in node.items():
                walk(value, f"{key}.{name}")
        elif isinstance(node, str):
            found[key] = node

    for name in TEXT_FILES:
        walk(yaml.safe_load((ROOT / name).read_text(encoding="utf-8")), name)
    return found


def pairs() -> dict[str, dict]:
    return {key: text for key, text in all_texts().items() if isinstance(text, dict)}


def count_name(pair: dict) -> str:
    """The placeholder whose count chooses the form: the one before the noun in the 'other' form."""
    match = COUNT_THEN_NOUN.search(pair["other"])
    assert match, f"no count before a noun in {pair['other']!r}"
    return match.group(1)


def test_every_count_before_a_noun_has_a_form_for_one():
    """The old texts said "Read 1 answers", "1 documents", "1 cities": a plain string may not put a
    count (other than sizes and limits) before a noun."""
    offenders = {
        key: text
        for key, text in all_texts().items()
        if isinstance(text, str) and any(match.group(1) not in NEVER_ONE for match in COUNT_THEN_NOUN.finditer(text))
    }
    assert offenders == {}
    assert len(pairs()) >= 15


def rendered_by_python(pair: dict, count: int) -> str:
    return fill_count(pair, count, **{count_name(pair): count})


def rendered_by_script(cases: list[tuple[dict, str, int]]) -> list[str]:
    """formatCount of lib/format.js on each (pair, count name, count), in one node process."""
    program = (
        'import { formatCount } from "./selfcheck/src/lib/format.js";'
        'let input = "";'
        "process.stdin.on('data', (chunk) => { input += chunk; });"
        "process.stdin.on('end', () => {"
        "  const cases = JSON.parse(input);"
        "  console.log(JSON.stringify(cases.map(([text, name, count]) => formatCount(text, count, { [name]: count }))));"
        "});"
    )
    result = subprocess.run(
        ["node", "--input-type=module", "-e", program],
        input=json.dumps(cases),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout)


@pytest.mark.parametrize("key", sorted(pairs()))
def test_a_count_text_reads_right_for_1_and_for_2(key):
    pair = pairs()[key]
    name = count_name(pair)
    script_one, script_two = rendered_by_script([[pair, name, 1], [pair, name, 2]])
    one, two = rendered_by_python(pair, 1), rendered_by_python(pair, 2)
    assert (script_one, script_two) == (one, two)
    assert one != two.replace("2", "1")
    plural_after_two = COUNT_THEN_NOUN.search(pair["other"]).group(3)
    assert re.search(rf"\b{plural_after_two}\b", two)
    assert not re.search(rf"\b{plural_after_two}\b", one), one
    assert "1" in one


def test_a_text_without_a_pair_is_formatted_as_it_is():
    assert fill_count("{count} of {total}", 1, count=1, total=3) == "1 of 3"
    assert rendered_by_script([["{count} of {total}", "count", 1]]) == ["1 of {total}"]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ({"one": "{count} answer"}, "needs an 'other' form"),
        ({"single": "{count} answer", "other": "{count} answers"}, "'single' is not a plural form"),
        ({"one": ["a"], "other": "{count} answers"}, "texts.page.imported.one: must be a text"),
    ],
)
def test_a_malformed_count_text_stops_the_build_naming_its_key(value, message):
    with pytest.raises(SelfCheckPageError, match=re.escape(message)) as raised:
        flat_texts({"page": {"imported": value}}, "macros/selfcheck.yml")
    assert "macros/selfcheck.yml: texts.page.imported" in str(raised.value)
