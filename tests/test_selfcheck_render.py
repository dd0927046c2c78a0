"""The self-check page body rendered by macros/selfcheck.py, before and after the site build."""

from __future__ import annotations

import copy
import json
import re
from collections import Counter
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

from macros.assets import bundle_css
from macros.content import load_content
from macros.selfcheck import (
    ASSESSMENTS_FILE,
    DATA_ID,
    checklist_data,
    first_view_rules,
    load_settings,
    payload,
    render_documents_page,
    render_self_check,
)

ROOT = Path(__file__).resolve().parent.parent
# The views' addresses (#answer, #results...): macros/selfcheck.yml views.
VIEW_ADDRESSES = [view["id"] for view in load_settings()["views"]]
DOCS = ROOT / "docs"
SOURCES = ROOT / "selfcheck" / "src"
SETTINGS = load_settings()


@pytest.fixture(scope="module")
def content():
    return load_content(ROOT)


@pytest.fixture(scope="module")
def html(content):
    return render_self_check(content)


@pytest.fixture(scope="module")
def page(html):
    return BeautifulSoup(html, "html.parser")


def test_block_is_raw_html_that_markdown_passes_through(html):
    assert html.startswith('<div class="wwc-selfcheck" id="wwc-selfcheck" data-wwc-edition="assessment-45">')
    assert html.endswith("</div>")
    assert all(line.strip() for line in html.split("\n")), "a blank line would end the raw HTML block"
    rendered = markdown.markdown(
        f"# Self-check\n\n{html}\n", extensions=["md_in_html", "attr_list", "toc", "admonition", "tables"]
    )
    assert html in rendered


def test_embedded_data_is_the_payload_and_cannot_close_its_script(content, html, page):
    script = page.find("script", id=DATA_ID)
    assert script["type"] == "application/json"
    raw = script.string
    assert "</" not in raw and "<!--" not in raw
    data = json.loads(raw)
    assert data == payload(content, load_settings(), "assessment-45")
    # The edition with every criterion and the ids of what can be ticked; the texts of the items.
    first = content["editions"]["assessment-45"]["groups"][0]["criteria"][0]
    assert data["edition"]["groups"][0]["criteria"][0]["id"] == first["id"]
    assert data["checklists"][first["id"]][0][0][0] == first["requirements"][0]["id"]


def test_every_text_the_sources_name_is_in_the_page(content):
    """Every text key the sources read (texts.x or t.x) is in the embedded data: no text is left
    out by a rename, and none is chosen by reading the scripts (macros/ reads no JavaScript)."""
    data = payload(content, load_settings())
    embedded = set(data["texts"]) | set(data["assessments"]["texts"])
    # The cohort view's sources (cohort*.js) read macros/cohort.yml's texts: tests/test_cohort_page.py;
    # the guide's page scripts (site/) read theirs from their own markup.
    code = "\n".join(
        path.read_text(encoding="utf-8")
        for path in SOURCES.rglob("*.js")
        if not path.stem.startswith("cohort") and path.parent.name != "site"
    )
    named = set(re.findall(r"\b(?:texts|t)\.(\w+)", code)) | set(re.findall(r'"(error_\w+)"', code))
    assert named and named <= embedded, sorted(named - embedded)
    assert "report_city_missing" in data["texts"] and "start_failed" in data["texts"]


def test_macros_read_no_javascript():
    """What the page carries is decided by the YAML alone, never by scanning a script's source."""
    for module in (ROOT / "macros").glob("*.py"):
        source = module.read_text(encoding="utf-8")
        assert not re.search(r"\.js\b[^\n]*read_text|read_source\([^)]*javascripts", source), module


def test_intro_names_the_editions_own_answers(content):
    """The intro's answer words come from each edition's answer_states, not from the settings."""
    for edition in content["editions"].values():
        page = BeautifulSoup(render_self_check(content, edition["id"]), "html.parser")
        intro = page.find("p", class_="wwc-sc-intro").get_text()
        labels = [state["label"] for state in edition["answer_states"]]
        met = [state["label"] for state in edition["answer_states"] if state["met"]]
        assert ", ".join(labels[:-1]) + SETTINGS["texts"]["list_or"] + labels[-1] in intro
        assert f"only {met[0]} counts" in intro and "{" not in intro


def test_texts_name_the_editions_own_answers_from_its_answer_states(content):
    """Every text that names answers (flagged answers, next steps...) is filled from answer_states:
    no placeholder is left, in the HTML or in the embedded texts, and the labels are the edition's."""
    for edition in content["editions"].values():
        html = render_self_check(content, edition["id"])
        data = payload(content, load_settings(), edition["id"])
        assert "{label_" not in html and "{label_" not in json.dumps(data)
        states = edition["answer_states"]
        met = next(state["label"] for state in states if state["met"])
        unmet = [state["label"] for state in states if not state["met"]]
        texts = data["texts"]
        assert f"{len(unmet) and unmet[0]}" in texts["flags_heading"] and met in texts["flags_heading"]
        assert SETTINGS["texts"]["list_before"].join(unmet) in texts["next_intro"]
        assert met in texts["evidence_flagged_none"]
    # Other labels, other words: a changed copy of an edition names its own answers.
    changed = copy.deepcopy(content)
    edition = changed["editions"]["assessment-45"]
    for state, label in zip(edition["answer_states"], ["Achieved", "Underway", "Absent"]):
        state["label"] = label
    texts = payload(changed, load_settings(), "assessment-45")["texts"]
    assert texts["flags_heading"].startswith("Achieved") and "Underway" in texts["flags_heading"]
    assert "Underway before Absent" in texts["next_intro"]


def test_one_fieldset_per_criterion_with_a_labelled_radio_per_answer_state(content):
    for edition in content["editions"].values():
        page = BeautifulSoup(render_self_check(content, edition["id"]), "html.parser")
        assert len(page.find_all("form")) == 1
        form = page.find("form", attrs={"data-wwc-edition": edition["id"]})
        ids = [criterion["id"] for group in edition["groups"] for criterion in group["criteria"]]
        fieldsets = form.find_all("fieldset", class_="wwc-sc-criterion")
        assert [fieldset["data-wwc-criterion"] for fieldset in fieldsets] == ids
        for fieldset in fieldsets:
            assert fieldset.legend.find(class_="wwc-sc-id").get_text() == fieldset["data-wwc-criterion"]
            radios = fieldset.find_all("input", type="radio")
            assert [radio["value"] for radio in radios] == [state["id"] for state in edition["answer_states"]]
            assert len({radio["name"] for radio in radios}) == 1
            # Each radio sits inside its label, which names the answer state.
            labels = [radio.find_parent("label").get_text() for radio in radios]
            assert labels == [state["label"] for state in edition["answer_states"]]
            met = [radio.has_attr("data-wwc-met") for radio in radios]
            assert met == [bool(state["met"]) for state in edition["answer_states"]]


def test_radio_names_and_element_ids_are_unique(page):
    names = Counter(radio["name"] for radio in page.select("form input[type=radio]"))
    states = {len(fieldset.find_all("input", type="radio")) for fieldset in page.select("fieldset.wwc-sc-criterion")}
    assert set(names.values()) == states
    ids = Counter(element["id"] for element in page.find_all(id=True))
    assert [element_id for element_id, count in ids.items() if count > 1] == []
    assert all(element_id.startswith("wwc-") for element_id in ids)


def test_details_hold_requirements_and_documentation(content, page):
    """Each evidence panel is empty in the page and says how many requirements and documents it
    holds (and any must-meet count); the embedded checklists hold every item's id and text in YAML
    order, from which the evidence part builds the checkboxes on the panel's first opening."""
    edition = content["editions"]["assessment-45"]
    checklists = checklist_data(edition)
    assert list(checklists) == [criterion["id"] for group in edition["groups"] for criterion in group["criteria"]]
    for group in edition["groups"]:
        for criterion in group["criteria"]:
            fieldset = page.find(id=f"wwc-sc-assessment-45-{criterion['id'].lower()}")
            details = fieldset.find("details")
            assert details.select("input[type=checkbox]") == [] and details.select("ul") == []
            counts = [len(criterion.get("requirements", [])), len(criterion.get("documentation", []))]
            if criterion.get("must_meet"):
                counts.append(criterion["must_meet"]["count"])
            assert details["data-wwc-items"] == " ".join(map(str, counts))
            requirements, documentation = checklists[criterion["id"]]
            for listed, key in ((requirements, "requirements"), (documentation, "documentation")):
                items = criterion.get(key, [])
                assert [row[0] for row in listed] == [item["id"] for item in items]
                assert [row[1] for row in listed] == [" ".join(item["text"].split()) for item in items]
                assert [row[2] if len(row) > 2 else [] for row in listed] == [
                    [" ".join(option.split()) for option in item.get("options", [])] for item in items
                ]
    criterion = edition["groups"][0]["criteria"][0]
    fieldset = page.find(id=f"wwc-sc-assessment-45-{criterion['id'].lower()}")
    link = fieldset.find("a", class_="wwc-sc-guide")
    assert link["href"] == f"../{edition['url_path']}/{edition['groups'][0]['id']}/#{criterion['id'].lower()}"


def hostile_content(content):
    """The real content with markup, a script end tag and blank lines in its strings."""
    changed = copy.deepcopy(content)
    edition = next(iter(changed["editions"].values()))
    group = edition["groups"][0]
    group["name"] = 'Data <b>"Governance"</b> & co'
    criterion = group["criteria"][0]
    criterion["statement"] = "First line.\n\nSecond </script><script>alert(1)</script> line."
    criterion["title"] = "<i>Title</i>"
    return changed


def test_every_yaml_string_is_escaped_and_kept_on_one_line(content):
    html = render_self_check(hostile_content(content))
    assert all(line.strip() for line in html.split("\n"))
    page = BeautifulSoup(html, "html.parser")
    assert page.find("b") is None and page.find("i") is None
    # The one-line "scripted" mark, the data, the page's bundle: nothing from the YAML became a script.
    assert [script.get("id") for script in page.find_all("script")] == [None, DATA_ID, None]
    assert page.find_all("script")[-1]["src"].startswith("../assets/javascripts/wwc-selfcheck.js?v=")
    assert "First line. Second </script><script>alert(1)</script> line." in page.get_text()
    data = json.loads(page.find("script", id=DATA_ID).string)
    assert data["edition"]["groups"][0]["name"] == 'Data <b>"Governance"</b> & co'


def test_settings_and_texts(content):
    settings = load_settings()
    store = load_settings(ASSESSMENTS_FILE)
    assert (
        re.fullmatch(r"[a-z0-9-]+:[a-z0-9-]+:[a-z0-9]+", store["storage_key"])
        and store["legacy_key"] != store["storage_key"]
    )
    assert "storage_key" not in settings  # one store: its keys live in the assessments settings only
    assert settings["export"]["max_bytes"] > 0
    for name, value in settings["texts"].items():
        assert "{{" not in value and "{%" not in value, name


def test_built_page_loads_the_committed_bundle_and_inlines_its_styles(built_site, content):
    page_html = (built_site / "self-check" / "index.html").read_text(encoding="utf-8")
    assert render_self_check(content) in page_html
    soup = BeautifulSoup(page_html, "html.parser")
    block = soup.find(id="wwc-selfcheck")
    # One classic deferred script (module scripts are refused from file://), the bundle as committed.
    [script] = block.find_all("script", src=True)
    assert script.has_attr("defer") and not script.get("type")
    path, _, version = script["src"].partition("?v=")
    served = (built_site / "self-check" / path).resolve()
    assert served.read_bytes() == (DOCS / SETTINGS["assets"]["script"]).read_bytes()
    assert re.fullmatch(r"[0-9a-f]{10}", version)
    # No other page loads it.
    assert "wwc-selfcheck.js" not in (built_site / "index.html").read_text(encoding="utf-8")
    styles = block.find_all("style")
    assert len(styles) == 1
    # The rules that paint first the view an address names, then the stylesheets, minified.
    assert styles[0].string == first_view_rules(SETTINGS["views"]) + bundle_css(
        [(path, (DOCS / path).read_text(encoding="utf-8")) for path in SETTINGS["assets"]["styles"]]
    )
    assert (built_site / "downloads" / load_settings()["export"]["schema_file"]).is_file()


def test_built_page_links_from_the_self_check_resolve(built_site):
    """Raw HTML links escape MkDocs' link validation, so check each one's file and anchor here."""
    page_file = built_site / "self-check" / "index.html"
    soup = BeautifulSoup(page_file.read_text(encoding="utf-8"), "html.parser")
    links = soup.select("#wwc-selfcheck a[href]")
    assert links
    ids_by_file: dict[Path, set[str]] = {}
    for link in links:
        path, _, fragment = link["href"].partition("#")
        target = (page_file.parent / path).resolve()
        target = target / "index.html" if target.is_dir() else target
        assert target.is_file(), link["href"]
        if fragment in VIEW_ADDRESSES and target == page_file:
            # A view's address (#results): the views part shows its section (selfcheck/src/parts/views.js).
            fragment = load_settings()["elements"]["view_prefix"] + fragment
        if fragment:
            if target not in ids_by_file:
                parsed = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
                ids_by_file[target] = {element["id"] for element in parsed.find_all(id=True)}
            assert fragment in ids_by_file[target], link["href"]


def test_an_editions_result_note_comes_from_its_data(content):
    """result_note (criteria/<edition>/edition.yml) is shown beside that edition's result only."""
    noted = [edition for edition in content["editions"].values() if edition.get("result_note")]
    assert noted, "the launch edition has a note"
    for edition in content["editions"].values():
        page = BeautifulSoup(render_self_check(content, edition["id"]), "html.parser")
        note = page.select("#wwc-sc-results .wwc-sc-result-note")
        if edition.get("result_note"):
            assert [p.get_text() for p in note] == [" ".join(edition["result_note"].split())]
        else:
            assert note == []
    # The page shell is one macro line again: the note is not in its front matter.
    for path in (DOCS / "self-check").glob("*.md"):
        assert not path.read_text(encoding="utf-8").startswith("---"), path


def test_the_scripts_element_ids_are_the_yamls():
    """selfcheck/src/elements.js is what `python -m macros.selfcheck_elements` writes from
    selfcheck.yml's elements, and the page renders each of those ids once."""
    from macros.selfcheck_elements import MODULE, module_text

    elements = load_settings()["elements"]
    assert MODULE.read_text(encoding="utf-8") == module_text(elements), (
        "run: .venv/bin/python -m macros.selfcheck_elements"
    )
    content = load_content(ROOT)
    page = BeautifulSoup(render_self_check(content), "html.parser")
    prefixes = ("form_prefix", "view_prefix")
    # The documents page's ids (documents_page*) are on that page.
    documents = BeautifulSoup(render_documents_page(content, load_settings(), "../../", True), "html.parser")
    for key, element_id in elements.items():
        if key not in prefixes:
            on = documents if key.startswith("documents_page") else page
            assert len(on.find_all(id=element_id)) == 1, key
    assert page.find(id=elements["form_prefix"] + "assessment-45")
    for address in VIEW_ADDRESSES:
        assert len(page.find_all(id=elements["view_prefix"] + address)) == 1, address
    # The sources name no shared id as a literal: they read ELEMENTS.
    shared = {value for key, value in elements.items() if key not in prefixes}
    for source in SOURCES.rglob("*.js"):
        if source.name != "elements.js":
            literals = set(re.findall(r"[\"'`]#?(wwc-[a-z0-9-]+)[\"'`]", source.read_text(encoding="utf-8")))
            assert not literals & shared, (source, literals & shared)


def test_the_templates_escape_by_default_and_never_evaluate_yaml(content):
    """The page comes from Jinja templates with autoescape on: markup and template syntax in YAML
    values reach the page as text."""
    from macros.selfcheck import template_environment

    assert template_environment().autoescape is True
    changed = hostile_content(content)
    criterion = next(iter(changed["editions"].values()))["groups"][0]["criteria"][0]
    criterion["statement"] = "{{ 7 * 7 }} {% if true %}x{% endif %} <img src=x onerror=alert(1)>"
    page = BeautifulSoup(render_self_check(changed), "html.parser")
    statement = page.select_one("fieldset .wwc-sc-statement").get_text()
    assert statement == "{{ 7 * 7 }} {% if true %}x{% endif %} <img src=x onerror=alert(1)>"
    assert page.find("img") is None


def test_texts_are_grouped_by_part_and_each_key_is_in_one_group(tmp_path):
    """selfcheck.yml groups its texts by the part that shows them; a key in two groups stops the build."""
    from macros.selfcheck import SelfCheckPageError, flat_texts

    assert flat_texts({"results": {"a": "A"}, "tools": {"b": "B"}}, "x.yml") == {"a": "A", "b": "B"}
    with pytest.raises(SelfCheckPageError, match=r"x\.yml: texts\.tools\.a: the key 'a' is in two groups"):
        flat_texts({"results": {"a": "A"}, "tools": {"a": "B"}}, "x.yml")
    import yaml

    groups = yaml.safe_load((ROOT / "macros" / "selfcheck.yml").read_text(encoding="utf-8"))["texts"]
    assert {"page", "results", "tools", "evidence", "plan", "report"} <= set(groups)


def test_each_item_carries_its_window_or_its_criterion_s_in_the_payload(content):
    """The windows lib/windows.js checks dates against (issue 26): an item's own, else its criterion's,
    with the window in plain words; items without a window carry none."""
    from macros.criterion_facts import window_label
    from macros.selfcheck import payload_edition

    edition = content["editions"]["assessment-45"]
    criteria = {criterion["id"]: criterion for group in edition["groups"] for criterion in group["criteria"]}
    page = {c["id"]: c for group in payload_edition(edition)["groups"] for c in group["criteria"]}
    dg1_item = next(item for item in criteria["DG1"]["requirements"] if item.get("window"))
    assert page["DG1"]["windows"] == {
        dg1_item["id"]: {"anchor": "past", "months": 12, "label": window_label(dg1_item["window"])}
    }
    eval4 = criteria["EVAL4"]
    eval4_items = [item["id"] for key in ("requirements", "documentation") for item in eval4.get(key, [])]
    assert sorted(page["EVAL4"]["windows"]) == sorted(eval4_items)
    assert {window["months"] for window in page["EVAL4"]["windows"].values()} == {eval4["window"]["months"]}
    windowless = [
        cid
        for cid, criterion in criteria.items()
        if not criterion.get("window")
        and not any(item.get("window") for key in ("requirements", "documentation") for item in criterion.get(key, []))
    ]
    assert windowless and all("windows" not in page[cid] for cid in windowless)
