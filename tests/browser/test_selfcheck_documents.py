"""The documents page of issue 21 (finding 10) in a real browser: a table of contents, owner and status
columns (blank without a stored self-check, to fill in on paper; the open assessment's owner and ticks
with one), printed links that work (never the development server's host), no sideways scroll at 360 px,
and axe. Texts come from macros/selfcheck.yml; the documents from the content YAML.
"""

from __future__ import annotations

import subprocess

import pytest
from playwright.sync_api import expect

from axe_check import axe_in_both_schemes
from macros.content import load_content
from macros.selfcheck import load_settings
from sc_multi_helpers import ROOT, answer, new_assessment, open_evidence, open_self_check

TEXTS = load_settings()["texts"]
A45 = load_content(ROOT)["editions"]["assessment-45"]
GROUPS_WITH_DOCUMENTS = [
    group for group in A45["groups"] if any(criterion.get("documentation") for criterion in group["criteria"])
]
DG1 = A45["groups"][0]["criteria"][0]


@pytest.fixture
def documents_url(site_url):
    return f"{site_url}self-check/documents/"


def test_contents_link_every_group_and_the_columns_are_blank_to_fill_in(sc_page, documents_url):
    page = sc_page
    page.goto(documents_url)
    expect(page.locator("#wwc-documents")).to_have_attribute("data-wwc-ready", "true")
    links = page.locator(".wwc-documents-toc a")
    expect(links).to_have_count(len(GROUPS_WITH_DOCUMENTS))
    for link, group in zip(links.all(), GROUPS_WITH_DOCUMENTS, strict=True):
        assert link.get_attribute("href") == f"#{group['id']}"
        assert page.locator(f"h2#{group['id']}").count() == 1
    headers = page.locator(".wwc-documents-table").first.locator("th").all_inner_texts()
    assert headers[-2:] == [TEXTS["documents_owner"], TEXTS["documents_status"]]
    filled = page.locator(".wwc-documents-owner:not(:empty), .wwc-documents-status:not(:empty)")
    expect(filled).to_have_count(0)
    expect(page.locator("#wwc-documents-source")).to_have_text(" ".join(TEXTS["documents_blank_note"].split()))


def test_owner_and_status_come_from_the_open_assessment(sc_page, site_url, documents_url):
    page = sc_page
    open_self_check(page, f"{site_url}self-check/")
    new_assessment(page, "Gathering")
    page.fill("#wwc-sc-city", "Springfield")
    page.locator("#wwc-sc-city").dispatch_event("change")
    answer(page, {"DG1": "yes"})
    panel = open_evidence(page, "DG1")
    first, second = DG1["documentation"][0]["id"], DG1["documentation"][1]["id"]
    panel.locator(f'input[type=checkbox][value="{first}"]').check()
    panel.locator('[data-wwc-field="owner"]').fill("Ana, clerk's office")
    panel.locator('[data-wwc-field="owner"]').blur()
    page.goto(documents_url)
    expect(page.locator("#wwc-documents")).to_have_attribute("data-wwc-ready", "true")
    row = page.locator(f'tr[data-wwc-document="{first}"]')
    expect(row.locator(".wwc-documents-owner")).to_have_text("Ana, clerk's office")
    expect(row.locator(".wwc-documents-status")).to_have_text(TEXTS["documents_ticked"])
    other = page.locator(f'tr[data-wwc-document="{second}"]')
    expect(other.locator(".wwc-documents-status")).to_have_text(TEXTS["documents_not_ticked"])
    expect(page.locator("#wwc-documents-source")).to_contain_text("Gathering")
    expect(page.locator("#wwc-documents-source")).to_contain_text("Springfield")


def test_printed_links_work_and_never_name_the_dev_server(sc_page, documents_url, tmp_path):
    page = sc_page
    page.goto(documents_url)
    expect(page.locator("#wwc-documents")).to_have_attribute("data-wwc-ready", "true")
    pdf = tmp_path / "documents.pdf"
    page.pdf(path=str(pdf), format="A4")
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True).stdout
    printed = "".join(text.decode("utf-8").split())
    assert "127.0.0.1" not in printed
    assert f"(/criteria/{A45['groups'][0]['id']}/#{DG1['id'].lower()})" in printed
    assert "".join(TEXTS["documents_contents"].split()) in printed


def test_phone_no_sideways_scroll_and_axe(sc_page, documents_url, subtests):
    page = sc_page
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(documents_url)
    expect(page.locator("#wwc-documents")).to_have_attribute("data-wwc-ready", "true")
    sizes = page.evaluate("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert sizes[0] <= sizes[1], sizes
    for scheme, violations in axe_in_both_schemes(page, "#wwc-documents").items():
        with subtests.test(msg=scheme):
            assert violations == []
