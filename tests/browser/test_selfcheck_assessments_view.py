"""The assessments view of issue 21 in a real browser: a share link saved as new is opened (finding 1),
an imported file is offered beside the import button with focus on it (finding 4), Duplicate opens the
copy (finding 5), compare counts No -> In progress as improved and shows only what changed (finding 8),
and at 360 px the assessments' tables scroll in their own box, never the page, with controls of 24 px
or more (finding 2). Texts come from macros/selfcheck-assessments.yml as the page embeds them.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from axe_check import axe_in_both_schemes
from sc_multi_helpers import (
    TEXTS,
    answer,
    checked,
    make_link,
    new_assessment,
    open_part,
    open_self_check,
    record,
)


@pytest.fixture
def url(site_url):
    return f"{site_url}self-check/"


def test_a_share_link_saved_as_new_is_opened_and_saved_once(browser, sc_page, shared_tab, url):
    page = sc_page
    open_self_check(page, url)
    new_assessment(page, "Shared one")
    answer(page, {"DG1": "yes", "DG2": "in-progress"})
    link = make_link(page)

    other = shared_tab.guard.watch(browser.new_context()).new_page()
    other.goto(link)
    save = other.locator("#wwc-sc-incoming-save")
    expect(save).to_be_enabled()
    save.click()
    message = other.locator("#wwc-sc-incoming-message")
    expect(message).to_have_text(TEXTS["incoming_saved"].format(name="Shared one"))
    expect(message).to_be_focused()
    # The copy is open: the form shows its answers and its name is in the tools.
    expect(other.locator("#wwc-sc-name")).to_have_value("Shared one")
    assert checked(other) == {"DG1": "yes", "DG2": "in-progress"}
    expect(save).to_be_disabled()
    save.click(force=True)
    other.evaluate("document.querySelector('#wwc-sc-incoming-save').click()")
    names = [a["name"] for a in record(other)["assessments"]]
    assert names == ["Shared one"], "one save, however many clicks"
    # The link is taken out of the address: a reload does not offer it (and its save) again.
    other.reload()
    expect(other.locator("#wwc-selfcheck")).to_have_attribute("data-wwc-ready", "true")
    expect(other.locator("#wwc-sc-incoming")).to_be_hidden()
    assert [a["name"] for a in record(other)["assessments"]] == ["Shared one"]
    other.context.close()


def test_duplicate_opens_the_copy_and_says_so_beside_the_list(sc_page, url):
    page = sc_page
    open_self_check(page, url)
    new_assessment(page, "Original")
    answer(page, {"DG1": "yes"})
    page.click('button[aria-label="Duplicate Original"]')
    copy_name = TEXTS["copy_name"].format(name="Original")
    expect(page.locator("#wwc-sc-name")).to_have_value(copy_name)
    message = page.locator("#wwc-sc-manager-message")
    expect(message).to_have_text(TEXTS["duplicated"].format(name=copy_name))
    expect(message).to_be_focused()
    answer(page, {"DG2": "no"})
    saved = {a["name"]: a["answers"] for a in record(page)["assessments"]}
    assert saved == {"Original": {"DG1": "yes"}, copy_name: {"DG1": "yes", "DG2": "no"}}


def test_each_row_renames_its_assessment_by_keyboard_and_says_so_in_the_row(sc_page, url):
    """Rename per row: the button names its assessment, the field is labelled with it, Enter saves,
    Escape cancels, an empty name is refused in the row; each result is in the row, focused."""
    page = sc_page
    open_self_check(page, url)
    new_assessment(page, "Draft")
    new_assessment(page, "Last year")
    answer(page, {"DG1": "yes"})
    rename = page.locator('button[aria-label="Rename Draft"]')
    rename.focus()
    page.keyboard.press("Enter")
    field = page.get_by_label(TEXTS["rename_label"].format(name="Draft"))
    expect(field).to_be_focused()
    expect(field).to_have_value("Draft")
    page.keyboard.press("Escape")
    expect(page.locator('button[aria-label="Rename Draft"]')).to_be_focused()
    assert sorted(a["name"] for a in record(page)["assessments"]) == ["Draft", "Last year"]

    page.keyboard.press("Enter")
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.press("Enter")
    row = page.locator("#wwc-sc-assessment-list tr", has_text="Last year").first
    refused = page.locator(".wwc-sc-row-result", has_text=TEXTS["rename_empty"])
    expect(refused).to_be_visible()
    expect(page.get_by_label(TEXTS["rename_label"].format(name="Draft"))).to_be_focused()

    page.keyboard.type("2027 application")
    page.keyboard.press("Enter")
    result = page.locator(".wwc-sc-row-result")
    expect(result).to_have_text(TEXTS["renamed"].format(**{"from": "Draft", "to": "2027 application"}))
    expect(result).to_be_focused()
    renamed_row = page.locator("#wwc-sc-assessment-list tr", has=result)
    expect(renamed_row.locator("th")).to_contain_text("2027 application")
    expect(renamed_row.locator('button[aria-label="Rename 2027 application"]')).to_be_visible()
    assert sorted(a["name"] for a in record(page)["assessments"]) == ["2027 application", "Last year"]
    # The open assessment keeps its answers and name; the other one's name changed only.
    expect(page.locator("#wwc-sc-name")).to_have_value("Last year")
    expect(row).to_be_visible()
    assert checked(page) == {"DG1": "yes"}


def test_an_imported_file_is_offered_beside_the_import_button(sc_page, url, tmp_path):
    page = sc_page
    open_self_check(page, url)
    new_assessment(page, "From a file")
    answer(page, {"DG1": "yes", "DG3": "no"})
    with page.expect_download() as download:
        page.click("#wwc-sc-export")
    path = tmp_path / "ours.json"
    download.value.save_as(path)
    new_assessment(page, "Open one")
    answer(page, {"DG1": "no"})
    page.set_input_files("#wwc-sc-import-file", str(path))
    offer = page.locator("#wwc-sc-import-offer")
    expect(offer.locator("h2")).to_have_text(TEXTS["incoming_file_heading"])
    expect(page.locator("#wwc-sc-import-offer-holds")).to_be_focused()
    expect(page.locator("#wwc-sc-incoming")).to_be_hidden()
    # Beside the button: inside the same tools section, within a screen's height of the import control.
    gap = page.evaluate(
        """() => {
            const control = document.querySelector('label[for="wwc-sc-import-file"]').getBoundingClientRect();
            const offer = document.querySelector('#wwc-sc-import-offer').getBoundingClientRect();
            return offer.top - control.bottom;
        }"""
    )
    assert 0 <= gap < 250, gap
    assert offer.evaluate("(node) => node.closest('#wwc-sc-tools') !== null")
    page.click("#wwc-sc-import-offer-save")
    expect(page.locator("#wwc-sc-import-offer-message")).to_be_focused()
    expect(page.locator("#wwc-sc-name")).to_have_value("From a file")
    assert checked(page) == {"DG1": "yes", "DG3": "no"}


def test_compare_orders_states_and_shows_only_what_changed(sc_page, url):
    page = sc_page
    open_self_check(page, url)
    new_assessment(page, "Before")
    answer(page, {"DG1": "no", "DG2": "yes", "DG3": "in-progress", "DG4": "yes"})
    new_assessment(page, "After")
    answer(page, {"DG1": "in-progress", "DG2": "in-progress", "DG3": "in-progress", "DG4": "yes", "DG5": "no"})
    open_part(page, "compare")
    page.select_option("#wwc-sc-compare-from", label="Before")
    page.select_option("#wwc-sc-compare-to", label="After")
    page.click("#wwc-sc-compare-go")
    change = {
        criterion: page.locator(f'#wwc-sc-compare-criteria tr[data-wwc-criterion="{criterion}"]').get_attribute(
            "data-wwc-change"
        )
        for criterion in ("DG1", "DG2", "DG3", "DG5")
    }
    assert change == {"DG1": "improved", "DG2": "worsened", "DG3": "same", "DG5": "changed"}
    expect(page.locator("#wwc-sc-compare-tally")).to_have_text(
        TEXTS["compare_tally"].format(improved=1, worsened=1, changed=1, same=42)
    )
    expect(page.locator("#wwc-sc-compare-criteria tbody tr:visible")).to_have_count(45)
    page.check("#wwc-sc-compare-only-changed")
    expect(page.locator("#wwc-sc-compare-criteria tbody tr:visible")).to_have_count(3)
    for select in ("#wwc-sc-compare-from", "#wwc-sc-compare-to"):
        assert page.locator(select).bounding_box()["height"] >= 40
    page.uncheck("#wwc-sc-compare-only-changed")
    expect(page.locator("#wwc-sc-compare-criteria tbody tr:visible")).to_have_count(45)


SMALL_CONTROLS = """(selectors) => {
    const small = [];
    for (const node of document.querySelectorAll(selectors)) {
        if (!node.getClientRects().length) continue;
        const box = node.getBoundingClientRect();
        if (box.width < 24 || box.height < 24) small.push(`${node.id || node.textContent.trim()} ${box.width}x${box.height}`);
    }
    return small;
}"""

ASSESSMENT_CONTROLS = ", ".join(
    f"{root} {kind}"
    for root in ("#wwc-sc-assessments", "#wwc-sc-compare", "#wwc-sc-incoming", "#wwc-sc-merge")
    for kind in ("button", "select", "input")
)


@pytest.mark.parametrize("width", [360, 375])
def test_phone_the_assessments_tables_never_scroll_the_page(sc_page, url, width):
    page = sc_page
    page.set_viewport_size({"width": width, "height": 800})
    open_self_check(page, url)
    new_assessment(page, "A long name for the first assessment of the year")
    page.fill("#wwc-sc-city", "Springfield-upon-the-long-river")
    page.locator("#wwc-sc-city").dispatch_event("change")
    answer(page, {"DG1": "yes", "DG2": "no"})
    new_assessment(page, "Second")
    answer(page, {"DG1": "no"})
    open_part(page, "compare")
    page.click("#wwc-sc-compare-go")
    page.locator("#wwc-sc-assessment-list").scroll_into_view_if_needed()
    widths = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth,"
        " document.querySelector('#wwc-sc-assessments').getBoundingClientRect().right]"
    )
    assert widths[0] <= widths[1], f"the page scrolls sideways: {widths}"
    assert widths[2] <= width, widths
    box = page.locator("#wwc-sc-assessment-list").locator("xpath=..")
    expect(box).to_have_attribute("role", "region")
    expect(box).to_have_attribute("tabindex", "0")
    assert page.evaluate(SMALL_CONTROLS, ASSESSMENT_CONTROLS) == []


def test_assessments_parts_pass_axe_with_a_comparison_and_an_offer(sc_page, url, subtests):
    page = sc_page
    open_self_check(page, url)
    new_assessment(page, "One")
    answer(page, {"DG1": "yes"})
    new_assessment(page, "Two")
    open_part(page, "compare")
    page.click("#wwc-sc-compare-go")
    page.check("#wwc-sc-compare-only-changed")
    for scheme, violations in axe_in_both_schemes(page).items():
        with subtests.test(msg=scheme):
            assert violations == []


def test_an_empty_list_says_how_a_first_assessment_is_kept(sc_page, url):
    page = sc_page
    open_self_check(page, url)
    page.set_viewport_size({"width": 360, "height": 800})
    empty = page.locator("#wwc-sc-assessments .wwc-sc-list-empty")
    expect(empty).to_have_text(" ".join(TEXTS["list_empty"].split()))
    # A sentence a phone shows whole (it was a table cell wider than the screen, cut at its edge).
    box = empty.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360, box
    expect(page.locator("#wwc-sc-assessment-list")).to_be_hidden()
    answer(page, {"DG1": "yes"})
    expect(empty).to_be_hidden()
    expect(page.locator("#wwc-sc-assessment-list tbody tr[data-wwc-assessment]")).to_have_count(1)
