"""Planning to an application date in a real browser (issue 26): dates on evidence checked against
their windows, the planned application date, the roadmap's sentences, chart and table, overdue items,
bad dates refused beside their field with storage unchanged, axe in both schemes, a 360 px phone, the
printed report with the chart, and the launch edition without any of it.

The page's clock is fixed (Playwright's clock) so "today" is TODAY whatever day the tests run; the
assessment is built in the test and put into storage before the page opens. Texts and windows come
from the YAML the page is built from.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from axe_check import axe_in_both_schemes
from macros.content import load_content
from macros.selfcheck import edition_texts, load_settings
from sc_multi_helpers import EDITION, STORE_KEY, go_blank, open_evidence, open_part, stored_open_assessment

ROOT = Path(__file__).resolve().parents[2]
A45 = load_content(ROOT)["editions"][EDITION]
TEXTS = edition_texts(A45, load_settings()["texts"])
CRITERIA = [criterion for group in A45["groups"] for criterion in group["criteria"]]
TODAY = "2026-12-07"
APPLICATION = "2027-04-30"
# DG1's windowed requirement (12 months), dated so that it stops counting on 2027-03-01.
DG1_WINDOWED = "dg1-updated-past-12-months"
DG1_DATE = "2026-02-28"
DG1_OUTSIDE = "2027-03-01"


def all_items(criterion: dict) -> list[str]:
    return [item["id"] for key in ("requirements", "documentation") for item in criterion.get(key, [])]


def planned_assessment() -> dict:
    """20 criteria met with every item ticked (DG1 among them, its windowed item dated), 5 open ones due
    in January 2027 and 7 due in March 2027 (with owners), one overdue, the application on 30 April."""
    answers, evidence = {}, {}
    for criterion in CRITERIA[:20]:
        answers[criterion["id"]] = "yes"
        evidence[criterion["id"]] = {"items": all_items(criterion), "notes": "", "owner": "", "due": "", "links": []}
    evidence["DG1"]["dates"] = {DG1_WINDOWED: DG1_DATE}
    plans = [("2027-01-15", "Ana")] * 5 + [("2027-03-10", "Ben")] * 7 + [("2026-11-30", "Cy")]
    for criterion, (due, owner) in zip(CRITERIA[20:33], plans, strict=True):
        answers[criterion["id"]] = "in-progress"
        evidence[criterion["id"]] = {"items": [], "notes": "", "owner": owner, "due": due, "links": []}
    return {
        "id": "a-plan",
        "name": "Plan 2027",
        "edition": EDITION,
        "city": "Springfield",
        "date": "",
        "application": APPLICATION,
        "created": f"{TODAY}T09:00:00.000Z",
        "updated": f"{TODAY}T09:00:00.000Z",
        "answers": answers,
        "evidence": evidence,
    }


def store_record(assessment: dict, *others: dict) -> str:
    return json.dumps(
        {
            "format": "wwc-guide-self-check-store",
            "version": 2,
            "revision": 1,
            "updated": assessment["updated"],
            "current": {assessment["edition"]: assessment["id"]},
            "assessments": [assessment, *others],
            "trash": [],
            "migrated": [],
        }
    )


@pytest.fixture
def url(site_url):
    return f"{site_url}self-check/"


def open_with(page: Page, url: str, assessment: dict | None, view: str = "results", others=()) -> Page:
    page.clock.set_fixed_time(f"{TODAY}T12:00:00")
    go_blank(page, url)
    page.evaluate(
        "([key, text]) => { localStorage.clear(); if (text) localStorage.setItem(key, text); }",
        [STORE_KEY, store_record(assessment, *others) if assessment else None],
    )
    page.goto(f"{url}#{view}")
    expect(page.locator("#wwc-selfcheck")).to_have_attribute("data-wwc-ready", "true")
    return page


def test_an_item_that_expires_before_the_application_date_is_flagged_with_its_day(page, url):
    open_with(page, url, planned_assessment())
    line = page.locator(f'#wwc-sc-planning .wwc-sc-plan-expiring li[data-wwc-item="{DG1_WINDOWED}"]')
    expect(line).to_have_count(1)
    item_text = next(item["text"] for item in CRITERIA[0]["requirements"] if item["id"] == DG1_WINDOWED)
    expected = TEXTS["expiring_item"].format(
        id="DG1", item=" ".join(item_text.split()), date=DG1_DATE, outside=DG1_OUTSIDE
    )
    expect(line).to_have_text(expected)
    # In the criterion: the same day beside the date field.
    page.goto(f"{url}#answer")
    panel = open_evidence(page, "DG1")
    field = panel.locator(f'input[data-wwc-date="{DG1_WINDOWED}"]')
    expect(field).to_have_value(DG1_DATE)
    described = field.get_attribute("aria-describedby").split()
    expect(page.locator(f"#{described[1]}")).to_have_text(
        TEXTS["date_outside"].format(application=APPLICATION, outside=DG1_OUTSIDE)
    )


def test_a_plan_that_reaches_gold_in_march_says_so(page, url):
    open_with(page, url, planned_assessment())
    lines = page.locator("#wwc-sc-planning .wwc-sc-roadmap-line").all_inner_texts()
    name = {tier["id"]: tier["name"] for tier in A45["tiers"]}
    # 20 done, DG1 expires on 1 March, 5 due in January, 7 on 10 March: 31 of 45 on the application date.
    assert lines[0] == TEXTS["roadmap_reaches"].format(
        application=APPLICATION, tier=name["gold"], met=31, total=45, items="criteria", percent="68.9"
    )
    assert TEXTS["roadmap_first"].format(tier=name["silver"], date="2027-01-15") in lines
    assert TEXTS["roadmap_first"].format(tier=name["gold"], date="2027-03-10") in lines
    overdue = page.locator("#wwc-sc-planning .wwc-sc-plan-overdue li")
    expect(overdue).to_have_count(1)
    expect(overdue).to_contain_text("2026-11-30")
    expect(page.locator("#wwc-sc-planning .wwc-sc-plan-planned li")).to_have_count(12)


def test_the_roadmap_chart_draws_the_table_s_figures(page, url):
    open_with(page, url, planned_assessment())
    figure = page.locator("#wwc-sc-planning figure.wwc-sc-roadmap")
    rows = figure.locator("table tbody tr")
    cells = [row.split("\t") for row in rows.all_inner_texts()]
    assert [row[0] for row in cells] == [TODAY, "2027-01-15", DG1_OUTSIDE, "2027-03-10", APPLICATION]
    assert [row[4] for row in cells] == ["44.4%", "55.6%", "53.3%", "68.9%", "68.9%"]
    svg = figure.locator("svg")
    expect(svg).to_have_attribute("role", "img")
    assert "table" in svg.get_attribute("aria-label")
    # Each step's bars: the done bar's height over the plot's height is the table's done share.
    heights = svg.evaluate(
        """(svg) => [...svg.querySelectorAll('rect.wwc-chart-done')].filter((r) => !r.closest('.wwc-chart-legend'))
             .map((r) => Number(r.getAttribute('height')))"""
    )
    plot = 280 - 14 - 44
    done = [int(row[1]) for row in cells[:-1]]
    assert [round(height / plot * 45) for height in heights] == done
    # The thresholds are the edition's, with their names.
    labels = svg.locator("text[data-wwc-tier]").all_text_contents()
    assert labels == [f"{tier['name']} {tier['min_percent']}%" for tier in A45["tiers"]]
    assert svg.locator("text", has_text=f"{TEXTS['chart_expired']} {DG1_OUTSIDE}").count() == 1


def test_bad_dates_are_refused_beside_the_field_and_storage_is_unchanged(page, url):
    open_with(page, url, planned_assessment())
    before = stored_open_assessment(page)
    application = page.locator("#wwc-sc-application")
    application.fill("2026-12-01")
    application.dispatch_event("change")
    expect(page.locator("#wwc-sc-application-message")).to_have_text(
        TEXTS["application_in_past"].format(date="2026-12-01")
    )
    expect(application).to_have_attribute("aria-invalid", "true")
    page.goto(f"{url}#answer")
    panel = open_evidence(page, "DG1")
    field = panel.locator(f'input[data-wwc-date="{DG1_WINDOWED}"]')
    line = page.locator(f"#{field.get_attribute('id')}-line")
    field.fill("2026-12-20")
    field.dispatch_event("change")
    expect(line).to_have_text(TEXTS["date_future"].format(date="2026-12-20"))
    field.fill("2025-06-01")
    field.dispatch_event("change")
    expect(line).to_have_text(TEXTS["date_before_window"].format(date="2025-06-01", start="2025-12-07"))
    # A text the date field cannot hold reaches the check as typed.
    field.evaluate("(input) => { input.type = 'text'; input.value = '2026-02-30'; }")
    field.dispatch_event("change")
    expect(line).to_have_text(TEXTS["date_malformed"].format(date="2026-02-30"))
    assert stored_open_assessment(page) == before
    # A good date is saved, and the line says where it stands.
    field.evaluate("(input) => { input.type = 'date'; }")
    field.fill("2026-10-01")
    field.dispatch_event("change")
    expect(line).to_have_text(TEXTS["date_counts"].format(application=APPLICATION, outside="2027-10-02"))
    assert stored_open_assessment(page)["evidence"]["DG1"]["dates"] == {DG1_WINDOWED: "2026-10-01"}


def test_axe_finds_nothing_in_the_planning_states_in_both_schemes(page, url):
    open_with(page, url, planned_assessment())
    expect(page.locator("#wwc-sc-planning figure svg")).to_be_visible()
    assert axe_in_both_schemes(page, "#wwc-sc-planning") == {"default": [], "slate": []}
    page.locator("#wwc-sc-application").fill("2026-01-01")
    page.locator("#wwc-sc-application").dispatch_event("change")
    assert axe_in_both_schemes(page, "#wwc-sc-planning") == {"default": [], "slate": []}
    page.goto(f"{url}#answer")
    panel = open_evidence(page, "DG1")
    expect(panel.locator(f'input[data-wwc-date="{DG1_WINDOWED}"]')).to_be_visible()
    assert axe_in_both_schemes(page, '[data-wwc-criterion="DG1"]') == {"default": [], "slate": []}


def test_on_a_360_px_phone_nothing_scrolls_sideways(page, url):
    page.set_viewport_size({"width": 360, "height": 800})
    open_with(page, url, planned_assessment())
    expect(page.locator("#wwc-sc-planning figure svg")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.goto(f"{url}#answer")
    open_evidence(page, "DG1")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_the_printed_report_shows_the_charts(page, url):
    open_with(page, url, planned_assessment(), view="report")
    page.emulate_media(media="print")
    report = page.locator("#wwc-sc-report")
    expect(report.locator("svg.wwc-roadmap-chart")).to_be_visible()
    expect(report.locator("svg.wwc-areas-chart")).to_be_visible()
    expect(report.locator("table.wwc-sc-roadmap-table tbody tr")).to_have_count(5)


def test_without_an_application_date_the_results_say_how_to_start(page, url):
    assessment = planned_assessment()
    del assessment["application"]
    open_with(page, url, assessment)
    expect(page.locator("#wwc-sc-planning .wwc-sc-plan-none")).to_have_text(TEXTS["application_none"])
    expect(page.locator("#wwc-sc-planning figure")).to_have_count(0)
    page.locator("#wwc-sc-application").fill(APPLICATION)
    page.locator("#wwc-sc-application").dispatch_event("change")
    expect(page.locator("#wwc-sc-planning figure svg")).to_be_visible()
    assert stored_open_assessment(page)["application"] == APPLICATION


def test_the_launch_edition_has_no_dates_to_plan_with(page, site_url):
    launch = next(edition for edition in load_content(ROOT)["editions"].values() if edition["id"] != EDITION)
    page.clock.set_fixed_time(f"{TODAY}T12:00:00")
    page.goto(f"{site_url}self-check/{launch['id']}/")
    expect(page.locator("#wwc-selfcheck")).to_have_attribute("data-wwc-ready", "true")
    assert page.locator("#wwc-sc-planning").count() == 0
    assert page.locator("input[data-wwc-date]").count() == 0
    assert not re.search(TEXTS["evidence_date_label"], page.locator("#wwc-selfcheck").inner_text())


def test_compare_draws_each_area_of_both_assessments_with_the_table_s_figures(page, url):
    earlier = planned_assessment()
    earlier.update(id="a-earlier", name="2025 application", updated=f"{TODAY}T08:00:00.000Z", evidence={})
    earlier["answers"] = {criterion["id"]: "yes" for criterion in CRITERIA[:10]}
    open_with(page, url, planned_assessment(), view="assessments", others=[earlier])
    open_part(page, "compare")
    page.select_option("#wwc-sc-compare-from", "a-earlier")
    page.select_option("#wwc-sc-compare-to", "a-plan")
    page.click("#wwc-sc-compare-go")
    chart = page.locator("#wwc-sc-compare svg.wwc-compare-chart")
    expect(chart).to_be_visible()
    assert "2025 application" in chart.get_attribute("aria-label")
    rows = [row.split("\t") for row in page.locator("#wwc-sc-compare-groups tbody tr").all_inner_texts()]
    values = chart.evaluate(
        """(svg) => [...svg.querySelectorAll('.wwc-chart-row')].map((row) =>
             [...row.querySelectorAll('rect[data-wwc-value]')].map((bar) => Number(bar.dataset.wwcValue)))"""
    )
    share = lambda cell: 100 * int(cell.split("/")[0]) / int(cell.split("/")[1])  # noqa: E731
    assert [[round(a, 1), round(b, 1)] for a, b in values] == [
        [round(share(row[1]), 1), round(share(row[2]), 1)] for row in rows
    ]
    assert axe_in_both_schemes(page, "#wwc-sc-compare") == {"default": [], "slate": []}


def test_an_imported_file_with_dates_a_field_would_refuse_says_so_and_keeps_them(page, url):
    open_with(page, url, planned_assessment(), view="assessments")
    future = "2027-02-01"
    data = {
        "format": "wwc-guide-self-check",
        "version": 2,
        "edition": EDITION,
        "exported": f"{TODAY}T10:00:00.000Z",
        "assessment": {"name": "From a file", "city": "", "date": "", "application": APPLICATION},
        "answers": {"DG1": "yes"},
        "evidence": {"DG1": {"items": [DG1_WINDOWED], "dates": {DG1_WINDOWED: future}}},
    }
    page.set_input_files(
        "#wwc-sc-import-file",
        files=[{"name": "plan.json", "mimeType": "application/json", "buffer": json.dumps(data).encode()}],
    )
    notice = page.locator("#wwc-sc-notice")
    expect(notice).to_contain_text(f"DG1 {DG1_WINDOWED}: {future}")
    said = TEXTS["imported_dates_questionable"].split("{dates}")[0]
    expect(notice).to_contain_text(" ".join(said.split()))
    page.click("#wwc-sc-import-offer-save")
    expect(page.locator("#wwc-sc-name")).to_have_value("From a file")
    stored = stored_open_assessment(page)
    assert stored["evidence"]["DG1"]["dates"] == {DG1_WINDOWED: future}
    assert stored["application"] == APPLICATION
