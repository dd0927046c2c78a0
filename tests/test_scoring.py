"""Scoring (macros/scoring.py) and its twin in the browser (wwc-scoring.js), and the export file.

- unit tests of the Python scoring on the real editions: the sample report's city, thresholds;
- a property test: random editions and answer sets scored by Python and by the JavaScript module
  (one long-lived node process, tests/js/score_cli.js) must give identical results;
- the export file's JSON Schema and the page's import check (wwc-export.js) must agree.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from helpers import SAMPLE_REPORT_MET, SAMPLE_REPORT_PERCENTS, answers_meeting
from macros.content import load_content
from macros.scoring import score, tier_ranges
from macros.selfcheck import load_settings, payload_edition

ROOT = Path(__file__).resolve().parent.parent
CLI = ROOT / "tests" / "js" / "score_cli.js"
EXPORT_SCHEMA = ROOT / "macros" / "schemas" / "self-check-export.schema.json"


@pytest.fixture(scope="module")
def content():
    return load_content(ROOT)


@pytest.fixture(scope="module")
def assessment(content):
    return content["editions"]["assessment-45"]


def first_yes(edition: dict, count: int) -> dict[str, str]:
    ids = [criterion["id"] for group in edition["groups"] for criterion in group["criteria"]]
    return {cid: "yes" for cid in ids[:count]}


# --- the Python scoring on the real content -----------------------------------------------------


def test_sample_report_city_scores_28_of_45_silver(assessment):
    result = score(assessment, answers_meeting(assessment, SAMPLE_REPORT_MET))
    assert (result["met"], result["total"], result["percent"], result["tier"]) == (28, 45, "62.2", "silver")
    assert [group["id"] for group in result["groups"]] == list(SAMPLE_REPORT_MET)
    assert [group["percent"] for group in result["groups"]] == SAMPLE_REPORT_PERCENTS
    assert result["unanswered"] == 0
    assert result["next_tier"] == {"id": "gold", "more_needed": 3}


def test_group_average_comes_from_the_benchmark(assessment):
    result = score(assessment, {})
    for group, scored in zip(assessment["groups"], result["groups"]):
        assert scored["average_percent"] == group["benchmark"]["all_applicants_percent"]


def test_30_of_45_is_66_7_percent_and_still_silver(assessment):
    result = score(assessment, first_yes(assessment, 30))
    assert (result["percent"], result["tier"]) == ("66.7", "silver")
    assert result["next_tier"] == {"id": "gold", "more_needed": 1}


@pytest.mark.parametrize(
    "met, tier",
    [
        (0, None),
        (22, None),
        (23, "silver"),
        (30, "silver"),
        (31, "gold"),
        (38, "gold"),
        (39, "platinum"),
        (45, "platinum"),
    ],
)
def test_tier_thresholds_of_45(assessment, met, tier):
    assert score(assessment, first_yes(assessment, met))["tier"] == tier


def test_tier_ranges_of_45(assessment):
    ranges = [(item["tier"]["id"], item["min_met"], item["max_met"]) for item in tier_ranges(assessment)]
    assert ranges == [("silver", 23, 30), ("gold", 31, 38), ("platinum", 39, 45)]


def test_unanswered_counts_criteria_without_an_answer(assessment):
    result = score(assessment, {"DG1": "yes", "DG2": "in-progress", "DG3": "no", "NOPE1": "yes"})
    assert (result["met"], result["unanswered"]) == (1, 42)


def test_next_tier(assessment):
    assert score(assessment, {})["next_tier"] == {"id": "silver", "more_needed": 23}
    assert score(assessment, first_yes(assessment, 31))["next_tier"] == {"id": "platinum", "more_needed": 8}
    assert score(assessment, first_yes(assessment, 39))["next_tier"] is None


def test_launch_edition_scores_on_its_own_total(content):
    edition = content["editions"]["launch-50"]
    result = score(edition, first_yes(edition, 26))
    assert (result["met"], result["total"], result["percent"], result["tier"]) == (26, 50, "52.0", "silver")


def test_page_payload_scores_like_the_full_edition(content):
    """The page scores the trimmed edition it embeds; it must give the same result as the YAML."""
    for edition in content["editions"].values():
        answers = first_yes(edition, 17) | {"Q3": "in-progress", "DG5": "no"}
        assert score(payload_edition(edition), answers) == score(edition, answers)


# --- Python and JavaScript must agree ------------------------------------------------------------


class NodeBridge:
    """One node process running tests/js/score_cli.js; a request per line, an answer per line."""

    def __init__(self):
        self.process = subprocess.Popen(
            [shutil.which("node") or "node", str(CLI)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            bufsize=1,
        )

    def ask(self, request: dict):
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        reply = json.loads(self.process.stdout.readline())
        assert reply["ok"], reply["error"]
        return reply["value"]

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=10)


@pytest.fixture(scope="module")
def node():
    if not shutil.which("node"):
        pytest.fail("node is needed to test the JavaScript scoring")
    bridge = NodeBridge()
    yield bridge
    bridge.close()


def as_json(value):
    return json.loads(json.dumps(value))


def test_javascript_scores_the_sample_report_like_python(node, content, assessment):
    edition = payload_edition(assessment)
    answers = answers_meeting(assessment, SAMPLE_REPORT_MET)
    assert node.ask({"op": "score", "edition": edition, "answers": answers}) == as_json(score(edition, answers))


STATE_IDS = ["yes", "in-progress", "no"]


@st.composite
def real_edition_answers(draw, editions: list[dict]):
    edition = draw(st.sampled_from(editions))
    ids = [criterion["id"] for group in edition["groups"] for criterion in group["criteria"]]
    answers = {}
    for cid in ids:
        state = draw(st.sampled_from(STATE_IDS + [None]))
        if state:
            answers[cid] = state
    stray = draw(
        st.dictionaries(st.from_regex(r"[A-Z]{1,3}[0-9]{1,3}", fullmatch=True), st.sampled_from(STATE_IDS), max_size=3)
    )
    return edition, stray | answers


percent_thresholds = st.one_of(
    st.integers(min_value=1, max_value=100),
    st.floats(min_value=0.01, max_value=100, allow_nan=False)
    .map(lambda value: round(value, 2))
    .filter(lambda v: v > 0),
)


@st.composite
def synthetic_editions(draw):
    """Editions of any shape: tiers, answer states and precision are data, so all must score alike."""
    state_count = draw(st.integers(min_value=2, max_value=4))
    met_flags = draw(st.lists(st.booleans(), min_size=state_count, max_size=state_count).filter(any))
    states = [{"id": f"s{index}", "label": f"S{index}", "met": met} for index, met in enumerate(met_flags)]
    thresholds = draw(st.lists(percent_thresholds, min_size=1, max_size=4, unique=True))
    tiers = [
        {"id": f"t{index}", "name": f"T{index}", "min_percent": value} for index, value in enumerate(sorted(thresholds))
    ]
    sizes = draw(st.lists(st.integers(min_value=1, max_value=15), min_size=1, max_size=6))
    averages = draw(
        st.lists(
            st.one_of(st.none(), st.integers(0, 100), st.floats(0, 100).map(lambda v: round(v, 1))),
            min_size=len(sizes),
            max_size=len(sizes),
        )
    )
    groups = [
        {
            "id": f"g{index}",
            "name": f"G{index}",
            "benchmark": None if average is None else {"all_applicants_percent": average, "source": "test"},
            "criteria": [{"id": f"G{index}C{n}"} for n in range(1, size + 1)],
        }
        for index, (size, average) in enumerate(zip(sizes, averages))
    ]
    edition = {
        "id": "synthetic",
        "answer_states": states,
        "tiers": tiers,
        "display": {
            "overall_decimals": draw(st.integers(min_value=0, max_value=3)),
            "group_decimals": draw(st.integers(min_value=0, max_value=3)),
        },
        "groups": groups,
    }
    answers = {}
    for group in groups:
        for criterion in group["criteria"]:
            state = draw(st.sampled_from([state["id"] for state in states] + [None]))
            if state:
                answers[criterion["id"]] = state
    return edition, answers


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_python_and_javascript_score_real_editions_alike(node, content, data):
    editions = [payload_edition(edition) for edition in content["editions"].values()]
    edition, answers = data.draw(real_edition_answers(editions))
    assert node.ask({"op": "score", "edition": edition, "answers": answers}) == as_json(score(edition, answers))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=synthetic_editions())
def test_python_and_javascript_score_any_edition_alike(node, case):
    edition, answers = case
    assert node.ask({"op": "score", "edition": edition, "answers": answers}) == as_json(score(edition, answers))


# --- the export file: settings, JSON Schema and the page's check agree -------------------------------


@pytest.fixture(scope="module")
def export_schema():
    return json.loads(EXPORT_SCHEMA.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def export_settings():
    return load_settings()["export"]


def test_schema_constants_match_the_settings(export_schema, export_settings):
    Draft202012Validator.check_schema(export_schema)
    assert export_schema["properties"]["format"]["const"] == export_settings["format"]
    assert export_schema["properties"]["version"]["enum"] == export_settings["import_versions"]
    assert export_settings["version"] == max(export_settings["import_versions"])
    assert EXPORT_SCHEMA.name == export_settings["schema_file"]


def valid_export(**changes) -> dict:
    data = {
        "format": "wwc-guide-self-check",
        "version": 1,
        "edition": "assessment-45",
        "exported": "2024-05-01T12:00:00.000Z",
        "answers": {"DG1": "yes", "DG2": "in-progress", "EVAL3": "no"},
        "result": {"met": 1, "total": 45, "percent": "2.2", "tier": None, "groups": []},
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not ...}


# A history of one change and one summary of folded ones (selfcheck/src/lib/history.js).
HISTORY = {
    "entries": [
        {
            "id": "h1",
            "who": "Ana",
            "at": "2024-05-01T09:00:00.000Z",
            "criterion": "DG1",
            "field": "answer",
            "from": None,
            "to": "yes",
        }
    ],
    "compacted": [
        {
            "who": "Ben",
            "criterion": "DG2",
            "count": 3,
            "first": "2024-04-01T09:00:00.000Z",
            "last": "2024-04-02T09:00:00.000Z",
        }
    ],
    "through": "2024-04-02T09:00:00.000Z",
}

EXAMPLES = [
    valid_export(),
    valid_export(result=...),
    valid_export(answers={}),
    valid_export(edition="launch-50", answers={f"Q{n}": "yes" for n in range(1, 51)}),
    valid_export(version=1.0),
    valid_export(result={"met": 28, "total": 45, "percent": "62.2", "tier": "silver", "next_tier": None}),
    valid_export(result={}),
    valid_export(answers={f"A{n}": "no" for n in range(1000)}),
    valid_export(version=3, history={"entries": [], "compacted": [], "through": ""}),
    valid_export(version=3, history=HISTORY),
    # invalid
    valid_export(version=3, history={"entries": "none", "compacted": [], "through": ""}),
    valid_export(version=3, history={"entries": [], "compacted": []}),
    valid_export(version=3, history={**HISTORY, "entries": [{**HISTORY["entries"][0], "at": "yesterday"}]}),
    valid_export(version=3, history={**HISTORY, "entries": [{**HISTORY["entries"][0], "extra": 1}]}),
    valid_export(answers={f"A{n}": "no" for n in range(1001)}),
    [],
    42,
    None,
    "text",
    {},
    valid_export(format="other"),
    valid_export(format=...),
    valid_export(version=2),
    valid_export(version="1"),
    valid_export(version=True),
    valid_export(version=...),
    valid_export(edition="Assessment 45"),
    valid_export(edition="a" * 101),
    valid_export(edition=...),
    valid_export(edition=45),
    valid_export(exported=20240501),
    valid_export(exported="x" * 101),
    valid_export(exported=...),
    valid_export(answers=[]),
    valid_export(answers=...),
    valid_export(answers={"dg1": "yes"}),
    valid_export(answers={"DG": "yes"}),
    valid_export(answers={"1": "yes"}),
    valid_export(answers={"A" * 40 + "1": "yes"}),
    valid_export(answers={"DG1": "Yes"}),
    valid_export(answers={"DG1": 1}),
    valid_export(answers={"DG1": ""}),
    valid_export(answers={"DG1": None}),
    valid_export(answers={"DG1": "y" * 101}),
    valid_export(answers={"DG1": "in--progress"}),
    valid_export(extra=1),
    valid_export(result=[]),
    valid_export(result={"met": -1}),
    valid_export(result={"met": 1.5}),
    valid_export(result={"met": "1"}),
    valid_export(result={"total": True}),
    valid_export(result={"percent": 62.2}),
    valid_export(result={"tier": 5}),
    # issue 26: the planned application date, the administration's start, and dates on evidence
    valid_export(version=2, assessment={"name": "x", "application": "2027-04-30", "administration": ""}),
    valid_export(version=2, assessment={"application": "2027-4-30"}),
    valid_export(version=2, assessment={"administration": 20220101}),
    valid_export(version=2, evidence={"DG1": {"items": ["dg1-a"], "dates": {"dg1-a": "2026-02-28"}}}),
    valid_export(version=2, evidence={"DG1": {"dates": {}}}),
    valid_export(version=2, evidence={"DG1": {"dates": {"dg1-a": ""}}}),
    valid_export(version=2, evidence={"DG1": {"dates": {"DG1-A": "2026-02-28"}}}),
    valid_export(version=2, evidence={"DG1": {"dates": ["2026-02-28"]}}),
    valid_export(version=2, evidence={"DG1": {"dates": {"dg1-a": 5}}}),
    valid_export(version=2, evidence={"DG1": {"dates": {f"i{n}": "2026-01-01" for n in range(201)}}}),
]


def javascript_accepts(node, data, export_settings) -> bool:
    return node.ask({"op": "check", "data": data, "settings": export_settings}) == []


@pytest.mark.parametrize("data", EXAMPLES, ids=[f"example-{index}" for index in range(len(EXAMPLES))])
def test_schema_and_import_check_agree_on_examples(node, export_schema, export_settings, data):
    assert Draft202012Validator(export_schema).is_valid(data) == javascript_accepts(node, data, export_settings)


def test_examples_include_both_verdicts(export_schema):
    verdicts = {Draft202012Validator(export_schema).is_valid(data) for data in EXAMPLES}
    assert verdicts == {True, False}


# Python's re lets "$" match before a final newline (ECMA-262, which JSON Schema follows, does not),
# so strings ending in a newline are left out: on those the JavaScript is the correct one.
safe_text = st.text(max_size=12).filter(lambda text: not text.endswith("\n"))
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 2000) | st.floats(allow_nan=False, allow_infinity=False) | safe_text,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(safe_text, children, max_size=3),
    max_leaves=6,
)
answer_keys = st.one_of(st.from_regex(r"[A-Z]{1,3}[0-9]{1,2}", fullmatch=True), safe_text)
answer_values = st.one_of(st.sampled_from(STATE_IDS), st.from_regex(r"[a-z0-9-]{1,8}", fullmatch=True), json_values)


@st.composite
def mutated_exports(draw):
    """A valid export with one part replaced: a top-level field, an answer, or the result."""
    data = valid_export()
    kind = draw(st.sampled_from(["field", "drop", "answer", "result"]))
    if kind == "field":
        data[draw(st.sampled_from(list(data) + ["extra"]))] = draw(json_values)
    elif kind == "drop":
        del data[draw(st.sampled_from(list(data)))]
    elif kind == "answer":
        data["answers"][draw(answer_keys)] = draw(answer_values)
    else:
        data["result"][draw(st.sampled_from(["met", "total", "percent", "tier", "other"]))] = draw(json_values)
    return data


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=mutated_exports())
def test_schema_and_import_check_agree_on_mutated_files(node, export_schema, export_settings, data):
    assert Draft202012Validator(export_schema).is_valid(data) == javascript_accepts(node, data, export_settings)


# --- the whole-percent reading (borderline results) -------------------------------------------------


def test_rounded_tier_agrees_with_its_python_twin_on_every_met_count(node, content):
    """wwc-scoring.js roundedTier and macros.scoring.rounded_tier over both editions."""
    from macros.scoring import rounded_tier as twin

    for edition in content["editions"].values():
        page_edition = payload_edition(edition)
        total = sum(len(group["criteria"]) for group in edition["groups"])
        for met in range(total + 1):
            assert node.ask({"op": "rounded_tier", "edition": page_edition, "met": met}) == twin(edition, met), (
                edition["id"],
                met,
            )


def test_rounded_tier_in_javascript_on_the_45(node, assessment):
    page_edition = payload_edition(assessment)
    readings = {
        met: node.ask({"op": "rounded_tier", "edition": page_edition, "met": met}) for met in (22, 23, 30, 38, 39)
    }
    # 30 of 45 is 66.7%: Silver on the exact share, Gold read as 67%; 38 of 45 (84.4%) reads as 84%, Gold.
    assert readings == {22: None, 23: "silver", 30: "gold", 38: "gold", 39: "platinum"}
