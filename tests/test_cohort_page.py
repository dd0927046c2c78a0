"""The cohort view's page (macros/cohort.py, macros/templates/cohort.html, macros/cohort.yml): one raw HTML
block, escaped by default, embedding data defined once in YAML; its fixture cohort is what its script writes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

from macros import cohort, links, selfcheck
from macros.content import load_content

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "selfcheck" / "src"
FIXTURES = ROOT / "tests" / "fixtures" / "cohort"
PAGE = "self-check/cohort.md"


@pytest.fixture(scope="module")
def content():
    return load_content(ROOT)


@pytest.fixture(scope="module")
def html(content):
    return cohort.render_cohort_page(content, PAGE, guide_base="../../")


def embedded(html: str) -> dict:
    script = BeautifulSoup(html, "html.parser").find("script", attrs={"data-wwc-cohort-data": True})
    assert script["type"] == "application/json"
    assert "</" not in script.string and "<!--" not in script.string
    return json.loads(script.string)


def test_block_is_raw_html_that_markdown_passes_through(html):
    assert html.startswith('<div class="wwc-cohort" id="wwc-cohort" data-wwc-cohort-root>')
    assert html.endswith("</div>")
    assert all(line.strip() for line in html.split("\n")), "a blank line would end the raw HTML block"
    rendered = markdown.markdown(f"# Cohort\n\n{html}\n", extensions=["md_in_html", "attr_list", "toc", "tables"])
    assert html in rendered


def test_the_page_embeds_every_edition_its_case_studies_and_the_self_checks_own_settings(content, html):
    data = embedded(html)
    assert data == cohort.payload(content, cohort.load_settings(), "../../")
    assert data["export"] == selfcheck.load_settings()["export"], "one source: the self-check's export settings"
    share = selfcheck.load_settings(selfcheck.ASSESSMENTS_FILE)["share"]
    assert data["share"] == {key: share[key] for key in ("fragment", "max_chars", "max_bytes")}
    index = links.SiteIndex(content)
    for entry, edition in zip(data["editions"], selfcheck.editions_in_order(content)):
        assert entry["edition"] == selfcheck.payload_edition(edition)
        for criterion_id, about in entry["criteria"].items():
            studies = index.case_studies_for(criterion_id)
            assert [study["href"] for study in about["case_studies"]] == [
                f"../../case-studies/{study['id']}/" for study in studies
            ]
            assert about["href"].startswith("../../") and about["href"].endswith(f"#{links.anchor(criterion_id)}")


def test_yaml_text_is_escaped_in_the_html_and_cannot_close_the_script(content):
    settings = cohort.load_settings()
    attack = '<img src=x onerror="alert(1)"></script><!--'
    settings["texts"] = {**settings["texts"], "intro": attack, "files_label": attack, "summary": attack}
    html = cohort.render_cohort_page(content, PAGE, settings=settings)
    page = BeautifulSoup(html, "html.parser")
    assert page.find("img") is None
    assert page.select_one(".wwc-cohort-intro").get_text() == attack
    assert page.select_one('label[for="wwc-cohort-files"]').get_text() == attack
    assert embedded(html)["texts"]["summary"] == attack


def test_every_text_and_refusal_the_cohort_sources_name_is_in_the_yaml():
    texts = cohort.load_settings()["texts"]
    code = "\n".join(
        (SOURCES / path).read_text(encoding="utf-8")
        for path in ("cohort.js", "parts/cohort.js", "lib/cohort.js", "view/cohort-handout.js")
    )
    named = set(re.findall(r"\btexts\.(\w+)", code))
    assert named and named <= set(texts), sorted(named - set(texts))
    refusals = set(re.findall(r'refusal\("([a-z-]+)"', code)) | {"unreadable"}
    refusals |= {
        "too-large",
        "not-json",
        "foreign",
        "newer-version",
        "unsupported-version",
        "invalid",
        "unknown-edition",
    }  # lib/export.js parseExport
    refusals |= {"not-a-link", "too-long", "damaged", "link-too-large", "link-newer-version", "link-invalid"}  # links
    assert refusals == set(texts["refused"])


def test_the_macro_belongs_to_its_page_and_a_missing_bundle_is_named(content, tmp_path):
    with pytest.raises(cohort.CohortPageError, match="docs/self-check/index.md: the cohort view belongs on"):
        cohort.render_cohort_page(content, "self-check/index.md")
    (tmp_path / "assets" / "stylesheets").mkdir(parents=True)
    (tmp_path / "assets" / "stylesheets" / "wwc-cohort.css").write_text("a{}", encoding="utf-8")
    with pytest.raises(cohort.CohortPageError, match="macros/cohort.yml assets: .*wwc-cohort.js"):
        cohort.render_cohort_page(content, PAGE, docs_dir=tmp_path)


def test_the_fixture_cohort_is_what_its_script_writes(content):
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_cohort", FIXTURES / "make_cohort.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    expected = module.files(content)
    committed = {
        path.name: path.read_text(encoding="utf-8") for path in FIXTURES.iterdir() if path.suffix in (".json", ".html")
    }
    assert committed == expected, "run: .venv/bin/python tests/fixtures/cohort/make_cohort.py"
    for name, text in expected.items():
        if name.endswith(".json") and not name.startswith("bad-not-json"):
            data = json.loads(text)
            assert "(made up)" in data["assessment"]["city"].lower() and data["assessment"]["name"] == module.MADE_UP


def test_controls_and_results_stay_out_of_the_search_index(html):
    """Material skips an element marked data-search-exclude up to the first end tag of its kind: each
    marked section holds no other section, and the intro (what the page is for) stays searchable."""
    page = BeautifulSoup(html, "html.parser")
    sections = page.find_all("section")
    assert sections and all(section.has_attr("data-search-exclude") for section in sections)
    assert all(not section.find("section") for section in sections)
    assert not page.select_one(".wwc-cohort-intro").find_parent(attrs={"data-search-exclude": True})
