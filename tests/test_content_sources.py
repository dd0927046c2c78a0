"""The facts the guide takes from its sources, held to the source text copied into tests/data/.

Time windows, audited responses, dependencies between criteria, the applicants' benchmarks, the
resources of "where to go next" and the program today (see tests/data/README.md for each excerpt).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.content import iter_criteria, load_content

DATA = Path(__file__).parent / "data"
# Obvious OCR errors of the sample report's copy, fixed in the YAML (sources README: never change meaning).
OCR_FIXES = {"sfill": "still", "YES o NO": "YES to NO", "Cerlified": "Certified", "fop-performing": "top-performing"}
WORD_NUMBERS = {"one": 1, "two": 2, "three": 3}


@pytest.fixture(scope="module")
def content(root):
    return load_content(root)


@pytest.fixture(scope="module")
def edition(content):
    return content["editions"]["assessment-45"]


def excerpt(name: str) -> str:
    text = (DATA / name).read_text(encoding="utf-8")
    for wrong, right in OCR_FIXES.items():
        text = text.replace(wrong, right)
    return text


def words(text: str) -> list[str]:
    """Lower-case words, typography and punctuation aside (curly quotes, dashes, slashes)."""
    text = text.replace("’", "'").replace("–", "-").replace("and/or", "and")
    return re.findall(r"[a-z0-9']+", text.lower())


def found_in(needle: str, haystack: str) -> bool:
    """The needle's words appear in order in the haystack: next to each other, or (for the report's
    OCR, whose columns interleave line by line) within a span at most twice the needle's length."""
    want, have = words(needle), words(haystack)
    joined = " " + " ".join(have) + " "
    if " " + " ".join(want) + " " in joined:
        return True
    for start, word in enumerate(have):
        if word != want[0]:
            continue
        position = 1
        for index in range(start + 1, min(len(have), start + 2 * len(want))):
            if position < len(want) and have[index] == want[position]:
                position += 1
        if position == len(want):
            return True
    return False


def windowed(edition: dict):
    """(label, text, window or None) for every statement, requirement and document of the edition."""
    for _, criterion in iter_criteria(edition):
        yield criterion["id"], criterion["statement"], criterion.get("window")
        for kind in ("requirements", "documentation"):
            for item in criterion.get(kind, []):
                yield item["id"], item["text"], item.get("window")


# --- time windows ------------------------------------------------------------------------------

WINDOW_PHRASE = re.compile(
    r"(?:in|from) the past (?P<n>\d+|one|two|three)? ?(?P<unit>months?|years?)"
    r"|in the next (?P<from>\d+)[–-](?P<to>\d+) months|most recent",
    re.IGNORECASE,
)


def expected_window(text: str) -> dict | None:
    """The window a text states, read from its words alone."""
    match = WINDOW_PHRASE.search(text)
    if not match:
        return None
    if match.group(0).lower() == "most recent":
        return {"anchor": "most-recent"}
    if match.group("from"):
        return {"anchor": "next", "from_months": int(match.group("from")), "months": int(match.group("to"))}
    count = match.group("n")
    count = 1 if count is None else WORD_NUMBERS.get(count) or int(count)
    months = count * 12 if match.group("unit").startswith("year") else count
    window = {"anchor": "past", "months": months}
    if "current administration" in text:
        window["or_current_administration"] = True
    return window


def test_every_text_that_states_a_window_carries_it_as_data(edition):
    stated = [(label, expected_window(text), window) for label, text, window in windowed(edition)]
    missing = [label for label, expected, window in stated if expected and not window]
    extra = [label for label, expected, window in stated if window and not expected]
    assert not missing and not extra, f"window missing on {missing}, window without wording on {extra}"
    for label, expected, window in stated:
        if window:
            assert {k: v for k, v in window.items() if k != "wording"} == expected, label
    assert len([1 for _, expected, _ in stated if expected]) == 18


def test_window_wording_is_in_its_text_and_in_the_source(edition):
    guide = excerpt("assessment-guide-excerpt.txt")
    report = excerpt("sample-report-excerpts.txt")
    for label, text, window in windowed(edition):
        if window:
            assert " ".join(window["wording"].split()) in " ".join(text.split()), label
            source = report if label.isupper() else guide  # statements come from the report
            assert found_in(text, source), f"{label}: its text is not in the source excerpt"


def test_windows_cover_the_issues_four_cases(edition):
    windows = [window for _, _, window in windowed(edition) if window]
    assert {"anchor": "past", "months": 12, "wording": "In the past 12 months"} in windows
    assert any(w.get("or_current_administration") and w["months"] == 36 for w in windows)
    assert any(w["anchor"] == "past" and w["months"] == 24 for w in windows)
    assert any(w["anchor"] == "next" and (w["from_months"], w["months"]) == (6, 12) for w in windows)


# --- audited responses -------------------------------------------------------------------------


def audited(edition):
    return [
        (criterion["id"], response)
        for _, criterion in iter_criteria(edition)
        for response in criterion.get("audited_responses", [])
    ]


def test_audited_responses_are_the_reports_five_word_for_word(edition):
    report = excerpt("sample-report-excerpts.txt")
    responses = audited(edition)
    assert report.count("The response was changed") == len(responses) == 5
    assert sorted(cid for cid, _ in responses) == ["EVAL1", "EVAL2", "EVAL3", "GM2", "RP3"]
    labels = {state["label"].lower(): state["id"] for state in edition["answer_states"]}
    for cid, response in responses:
        assert found_in(response["reason"], report), f"{cid}: reason not in the report excerpt"
        moved = re.search(r"from (YES) to (IN PROGRESS|NO)\b", response["reason"])
        assert (response["from"], response["to"]) == (labels[moved.group(1).lower()], labels[moved.group(2).lower()]), (
            cid
        )


def test_audited_responses_cite_the_items_they_concern(edition):
    for cid, response in audited(edition):
        assert response["items"], f"{cid}: an audited response names the documents it concerns"
        assert response["source"] == "sample-certification-report"
    causes = {cid: response["cause"] for cid, response in audited(edition)}
    assert causes == {
        "EVAL1": "not-yet-final",
        "EVAL2": "review-call-statement",
        "EVAL3": "documents-not-submitted",
        "GM2": "current-executive",
        "RP3": "documents-not-submitted",
    }


# --- dependencies ------------------------------------------------------------------------------


def referenced_criterion(group: dict, text: str) -> str | None:
    """The criterion an item's text points back to: "for RP2", "uploaded for RDC3", "the first ... criterion"."""
    named = re.search(r"\bfor ([A-Z]+[0-9]+)\b", text)
    if named:
        return named.group(1)
    if re.search(rf"the first {re.escape(group['name'])} criterion", text):
        return group["criteria"][0]["id"]
    return None


def test_dependencies_are_the_items_that_point_to_another_criterion(edition):
    guide = excerpt("assessment-guide-excerpt.txt")
    expected, recorded = set(), set()
    for group, criterion in iter_criteria(edition):
        for kind in ("requirements", "documentation"):
            for item in criterion.get(kind, []):
                target = referenced_criterion(group, item["text"])
                if target:
                    assert found_in(item["text"], guide), item["id"]
                    expected.add((criterion["id"], target, item["id"]))
        for dependency in criterion.get("depends_on", []):
            for item_id in dependency["items"]:
                recorded.add((criterion["id"], dependency["criterion"], item_id))
    assert recorded == expected
    assert {(cid, target) for cid, target, _ in recorded} == {
        ("RDC2", "RDC1"),
        ("RDC4", "RDC1"),
        ("RDC5", "RDC1"),
        ("RDC6", "RDC3"),
        ("RP3", "RP2"),
    }


# --- benchmarks --------------------------------------------------------------------------------


def test_regions_are_the_reports_in_its_reading_order(edition):
    block = excerpt("sample-report-excerpts.txt").split("## lines 117-144")[1].split("## lines")[0]
    numbers = [int(n) for n in re.findall(r"Region (\d)", block)]
    names = re.findall(r"\b(West|Midwest|Northeast|South)\b", block)
    applicants = [int(n) for n in re.findall(r"(\d+) Applicants", block)]
    scores = [int(n) for n in re.findall(r"Average Score (\d+)%", block)]
    from_report = sorted(zip(numbers, names, applicants, scores))
    regions = edition["benchmarks"]["regions"]
    assert [(r["number"], r["name"], r["applicants"], r["average_percent"]) for r in regions] == from_report
    assert [r["name"] for r in regions] == ["Northeast", "Midwest", "South", "West"]


def test_population_bands_are_the_reports_labels(edition):
    block = excerpt("sample-report-excerpts.txt").split("## lines 117-144")[1].split("## lines")[0]
    labels = re.findall(r"\b\d+K(?:-\d+K|\+)", block)
    bands = edition["benchmarks"]["population_bands"]
    assert [band["label"] for band in bands] == labels == ["30K-100K", "100K-250K", "250K-500K", "500K+"]
    for band in bands:
        low, _, high = band["label"].rstrip("+").partition("-")
        assert band["min_population"] == int(low[:-1]) * 1000, band["id"]
        assert band.get("max_population") == (int(high[:-1]) * 1000 if high else None), band["id"]
    assert any("no number of applicants and no average score" in note for note in edition["benchmarks"]["not_given"])


def test_one_band_averages_are_the_reports_cities_of_your_size(edition):
    report = excerpt("sample-report-excerpts.txt")
    found = {
        name.replace("&", "").split()[0]: int(value)
        for value, name in re.findall(
            r"Cities of your size on average have achieved (\d+)% of the (.+?) criteria", report
        )
    }
    groups = {
        group["name"].replace("&", "").split()[0]: group["benchmark"]["one_band_percent"] for group in edition["groups"]
    }
    assert groups == found and len(found) == 8


# --- resources and the program today -------------------------------------------------------------


def resources(content, source):
    return [r for r in content["resources"]["resources"] if r["source"] == source]


def test_blueprint_resources_are_its_titles_under_their_steps(content):
    lines = [line.strip() for line in excerpt("blueprint-excerpt.txt").splitlines()]
    step, steps = None, {}
    for line in lines:
        heading = re.match(r"(\d)\. ", line)
        if heading:
            step = int(heading.group(1))
        elif step:
            steps[line] = step
    listed = resources(content, "blueprint-to-certification")
    assert {r["name"]: r["blueprint_step"] for r in listed} == {
        name: n for name, n in steps.items() if not name.startswith("Jennifer Park is")
    }


def test_report_resources_are_its_next_steps(content, edition):
    report = excerpt("sample-report-excerpts.txt")
    listed = resources(content, "sample-certification-report")
    assert [r["name"] for r in listed] == [
        "What Works Cities Academy",
        "What Works Cities Sprints",
        "Certified Cities Working Group",
    ]
    statements = {criterion["id"]: criterion["statement"] for _, criterion in iter_criteria(edition)}
    for resource in listed:
        assert resource["name"] in report and found_in(resource["next_step"], report), resource["id"]
        if resource.get("address"):
            assert resource["address"] in report, resource["id"]
        for cid in resource.get("criteria", []):
            # The report's next step repeats the criterion's statement after its opening verb.
            assert words(resource["next_step"])[-8:] == words(statements[cid])[-8:], (resource["id"], cid)
    assert "May 18, 2020" in next(r["description"] for r in listed if r["id"] == "wwc-sprints")
    assert found_in("starting on May 18, 2020", report)


def web_blocks() -> dict[str, str]:
    text = (DATA / "web-pages-excerpts.txt").read_text(encoding="utf-8")
    return {block.split()[0]: block for block in text.split("\n## ")[1:]}


def test_program_today_figures_are_in_their_sources(content):
    blocks = web_blocks()
    for statement in content["resources"]["program_today"]:
        cited = " ".join(blocks[source] for source in statement["sources"])
        # "45-criteria" names this guide's edition, not a figure of the program today.
        for number in re.findall(r"\d+", statement["text"].replace("45-criteria", "")):
            assert number in cited, f"{statement['id']}: {number} is not in its sources' excerpts"
    practices = next(s for s in content["resources"]["program_today"] if s["id"] == "forty-three-criteria")
    for name in (
        "Data Management",
        "Rigorous Evaluations",
        "Leadership and Capacity",
        "Data-Driven Budgeting and Finance",
        "Stakeholder Impact",
    ):
        assert name in practices["text"] and name in blocks["phoenix-wwc-update-2023"], name


def test_every_web_source_has_an_excerpt_and_an_address(content):
    blocks = web_blocks()
    cited = {source for s in content["resources"]["program_today"] for source in s["sources"]}
    assert cited <= set(blocks)
    for source_id in blocks:
        source = content["sources"][source_id]
        assert source["url"] == blocks[source_id].split()[1], source_id
