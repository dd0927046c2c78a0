"""Browser tests for the case studies: the index filter, printing a case study, section anchors.

`site_url` (base URL of the built site, ending in "/") comes from tests/browser/conftest.py. Each test
gets a fresh page; the loops over every option, city and case study run on that page, reporting each
case as a subtest. Expected values are computed
from the YAML, never hard-coded, so the tests follow the content.
"""

from __future__ import annotations

import contextlib
import functools
import re
import subprocess
import unicodedata
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
FILTER_FORM = 'form.wwc-filters[data-wwc-filter="case-studies"]'
STATUS = f"{FILTER_FORM} .wwc-filter-status"

# Stable anchors (trainers and slides link to them). "people" and "quotes" are left out when a case
# study has none.
SECTIONS = ["summary", "criteria", "people", "what-they-did", "results", "quotes", "lessons", "discussion", "sources"]


# ---------------------------------------------------------------------------------------------------
# Content, read from the YAML


def load_yaml(path: Path):
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def load_studies() -> dict[str, dict]:
    studies = {}
    for path in sorted((ROOT / "casestudies").glob("*.yml")):
        study = load_yaml(path)
        studies[study["id"]] = study
    return studies


def load_groups(edition: str) -> dict[str, dict]:
    """Group id -> group (its name and the ids of its criteria) for one edition."""
    groups = {}
    for path in sorted((ROOT / "criteria" / edition).glob("*.yml")):
        if path.name == "edition.yml":
            continue
        group = load_yaml(path)
        groups[group["id"]] = group
    return groups


STUDIES = load_studies()
GROUPS = {edition: load_groups(edition) for edition in ("assessment-45", "launch-50")}


def group_of(edition: str, criterion_id: str) -> str:
    for group_id, group in GROUPS[edition].items():
        if any(criterion["id"] == criterion_id for criterion in group["criteria"]):
            return group_id
    raise AssertionError(f"{criterion_id} is in no group of {edition}")


def expected_cities(**facets: str) -> set[str]:
    """Ids of the case studies that illustrate at least one criterion of each chosen group."""
    result = set()
    for study_id, study in STUDIES.items():
        matches = True
        for facet, value in facets.items():
            if facet == "city":
                matches &= study_id == value
            else:
                ids = study["illustrates"].get(facet, [])
                matches &= value in {group_of(facet, cid) for cid in ids}
        if matches:
            result.add(study_id)
    return result


def status_text(shown: int) -> str:
    if shown == 0:
        return (
            f"No case study matches all of these filters. Change a filter or press “Show all” to see all "
            f"{len(STUDIES)}."
        )
    return f"Showing {shown} of {len(STUDIES)} case studies"


# ---------------------------------------------------------------------------------------------------
# Page helpers


def open_index(page, site_url: str, query: str = ""):
    page.goto(f"{site_url}case-studies/{query}")
    page.wait_for_function(f"document.querySelector({STATUS!r}) && document.querySelector({STATUS!r}).textContent")


# Playwright's own test of "visible" (a non-empty box, not visibility:hidden), for every item in one call.
VISIBLE_CITIES = """() => Array.from(document.querySelectorAll('ul.wwc-study-list li.wwc-study'))
    .filter(item => { const box = item.getBoundingClientRect();
                      return box.width > 0 && box.height > 0 && getComputedStyle(item).visibility !== 'hidden'; })
    .map(item => item.getAttribute('data-city'))"""


def visible_cities(page) -> set[str]:
    return set(page.evaluate(VISIBLE_CITIES))


def select_for(page, facet: str):
    return page.locator(f'{FILTER_FORM} select[data-facet="{facet}"]')


def group_by_name(edition: str, name: str) -> str:
    return next(group_id for group_id, group in GROUPS[edition].items() if group["name"] == name)


@contextlib.contextmanager
def viewport(page, width: int, height: int):
    """The page at ``width`` x ``height`` for a while, then back at its own size for the next test."""
    before = page.viewport_size
    page.set_viewport_size({"width": width, "height": height})
    try:
        yield page
    finally:
        page.set_viewport_size(before)


# ---------------------------------------------------------------------------------------------------
# a) The index filter


def test_unfiltered_list_shows_every_case_study(page, site_url):
    open_index(page, site_url)
    assert visible_cities(page) == set(STUDIES)
    assert page.locator(STATUS).inner_text().strip() == status_text(len(STUDIES))


def test_filter_by_practice_area(page, site_url):
    open_index(page, site_url)
    area = group_by_name("assessment-45", "Results-Driven Contracting")
    expected = expected_cities(**{"assessment-45": area})
    assert expected and expected != set(STUDIES), "the test needs an area that narrows the list"

    select_for(page, "assessment-45").select_option(label="Results-Driven Contracting")
    assert visible_cities(page) == expected
    assert page.locator(STATUS).inner_text().strip() == status_text(len(expected))
    assert f"assessment-45={area}" in page.url

    select_for(page, "assessment-45").select_option(label="All")
    assert visible_cities(page) == set(STUDIES)
    assert page.locator(STATUS).inner_text().strip() == status_text(len(STUDIES))
    assert "assessment-45=" not in page.url


FACET_OPTIONS = [(facet, value) for facet in ("assessment-45", "launch-50") for value in sorted(GROUPS[facet])]


def test_every_area_and_phase_option(page, site_url, subtests):
    """Each option in turn on one loaded index; each case puts its select back to "All" (and must)."""
    open_index(page, site_url)
    for facet, value in FACET_OPTIONS:
        with subtests.test(msg=f"{facet}={value}"):
            try:
                select_for(page, facet).select_option(value=value)
                expected = expected_cities(**{facet: value})
                assert visible_cities(page) == expected
                assert page.locator(STATUS).inner_text().strip() == status_text(len(expected))
            finally:  # a failed case leaves no filter behind for the next one
                select_for(page, facet).select_option(value="")
            assert visible_cities(page) == set(STUDIES)


def test_filter_by_city(page, site_url, subtests):
    """Each city in turn on one loaded index: choosing a city replaces the one chosen before."""
    open_index(page, site_url)
    for city in sorted(STUDIES):
        with subtests.test(msg=city):
            select_for(page, "city").select_option(value=city)
            assert visible_cities(page) == {city}
            assert page.locator(STATUS).inner_text().strip() == status_text(1)


def test_filters_combine(page, site_url):
    """All chosen facets must match; a combination that matches nothing shows nothing and says so."""
    open_index(page, site_url)
    area = group_by_name("assessment-45", "General Management")
    phase = sorted(GROUPS["launch-50"])[0]
    select_for(page, "assessment-45").select_option(value=area)
    select_for(page, "launch-50").select_option(value=phase)
    expected = expected_cities(**{"assessment-45": area, "launch-50": phase})
    assert visible_cities(page) == expected
    assert page.locator(STATUS).inner_text().strip() == status_text(len(expected))

    # A city outside the current selection: nothing shows.
    outside = sorted(set(STUDIES) - expected)[0]
    select_for(page, "city").select_option(value=outside)
    assert visible_cities(page) == set()
    assert page.locator(STATUS).inner_text().strip() == status_text(0)


def test_filter_from_url_query(page, site_url):
    """A trainer can share a filtered link; unknown values are ignored."""
    area = group_by_name("assessment-45", "Results-Driven Contracting")
    open_index(page, site_url, f"?assessment-45={area}")
    assert select_for(page, "assessment-45").input_value() == area
    assert visible_cities(page) == expected_cities(**{"assessment-45": area})

    open_index(page, site_url, "?city=no-such-city&launch-50=no-such-phase")
    assert select_for(page, "city").input_value() == ""
    assert visible_cities(page) == set(STUDIES)


def test_filter_with_keyboard(page, site_url):
    open_index(page, site_url)
    select = select_for(page, "assessment-45")
    select.focus()
    page.keyboard.press("ArrowDown")
    chosen = select.input_value()
    assert chosen, "ArrowDown on the focused select should choose the first practice area"
    assert visible_cities(page) == expected_cities(**{"assessment-45": chosen})
    assert page.locator(STATUS).inner_text().strip() == status_text(len(expected_cities(**{"assessment-45": chosen})))

    # Tab to the next filter (Standard phase) and choose with the keyboard there too.
    page.keyboard.press("Tab")
    phase_select = select_for(page, "launch-50")
    assert phase_select.evaluate("el => el === document.activeElement")
    page.keyboard.press("ArrowDown")
    phase = phase_select.input_value()
    assert phase
    expected = expected_cities(**{"assessment-45": chosen, "launch-50": phase})
    assert visible_cities(page) == expected

    # Back to "All" with Home on both selects.
    page.keyboard.press("Home")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Home")
    assert select.input_value() == "" and phase_select.input_value() == ""
    assert visible_cities(page) == set(STUDIES)
    assert page.locator(STATUS).inner_text().strip() == status_text(len(STUDIES))


# ---------------------------------------------------------------------------------------------------
# b) Printing a case study


def normalise(text: str) -> str:
    """Compare text across HTML, YAML and pdftotext: ligatures, quotes, soft hyphens, whitespace."""
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("\u00ad", "")
    text = text.translate(
        str.maketrans(
            {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2010": "-", "\u2011": "-", "\u00a0": " "}
        )
    )
    text = re.sub(r"-\s*\n\s*", "-", text)  # a line broken after a hyphen keeps the hyphen
    return " ".join(text.split())


def pdf_text(page, tmp_path: Path) -> str:
    pdf = tmp_path / "page.pdf"
    page.pdf(path=str(pdf), format="A4")
    txt = tmp_path / "page.txt"
    subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), str(txt)], check=True, timeout=60)
    return txt.read_text(encoding="utf-8")


def assert_prints_as_handout(page, tmp_path: Path, study_id: str) -> None:
    """The case study open in ``page`` prints as a handout: title, results, footer, no site chrome."""
    study = STUDIES[study_id]
    title = page.locator("article h1").first.evaluate(
        "h1 => { const c = h1.cloneNode(true); c.querySelectorAll('.headerlink').forEach(a => a.remove());"
        " return c.textContent; }"
    )
    assert normalise(title).startswith(study["city"])
    article_text = normalise(page.locator("article").first.inner_text())
    printed = normalise(pdf_text(page, tmp_path))

    assert normalise(title) in printed
    for result in study["results"]:
        start = normalise(result)[:30]
        assert start in printed, f"result {start!r} missing from the printed page"

    # No site chrome: nav entries, the search box (the site name prints once, in the footer).
    site_name = load_yaml_config()["site_name"]
    chrome = ["Crosswalk", "Downloads", "Blueprint to Certification", "Self-check", "Search"]
    for word in chrome:
        if re.search(rf"\b{re.escape(word)}\b", article_text):
            continue  # the content itself uses the word: it proves nothing about the chrome
        assert not re.search(rf"\b{re.escape(word)}\b", printed), f"{word!r} printed: site chrome shows"
    # The index filter and permalink symbols never print.
    assert "¶" not in printed

    # Footer: the guide's name, the page's published address (from site_url, not the test server's) and the date.
    # Built without SITE_URL, site_url is a development server's: then the address from the site's root
    # prints, and that host never does (issue 21, finding 11).
    site_url = load_yaml_config()["site_url"]
    root = "/" if is_dev_host(site_url) else site_url
    published = f"{root}case-studies/{study_id}/"
    assert printed.count(site_name) == 1, "the site name should print once, in the footer"
    assert published in printed.replace(" ", ""), f"{published} not printed"
    if is_dev_host(site_url):
        assert urlparse(site_url).netloc not in printed and "127.0.0.1" not in printed
    today = page.evaluate(
        "() => { const d = new Date(); const p = n => String(n).padStart(2, '0');"
        " return d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate()); }"
    )
    assert "Printed" + today in printed.replace(" ", ""), "no print date in the footer"
    # Links print their published absolute address or nothing: never a relative path.
    assert "(../" not in printed and "(./" not in printed
    assert f"({root}criteria/" in printed.replace(" ", "")
    # The editorial box about how links were chosen stays off paper.
    if study.get("link_notes"):
        assert "How these links were chosen" in article_text
        assert "How these links were chosen" not in printed


def is_dev_host(url: str) -> bool:
    """A development server's address (mkdocs.yml's site_url when SITE_URL is not set)."""
    host = urlparse(url).hostname or ""
    return host in ("localhost", "0.0.0.0", "::1") or host.startswith("127.")


def pdf_page_texts(pdf: Path) -> list[str]:
    """The text of each page of ``pdf`` (pdftotext, one call; pages end with a form feed)."""
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, check=True, timeout=60)
    return [page for page in text.stdout.decode("utf-8").split("\f") if page.strip()]


def test_no_handout_ends_on_a_nearly_empty_page(page, site_url, tmp_path, subtests):
    """Every case study's last printed page carries at least a third of the text of its fullest page."""
    for study_id in sorted(STUDIES):
        with subtests.test(msg=study_id):
            page.goto(f"{site_url}case-studies/{study_id}/")
            pdf = tmp_path / f"{study_id}.pdf"
            page.pdf(path=str(pdf), format="A4")
            sizes = [len(text.strip()) for text in pdf_page_texts(pdf)]
            assert len(sizes) == 1 or sizes[-1] >= max(sizes) / 3, f"characters per page: {sizes}"


def test_a_published_site_prints_its_own_addresses(page, site_url, tmp_path):
    """With a real site_url (SITE_URL set at build), the footer and links print its absolute addresses."""
    published = "https://guide.example.org/"
    dev = load_yaml_config()["site_url"]

    def canonical_rewritten(route):
        response = route.fetch()
        body = response.text().replace(f'rel="canonical" href="{dev}', f'rel="canonical" href="{published}')
        route.fulfill(response=response, body=body)

    page.route(f"{site_url}case-studies/seattle/", canonical_rewritten)
    page.goto(f"{site_url}case-studies/seattle/")
    printed = normalise(pdf_text(page, tmp_path)).replace(" ", "")
    assert f"{published}case-studies/seattle/" in printed
    assert f"({published}criteria/" in printed


@functools.cache
def load_yaml_config() -> dict:
    """site_name and site_url as the build used them (mkdocs.yml read by MkDocs: it has !ENV tags)."""
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    return {"site_name": config["site_name"], "site_url": config["site_url"]}


def test_index_prints_without_filter_form(page, site_url, tmp_path):
    open_index(page, site_url)
    printed = normalise(pdf_text(page, tmp_path))
    assert status_text(len(STUDIES)) not in printed  # the filter form's status line
    for study in STUDIES.values():
        # pdftotext drops a hyphen at the end of a line ("low-" + "cost"): compare without hyphens.
        assert normalise(study["title"])[:30].replace("-", "") in printed.replace("-", "")


# ---------------------------------------------------------------------------------------------------
# c) Section anchors


def expected_sections(study: dict) -> list[str]:
    sections = list(SECTIONS)
    if not study.get("people"):
        sections.remove("people")
    if not study.get("quotes"):
        sections.remove("quotes")
    return sections


def assert_every_anchor(page, study_id: str) -> None:
    for section in SECTIONS:
        assert page.locator(f"article [id='{section}']").count() == 1, f"#{section} missing on {study_id}"


def assert_section_anchors(page, study_id: str) -> None:
    ids = page.locator("article h2[id]").evaluate_all("els => els.map(el => el.id)")
    assert ids == expected_sections(STUDIES[study_id])


def test_every_case_study_has_its_anchors_and_prints_as_handout(page, site_url, tmp_path, subtests):
    """One visit per case study: its section anchors, then its printed handout (a PDF read back)."""
    complete = [sid for sid, study in sorted(STUDIES.items()) if expected_sections(study) == SECTIONS]
    assert complete, "no case study has both people and quotes"
    for study_id in sorted(STUDIES):
        page.goto(f"{site_url}case-studies/{study_id}/")
        if study_id == complete[0]:
            with subtests.test(msg=f"{study_id}: a case study with every section has every anchor"):
                assert_every_anchor(page, study_id)
        with subtests.test(msg=f"{study_id}: section anchors"):
            assert_section_anchors(page, study_id)
        with subtests.test(msg=f"{study_id}: prints as handout"):
            assert_prints_as_handout(page, tmp_path, study_id)


# ---------------------------------------------------------------------------------------------------
# d) Issue 10: reset, empty result, layout, dark scheme on paper, tables on a phone


def test_reset_shows_everything_again_and_keeps_focus(page, site_url):
    open_index(page, site_url)
    reset = page.locator(f"{FILTER_FORM} button[type=reset]")
    assert not reset.is_visible(), "nothing to reset yet"
    outside = sorted(set(STUDIES) - expected_cities(**{"assessment-45": "repurposing"}))[0]
    select_for(page, "assessment-45").select_option(value="repurposing")
    select_for(page, "city").select_option(value=outside)
    assert visible_cities(page) == set()
    assert page.locator(STATUS).inner_text().strip() == status_text(0)
    assert "Show all" in page.locator(STATUS).inner_text()
    assert reset.is_visible()
    reset.focus()
    page.keyboard.press("Enter")
    page.wait_for_function(f"!document.querySelector({STATUS!r}).textContent.startsWith('No ')")
    assert visible_cities(page) == set(STUDIES)
    assert page.locator(STATUS).inner_text().strip() == status_text(len(STUDIES))
    assert all(select_for(page, facet).input_value() == "" for facet in ("assessment-45", "launch-50", "city"))
    assert "?" not in page.url
    assert not reset.is_visible()
    assert select_for(page, "assessment-45").evaluate("el => el === document.activeElement")


@pytest.mark.parametrize("width", [1280, 390])
def test_each_label_stays_on_the_line_of_its_select(page, site_url, width):
    with viewport(page, width, 900) as page:
        open_index(page, site_url)
        boxes = page.evaluate("""() => Array.from(document.querySelectorAll('.wwc-filters select')).map(select => {
        const label = document.querySelector('label[for="' + select.id + '"]');
        const a = label.getBoundingClientRect(), b = select.getBoundingClientRect();
        return [select.id, a.top, a.bottom, b.top, b.bottom]; })""")
    assert len(boxes) == 3
    for select_id, label_top, label_bottom, select_top, select_bottom in boxes:
        middle = (label_top + label_bottom) / 2
        assert select_top <= middle <= select_bottom, f"{width}px: the label of {select_id} is not beside it"


def test_only_the_index_loads_the_filter_script(page, site_url):
    open_index(page, site_url)
    assert page.evaluate("() => document.querySelectorAll('script[src$=\"wwc-filter.js\"]').length") == 1
    page.goto(f"{site_url}case-studies/seattle/")
    assert page.evaluate("() => document.querySelectorAll('script[src$=\"wwc-filter.js\"]').length") == 0


def page_pixels(pdf: Path, tmp_path: Path) -> tuple[int, int, bytes]:
    """The first page of ``pdf`` as raw RGB (pdftoppm, 20 dpi): width, height, pixels."""
    subprocess.run(
        ["pdftoppm", "-r", "20", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "p")], check=True, timeout=60
    )
    ppm = next(tmp_path.glob("p*.ppm")).read_bytes()
    header = ppm.split(b"\n", 3)
    width, height = map(int, header[1].split())
    return width, height, header[3]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_handout_prints_light_in_either_scheme(browser, site_url, tmp_path, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(f"{site_url}case-studies/seattle/")
    on_screen = page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")
    assert on_screen == ("slate" if scheme == "dark" else "default")
    pdf = tmp_path / "page.pdf"
    # With background graphics on (as a user may print), the dark scheme must not paint black margins.
    page.pdf(path=str(pdf), format="A4", print_background=True)
    context.close()
    width, height, pixels = page_pixels(pdf, tmp_path)

    def rgb(x, y):
        offset = (y * width + x) * 3
        return tuple(pixels[offset : offset + 3])

    margins = [rgb(1, 1), rgb(width - 2, 1), rgb(1, height - 2), rgb(width - 2, height - 2), rgb(width // 2, 1)]
    assert all(min(pixel) >= 250 for pixel in margins), f"{scheme}: margins are not white: {margins}"
    dark = sum(1 for i in range(0, len(pixels), 3) if max(pixels[i : i + 3]) < 60)
    assert dark < width * height * 0.2, f"{scheme}: {dark} of {width * height} pixels are dark"


@pytest.mark.parametrize("path", ["tiers/", "about/"])
def test_tier_tables_fit_a_phone(page, site_url, path):
    with viewport(page, 390, 800) as page:
        page.goto(site_url + path)
        sizes = page.evaluate("""() => Array.from(document.querySelectorAll('.wwc-tier-table .md-typeset__scrollwrap, .wwc-tier-table table'))
            .map(el => [el.scrollWidth, el.clientWidth])""")
        page_width = page.evaluate("() => document.documentElement.scrollWidth")
    assert sizes, f"{path}: no tier table"
    assert all(scroll <= client for scroll, client in sizes), f"{path}: {sizes}"
    assert page_width <= 390
