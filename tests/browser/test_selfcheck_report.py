"""The report of issue 21 in a real browser (findings 3 and 9): it leads with the city, the assessment's
name, the date, "unofficial self-assessment", the evidence-backed result and then the self-reported one;
it lists only the answered criteria, counts the unanswered ones in one line, prints no "Ticked: none" and
no run-on ".;"; the report view (#report) shows it on screen; the printed document's title is the base
name of the JSON and CSV exports. Texts come from macros/selfcheck.yml as the page embeds them.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from axe_check import axe_in_both_schemes
from macros.content import load_content
from macros.selfcheck import edition_texts, load_settings
from sc_multi_helpers import EDITION, answer, new_assessment, open_evidence, open_self_check

ROOT = Path(__file__).resolve().parents[2]
A45 = load_content(ROOT)["editions"][EDITION]
TEXTS = edition_texts(A45, load_settings()["texts"])
DG1 = A45["groups"][0]["criteria"][0]


def one_line(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def url(site_url):
    return f"{site_url}self-check/"


def seed(page, url):
    open_self_check(page, url)
    new_assessment(page, "2026 draft")
    page.fill("#wwc-sc-city", "Springfield")
    page.locator("#wwc-sc-city").dispatch_event("change")
    page.fill("#wwc-sc-date", "2026-03-01")
    page.locator("#wwc-sc-date").dispatch_event("change")
    answer(page, {"DG1": "yes", "DG2": "yes", "DG3": "no"})
    panel = open_evidence(page, "DG1")
    for item in DG1["requirements"] + DG1["documentation"]:
        panel.locator(f'input[type=checkbox][value="{item["id"]}"]').check()


def test_the_report_view_leads_with_who_when_unofficial_and_the_evidence_backed_result(sc_page, url):
    page = sc_page
    seed(page, url)
    page.goto(f"{url}#report")
    expect(page.locator("#wwc-selfcheck")).to_have_attribute("data-wwc-ready", "true")
    report = page.locator("#wwc-sc-report")
    expect(report).to_be_visible()
    content = report.locator(".wwc-sc-report-content")
    lines = [one_line(text) for text in content.locator(":scope > *").all_inner_texts()[:8]]
    assert lines[0] == one_line(TEXTS["report_unofficial"])
    assert lines[1] == "Springfield"
    assert lines[2] == TEXTS["report_assessment"].format(name="2026 draft")
    assert lines[3] == TEXTS["report_date"].format(date="2026-03-01")
    # DG1 is backed (everything ticked), DG2 a Yes without evidence: 1 backed, 2 self-reported.
    assert lines[5].startswith(TEXTS["report_evidence_lead"].split("{")[0])
    assert lines[6].startswith(TEXTS["report_evidence"].split("{")[0]) and " 1 of 45 " in lines[6]
    assert lines[7].startswith(TEXTS["report_self_reported"].split("{")[0]) and " 2 of 45 " in lines[7]
    items = content.locator(".wwc-sc-report-criteria > li")
    expect(items).to_have_count(3)
    expect(content.locator(".wwc-sc-report-unanswered")).to_have_text(
        TEXTS["report_unanswered_count"].format(count=42, total=45, items=A45["item_label_plural"])
    )
    ticked = items.first.locator(".wwc-sc-report-list li")
    expect(ticked).to_have_count(len(DG1["requirements"]) + len(DG1["documentation"]))
    text = content.inner_text()
    assert ".;" not in text
    assert not re.search(r"Ticked:\s*none", text)
    # A change shows in the preview at once.
    page.goto(f"{url}#answer")
    answer(page, {"DG4": "no"})
    page.goto(f"{url}#report")
    expect(content.locator(".wwc-sc-report-criteria > li")).to_have_count(4)


def test_print_title_json_and_csv_share_one_base_name(sc_page, url, tmp_path):
    page = sc_page
    seed(page, url)
    base = "wwc-self-check-springfield-2026-draft-2026-03-01"
    title = page.title()
    assert page.evaluate("() => { window.dispatchEvent(new Event('beforeprint')); return document.title; }") == base
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    assert page.title() == title
    with page.expect_download() as json_download:
        page.click("#wwc-sc-export")
    assert json_download.value.suggested_filename == f"{base}.json"
    with page.expect_download() as csv_download:
        page.click("#wwc-sc-csv")
    assert csv_download.value.suggested_filename == f"{base}.csv"


def test_printed_report_is_short_and_without_the_preview_controls(sc_page, url, tmp_path):
    page = sc_page
    seed(page, url)
    page.evaluate("() => { window.print = () => {}; }")
    page.click("#wwc-sc-print")
    page.emulate_media(media="print")
    report = page.locator("#wwc-sc-report")
    expect(report).to_be_visible()
    expect(report.locator(".wwc-sc-report-preview-controls")).to_be_hidden()
    expect(report.locator(".wwc-sc-report-unofficial")).to_be_visible()
    pdf = page.pdf()
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 1 <= pages <= 3, f"{pages} pages"


@pytest.mark.parametrize("width", [360])
def test_report_preview_on_a_phone_and_axe(sc_page, url, width, subtests):
    page = sc_page
    seed(page, url)
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{url}#report")
    expect(page.locator("#wwc-sc-report .wwc-sc-report-criteria")).to_be_visible()
    sizes = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert sizes[0] <= sizes[1], sizes
    box = page.locator("#wwc-sc-report-print").bounding_box()
    assert box["height"] >= 24 and box["width"] >= 24
    for scheme, violations in axe_in_both_schemes(page, "#wwc-sc-report").items():
        with subtests.test(msg=scheme):
            assert violations == []
