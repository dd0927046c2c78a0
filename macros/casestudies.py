"""Render case study pages and the filterable case study index."""

from __future__ import annotations

from . import links
from .links import SiteIndex
from .render import source_title
from .text import attr, h, md, title_md

# Section anchors are part of the stable URL scheme: slides link to #results or #lessons.
SECTIONS = {
    "summary": "Summary",
    "criteria": "Criteria it illustrates",
    "people": "People",
    "what-they-did": "What the city did",
    "results": "Results",
    "quotes": "In their words",
    "lessons": "Lessons for other cities",
    "discussion": "Discussion questions",
    "sources": "Sources",
}


STATE_NOT_IN_SOURCES = "The sources do not name the state; this guide adds it."
LESSONS_LEAD = (
    "This guide's reading of the case: each lesson rests on what the source reports above; "
    "where the source gives only an intention or an opinion, the lesson says whose."
)


def heading(key: str) -> str:
    return f"## {SECTIONS[key]} {{ #{key} }}"


def bullets(items) -> str:
    return "\n".join(f"- {md(item)}" for item in items)


def case_study_page(index: SiteIndex, study_id: str, page_src: str) -> str:
    study = index.content["case_studies"][study_id]
    parts = [
        f"# {title_md(study['city'])}, {title_md(study['state'])}",
        "",
        f'<p class="wwc-subtitle">{h(study["title"])}</p>',
        "",
    ]
    if study.get("state_named_in_sources") is False:
        parts += [f'<p class="wwc-state-note"><small>{STATE_NOT_IN_SOURCES}</small></p>', ""]
    badges = []
    if study.get("new_case_study"):
        badges.append('<span class="wwc-badge">New case study in the January 2018 update</span>')
    parts += [" ".join(badges), ""] if badges else []
    if study.get("source_partial"):
        parts += [f'!!! warning "Partial source"\n    {md(study["source_partial"])}', ""]
    parts += [heading("summary"), "", md(study["summary"]), ""]
    parts += [heading("criteria"), "", *criteria_links(index, study, page_src), ""]
    if study.get("link_notes"):
        # Editorial: why links were drawn; wwc-print.css keeps it off paper.
        parts += ['!!! note wwc-editorial "How these links were chosen"', ""]
        parts += [f"    - {md(note)}" for note in study["link_notes"]] + [""]
    if study["people"]:
        parts += [
            heading("people"),
            "",
            "\n".join(f"- **{md(p['name'])}**, {md(p['role'])}" for p in study["people"]),
            "",
        ]
    parts += [heading("what-they-did"), "", bullets(study["practices"]), ""]
    parts += [heading("results"), "", bullets(study["results"]), ""]
    if study["quotes"]:
        parts += [heading("quotes"), ""]
        for quote in study["quotes"]:
            parts += [
                f"> “{md(quote['text'])}”\n>\n> — {md(quote['speaker'])}, {md(role_of(study, quote['speaker']))}",
                "",
            ]
    parts += [heading("lessons"), "", f"*{LESSONS_LEAD}*", "", bullets(study["lessons"]), ""]
    parts += [heading("discussion"), "", "\n".join(f"1. {md(q)}" for q in study["discussion_questions"]), ""]
    parts += [
        heading("sources"),
        "",
        "\n".join(f"- {md(source_title(index.content, s))}" for s in study["sources"]),
        "",
    ]
    parts += [
        "<small>Summary, practices and lessons are written in this guide's own words; quotes are "
        "from the sources listed.</small>",
        "",
    ]
    return "\n".join(parts)


def role_of(study: dict, name: str) -> str:
    return next(person["role"] for person in study["people"] if person["name"] == name)


def criteria_links(index: SiteIndex, study: dict, page_src: str) -> list[str]:
    lines = []
    for edition_id, edition in index.content["editions"].items():
        ids = study["illustrates"].get(edition_id, [])
        if not ids:
            continue
        items = ", ".join(f"[{cid}]({index.link(page_src, cid)}) {md(short_label(index, cid))}" for cid in ids)
        lines.append(f"- **{md(edition['short_title'])}:** {items}")
    return lines


def short_label(index: SiteIndex, criterion_id: str) -> str:
    criterion = index.criterion(criterion_id)
    return f"({criterion['title']})" if criterion.get("title") else ""


def study_facets(index: SiteIndex, study: dict) -> dict:
    """Practice areas and Standard phases a case study touches, derived from the criteria it illustrates."""
    facets = {}
    for edition_id, ids in study["illustrates"].items():
        for cid in ids:
            edition, group, _ = index.location[cid]
            facets.setdefault(edition_id, {})[group["id"]] = group["name"]
    return facets


def case_study_index(index: SiteIndex, page_src: str) -> str:
    """A list of every case study with filters (practice area, Standard phase, city) that work offline.

    Without JavaScript the full list shows; wwc-filter.js hides the items that do not match.
    """
    studies = list(index.content["case_studies"].values())
    editions = list(index.content["editions"].values())
    filters = []
    for edition in editions:
        options = [(group["id"], group["name"]) for group in edition["groups"]]
        filters.append(select(f"wwc-filter-{edition['id']}", edition["group_label"], edition["id"], options))
    cities = sorted((study["id"], study["city"]) for study in studies)
    filters.append(select("wwc-filter-city", "City", "city", [(sid, name) for sid, name in cities]))
    form = (
        '<form class="wwc-filters" data-wwc-filter="case-studies" aria-label="Filter case studies"'
        + "".join(f' data-text-{key}="{h(text)}"' for key, text in FILTER_TEXTS.items())
        + ">"
        + "".join(filters)
        + f'<button type="reset" class="md-button wwc-filter-reset">{h(RESET_LABEL)}</button>'
        + '<p class="wwc-filter-status" role="status" aria-live="polite"></p></form>'
    )
    items = []
    for study in studies:
        facets = study_facets(index, study)
        attrs = " ".join(f'data-{attr(edition_id)}="{attr(" ".join(groups))}"' for edition_id, groups in facets.items())
        target = links.relative(page_src, links.case_study_src(study))
        tags = " · ".join(name for groups in facets.values() for name in groups.values())
        state_note = " (state not named in the sources)" if study.get("state_named_in_sources") is False else ""
        items.append(
            f'<li class="wwc-study" data-city="{attr(study["id"])}" {attrs} markdown="span">'
            f"[**{md(study['city'])}, {md(study['state'])}**]({target}){state_note}: {md(study['title'])}"
            f"<br><small>{h(tags)}</small></li>"
        )
    # Deferred: the list below it paints without waiting for the script, which binds once the page is parsed.
    script = f'<script defer src="{links.root_prefix(links.site_path(page_src))}{FILTER_SCRIPT}"></script>'
    return form + "\n\n" + '<ul class="wwc-study-list" markdown>\n' + "\n".join(items) + "\n</ul>\n\n" + script + "\n"


# Only the case study index needs the filter, so the page loads it itself (not every page of the site).
# The index is an index.md page, published at the same depth with or without directory URLs.
FILTER_SCRIPT = "assets/javascripts/wwc-filter.js"
RESET_LABEL = "Show all"
# Status lines wwc-filter.js shows; {shown} and {total} are filled in.
FILTER_TEXTS = {
    "some": "Showing {shown} of {total} case studies",
    "none": "No case study matches all of these filters. Change a filter or press “Show all” to see all {total}.",
}


def select(element_id: str, label: str, facet: str, options) -> str:
    """A label and its select kept together, so the label never wraps away from its control."""
    option_html = "".join(f'<option value="{attr(value)}">{h(name)}</option>' for value, name in options)
    return (
        f'<span class="wwc-filter-field"><label for="{attr(element_id)}">{h(label)}</label>'
        f'<select id="{attr(element_id)}" data-facet="{attr(facet)}"><option value="">All</option>{option_html}</select></span>'
    )
