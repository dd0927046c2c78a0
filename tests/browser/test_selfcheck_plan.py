"""The self-check from a score to a plan, in a real browser: evidence per criterion, audit
readiness (the evidence-backed result and the flagged Yes answers), next steps with their links,
borderline results, documents to gather (page, CSV, in-page list), the printed report as a PDF,
safety of every user text field and of imports, no layout shift at start, and axe with the
evidence panels open. Expected texts come from the YAML and macros/selfcheck.yml.
Evidence controls are used through open_evidence / tick / evidence_box (sc_multi_helpers.py), which open
the criterion's panel first. Tests about a reload or a fresh browser keep fresh contexts; the others use
the module's shared tab ``sc_page``, reset before each test.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from test_selfcheck import (
    A45,
    IMPORT,
    L50,
    NOTICE,
    SAMPLE_REPORT_MET,
    TEXTS,
    answer_in_page,
    import_replacing,
    open_self_check,
    radio_label,
    saved_record,
)

from helpers import answers_meeting
from macros.content import load_content
from macros.selfcheck import edition_texts, fill_count, load_settings
from sc_multi_helpers import (  # noqa: F401
    LEGACY_KEY,
    evidence_box,
    go_blank,
    offsite_watch,
    open_evidence,
    sc_page,
    shared_tab,
    stored_open_assessment,
    tick,
)
from sc_views import show_every_view

# The parts are tested with every view shown at once (sc_views.py); the views in test_selfcheck_views.py.
pytestmark = pytest.mark.every_view

ROOT = Path(__file__).resolve().parents[2]
CONTENT = load_content(ROOT)
SETTINGS = load_settings()
DG1 = A45["groups"][0]["criteria"][0]
GROUP_OF = {criterion["id"]: group for group in A45["groups"] for criterion in group["criteria"]}
CRITERION = {criterion["id"]: criterion for group in A45["groups"] for criterion in group["criteria"]}


def all_items(criterion_id: str) -> list[str]:
    """Every requirement and document of a criterion: what backs a Yes in full."""
    criterion = CRITERION[criterion_id]
    return [item["id"] for key in ("requirements", "documentation") for item in criterion.get(key, [])]


def one_line(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def self_check_url(site_url):
    return f"{site_url}self-check/"


def stored_evidence(page: Page) -> dict:
    return stored_open_assessment(page, "assessment-45")["evidence"]


def tick_everything(criterion: dict) -> list[str]:
    return [item["id"] for item in criterion.get("requirements", []) + criterion.get("documentation", [])]


# --- evidence and audit readiness -----------------------------------------------------------------


def test_a_yes_without_its_documents_is_flagged_and_the_evidence_backed_tier_is_shown(sc_page, self_check_url):
    page = sc_page
    open_self_check(page, self_check_url)
    answer_in_page(page, A45, {"DG1": "yes"})
    # A Yes with nothing ticked: flagged, missing every document, and not counted when backed by evidence.
    flag = page.locator('#wwc-sc-flags [data-wwc-flag="DG1"]')
    expect(flag).to_contain_text(one_line(DG1["documentation"][0]["text"]))
    expect(flag).to_contain_text(fill_count(TEXTS["flag_must_meet"], 4, count=3, total=4, ticked=0))
    expect(page.locator("#wwc-sc-assessment-45-dg1")).to_have_class("wwc-sc-criterion wwc-sc-flagged")
    expect(page.locator(".wwc-sc-evidence-result")).to_contain_text("0 of 45 criteria")

    panel = open_evidence(page, "DG1")
    for item in DG1["documentation"]:
        tick(page, "DG1", item["id"])
    tick(page, "DG1", DG1["requirements"][0]["id"])
    tick(page, "DG1", DG1["requirements"][1]["id"])
    expect(panel.locator(".wwc-sc-must")).to_have_text(TEXTS["must_meet_unmet"].format(ticked=2, total=4, count=3))
    expect(flag).not_to_contain_text(one_line(DG1["documentation"][0]["text"]))
    tick(page, "DG1", DG1["requirements"][2]["id"])
    expect(panel.locator(".wwc-sc-must")).to_have_text(TEXTS["must_meet_met"].format(ticked=3, total=4, count=3))
    expect(page.locator("#wwc-sc-flags")).to_have_text("")
    expect(page.locator(".wwc-sc-evidence-flags")).to_have_text(edition_texts(A45, TEXTS)["evidence_flagged_none"])
    expect(page.locator(".wwc-sc-evidence-result")).to_contain_text("1 of 45 criteria")
    assert sorted(stored_evidence(page)["DG1"]["items"]) == sorted(
        [item["id"] for item in DG1["documentation"]] + [item["id"] for item in DG1["requirements"][:3]]
    )


def test_sample_city_all_yes_without_documents_is_silver_self_reported_and_not_certified_backed(
    sc_page, self_check_url
):
    page = sc_page
    open_self_check(page, self_check_url)
    answer_in_page(page, A45, answers_meeting(A45, SAMPLE_REPORT_MET))
    expect(page.locator(".wwc-sc-tier-name")).to_have_text("Silver")
    expect(page.locator(".wwc-sc-evidence-result")).to_contain_text(A45["not_certified_label"])
    expect(page.locator(".wwc-sc-evidence-flags")).to_contain_text("28 Yes answers")
    expect(page.locator("#wwc-sc-flags li[data-wwc-flag]")).to_have_count(28)
    # The tier links to the tiers page and says what it means.
    expect(page.locator(".wwc-sc-tier-name")).to_have_attribute("href", "../tiers/")
    silver = next(tier for tier in A45["tiers"] if tier["id"] == "silver")
    expect(page.locator(".wwc-sc-tier-meaning .wwc-sc-shown")).to_have_text(one_line(silver["description"]))
    expect(page.locator(".wwc-sc-tier-meaning .wwc-sc-shown")).to_be_visible()
    assert page.locator(".wwc-sc-tier-meaning > span:visible").count() == 1


def test_notes_owner_due_date_and_links_are_saved_and_restored(page, self_check_url, offsite_requests):
    open_self_check(page, self_check_url)
    panel = open_evidence(page, "DG2")
    panel.locator("textarea").fill("Ask the clerk for the March minutes.")
    panel.locator('[data-wwc-field="owner"]').fill("Data office")
    panel.locator('[data-wwc-field="due"]').fill("2026-03-31")
    panel.locator('input[type="text"]').last.fill("Minutes")
    panel.locator('input[type="url"]').fill("https://example.org/minutes.pdf")
    panel.get_by_role("button", name=TEXTS["link_add"]).click()
    expect(panel.locator(".wwc-sc-link-list a")).to_have_attribute("href", "https://example.org/minutes.pdf")
    panel.locator('[data-wwc-field="owner"]').blur()
    page.reload()
    expect(page.locator("#wwc-selfcheck")).to_have_attribute("data-wwc-ready", "true")
    panel = open_evidence(page, "DG2")
    expect(panel.locator("textarea")).to_have_value("Ask the clerk for the March minutes.")
    expect(panel.locator('[data-wwc-field="owner"]')).to_have_value("Data office")
    expect(panel.locator('[data-wwc-field="due"]')).to_have_value("2026-03-31")
    expect(panel.locator(".wwc-sc-link-list a")).to_have_text("Minutes")
    expect(panel.locator(":scope > summary")).to_contain_text(TEXTS["evidence_notes"])
    # Links are never fetched: following the city's document is the user's click, not the page's.
    panel.get_by_role("button", name=TEXTS["link_remove"].format(text="Minutes")).click()
    expect(panel.locator(".wwc-sc-link-list li")).to_have_count(0)


REFUSED_LINKS = [
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "ftp://x.org/a",
    "example.org/no-scheme",
    "vbscript:msgbox(1)",
]


def test_a_link_that_is_not_http_is_refused_with_a_message(sc_page, self_check_url, subtests):
    page = sc_page
    open_self_check(page, self_check_url)
    panel = open_evidence(page, "DG3")
    for url in REFUSED_LINKS:
        with subtests.test(msg=url):
            panel.locator('input[type="url"]').fill(url)
            panel.get_by_role("button", name=TEXTS["link_add"]).click()
            expect(panel.locator(".wwc-sc-link-message")).to_have_text(TEXTS["link_refused"].format(url=url))
            expect(panel.locator(".wwc-sc-link-list li")).to_have_count(0)
            kept = stored_open_assessment(page, "assessment-45")
            assert kept is None or not kept["evidence"].get("DG3", {}).get("links")


# --- next steps, borderline, edition note ----------------------------------------------------------


def test_next_steps_list_the_closest_criteria_with_guide_and_case_study_links(sc_page, self_check_url):
    page = sc_page  # on the site's origin, storage empty: the self-check starts with what is put there
    answers = answers_meeting(A45, SAMPLE_REPORT_MET, rest="no")
    answers["EVAL3"] = "in-progress"
    answers["RP2"] = "in-progress"
    page.evaluate(
        "([key, record]) => localStorage.setItem(key, JSON.stringify(record))",
        [
            LEGACY_KEY,
            {
                "version": 2,
                "assessments": {
                    "assessment-45": {
                        "id": "a-test",
                        "name": "",
                        "edition": "assessment-45",
                        "city": "",
                        "date": "",
                        "created": "2024-01-01T00:00:00Z",
                        "updated": "2024-01-01T00:00:00Z",
                        "answers": answers,
                        # Every Yes backed by all its items, so the evidence-backed result the next
                        # steps aim at is the self-reported one.
                        "evidence": {
                            **{
                                cid: {"items": all_items(cid), "notes": "", "owner": "", "due": "", "links": []}
                                for cid, state in answers.items()
                                if state == "yes"
                            },
                            "SE3": {
                                "items": [CRITERION["SE3"]["documentation"][0]["id"]],
                                "notes": "",
                                "owner": "",
                                "due": "",
                                "links": [],
                            },
                        },
                    }
                },
            },
        ],
    )
    open_self_check(page, self_check_url)
    steps = page.locator("#wwc-sc-next [data-wwc-step]")
    # Gold needs 3 more: the two In progress first, Repurposing's (25% against an average of 17%) before
    # Evaluations' (40% against 11%), then the No with a document ticked.
    expect(steps).to_have_count(3)
    assert steps.evaluate_all("(nodes) => nodes.map((node) => node.dataset.wwcStep)") == ["RP2", "EVAL3", "SE3"]
    expect(page.locator("#wwc-sc-next .wwc-sc-next-intro")).to_contain_text("Gold needs 3 more criteria met")
    first = steps.first
    guide = first.locator("a.wwc-sc-guide")
    expect(guide).to_have_attribute("href", "../criteria/repurposing/#rp2")
    se3 = steps.nth(2)
    cases = se3.locator("a.wwc-sc-case")
    assert cases.count() >= 1
    href = cases.first.get_attribute("href")
    cases.first.click()
    expect(page).to_have_url(self_check_url.replace("self-check/", "") + href.replace("../", ""))
    expect(page.locator("h1")).to_be_visible()
    page.go_back()
    page.locator("#wwc-sc-next a.wwc-sc-guide").first.click()
    expect(page.locator("#rp2")).to_be_in_viewport()


# Criteria met (the first N answered Yes, the rest unanswered) -> the tier a whole-percent reading suggests.
BORDERLINE = {29: None, 30: "Gold", 31: None, 38: "Gold"}


def test_borderline_results_name_the_whole_percent_reading(sc_page, self_check_url, subtests):
    page = sc_page
    open_self_check(page, self_check_url)
    ids = [criterion["id"] for group in A45["groups"] for criterion in group["criteria"]]
    answered = 0
    for met, borderline_tier in sorted(BORDERLINE.items()):  # each case answers Yes to a few more
        with subtests.test(msg=f"{met} met"):
            answer_in_page(page, A45, {criterion_id: "yes" for criterion_id in ids[answered:met]})
            answered = met
            line = page.locator(".wwc-sc-borderline")
            if borderline_tier is None:
                expect(line).to_have_text("")
            else:
                percent = {30: ("66.7", "67"), 38: ("84.4", "84")}[met]
                expect(line).to_have_text(
                    one_line(TEXTS["borderline"].format(percent=percent[0], rounded=percent[1], tier=borderline_tier))
                )


def test_the_launch_editions_tiers_are_called_an_extrapolation(sc_page, site_url):
    page = sc_page
    open_self_check(page, f"{site_url}self-check/{L50['id']}/")
    note = L50["result_note"]  # the edition's data (criteria/<edition>/edition.yml)
    expect(page.locator("#wwc-sc-results .wwc-sc-result-note")).to_have_text(one_line(note))
    page.goto(f"{site_url}self-check/")
    expect(page.locator("#wwc-sc-results .wwc-sc-result-note")).to_have_count(0)


# --- documents to gather -------------------------------------------------------------------------


def test_documents_page_lists_every_document_and_downloads_as_csv(sc_page, site_url):
    page = sc_page
    page.goto(f"{site_url}self-check/documents/")
    documents = [
        (group, criterion, item)
        for group in A45["groups"]
        for criterion in group["criteria"]
        for item in criterion.get("documentation", [])
    ]
    rows = page.locator("tr[data-wwc-document]")
    expect(rows).to_have_count(len(documents))
    assert rows.evaluate_all("(nodes) => nodes.map((node) => node.dataset.wwcDocument)") == [
        item["id"] for _, _, item in documents
    ]
    with page.expect_download() as info:
        page.get_by_role("link", name=TEXTS["documents_csv_link"]).click()
    text = Path(info.value.path()).read_text(encoding="utf-8-sig")
    table = list(csv.reader(io.StringIO(text)))
    assert table[0] == [
        TEXTS["csv_header_area"],
        TEXTS["csv_header_criterion"],
        TEXTS["csv_header_document_id"],
        TEXTS["csv_header_document"],
    ]
    assert [row[2] for row in table[1:]] == [item["id"] for _, _, item in documents]
    assert table[1] == [
        documents[0][0]["name"],
        documents[0][1]["id"],
        documents[0][2]["id"],
        one_line(documents[0][2]["text"]),
    ]
    page.emulate_media(media="print")
    expect(page.locator(".wwc-documents-actions")).to_be_hidden()
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()


def test_the_self_check_documents_list_shows_which_are_ticked(sc_page, self_check_url):
    page = sc_page
    open_self_check(page, self_check_url)
    total = sum(len(c.get("documentation", [])) for c in CRITERION.values())
    tick(page, "DG1", DG1["documentation"][0]["id"])
    summary = page.locator("#wwc-sc-documents-summary")
    expect(summary).to_have_text(fill_count(TEXTS["documents_summary"], total, ticked=1, total=total))
    summary.click()
    ticked = page.locator(f'#wwc-sc-documents-list [data-wwc-document="{DG1["documentation"][0]["id"]}"]')
    expect(ticked).to_have_class("wwc-sc-doc-ticked")
    expect(page.locator("#wwc-sc-documents-list li")).to_have_count(total)


# --- the printed report --------------------------------------------------------------------------


def test_printed_report_pdf_holds_city_date_tiers_and_area_figures(sc_page, self_check_url, tmp_path):
    assert shutil.which("pdftotext"), "pdftotext (poppler-utils) is needed to read the PDF"
    page = sc_page
    open_self_check(page, self_check_url)
    answer_in_page(page, A45, answers_meeting(A45, SAMPLE_REPORT_MET))
    for item_id in tick_everything(CRITERION["GM1"]):
        tick(page, "GM1", item_id)
    open_evidence(page, "GM1").locator("textarea").fill("Budget book 2025, chapter 3.")
    page.fill("#wwc-sc-city", "Springfield")
    page.fill("#wwc-sc-date", "2026-04-15")
    page.emulate_media(media="print")
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(page.pdf(format="Letter"))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    first_page = text.split("\f")[0]
    assert "Springfield" in first_page and "2026-04-15" in first_page
    assert "Silver" in first_page
    assert one_line(
        TEXTS["report_evidence"].format(
            met=1, total=45, items="criteria", percent="2.2", tier=A45["not_certified_label"]
        )
    ) in one_line(first_page)
    for group, percent in zip(A45["groups"], ["100", "40", "78", "100", "86", "25", "14", "50"]):
        line = next(line for line in first_page.splitlines() if group["name"] in line and "%" in line)
        assert f"{percent}%" in line and f"{group['benchmark']['all_applicants_percent']}%" in line, line
    assert "Budget book 2025, chapter 3." in text
    for hidden in (TEXTS["export_button"], TEXTS["start_over_button"]):
        assert hidden not in text


# --- safety --------------------------------------------------------------------------------------

PAYLOADS = [
    "<script>window.wwcPwned=1</script>",
    '<img src=x onerror="window.wwcPwned=1">',
    '"><svg onload="window.wwcPwned=1">',
    "{{7*7}} <b>bold</b> &amp; =1+1",
]


def assert_nothing_ran(page: Page) -> None:
    assert page.evaluate("window.wwcPwned") is None
    # The charts are the page's own SVG (class wwc-chart, built with DOM APIs); no other may appear.
    assert page.locator("#wwc-selfcheck img, #wwc-selfcheck svg:not(.wwc-chart), #wwc-selfcheck b").count() == 0


def test_user_text_is_shown_as_text_in_every_field(page, self_check_url, offsite_requests):
    open_self_check(page, self_check_url)
    payload = " ".join(PAYLOADS)
    page.fill("#wwc-sc-city", payload)
    page.fill("#wwc-sc-name", payload)
    answer_in_page(page, A45, {"DG1": "yes"})
    panel = open_evidence(page, "DG1")
    panel.locator("textarea").fill(payload)
    panel.locator('[data-wwc-field="owner"]').fill(payload[:190])
    panel.locator('input[type="text"]').last.fill(payload[:290])
    panel.locator('input[type="url"]').fill("https://example.org/?q=<script>")
    panel.get_by_role("button", name=TEXTS["link_add"]).click()
    expect(panel.locator(".wwc-sc-link-list li")).to_have_count(1)
    panel.locator('input[type="url"]').fill(payload)
    panel.get_by_role("button", name=TEXTS["link_add"]).click()
    expect(panel.locator(".wwc-sc-link-message")).to_contain_text("<script>")
    page.evaluate("() => { window.print = () => {}; }")
    page.click("#wwc-sc-print")
    expect(page.locator("#wwc-sc-report .wwc-sc-report-city")).to_have_text(payload)
    page.reload()
    expect(page.locator("#wwc-selfcheck")).to_have_attribute("data-wwc-ready", "true")
    open_evidence(page, "DG1")
    page.evaluate("() => { window.print = () => {}; }")
    page.click("#wwc-sc-print")
    expect(page.locator("#wwc-sc-report .wwc-sc-report-notes")).to_contain_text(payload)
    assert_nothing_ran(page)


def test_imported_text_is_shown_as_text_and_bad_links_refuse_the_file(sc_page, self_check_url, tmp_path):
    page = sc_page
    payload = " ".join(PAYLOADS)
    data = {
        "format": SETTINGS["export"]["format"],
        "version": 2,
        "exported": "2026-01-01T00:00:00Z",
        "edition": "assessment-45",
        "assessment": {"name": payload[:200], "city": payload[:200], "date": "2026-01-02"},
        "answers": {"DG1": "yes"},
        "evidence": {
            "DG1": {
                "items": [DG1["documentation"][0]["id"], "no-such-item"],
                "notes": payload,
                "owner": payload[:200],
                "due": "",
                "links": [{"text": payload[:300], "url": "https://example.org/a"}],
            },
            "ZZ9": {"items": [], "notes": payload},
        },
    }
    good = tmp_path / "good.json"
    good.write_text(json.dumps(data), encoding="utf-8")
    open_self_check(page, self_check_url)
    import_replacing(page, good)
    expect(page.locator(NOTICE)).to_contain_text(fill_count(TEXTS["imported"], 1, count=1, file="good.json"))
    expect(page.locator(NOTICE)).to_contain_text(
        fill_count(TEXTS["imported_evidence_dropped"], 2, count=2, item="criterion").split(" in ")[0]
    )
    expect(page.locator("#wwc-sc-city")).to_have_value(payload[:200])
    panel = open_evidence(page, "DG1")
    expect(panel.locator("textarea")).to_have_value(payload)
    expect(panel.locator(".wwc-sc-link-list a")).to_have_text(payload[:300])
    page.evaluate("() => { window.print = () => {}; }")
    page.click("#wwc-sc-print")
    assert_nothing_ran(page)
    before = saved_record(page)
    for bad_url in ("javascript:window.wwcPwned=1", "data:text/html,x"):
        data["evidence"]["DG1"]["links"] = [{"text": "x", "url": bad_url}]
        bad = tmp_path / "bad.json"
        bad.write_text(json.dumps(data), encoding="utf-8")
        page.set_input_files(IMPORT, bad)
        expect(page.locator("#wwc-sc-alert")).to_contain_text("evidence.DG1.links[0].url: an http or https address")
        assert saved_record(page) == before
    assert_nothing_ran(page)


def test_export_v2_round_trips_evidence_city_and_date(sc_page, shared_tab, browser, self_check_url, tmp_path):
    page, offsite_requests = sc_page, shared_tab.guard
    open_self_check(page, self_check_url)
    answer_in_page(page, A45, {"DG1": "yes"})
    panel = open_evidence(page, "DG1")
    tick(page, "DG1", DG1["documentation"][0]["id"])
    panel.locator("textarea").fill("note")
    panel.locator("textarea").blur()
    page.fill("#wwc-sc-city", "Springfield")
    with page.expect_download() as info:
        page.click("#wwc-sc-export")
    path = tmp_path / "export.json"
    info.value.save_as(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == SETTINGS["export"]["version"] and data["assessment"]["city"] == "Springfield"
    assert data["evidence"]["DG1"]["items"] == [DG1["documentation"][0]["id"]]
    assert data["evidence"]["DG1"]["notes"] == "note"
    fresh = offsite_requests.watch(show_every_view(browser.new_context()))
    try:
        other = open_self_check(fresh.new_page(), self_check_url)
        import_replacing(other, path)
        expect(other.locator("#wwc-sc-city")).to_have_value("Springfield")
        open_evidence(other, "DG1")
        expect(evidence_box(other, "DG1", DG1["documentation"][0]["id"])).to_be_checked()
    finally:
        fresh.close()


# --- page weight and layout ----------------------------------------------------------------------

LAYOUT_SHIFT = """
window.wwcShift = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) { if (!entry.hadRecentInput) { window.wwcShift += entry.value; } }
}).observe({ type: "layout-shift", buffered: true });
"""


# After the scripts started: the page's idle-time work has run and two more frames were painted, so the
# observer has been handed the shifts of every frame so far.
SETTLED = """() => new Promise((resolve) => requestIdleCallback(
  () => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve)))))"""


def test_no_layout_shift_when_the_scripts_start(browser, site_url, offsite_watch, subtests):
    context = offsite_watch.watch(
        show_every_view(browser.new_context(viewport={"width": 412, "height": 823}, device_scale_factor=1))
    )
    try:
        page = context.new_page()
        page.add_init_script(LAYOUT_SHIFT)
        for stored in (False, True):  # a first visit, then a return with saved answers
            with subtests.test(msg="with-saved-answers" if stored else "empty"):
                if stored:
                    go_blank(page, site_url)
                    answers = answers_meeting(A45, SAMPLE_REPORT_MET)
                    page.evaluate(
                        "([key, answers]) => localStorage.setItem(key, JSON.stringify("
                        "{version: 1, edition: 'assessment-45', answers: {'assessment-45': answers}}))",
                        [LEGACY_KEY, answers],
                    )
                page.goto(f"{site_url}self-check/")
                expect(page.locator("#wwc-selfcheck")).to_have_attribute("data-wwc-ready", "true")
                page.evaluate(SETTLED)
                assert page.evaluate("window.wwcShift") < 0.01
    finally:
        context.close()


def test_a_click_touches_only_what_changed(sc_page, self_check_url):
    page = sc_page
    open_self_check(page, self_check_url)
    page.evaluate("""() => {
      window.wwcMutated = new Set();
      new MutationObserver((records) => {
        for (const record of records) {
          const node = record.target.nodeType === 1 ? record.target : record.target.parentElement;
          const fieldset = node.closest("[data-wwc-criterion]");
          if (fieldset) { window.wwcMutated.add(fieldset.dataset.wwcCriterion); }
        }
      }).observe(document.getElementById("wwc-sc-form-assessment-45"), {subtree: true, childList: true, attributes: true, characterData: true});
    }""")
    page.click(radio_label("assessment-45", "DG2", "yes"))
    expect(page.locator("#wwc-sc-flags [data-wwc-flag=DG2]")).to_be_attached()
    assert page.evaluate("[...window.wwcMutated]") == ["DG2"]


# --- accessibility -------------------------------------------------------------------------------
# Axe with the evidence panels and the plan open, in both colour schemes: in
# test_selfcheck.py::test_axe_finds_no_wcag_21_a_or_aa_violation_on_the_self_check, on one page state
# with that file's (axe over the whole page is the costly part, so it runs once per state).
