"""Links between criteria and case studies, both ways, and the case study pages and index."""

from __future__ import annotations

import pytest

from helpers import ids_of, page, resolve, section, section_links, soup
from macros.content import load_content
from macros.links import SiteIndex

CASE_STUDIES = "case-studies"
ALWAYS = ["summary", "criteria", "what-they-did", "results", "lessons", "discussion", "sources"]


@pytest.fixture(scope="module")
def content(root):
    return load_content(root)


def all_criteria(content):
    for edition in content["editions"].values():
        for group in edition["groups"]:
            for criterion in group["criteria"]:
                yield edition, group, criterion


def illustrating(content, edition_id, criterion_id) -> set[str]:
    return {
        sid
        for sid, study in content["case_studies"].items()
        if criterion_id in study["illustrates"].get(edition_id, [])
    }


def study_of(built_site, file) -> str | None:
    """The case study slug if ``file`` is a case study page."""
    parts = file.relative_to(built_site).parts
    if len(parts) == 3 and parts[0] == CASE_STUDIES and parts[2] == "index.html":
        return parts[1]
    return None


def test_criterion_sections_list_their_case_studies(built_site, content):
    index = SiteIndex(content)
    checked = 0
    for edition, group, criterion in all_criteria(content):
        cid = criterion["id"]
        expected = illustrating(content, edition["id"], cid)
        assert expected == {study["id"] for study in index.case_studies_for(cid)}, cid
        target = page(built_site, f"{edition['url_path']}/{group['id']}/")
        heading = soup(target).find(id=cid.lower())
        assert heading is not None, f"{target.relative_to(built_site)}: no #{cid.lower()}"
        linked = set()
        for a in section_links(section(heading)):
            file, _, _ = resolve(built_site, target, a["href"])
            slug = study_of(built_site, file) if file is not None else None
            if slug:
                assert file.is_file(), f"{cid}: link {a['href']} has no page"
                linked.add(slug)
        assert linked == expected, f"{cid}: links to case studies {sorted(linked)}, expected {sorted(expected)}"
        checked += bool(expected)
    assert checked > 0


def test_case_study_pages_link_to_their_criteria(built_site, content):
    locations = {criterion["id"]: (edition, group) for edition, group, criterion in all_criteria(content)}
    for sid, study in content["case_studies"].items():
        target = page(built_site, f"{CASE_STUDIES}/{sid}/")
        assert target.is_file(), f"no page for case study {sid}"
        links = soup(target).find("article").find_all("a", href=True)
        hrefs = {a["href"] for a in links}
        resolved = set()
        for a in links:
            file, fragment, _ = resolve(built_site, target, a["href"])
            if file is not None:
                resolved.add((file, fragment))
        for edition_id, ids in study["illustrates"].items():
            for cid in ids:
                edition, group = locations[cid]
                assert edition["id"] == edition_id
                href = f"../../{edition['url_path']}/{group['id']}/#{cid.lower()}"
                assert href in hrefs, f"{sid}: no link {href}"
                criterion_page = page(built_site, f"{edition['url_path']}/{group['id']}/")
                assert (criterion_page, cid.lower()) in resolved
                assert cid.lower() in ids_of(criterion_page), f"{sid}: {href} has no target anchor"


def test_case_study_section_anchors(built_site, content):
    for sid, study in content["case_studies"].items():
        ids = ids_of(page(built_site, f"{CASE_STUDIES}/{sid}/"))
        expected = list(ALWAYS)
        for key in ("people", "quotes"):
            if study[key]:
                expected.append(key)
            else:
                assert key not in ids, f"{sid}: has #{key} but no {key} in the YAML"
        missing = [anchor for anchor in expected if anchor not in ids]
        assert not missing, f"{sid}: missing section anchors {missing}"


def test_case_study_index_lists_all(built_site, content):
    assert len(content["case_studies"]) == 11
    target = page(built_site, f"{CASE_STUDIES}/")
    article = soup(target).find("article")
    for sid in content["case_studies"]:
        study_page = page(built_site, f"{CASE_STUDIES}/{sid}/")
        anchors = [
            a for a in article.find_all("a", href=True) if resolve(built_site, target, a["href"])[0] == study_page
        ]
        assert anchors, f"the case study index does not link to {sid}"
        item = anchors[0].find_parent("li")
        assert item is not None, f"{sid}: its index link is not in a list item"
        assert item.get("data-city") == sid, f"{sid}: list item data-city={item.get('data-city')!r}"
    cities = [li["data-city"] for li in article.find_all("li", attrs={"data-city": True})]
    assert sorted(cities) == sorted(content["case_studies"])


def test_case_study_pages_and_yaml_correspond(built_site, content, root):
    pages = {
        folder.name
        for folder in (built_site / CASE_STUDIES).iterdir()
        if folder.is_dir() and (folder / "index.html").is_file()
    }
    yaml_files = {path.stem for path in (root / "casestudies").glob("*.y*ml")}
    assert yaml_files == set(content["case_studies"])
    assert pages == yaml_files, (
        f"pages without YAML: {sorted(pages - yaml_files)}; YAML without pages: {sorted(yaml_files - pages)}"
    )


# --- content corrections checked against the sources -------------------------------------------


def study_text(content, study_id, field) -> str:
    value = content["case_studies"][study_id][field]
    return " ".join(" ".join(str(item).split()) for item in (value if isinstance(value, list) else [value]))


@pytest.mark.parametrize(
    "study_id, field, wrong, right",
    [
        ("seattle", "results", "Residents and developers built", "developers used Parks Department trail data"),
        ("las-vegas", "summary", "mostly counted outputs", "600 measures, many focused on outputs"),
        ("south-bend", "summary", "report on each goal", "report on specific goals"),
    ],
)
def test_case_study_wording_follows_the_source(content, study_id, field, wrong, right):
    text = study_text(content, study_id, field)
    assert wrong not in text and right in text


def test_states_the_sources_never_name_are_flagged(built_site, content):
    unnamed = {sid for sid, study in content["case_studies"].items() if study.get("state_named_in_sources") is False}
    assert unnamed == {"las-vegas", "new-orleans", "san-francisco", "scottsdale"}
    for study_id in content["case_studies"]:
        note = soup(page(built_site, f"case-studies/{study_id}/")).select_one(".wwc-state-note")
        assert (note is not None) == (study_id in unnamed), study_id
    index_text = soup(page(built_site, "case-studies/")).find("article").get_text(" ")
    assert index_text.count("state not named in the sources") == len(unnamed)


def test_every_lessons_section_says_it_is_the_guides_reading(built_site, content):
    for study_id in content["case_studies"]:
        heading = soup(page(built_site, f"case-studies/{study_id}/")).find(id="lessons")
        first = heading.find_next_sibling()
        assert "This guide's reading of the case" in first.get_text(), study_id


def test_article_source_says_which_case_studies_it_covers(content):
    description = " ".join(content["sources"]["certifying-data-driven-government"]["description"].split())
    assert "seven of the eleven" in description
    covered = {
        sid for sid, study in content["case_studies"].items() if "certifying-data-driven-government" in study["sources"]
    }
    assert len(covered) == 7
    for study_id in covered:
        assert content["case_studies"][study_id]["city"].split(",")[0].split(" ")[0] in description, study_id


def test_q36_note_gives_both_rdc5_frequencies(content):
    q36 = next(c for g in content["editions"]["launch-50"]["groups"] for c in g["criteria"] if c["id"] == "Q36")
    note = " ".join(" ".join(q36["notes"]).split())
    assert "at least monthly" in note and "at least quarterly" in note
