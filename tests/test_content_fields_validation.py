"""Bad values in the fields the sources added (windows, audited responses, dependencies, benchmarks,
resources) stop the load with file, line and field."""

from __future__ import annotations

import shutil

import pytest

from macros.content import load_content
from macros.errors import ContentError

EVAL = "criteria/assessment-45/evaluations.yml"
RDC = "criteria/assessment-45/results-driven-contracting.yml"
RP = "criteria/assessment-45/repurposing.yml"
EDITION = "criteria/assessment-45/edition.yml"
RESOURCES = "criteria/resources.yml"


@pytest.fixture
def tree(root, tmp_path):
    for folder in ("criteria", "casestudies"):
        shutil.copytree(root / folder, tmp_path / folder)
    return tmp_path


def edit(tree, relative: str, old: str, new: str) -> int:
    """Replace text once in a copied file; returns the 1-based line of the first changed line."""
    path = tree / relative
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not once in {relative}"
    start = text.index(old)
    common = next((i for i, (a, b) in enumerate(zip(old, new)) if a != b), min(len(old), len(new)))
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text[: start + common].count("\n") + 1


def problems(tree) -> list[str]:
    with pytest.raises(ContentError) as raised:
        load_content(tree)
    return [str(problem) for problem in raised.value.problems]


def test_unknown_dependency_is_refused_with_file_and_line(tree):
    line = edit(tree, RDC, "  - criterion: RDC3\n", "  - criterion: RDC9\n")
    assert problems(tree) == [
        (
            f"{RDC}:{line}: at criteria[5].depends_on[0].criterion: unknown criterion 'RDC9': "
            "no criterion of this edition has this id"
        )
    ]


def test_dependency_on_another_editions_criterion_is_refused(tree):
    line = edit(tree, RDC, "  - criterion: RDC3\n", "  - criterion: Q22\n")
    assert problems(tree) == [
        (
            f"{RDC}:{line}: at criteria[5].depends_on[0].criterion: unknown criterion 'Q22': "
            "no criterion of this edition has this id"
        )
    ]


def test_circular_dependencies_are_refused(tree):
    edit(
        tree,
        RDC,
        "    documentation:\n      - id: rdc1-three-procurement-examples",
        "    depends_on:\n      - criterion: RDC2\n        reason: Loop.\n"
        "    documentation:\n      - id: rdc1-three-procurement-examples",
    )
    found = problems(tree)
    assert (
        len(found) == 1
        and found[0].startswith(f"{RDC}:")
        and "circular prerequisites: RDC1 -> RDC2 -> RDC1" in found[0]
    )


def test_dependency_items_must_be_the_criterions_own(tree):
    line = edit(
        tree,
        RP,
        "        items: [rp3-budget-decision-example]\n        reason:",
        "        items: [rp2-discontinuation-process-or-policy]\n        reason:",
    )
    assert problems(tree) == [
        (
            f"{RP}:{line}: at criteria[2].depends_on[0].items[0]: unknown item "
            "'rp2-discontinuation-process-or-policy': RP3 has no requirement or document with this id"
        )
    ]


def test_audited_response_with_an_unknown_answer_state(tree):
    line = edit(tree, EVAL, '    to: "no"\n', "    to: rejected\n")
    assert problems(tree) == [
        (
            f"{EVAL}:{line}: at criteria[2].audited_responses[0].to: unknown answer state "
            "'rejected' (expected one of: yes, in-progress, no)"
        )
    ]


def test_audited_response_with_an_unknown_cause(tree):
    line = edit(tree, EVAL, "    cause: review-call-statement\n", "    cause: auditor-mood\n")
    found = problems(tree)
    assert found == [
        (
            f"{EVAL}:{line}: at criteria[1].audited_responses[0].cause: 'auditor-mood' is not one of: "
            "documents-not-submitted, not-yet-final, review-call-statement, current-executive"
        )
    ]


def test_audited_response_naming_an_item_of_another_criterion(tree):
    line = edit(tree, EVAL, "    items: [eval3-budget-memo]\n", "    items: [eval1-policy-documents]\n")
    assert problems(tree) == [
        (
            f"{EVAL}:{line}: at criteria[2].audited_responses[0].items[0]: unknown item "
            "'eval1-policy-documents': EVAL3 has no requirement or document with this id"
        )
    ]


def test_window_without_months_is_refused(tree):
    line = edit(tree, RP, "      anchor: past\n      months: 24\n", "      anchor: past\n")
    found = problems(tree)
    # Reported at the window's key, two lines above the removed months.
    assert len(found) == 1 and found[0].startswith(f"{RP}:{line - 2}: at criteria[3].window:")
    assert "missing required field 'months'" in found[0]


def test_window_with_an_unknown_anchor_is_refused(tree):
    line = edit(tree, RP, "      anchor: past\n      months: 24\n", "      anchor: future\n      months: 24\n")
    found = problems(tree)
    assert found == [f"{RP}:{line}: at criteria[3].window.anchor: 'future' is not one of: past, next, most-recent"]


def test_window_months_must_be_a_whole_number(tree):
    line = edit(tree, RP, "      months: 24\n", "      months: two years\n")
    found = problems(tree)
    assert found == [f"{RP}:{line}: at criteria[3].window.months: expected an integer, found a string: 'two years'"]


def test_region_with_a_text_count_is_refused(tree):
    line = edit(tree, EDITION, "applicants: 22,", "applicants: many,")
    found = problems(tree)
    assert len(found) == 1 and found[0].startswith(f"{EDITION}:{line}: at benchmarks.regions[0].applicants:")


def test_population_band_ending_below_its_start(tree):
    line = edit(
        tree, EDITION, "min_population: 30000, max_population: 100000", "min_population: 30000, max_population: 20000"
    )
    assert problems(tree) == [
        (
            f"{EDITION}:{line}: at benchmarks.population_bands[0].max_population: "
            "max_population 20000 must be above min_population 30000"
        )
    ]


def test_resource_naming_an_unknown_criterion(tree):
    line = edit(tree, RESOURCES, "    criteria: [GM8]\n", "    criteria: [GM80]\n")
    assert problems(tree) == [f"{RESOURCES}:{line}: at resources[0].criteria[0]: unknown criterion 'GM80'"]


def test_program_today_citing_an_unknown_source(tree):
    line = edit(tree, RESOURCES, "    sources: [bit-evaluation-hub]\n", "    sources: [a-blog]\n")
    found = problems(tree)
    assert len(found) == 1 and found[0].startswith(
        f"{RESOURCES}:{line}: at program_today[3].sources[0]: unknown source 'a-blog'"
    )


def test_resource_address_must_be_a_web_address(tree):
    line = edit(
        tree,
        RESOURCES,
        "    address: https://wwc.govex.academy/catalog\n    criteria: [GM8]",
        "    address: javascript:alert(1)\n    criteria: [GM8]",
    )
    found = problems(tree)
    assert len(found) == 1 and found[0].startswith(f"{RESOURCES}:{line}: at resources[0].address:")
    assert "javascript:" in found[0]
