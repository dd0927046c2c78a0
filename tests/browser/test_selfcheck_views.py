"""The self-check's views (issue 21): the nav, one view at a time with its own address, the answer view
(one area at a time with each area's progress, the filters, next area), the results led by the
evidence-backed result, the next steps aimed at the evidence-backed next tier, and the launch edition
without the evidence it does not have. Phone layouts at 360 px and axe on every view, light and dark."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from axe_check import axe_in_both_schemes
from macros.content import load_content
from macros.selfcheck import edition_texts, load_settings

EDITION = "assessment-45"
LAUNCH = "launch-50"
VIEWS = [view["id"] for view in load_settings()["views"]]
TEXTS = load_settings()["texts"]
CONTENT = load_content(Path(__file__).resolve().parents[2])


def open_self_check(page: Page, url: str) -> Page:
    page.goto(url)
    expect(page.locator("#wwc-selfcheck")).to_have_attribute("data-wwc-ready", "true")
    return page


SHOWN_VIEWS = "[...document.querySelectorAll('[data-wwc-view]')].filter((s) => !s.hidden).map((s) => s.dataset.wwcView)"


def expect_shown_views(page: Page, names: list[str]) -> None:
    """Waits for exactly these views to show: a view changes on hashchange, after the click or key returns."""
    page.wait_for_function(f"(names) => JSON.stringify({SHOWN_VIEWS}) === JSON.stringify(names)", arg=names)


def choose(page: Page, criterion_id: str, state: str, edition: str = EDITION) -> None:
    page.click(f'#wwc-sc-{edition}-{criterion_id.lower()} label:has(> input[value="{state}"])')


def test_every_view_is_one_click_from_every_other_and_gets_the_focus(page: Page, site_url):
    open_self_check(page, site_url + "self-check/")
    expect_shown_views(page, ["answer"])
    for name in VIEWS + ["answer"]:
        page.click(f'#wwc-sc-views-nav [data-wwc-view-link="{name}"]')
        expect(page).to_have_url(f"{site_url}self-check/#{name}")
        expect_shown_views(page, [name])
        expect(page.locator(f'[data-wwc-view-link="{name}"]')).to_have_attribute("aria-current", "page")
        assert page.locator("[data-wwc-view-link][aria-current]").count() == 1
        labelled_by = page.get_attribute(f"#wwc-sc-view-{name}", "aria-labelledby")
        expect(page.locator(f"#{labelled_by}")).to_be_focused()
    page.go_back()
    expect_shown_views(page, ["report"])
    # The documents page is one click away too.
    expect(page.locator("#wwc-sc-views-nav a[href$='self-check/documents/']")).to_have_count(1)


def test_an_address_opens_its_view_and_a_share_link_the_assessments_view(page: Page, site_url):
    open_self_check(page, site_url + "self-check/#next-steps")
    expect_shown_views(page, ["next-steps"])
    open_self_check(page, site_url + "self-check/#share=1.broken")
    expect_shown_views(page, ["assessments"])


def test_an_address_naming_a_view_starts_no_transition_when_the_script_routes_it(page: Page, site_url):
    # The nav's current link changes as the script routes #results; Material's link transition
    # repainted the whole page, a long one on a phone, for its quarter of a second of start-up.
    page.goto(site_url + "self-check/#results")
    page.wait_for_function("document.querySelector('#wwc-selfcheck').getAttribute('data-wwc-view-shown') === 'results'")
    running = page.evaluate("document.getAnimations().map((a) => a.transitionProperty || a.animationName)")
    assert running == []


NAV_ITEM_BOXES = """[...document.querySelectorAll('#wwc-sc-views-nav li')].map((item) => {
  const box = item.getBoundingClientRect();
  return [Math.round(box.x), Math.round(box.y), Math.round(box.width)];
})"""


@pytest.mark.parametrize("width", [360, 1280])
def test_the_views_nav_does_not_move_when_the_script_routes_an_address_naming_a_view(page: Page, site_url, width):
    # The current view's link is bold: each link is as wide as its bold label, so moving the current
    # link from the answer view to the view the address names shifts nothing (a layout shift before).
    page.set_viewport_size({"width": width, "height": 800})
    page.route("**/wwc-selfcheck.js*", lambda route: route.fulfill(body="", content_type="text/javascript"))
    page.goto(site_url + "self-check/#assessments")
    before = page.evaluate(NAV_ITEM_BOXES)
    page.unroute("**/wwc-selfcheck.js*")
    page.reload()
    expect(page.locator("#wwc-selfcheck")).to_have_attribute("data-wwc-ready", "true")
    expect(page.locator('[data-wwc-view-link="assessments"]')).to_have_attribute("aria-current", "page")
    assert page.evaluate(NAV_ITEM_BOXES) == before
    # The bold copy that reserves the width is not read: each link's name is its label once.
    for view in load_settings()["views"]:
        expect(page.get_by_role("link", name=view["label"], exact=True)).to_have_count(1)


def test_what_follows_the_next_steps_waits_for_them_on_a_page_opened_at_next_steps(page: Page, site_url):
    # Shown before the script fills the list, the documents heading was pushed down by it.
    page.set_viewport_size({"width": 412, "height": 823})
    page.route("**/wwc-selfcheck.js*", lambda route: route.fulfill(body="", content_type="text/javascript"))
    page.goto(site_url + "self-check/#next-steps")
    expect(page.locator("#wwc-sc-plan-heading")).to_be_visible()
    expect(page.locator("#wwc-sc-documents-heading")).to_be_hidden()
    page.unroute("**/wwc-selfcheck.js*")
    page.reload()
    expect(page.locator("#wwc-selfcheck")).to_have_attribute("data-wwc-ready", "true")
    expect(page.locator("#wwc-sc-documents-heading")).to_be_visible()
    assert page.locator("#wwc-sc-next li").count() > 0


def test_without_javascript_every_view_shows_in_turn(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url + "self-check/")
    assert page.locator("[data-wwc-view]").count() == len(VIEWS)
    expect(page.locator("#wwc-sc-view-answer")).to_be_visible()
    # Every area's criteria are there, one after the other.
    expect(page.locator(f"#wwc-sc-{EDITION}-dg1, #wwc-sc-{EDITION}-se4")).to_have_count(2)
    expect(page.locator(f"#wwc-sc-{EDITION}-se4")).to_be_visible()
    context.close()


def test_landing_at_1280x800_shows_the_areas_and_the_first_question(page: Page, site_url):
    page.set_viewport_size({"width": 1280, "height": 800})
    open_self_check(page, site_url + "self-check/")
    areas = page.locator("#wwc-sc-areas").bounding_box()
    first = page.locator(f"#wwc-sc-{EDITION}-dg1 .wwc-sc-options").bounding_box()
    status = page.locator("#wwc-sc-status").bounding_box()
    assert areas["y"] + areas["height"] <= 800, areas
    # The first question's answers sit above the sticky status line.
    assert first["y"] + first["height"] <= status["y"], (first, status)
    expect(page.locator("#wwc-sc-areas [data-wwc-area]")).to_have_count(9)  # 8 areas and "all at once"


def test_one_area_at_a_time_with_its_progress_and_next_area(page: Page, site_url):
    open_self_check(page, site_url + "self-check/")
    visible_groups = "[data-wwc-group]:not([hidden])"
    expect(page.locator(f"#wwc-sc-form-{EDITION} {visible_groups}")).to_have_count(1)
    progress = page.locator('[data-wwc-area-progress="data-governance"]')
    expect(progress).to_have_text("0 of 5")
    status = page.locator("#wwc-sc-status")
    before = status.text_content()
    choose(page, "DG1", "yes")
    expect(progress).to_have_text("1 of 5")
    expect(status).not_to_have_text(before)
    # The link at the end of the area opens the next one and puts the focus on the answer of its first
    # unanswered criterion (a keyboard pass answers with the next key).
    page.locator(f"#wwc-sc-form-{EDITION} [data-wwc-group='data-governance'] .wwc-sc-next-area a").click()
    expect(page.locator(f'#wwc-sc-{EDITION}-eval1 input[value="yes"]')).to_be_focused()
    expect(page.locator(f"#wwc-sc-form-{EDITION} {visible_groups}")).to_have_attribute("data-wwc-group", "evaluations")
    expect(page.locator('#wwc-sc-areas [data-wwc-area="evaluations"]')).to_have_attribute("aria-current", "true")
    # "All at once" shows every area, as the form was before the views.
    page.click('#wwc-sc-areas [data-wwc-area=""]')
    expect(page.locator(f"#wwc-sc-form-{EDITION} {visible_groups}")).to_have_count(8)
    # ... with no "next area" stop between them: the keyboard's one pass is the form's.
    expect(page.locator(f"#wwc-sc-form-{EDITION} .wwc-sc-next-area a")).to_have_count(8)
    for link in page.locator(f"#wwc-sc-form-{EDITION} .wwc-sc-next-area a").all():
        expect(link).to_be_hidden()


def test_the_quick_path_by_keyboard_answers_an_area_and_moves_on(page: Page, site_url):
    open_self_check(page, site_url + "self-check/")
    page.focus(f'#wwc-sc-{EDITION}-dg1 input[value="yes"]')
    page.keyboard.press("Space")
    expect(page.locator('[data-wwc-area-progress="data-governance"]')).to_have_text("1 of 5")
    # The last area's link leads to the results.
    page.click('#wwc-sc-areas [data-wwc-area="stakeholder-engagement"]')
    page.locator(f"#wwc-sc-form-{EDITION} [data-wwc-group='stakeholder-engagement'] .wwc-sc-next-area a").focus()
    page.keyboard.press("Enter")
    expect_shown_views(page, ["results"])


def test_filters_show_unanswered_flagged_and_met_without_evidence(page: Page, site_url):
    open_self_check(page, site_url + "self-check/")
    page.click('#wwc-sc-areas [data-wwc-area=""]')
    choose(page, "DG1", "yes")  # DG1 asks for documents: nothing ticked, so flagged
    choose(page, "DG2", "no")
    shown = "[data-wwc-criterion]:not([hidden])"

    def ids() -> list[str]:
        return page.eval_on_selector_all(shown, "(nodes) => nodes.map((n) => n.dataset.wwcCriterion)")

    page.select_option("#wwc-sc-filter", "unanswered")
    assert "DG1" not in ids() and "DG2" not in ids() and "DG3" in ids()
    page.select_option("#wwc-sc-filter", "flagged")
    assert ids() == ["DG1"]
    page.select_option("#wwc-sc-filter", "no-evidence")
    assert ids() == ["DG1"]
    page.select_option("#wwc-sc-filter", "")
    assert len(ids()) == 45


def test_results_lead_with_the_evidence_backed_result_and_say_why_they_differ(page: Page, site_url):
    open_self_check(page, site_url + "self-check/")
    # Before any Yes: nothing to check yet, said once (not "every Yes has its documents ticked").
    flags_line = page.locator(".wwc-sc-evidence-flags")
    no_met = edition_texts(CONTENT["editions"][EDITION], load_settings()["texts"])["evidence_flagged_no_met"]
    page.click('[data-wwc-view-link="results"]')
    expect(flags_line).to_have_text(no_met)
    expect(page.locator("#wwc-sc-flags")).to_have_text("")
    page.click('[data-wwc-view-link="answer"]')
    choose(page, "DG1", "no")
    page.click('[data-wwc-view-link="results"]')
    expect(flags_line).to_have_text(no_met)
    page.click('[data-wwc-view-link="answer"]')
    choose(page, "DG1", "yes")
    # The results view, behind the answer view while one answers, shows the change when it is shown.
    expect(flags_line).to_have_text(no_met)
    page.click('[data-wwc-view-link="results"]')
    expect(flags_line).not_to_have_text(no_met)
    figures = page.locator("#wwc-sc-results .wwc-sc-figures")
    order = figures.evaluate(
        "(node) => [...node.children].map((child) => child.className).filter((name) => name.startsWith('wwc-sc-result-'))"
    )
    assert order == ["wwc-sc-result-backed", "wwc-sc-result-self"]
    expect(page.locator(".wwc-sc-evidence-result")).to_contain_text("0 of 45")
    expect(page.locator(".wwc-sc-met-count")).to_have_text("1 of 45 criteria")
    flag = page.locator('#wwc-sc-flags [data-wwc-flag="DG1"]')
    expect(flag).to_be_visible()
    # What is missing, each document an item of its own (joined, their sentences ran together).
    expect(flag.locator(".wwc-sc-flag-documents li")).to_have_count(2)
    expect(flag).not_to_contain_text(".;")
    # The flag's link opens the criterion in the answer view.
    flag.locator("a").click()
    expect_shown_views(page, ["answer"])
    expect(page.locator(f"#wwc-sc-{EDITION}-dg1")).to_be_focused()


def test_next_steps_are_short_and_aim_at_the_evidence_backed_tier(page: Page, site_url):
    """Finding 7: a first visit listed 23 steps aimed at the self-reported tier."""
    open_self_check(page, site_url + "self-check/")
    choose(page, "DG1", "yes")
    page.click('[data-wwc-view-link="next-steps"]')
    short = page.locator("#wwc-sc-next > .wwc-sc-next-list > li")
    expect(short).to_have_count(load_settings()["plan"]["short"])
    # The Yes without its documents comes first: only its evidence is missing.
    expect(short.first).to_have_attribute("data-wwc-step", "DG1")
    rest = page.locator("#wwc-sc-next details.wwc-sc-next-rest")
    expect(rest).not_to_have_attribute("open", "")
    # Backed by evidence nothing is met, so Silver needs 23, as many as on a first visit.
    expect(page.locator("#wwc-sc-next .wwc-sc-next-intro")).to_contain_text("Silver needs 23 more")
    expect(rest.locator("li")).to_have_count(23 - 5)


def test_next_steps_put_a_prerequisite_first_and_link_where_to_go_next(page: Page, site_url):
    open_self_check(page, site_url + "self-check/")
    page.click('#wwc-sc-areas [data-wwc-area=""]')
    # RDC2 in progress ranks before RDC1 unanswered, but it builds on RDC1.
    choose(page, "RDC2", "in-progress")
    choose(page, "GM8", "in-progress")
    page.click('[data-wwc-view-link="next-steps"]')
    steps = page.eval_on_selector_all("#wwc-sc-next [data-wwc-step]", "(nodes) => nodes.map((n) => n.dataset.wwcStep)")
    assert steps.index("RDC1") == steps.index("RDC2") - 1, steps
    expect(page.locator('[data-wwc-step="RDC1"] .wwc-sc-next-before')).to_contain_text("RDC2")
    link = page.locator('[data-wwc-step="GM8"] .wwc-sc-plan-resources a')
    expect(link).to_have_attribute("href", "../where-to-go-next/#wwc-academy")


def test_a_flag_cites_the_sample_reports_audited_response(page: Page, site_url):
    open_self_check(page, site_url + "self-check/")
    page.click('#wwc-sc-areas [data-wwc-area="evaluations"]')
    choose(page, "EVAL3", "yes")
    page.click('[data-wwc-view-link="results"]')
    cited = page.locator('[data-wwc-flag="EVAL3"] .wwc-sc-flag-audited')
    expect(cited).to_contain_text("did not share budget memos")
    expect(cited).to_contain_text("sample report")


def test_the_launch_edition_shows_only_what_it_has(page: Page, site_url):
    """Finding 6: no evidence ticks are promised and no "Backed by evidence 30 of 50" is shown."""
    open_self_check(page, site_url + "self-check/launch-50/")
    for index in range(1, 31):
        page.evaluate(
            "(id) => { const input = document.querySelector(id); input.checked = true;"
            " input.dispatchEvent(new Event('change', {bubbles: true})); }",
            f'#wwc-sc-{LAUNCH}-q{index} input[value="yes"]',
        )
    for name in ("answer", "results", "next-steps", "report"):
        page.click(f'[data-wwc-view-link="{name}"]')
        text = page.locator(f"#wwc-sc-view-{name}").inner_text()
        assert "Backed by evidence" not in text, name
        if name == "report":
            continue  # its "Ticked: none" lines are the report's own (issue 21, finding 3)
        assert "tick" not in text.lower(), (name, text[:400])
    page.click('[data-wwc-view-link="answer"]')
    options = page.eval_on_selector_all("#wwc-sc-filter option", "(nodes) => nodes.map((n) => n.value)")
    assert options == ["", "unanswered"]
    expect(page.locator(".wwc-sc-intro")).not_to_contain_text("tick")


@pytest.mark.parametrize("path", ["self-check/", "self-check/launch-50/"])
def test_no_view_scrolls_sideways_at_360_and_controls_are_24px(page: Page, site_url, path):
    page.set_viewport_size({"width": 360, "height": 800})
    open_self_check(page, site_url + path)
    choose(page, "DG1" if path == "self-check/" else "Q1", "yes", EDITION if path == "self-check/" else LAUNCH)
    for name in VIEWS:
        page.click(f'[data-wwc-view-link="{name}"]')
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"{path}#{name}: the page is {width} px wide"
    page.click('[data-wwc-view-link="answer"]')
    small = page.eval_on_selector_all(
        "#wwc-sc-views-nav a, #wwc-sc-areas a, #wwc-sc-filter, .wwc-sc-next-area a",
        """(nodes) => nodes.filter((n) => n.getClientRects().length)
            .map((n) => [n.textContent.trim(), n.getBoundingClientRect().height])
            .filter(([, height]) => height < 24)""",
    )
    assert not small, small


@pytest.mark.parametrize("name", VIEWS)
def test_axe_finds_nothing_on_each_view_light_and_dark(page: Page, site_url, name):
    open_self_check(page, site_url + "self-check/")
    choose(page, "DG1", "yes")
    page.click(f'[data-wwc-view-link="{name}"]')
    found = axe_in_both_schemes(page, "#wwc-selfcheck")
    assert found == {"default": [], "slate": []}, found


def test_results_give_the_regional_benchmarks_and_say_what_the_source_does_not(page: Page, site_url):
    open_self_check(page, site_url + "self-check/#results")
    line = page.locator("#wwc-sc-results .wwc-sc-region-line")
    expect(line).to_have_text("")
    page.select_option("#wwc-sc-region", "south")
    expect(line).to_have_text(
        "South: 45 cities applied, with an average score of 33%. Your result backed by evidence: 0.0%."
    )
    benchmarks = page.locator("#wwc-sc-results .wwc-sc-benchmarks")
    expect(benchmarks).to_contain_text("30K-100K")
    expect(benchmarks).to_contain_text("gives no figures")
    expect(benchmarks.locator("details.wwc-sc-not-given li").first).to_contain_text("Figures per population band")


@pytest.mark.parametrize("view", [name for name in VIEWS if name != VIEWS[0]])
def test_the_view_an_address_names_is_the_one_painted_before_the_script_starts(page: Page, site_url, view):
    """Landing on /self-check/#results paints the results view from the first frame: with the bundle
    held back, only the page's inline mark has run, and it alone shows that view (no shift later)."""
    # Served empty: a bundle that does not load at all puts the page back as it is without the script.
    page.route("**/wwc-selfcheck.js*", lambda route: route.fulfill(body="", content_type="text/javascript"))
    page.goto(f"{site_url}self-check/#{view}")
    displayed = page.eval_on_selector_all(
        "[data-wwc-view]",
        "sections => sections.filter(s => getComputedStyle(s).display !== 'none').map(s => s.dataset.wwcView)",
    )
    assert displayed == [view]
