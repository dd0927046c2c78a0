"""The built HTML: criteria and question anchors, every link, no external requests, literal prose, search."""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup

from helpers import (
    SKIPPED_SCHEMES,
    copy_project,
    html_pages,
    ids_of,
    normalise,
    own_text,
    page,
    resolve,
    run_mkdocs_build,
    section,
    section_links,
    section_text,
    soup,
)
from macros.content import load_content
from macros.scoring import tier_ranges
from macros.selfcheck import load_settings as selfcheck_settings
from macros.yamlfile import load_yaml

JINJA = "{{ 7 * 7 }} and {% if true %}x{% endif %}"
# A self-check view's address (#results) names the view's section, whose id is view_prefix + the view's
# id: selfcheck/src/parts/views.js shows it (macros/selfcheck.yml views).
SELFCHECK = selfcheck_settings()
VIEW_SECTIONS = {view["id"]: SELFCHECK["elements"]["view_prefix"] + view["id"] for view in SELFCHECK["views"]}


@pytest.fixture(scope="module")
def content(root):
    return load_content(root)


def edition(content, edition_id):
    return content["editions"][edition_id]


def criteria_of(content, edition_id):
    found = edition(content, edition_id)
    return [(group, criterion) for group in found["groups"] for criterion in group["criteria"]]


def heading_for(site, url_path, group_id, criterion_id):
    target = page(site, f"{url_path}/{group_id}/")
    assert target.is_file(), f"no page {target.relative_to(site)}"
    element = soup(target).find(id=criterion_id.lower())
    assert element is not None, f"{target.relative_to(site)}: no element with id={criterion_id.lower()}"
    return target, element


def test_sanity_counts(content):
    assert len(criteria_of(content, "assessment-45")) == 45
    assert len(criteria_of(content, "launch-50")) == 50
    assert len(content["case_studies"]) == 11
    assert len(edition(content, "assessment-45")["groups"]) == 8
    assert len(edition(content, "launch-50")["groups"]) == 4
    assert edition(content, "assessment-45")["url_path"] == "criteria"
    assert edition(content, "launch-50")["url_path"] == "standard"


# --- criteria pages -----------------------------------------------------------------------------


def test_every_criterion_has_its_section(built_site, content):
    for group, criterion in criteria_of(content, "assessment-45"):
        cid = criterion["id"]
        target, heading = heading_for(built_site, "criteria", group["id"], cid)
        assert re.fullmatch(r"h[1-6]", heading.name), f"{cid}: the element with its id is a <{heading.name}>"
        assert cid in heading.get_text(), f"{cid}: heading reads {heading.get_text()!r}"
        body = section(heading)
        assert normalise(criterion["statement"]) in section_text(body), f"{cid}: statement not in its section"
        in_section = {id(e) for element in body for e in [element, *element.find_all(True)]}
        for kind in ("requirements", "documentation"):
            for item in criterion.get(kind, []):
                element = soup(target).find(id=item["id"])
                where = target.relative_to(built_site)
                assert element is not None, f"{cid}: no element with id={item['id']} on {where}"
                assert id(element) in in_section, f"{cid}: {item['id']} is outside the criterion's section"
                assert item_text(element) == normalise(item["text"]), f"{item['id']}: text differs"
                options = [normalise(li.get_text(" ")) for li in element.select("ul li, ol li")]
                expected = [normalise(option) for option in item.get("options", [])]
                assert options == expected, f"{item['id']}: options"


def item_text(element) -> str:
    """A checklist item's own text, without its nested options and its "(from: source)" and
    "(time window: ...)" markers."""
    text = own_text(element)
    for css_class in ("wwc-item-source", "wwc-window"):
        marker = element.find(class_=css_class, recursive=False)
        if marker:
            text = normalise(text.replace(normalise(marker.get_text(" ")), ""))
    return text


def test_checklist_rule(built_site, content):
    seen_must_meet = 0
    for group, criterion in criteria_of(content, "assessment-45"):
        cid = criterion["id"]
        _, heading = heading_for(built_site, "criteria", group["id"], cid)
        text = section_text(section(heading))
        requirements = criterion.get("requirements", [])
        if criterion.get("must_meet"):
            seen_must_meet += 1
            assert f"must meet {criterion['must_meet']['count']} of {len(requirements)}" in text, cid
            assert "do not say how many" not in text, cid
        elif requirements:
            assert "the sources do not say how many" in text, f"{cid}: no 'the sources do not say how many'"
        else:
            assert "no separate requirements" in text, f"{cid}: no 'no separate requirements'"
    assert seen_must_meet >= 1
    _, dg1 = heading_for(built_site, "criteria", "data-governance", "DG1")
    assert "must meet 3 of 4" in section_text(section(dg1))


# --- questions ----------------------------------------------------------------------------------


def test_every_question_anchor_and_its_matches(built_site, content):
    questions = criteria_of(content, "launch-50")
    assert [criterion["id"] for _, criterion in questions] == [f"Q{n}" for n in range(1, 51)]
    location = {criterion["id"]: group["id"] for group, criterion in criteria_of(content, "assessment-45")}
    checked = 0
    for group, question in questions:
        target, heading = heading_for(built_site, "standard", group["id"], question["id"])
        assert normalise(question["statement"]) in section_text(section(heading)), question["id"]
        hrefs = [a["href"] for a in section_links(section(heading))]
        for match in question.get("matches", []):
            expected = f"../../criteria/{location[match]}/#{match.lower()}"
            assert expected in hrefs, f"{question['id']}: no link {expected} (links: {hrefs})"
            file, fragment, _ = resolve(built_site, target, expected)
            assert file is not None and file.is_file(), f"{question['id']}: {expected} has no target file"
            assert fragment in ids_of(file), f"{question['id']}: {expected}: no anchor #{fragment}"
            checked += 1
    assert checked > 0


# --- links and local resources ------------------------------------------------------------------


def test_every_internal_link_resolves(built_site):
    problems = []
    pages = html_pages(built_site)
    assert len(pages) > 30
    for file in pages:
        where = file.relative_to(built_site).as_posix()
        tree = soup(file)
        for a in tree.find_all("a", href=True):
            href = a["href"].strip()
            if href == "#" or href.startswith("#__") or href.lower().startswith(SKIPPED_SCHEMES):
                continue
            target, fragment, target_name = resolve(built_site, file, href)
            if fragment in VIEW_SECTIONS and tree.find(class_="wwc-selfcheck") and target == file:
                fragment = VIEW_SECTIONS[fragment]
            if target is None or not target.is_file():
                problems.append(f"{where}: <a href={href!r}>: no file {target_name}")
            elif fragment and not fragment.startswith("__") and fragment not in ids_of(target):
                problems.append(f"{where}: <a href={href!r}>: no id {fragment!r} in {target_name}")
        for tag, attribute in (
            ("link", "href"),
            ("script", "src"),
            ("img", "src"),
            ("iframe", "src"),
            ("source", "src"),
        ):
            for element in tree.find_all(tag, attrs={attribute: True}):
                value = element[attribute].strip()
                if tag == "link" and "canonical" in element.get("rel", []):
                    continue
                if value.lower().startswith(("http:", "https:", "//", "data:")):
                    problems.append(f"{where}: <{tag} {attribute}={value!r}> is not a local file")
                    continue
                target, _, target_name = resolve(built_site, file, value)
                if target is None or not target.is_file():
                    problems.append(f"{where}: <{tag} {attribute}={value!r}>: no file {target_name}")
    assert not problems, "broken links:\n" + "\n".join(problems)


def test_no_request_to_another_host(built_site):
    problems = []
    for file in html_pages(built_site):
        where = file.relative_to(built_site).as_posix()
        tree = soup(file)
        checks = [
            ("script", "src", {}),
            ("img", "src", {}),
            ("iframe", "src", {}),
            ("link", "href", {"rel": "stylesheet"}),
            ("link", "href", {"rel": "preconnect"}),
            ("link", "href", {"rel": "preload"}),
            ("link", "href", {"rel": "icon"}),
        ]
        for tag, attribute, attrs in checks:
            for element in tree.find_all(tag, attrs={attribute: True, **attrs}):
                if re.match(r"(?i)(https?:)?//", element[attribute].strip()):
                    problems.append(f"{where}: <{tag} {attribute}={element[attribute]!r}>")
    for file in sorted([*built_site.rglob("*.html"), *built_site.rglob("*.css")]):
        text = file.read_text(encoding="utf-8")
        for needle in ("@import url(http", "fonts.googleapis", "fonts.gstatic"):
            if needle in text:
                problems.append(f"{file.relative_to(built_site)}: contains {needle!r}")
    assert not problems, "requests to other hosts:\n" + "\n".join(problems)


# --- YAML prose is shown literally --------------------------------------------------------------


def insert_marker(path, key_path, marker=JINJA):
    """Put ``marker`` at the start of the scalar at ``key_path`` by editing the YAML text."""
    document = load_yaml(path, path.name)
    line_number = document.lines[tuple(key_path)]
    lines = path.read_text(encoding="utf-8").split("\n")
    line = lines[line_number - 1]
    if re.search(r":\s*[>|][-+]?\s*$", line):
        following = lines[line_number]
        indent = following[: len(following) - len(following.lstrip())]
        lines.insert(line_number, indent + marker)
    else:
        key, _, _ = line.partition(": ")
        indent = " " * (len(key) - len(key.lstrip()) + 2)
        lines[line_number - 1 : line_number] = [f"{key}: >-", indent + marker]
    path.write_text("\n".join(lines), encoding="utf-8")
    edited = load_yaml(path, path.name).data
    for part in key_path:
        edited = edited[part]
    assert edited.startswith(marker), f"could not put the marker into {path}: {edited!r}"


@pytest.fixture(scope="module")
def braces_site(root, content, tmp_path_factory):
    """The site built from a copy whose first criterion statement and first case study summary hold Jinja."""
    copy = tmp_path_factory.mktemp("braces-repo")
    copy_project(root, copy)
    first = edition(content, "assessment-45")
    group = first["groups"][0]
    criterion = group["criteria"][0]
    insert_marker(copy / "criteria" / first["id"] / f"{group['id']}.yml", ("criteria", 0, "statement"))
    study_id = next(iter(content["case_studies"]))
    insert_marker(copy / "casestudies" / f"{study_id}.yml", ("summary",))
    site = tmp_path_factory.mktemp("braces-site")
    result = run_mkdocs_build(copy / "mkdocs.yml", site)
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    return site, (first["url_path"], group["id"], criterion), study_id


def test_jinja_in_statement_is_literal(braces_site, built_site):
    site, (url_path, group_id, criterion), _ = braces_site
    _, heading = heading_for(site, url_path, group_id, criterion["id"])
    text = section_text(section(heading))
    assert JINJA + " " + normalise(criterion["statement"]) in text
    assert "49 and" not in text
    target = page(site, f"{url_path}/{group_id}/")
    original = page(built_site, f"{url_path}/{group_id}/")
    assert target.read_text(encoding="utf-8").count("49") == original.read_text(encoding="utf-8").count("49")


def test_jinja_in_case_study_summary_is_literal(braces_site, built_site, content):
    site, _, study_id = braces_site
    target = page(site, f"case-studies/{study_id}/")
    heading = soup(target).find(id="summary")
    assert heading is not None
    text = section_text(section(heading))
    assert JINJA + " " + normalise(content["case_studies"][study_id]["summary"]) in text
    assert "49 and" not in text
    original = page(built_site, f"case-studies/{study_id}/")
    assert target.read_text(encoding="utf-8").count("49") == original.read_text(encoding="utf-8").count("49")


# --- search, tiers, crosswalk, palette ----------------------------------------------------------


def test_search_index_has_criterion_sections(built_site, content):
    docs = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    by_location = {doc["location"]: doc for doc in docs}
    assert "criteria/data-governance/#dg1" in by_location
    for group, criterion in criteria_of(content, "assessment-45"):
        location = f"criteria/{group['id']}/#{criterion['id'].lower()}"
        assert location in by_location, f"search index has no {location}"
        doc = by_location[location]
        assert criterion["id"] in doc["title"], f"{location}: title {doc['title']!r}"
        text = normalise(soup_text(doc["text"])).lower()
        words = re.findall(r"[a-z0-9]+", criterion["statement"].lower())
        missing = [word for word in words if word not in text]
        assert not missing, f"{location}: words missing from the search text: {missing}"


def test_search_index_has_each_criterion_once(built_site, content):
    """The self-check pages repeat every statement, checklist item and document; the index must not."""
    docs = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    self_check = [doc for doc in docs if doc["location"].startswith("self-check/")]
    assert self_check, "the self-check pages are not in the search index at all (their intro should be)"
    indexed = normalise(" ".join(soup_text(doc["title"] + " " + doc["text"]) for doc in self_check))
    for edition_id in content["editions"]:
        for _group, criterion in criteria_of(content, edition_id):
            texts = [criterion["statement"]] + [
                item["text"] for kind in ("requirements", "documentation") for item in criterion.get(kind, [])
            ]
            for text in texts:
                assert normalise(text) not in indexed, (
                    f"{criterion['id']}: the self-check's copy is indexed: {text[:60]!r}"
                )


def soup_text(fragment: str) -> str:
    return BeautifulSoup(fragment, "html.parser").get_text(" ")


def test_tiers_page_ranges(built_site, content):
    first = edition(content, "assessment-45")
    ranges = [f"{entry['min_met']} to {entry['max_met']}" for entry in tier_ranges(first)]
    assert ranges == ["23 to 30", "31 to 38", "39 to 45"]
    tree = soup(page(built_site, "tiers/"))
    headings = tree.find_all(re.compile(r"h[1-6]"))
    heading = next((h for h in headings if normalise(first["title"]) in normalise(h.get_text())), None)
    assert heading is not None, "tiers page has no heading for the 45-criteria edition"
    table = heading.find_next("table")
    rows = {
        normalise(tr.find_all("td")[0].get_text()): [normalise(td.get_text()) for td in tr.find_all("td")]
        for tr in table.find_all("tr")
        if tr.find_all("td")
    }
    for entry, expected in zip(tier_ranges(first), ranges):
        name = normalise(entry["tier"]["name"])
        assert name in rows, f"no row for {name}"
        assert expected in rows[name], f"{name}: row {rows[name]} lacks {expected!r}"


def test_crosswalk_has_one_row_per_criterion(built_site, content):
    target = page(built_site, "crosswalk/")
    table = soup(target).find("article").find("table")
    assert table is not None
    expected = [criterion["id"] for _, criterion in criteria_of(content, "assessment-45")]
    body_rows = [tr for tr in table.find_all("tr") if tr.find_all("td")]
    firsts = [normalise(tr.find("td").get_text()).split(" ")[0] for tr in body_rows]
    assert firsts == expected
    location = {criterion["id"]: group["id"] for group, criterion in criteria_of(content, "assessment-45")}
    for tr, cid in zip(body_rows, expected):
        href = tr.find("td").find("a")["href"]
        file, fragment, _ = resolve(built_site, target, href)
        assert file == page(built_site, f"criteria/{location[cid]}/") and fragment == cid.lower(), href


def test_light_and_dark_palette_toggles(built_site):
    for file in html_pages(built_site):
        form = soup(file).find("form", attrs={"data-md-component": "palette"})
        assert form is not None, f"{file.relative_to(built_site)}: no palette form"
        inputs = form.find_all("input", attrs={"data-md-color-scheme": True})
        schemes = [element["data-md-color-scheme"] for element in inputs]
        assert sorted(schemes) == ["default", "slate"], f"{file.relative_to(built_site)}: {schemes}"


# --- criterion pages lead with what to do -------------------------------------------------------


def source_notes_of(section_elements):
    return [
        element
        for element in section_elements
        if element.name == "details" and "wwc-source-notes" in element.get("class", [])
    ]


def test_source_notes_are_one_closed_block_after_the_requirements(built_site, content):
    for group, criterion in criteria_of(content, "assessment-45"):
        cid = criterion["id"]
        _, heading = heading_for(built_site, "criteria", group["id"], cid)
        body = section(heading)
        blocks = source_notes_of(body)
        if not (criterion.get("notes") or criterion.get("title_is_guide_own") or not criterion.get("must_meet")):
            assert not blocks, cid
            continue
        assert len(blocks) == 1, f"{cid}: {len(blocks)} source-notes blocks"
        block = blocks[0]
        assert normalise(block.find("summary").get_text()) == "About the sources", cid
        assert not block.has_attr("open"), f"{cid}: the source notes start open"
        position = body.index(block)
        lists = [
            n
            for n, element in enumerate(body)
            if element.name == "ul" and {"wwc-requirements", "wwc-documentation"} & set(element.get("class", []))
        ]
        assert lists and max(lists) < position, f"{cid}: source notes come before the requirements or documents"
        outside = section_text([element for element in body if element is not block])
        inside = normalise(block.get_text(" "))
        for note in criterion.get("notes", []):
            assert normalise(note) in inside, f"{cid}: a note is not in the block"
            assert normalise(note)[:60] not in outside, f"{cid}: a note is repeated outside the block"
        assert "do not say how many" not in outside, cid
        assert "inferred" not in outside, cid


def test_data_governance_page_leads_with_the_checklist(built_site):
    article = soup(page(built_site, "criteria/data-governance/")).find("article")
    words = len(article.get_text(" ").split())
    folded_words = sum(len(block.get_text(" ").split()) for block in article.select("details.wwc-source-notes"))
    outside_notes = [element for element in article.select(".admonition") if "note" in element.get("class", [])]
    assert not outside_notes, "a note admonition is left among the criteria"
    assert folded_words > 0 and words > folded_words
    print(f"data-governance: {words} words, {folded_words} in folded source notes")


def test_items_from_another_source_say_so(built_site, content):
    marked = 0
    for group, criterion in criteria_of(content, "assessment-45"):
        target = page(built_site, f"criteria/{group['id']}/")
        for kind in ("requirements", "documentation"):
            for item in criterion.get(kind, []):
                element = soup(target).find(id=item["id"])
                marker = element.find(class_="wwc-item-source", recursive=False)
                if item.get("source", "assessment-guide") == "assessment-guide":
                    assert marker is None, item["id"]
                else:
                    title = content["sources"][item["source"]]["title"]
                    assert marker is not None and normalise(title) in normalise(marker.get_text()), item["id"]
                    marked += 1
    assert marked >= 2  # DG2's two bullets from the fuller copy of the assessment guide


def test_case_study_links_with_a_caveat_are_marked_on_the_criterion_page(built_site, content):
    from macros.render import link_caveats

    checked = 0
    for study in content["case_studies"].values():
        for cid, reason in link_caveats(study).items():
            edition_id = next(e for e, ids in study["illustrates"].items() if cid in ids)
            group = next(g for g, c in criteria_of(content, edition_id) if c["id"] == cid)
            url_path = edition(content, edition_id)["url_path"]
            target, heading = heading_for(built_site, url_path, group["id"], cid)
            body = section(heading)
            link = next(
                (
                    a
                    for a in section_links(body)
                    if resolve(built_site, target, a["href"])[0] == page(built_site, f"case-studies/{study['id']}/")
                ),
                None,
            )
            assert link is not None, f"{cid}: no link to {study['id']}"
            assert normalise(reason) in normalise(link.get("title", "")), f"{cid} -> {study['id']}: no reason on hover"
            mark = link.find_next_sibling("span")
            assert mark is not None and "wwc-caveat" in mark.get("class", []), f"{cid} -> {study['id']}: no mark"
            caveats = [element for element in body if "wwc-caveats" in (element.get("class") or [])]
            assert caveats and normalise(reason) in normalise(caveats[0].get_text(" ")), f"{cid}: reason not in text"
            checked += 1
    assert checked >= 10


def test_caveat_prefixes_name_criteria_the_case_study_links(content):
    from macros.render import link_caveats

    for study in content["case_studies"].values():
        linked = {cid for ids in study["illustrates"].values() for cid in ids}
        assert set(link_caveats(study)) <= linked, (study["id"], set(link_caveats(study)) - linked)


# --- publishing: site_url from the environment ---------------------------------------------------


@pytest.mark.parametrize(
    "value, expected",
    [(None, "http://127.0.0.1:8000/"), ("https://guide.example.org/wwc/", "https://guide.example.org/wwc/")],
)
def test_site_url_comes_from_the_environment(root, monkeypatch, value, expected):
    from mkdocs.config import load_config

    if value is None:
        monkeypatch.delenv("SITE_URL", raising=False)
    else:
        monkeypatch.setenv("SITE_URL", value)
    assert load_config(str(root / "mkdocs.yml"))["site_url"] == expected


def test_canonical_links_use_site_url(built_site):
    canonical = soup(page(built_site, "case-studies/seattle/")).find("link", rel="canonical")
    assert canonical is not None and canonical["href"].endswith("/case-studies/seattle/")
    assert canonical["href"].startswith(("http://", "https://"))
