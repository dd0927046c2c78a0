"""The criteria YAML: counts, ids, and every assessment-guide bullet assigned exactly once."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from macros.content import iter_criteria, load_content
from macros.validation import schema

# The bullets the assessment guide lists, copied into the repository (provenance: tests/data/README.md).
GUIDE_EXCERPT = "tests/data/assessment-guide-excerpt.txt"
AREA_COUNTS = {
    "data-governance": ("DG", 5),
    "evaluations": ("EVAL", 5),
    "general-management": ("GM", 9),
    "open-data": ("OD", 4),
    "performance-analytics": ("PA", 7),
    "repurposing": ("RP", 4),
    "results-driven-contracting": ("RDC", 7),
    "stakeholder-engagement": ("SE", 4),
}


@pytest.fixture(scope="module")
def content(root):
    return load_content(root)


def normalise(text: str) -> str:
    return " ".join(text.split())


def guide_bullets(root) -> dict[str, Counter]:
    """Bullets of assessment-guide.txt per area heading; numbered sub-items join their bullet."""
    lines = (root / GUIDE_EXCERPT).read_text(encoding="utf-8").splitlines()
    areas: dict[str, list[dict]] = {}
    current = None
    for line in lines:
        stripped = line.strip()
        if stripped == "--":
            break
        bullet = re.match(r"^\s*•\s+(.*)$", line)
        option = re.match(r"^\s+\d+\.\s+(.*)$", line)
        if bullet and current is not None:
            areas[current].append({"text": normalise(bullet.group(1)), "options": []})
        elif option and current is not None:
            areas[current][-1]["options"].append(normalise(option.group(1)))
        elif stripped and not bullet and not option:
            # Area names appear first in the table of contents (as bullets), then as headings.
            current = stripped
            areas.setdefault(current, [])
    # The first heading with bullets is the table of contents, which lists the area names.
    toc = areas.pop("Certification Criteria")
    assert [item["text"] for item in toc] == [area for area in areas if areas[area]]
    return {area: Counter(item_key(item) for item in items) for area, items in areas.items() if items}


def item_key(item: dict) -> tuple:
    return normalise(item["text"]), tuple(normalise(option) for option in item.get("options", []))


def yaml_items(group: dict) -> Counter:
    counter = Counter()
    for criterion in group["criteria"]:
        for kind in ("requirements", "documentation"):
            for item in criterion.get(kind, []):
                if item.get("source", "assessment-guide") == "assessment-guide":
                    counter[item_key(item)] += 1
    return counter


def test_45_criteria_in_eight_areas_with_the_report_ids(content):
    edition = content["editions"]["assessment-45"]
    assert [group["id"] for group in edition["groups"]] == list(AREA_COUNTS)
    for group in edition["groups"]:
        prefix, count = AREA_COUNTS[group["id"]]
        assert [c["id"] for c in group["criteria"]] == [f"{prefix}{n}" for n in range(1, count + 1)]
    assert sum(1 for _ in iter_criteria(edition)) == 45


def test_50_questions_in_four_phases(content):
    edition = content["editions"]["launch-50"]
    ids = [criterion["id"] for _, criterion in iter_criteria(edition)]
    assert ids == [f"Q{n}" for n in range(1, 51)]
    phases = {group["id"]: len(group["criteria"]) for group in edition["groups"]}
    assert phases == {"commit": 14, "measure": 10, "take-stock": 16, "act": 10}
    assert all(criterion.get("practice") for _, criterion in iter_criteria(edition))


def test_every_assessment_guide_bullet_is_assigned_exactly_once_in_its_area(root, content):
    bullets = guide_bullets(root)
    groups = {group["name"]: group for group in content["editions"]["assessment-45"]["groups"]}
    assert set(bullets) == set(groups), "area headings of the guide and group names differ"
    for area, expected in bullets.items():
        found = yaml_items(groups[area])
        missing, extra = expected - found, found - expected
        assert not missing and not extra, f"{area}: missing {list(missing)} extra {list(extra)}"
    total = sum(sum(counter.values()) for counter in bullets.values())
    assert total == 156


def test_repeated_source_bullets_are_assigned_to_different_criteria(content):
    repeated = [
        "A document with eight links to media examples, divided by topic, program, and/or announcement.",
        "Evidence must be supported by the same examples used in the first Results-Driven Contracting criterion.",
    ]
    for text in repeated:
        owners = [
            c["id"]
            for _, c in iter_criteria(content["editions"]["assessment-45"])
            for kind in ("requirements", "documentation")
            for item in c.get(kind, [])
            if item["text"] == text
        ]
        assert len(owners) == 2 and len(set(owners)) == 2, (text, owners)


def test_item_ids_are_unique_and_start_with_their_criterion(content):
    for edition in content["editions"].values():
        seen = Counter()
        for _, criterion in iter_criteria(edition):
            for kind in ("requirements", "documentation"):
                for item in criterion.get(kind, []):
                    seen[item["id"]] += 1
                    assert item["id"].startswith(criterion["id"].lower() + "-"), item["id"]
                    assert not re.search(r"-\d+$", item["id"]), f"{item['id']} looks positional"
        assert not [item_id for item_id, n in seen.items() if n > 1]


def test_only_dg1_has_a_known_must_meet_rule(content):
    rules = {
        c["id"]: c["must_meet"] for _, c in iter_criteria(content["editions"]["assessment-45"]) if "must_meet" in c
    }
    assert list(rules) == ["DG1"]
    dg1 = next(c for _, c in iter_criteria(content["editions"]["assessment-45"]) if c["id"] == "DG1")
    assert rules["DG1"]["count"] == 3 and len(dg1["requirements"]) == 4


def test_crosswalk_examples_from_the_issue(content):
    questions = {c["id"]: c for _, c in iter_criteria(content["editions"]["launch-50"])}
    assert questions["Q1"]["matches"] == ["OD1"]
    assert questions["Q18"]["matches"] == ["DG1"]


def test_statements_carry_no_ocr_errors(content):
    ocr = re.compile(r"\b(fracking|confracts?|dafa|fo|govemance|perfomance|wel|milion)\b", re.IGNORECASE)
    for edition in content["editions"].values():
        for group, criterion in iter_criteria(edition):
            assert not ocr.search(criterion["statement"]), (criterion["id"], criterion["statement"])
            assert not ocr.search(group["definition"]), group["id"]


def test_benchmarks_from_the_report(content):
    averages = {
        g["id"]: g["benchmark"]["all_applicants_percent"] for g in content["editions"]["assessment-45"]["groups"]
    }
    assert averages == {
        "data-governance": 19,
        "evaluations": 11,
        "general-management": 33,
        "open-data": 47,
        "performance-analytics": 32,
        "repurposing": 17,
        "results-driven-contracting": 7,
        "stakeholder-engagement": 27,
    }


def test_tier_thresholds_are_data(root):
    text = (root / "criteria/assessment-45/edition.yml").read_text(encoding="utf-8")
    assert "min_percent: 51" in text and "min_percent: 67" in text and "min_percent: 85" in text


def test_schemas_are_valid_json_schema():
    import jsonschema

    for name in ("edition", "group", "casestudy", "sources", "editions"):
        jsonschema.validators.validator_for(schema(name)).check_schema(schema(name))
