"""Render the guide's pages from the loaded content, as Markdown for MkDocs.

Every function takes the content (or a SiteIndex over it) and the source path of the page it
renders into, so the links it writes are relative to that page and checked by the strict build.
"""

from __future__ import annotations

import html
import re
from fractions import Fraction

from . import criterion_facts, links
from .links import SiteIndex
from .scoring import edition_total, reaches, rounded_percent, rounded_tier, tier_for, tier_ranges
from .text import h, href, html_list, md, title_md


def source_title(content: dict, source_id: str) -> str:
    return content["sources"][source_id]["title"]


def criterion_heading(criterion: dict) -> str:
    title = f". {criterion['title']}" if criterion.get("title") else ""
    return f"{criterion['id']}{title}"


def notes_block(notes: list[str], title: str = "Note") -> str:
    if not notes:
        return ""
    body = "\n".join(f"    {md(note)}\n" for note in notes)
    return f'!!! note "{title}"\n{body}'


# --- criteria pages -----------------------------------------------------------------------------


def group_page(index: SiteIndex, edition_id: str, group_id: str, page_src: str) -> str:
    edition = index.content["editions"][edition_id]
    group = next(g for g in edition["groups"] if g["id"] == group_id)
    parts = [f"# {title_md(group['name'])}", "", md(group["definition"]), ""]
    if group.get("definition_source"):
        parts += [f"<small>Definition from {h(source_title(index.content, group['definition_source']))}.</small>", ""]
    parts += criterion_facts.group_benchmark_lines(index.content, group)
    count = len(group["criteria"])
    label = edition["item_label"] if count == 1 else edition.get("item_label_plural", edition["item_label"] + "s")
    parts += [
        f"This {md(edition['group_label'].lower())} has {count} {md(label)} of the {edition_total(edition)} in the "
        f"[{md(edition['short_title'])}]({links.relative(page_src, edition['url_path'] + '/index.md')}).",
        "",
    ]
    if group.get("notes"):
        parts += folded(
            f"{SOURCE_NOTES_TITLE} of this {edition['group_label'].lower()}", [md(note) for note in group["notes"]]
        )
    for criterion in group["criteria"]:
        parts.append(criterion_section(index, edition, criterion, page_src))
    return "\n".join(parts)


def criterion_section(index: SiteIndex, edition: dict, criterion: dict, page_src: str) -> str:
    """What to do first (statement, checklist, documents, links), then the notes on sources, folded."""
    cid = criterion["id"]
    parts = [f"## {md(criterion_heading(criterion))} {{ #{links.anchor(cid)} }}", ""]
    parts += [f'<p class="wwc-statement">{h(criterion["statement"])}</p>', ""]
    parts += criterion_facts.statement_window_line(criterion)
    if "requirements" in criterion or "documentation" in criterion:
        parts += checklist(index.content, criterion)
    parts += criterion_facts.audited_lines(index.content, edition, criterion)
    parts += criterion_facts.dependency_lines(index, criterion, page_src)
    parts += counterpart_lines(index, criterion, page_src)
    parts += case_study_lines(index, criterion, page_src)
    parts += source_notes_block(index.content, edition, criterion)
    return "\n".join(parts)


SOURCE_NOTES_TITLE = "About the sources"


def source_notes(content: dict, edition: dict, criterion: dict) -> list[str]:
    """Every remark about where this criterion's text comes from, as Markdown paragraphs."""
    notes = []
    if criterion.get("title") and criterion.get("title_is_guide_own"):
        notes.append("The short title is written by this guide; the sources give only the statement.")
    practice = practice_name(edition, criterion)
    if practice:
        notes.append(f"Practice (inferred by this guide): {md(practice)}.")
    requirements = criterion.get("requirements", [])
    if requirements and not criterion.get("must_meet"):
        notes.append("How many of the checklist requirements must be met: the sources do not say how many.")
    for kind in ("requirements", "documentation"):
        for source_id, count in item_source_counts(criterion.get(kind, [])).items():
            notes.append(
                f"{count} {'item' if count == 1 else 'items'} of the {kind_label(kind)} "
                f"({'marked' if count == 1 else 'each marked'} “from: …” above) "
                f"{'comes' if count == 1 else 'come'} from {md(source_title(content, source_id))}, "
                "not from the web copy of the assessment guide the rest is copied from."
            )
    notes += [md(note) for note in criterion.get("notes", [])]
    return notes


def kind_label(kind: str) -> str:
    return "checklist" if kind == "requirements" else "required supporting documentation"


def item_source_counts(items: list[dict]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for item in items:
        if item.get("source") and item["source"] != DEFAULT_ITEM_SOURCE:
            counts[item["source"]] = counts.get(item["source"], 0) + 1
    return counts


def source_notes_block(content: dict, edition: dict, criterion: dict) -> list[str]:
    """One collapsed block after the criterion's requirements, documents and links."""
    return folded(SOURCE_NOTES_TITLE, source_notes(content, edition, criterion))


def folded(title: str, paragraphs: list[str]) -> list[str]:
    """Markdown paragraphs in a block that starts closed, so the page leads with what to do."""
    if not paragraphs:
        return []
    body = "\n\n".join(paragraphs)
    return [
        f'<details class="wwc-source-notes" markdown="1">\n<summary>{h(title)}</summary>\n\n{body}\n\n</details>',
        "",
    ]


def edition_practices(edition: dict) -> dict:
    return {practice["id"]: practice for practice in edition.get("practices", [])}


def practice_name(edition: dict, criterion: dict) -> str | None:
    practice = edition_practices(edition).get(criterion.get("practice"))
    return practice["name"] if practice else None


# Items with no `source` come from the web copy of the assessment guide (see criteria/sources.yml).
DEFAULT_ITEM_SOURCE = "assessment-guide"


def checklist(content: dict, criterion: dict) -> list[str]:
    requirements = criterion.get("requirements", [])
    must_meet = criterion.get("must_meet")
    rule = f" (must meet {must_meet['count']} of {len(requirements)})" if must_meet else ""
    parts = [f"**Checklist**{rule}", ""]
    if requirements:
        parts += [item_list(content, requirements, "wwc-requirements"), ""]
    else:
        parts += ["*The assessment guide lists no separate requirements: the statement is the requirement.*", ""]
    documents = criterion.get("documentation", [])
    parts += ["**Required supporting documentation**", ""]
    parts += [item_list(content, documents, "wwc-documentation") if documents else "*None listed in the sources.*", ""]
    return parts


def item_list(content: dict, items: list[dict], css_class: str) -> str:
    """The items as a list with stable ids; an item from another source than the default says which."""
    listed = criterion_facts.add_window_markers(html_list(items, css_class), items)
    for item in items:
        source = item.get("source")
        if source and source != DEFAULT_ITEM_SOURCE:
            marker = f' <small class="wwc-item-source">(from: {h(source_title(content, source))})</small>'
            opening = f'<li id="{h(item["id"])}">{h(item["text"])}'
            listed = listed.replace(opening, opening + marker, 1)
    return listed


def counterpart_lines(index: SiteIndex, criterion: dict, page_src: str) -> list[str]:
    others = index.counterparts(criterion["id"])
    edition = index.edition_of(criterion["id"])
    other_editions = [e for e in index.content["editions"].values() if e["id"] != edition["id"]]
    lines = []
    for other in other_editions:
        matched = [cid for cid in others if index.edition_of(cid)["id"] == other["id"]]
        label = f"Matching {md(other['item_label'])} in the {md(other['short_title'])}"
        if matched:
            targets = ", ".join(f"[{cid}]({index.link(page_src, cid)})" for cid in matched)
            lines += [f"**{label}:** {targets}", ""]
        else:
            lines += [f"**{label}:** none clearly corresponds.", ""]
    return lines


def case_study_lines(index: SiteIndex, criterion: dict, page_src: str) -> list[str]:
    """Links to the case studies; one linked with a caveat is marked, with the reason on hover and below."""
    studies = index.case_studies_for(criterion["id"])
    if not studies:
        return []
    targets, reasons = [], []
    for study in studies:
        target = links.relative(page_src, links.case_study_src(study))
        reason = link_caveats(study).get(criterion["id"])
        if reason:
            targets.append(
                f'[{md(study["city"])}]({target} "{title_text(CAVEAT_LABEL + ": " + reason)}")'
                f' <span class="wwc-caveat">({CAVEAT_LABEL.lower()})</span>'
            )
            reasons.append(f"- {md(study['city'])}: {md(reason)}")
        else:
            targets.append(f"[{md(study['city'])}]({target})")
    lines = [f"**Case studies:** {', '.join(targets)}", ""]
    if reasons:
        lines += [
            f'<div class="wwc-caveats" markdown="1">\n\n*{CAVEAT_LABEL}:*\n\n' + "\n".join(reasons) + "\n\n</div>",
            "",
        ]
    return lines


CAVEAT_LABEL = "Partial match"
# A case study's link note that starts with criterion ids ("AB4: ..." or "AB4, CD9: ...") qualifies
# those links: the source does not fully show the criterion.
_CAVEAT_PREFIX = re.compile(r"^([A-Z]+[0-9]+(?:,\s*[A-Z]+[0-9]+)*):\s+(.*)$", re.DOTALL)


def link_caveats(study: dict) -> dict[str, str]:
    """Criterion id -> the case study's reason why its link to that criterion is only partial."""
    caveats = {}
    for note in study.get("link_notes", []):
        match = _CAVEAT_PREFIX.match(" ".join(note.split()))
        if match:
            for cid in re.split(r",\s*", match.group(1)):
                caveats[cid] = match.group(2)
    return caveats


def title_text(text: str) -> str:
    """Text for a Markdown link title in double quotes: shown literally on hover."""
    return html.escape(" ".join(str(text).split()), quote=True)


def edition_overview(index: SiteIndex, edition_id: str, page_src: str) -> str:
    """The edition's groups, each with its criteria linked, for the criteria/standard index pages."""
    edition = index.content["editions"][edition_id]
    parts = [md(edition.get("description", "")), ""]
    if edition.get("practice_note"):
        parts += [notes_block([edition["practice_note"]], "Practices are inferred"), ""]
    for group in edition["groups"]:
        target = links.relative(page_src, links.group_src(edition, group))
        parts += [f"## [{md(group['name'])}]({target})", "", md(group["definition"]), ""]
        for criterion in group["criteria"]:
            summary = criterion.get("title") or criterion["statement"]
            parts.append(f"- [{criterion['id']}]({index.link(page_src, criterion['id'])}): {md(summary)}")
        parts.append("")
    parts += [notes_block(edition.get("notes", []), "Notes on this edition"), ""]
    return "\n".join(parts)


# --- tiers and crosswalk ------------------------------------------------------------------------


def tier_table(content: dict, edition_id: str) -> str:
    edition = content["editions"][edition_id]
    total = edition_total(edition)
    rows = [f"| Tier | Share of criteria met | Criteria needed (of {total}) | What it means |", "|---|---|---|---|"]
    for entry in tier_ranges(edition):
        tier = entry["tier"]
        share = f"at least {tier['min_percent']}%"
        if tier.get("source_range"):
            share += f" (report: {md(tier['source_range'])})"
        rows.append(
            f"| {md(tier['name'])} | {share} | {entry['min_met']} to {entry['max_met']} | "
            f"{md(tier.get('description', ''))} |"
        )
    below = tier_ranges(edition)[0]["min_met"] - 1
    rows.append(
        f"| {md(edition.get('not_certified_label', 'Not certified'))} | below the lowest tier | 0 to {below} | |"
    )
    # The class lets wwc.css fit the table to a phone's width without a sideways scroll.
    return '<div class="wwc-tier-table" markdown="1">\n\n' + "\n".join(rows) + "\n\n</div>\n"


def between_ranges(edition: dict) -> list[dict]:
    """Shares that fall between two published whole-percent ranges (above min - 1 of a tier, below its min)."""
    total = edition_total(edition)
    found = []
    for met in range(total + 1):
        for tier in edition["tiers"]:
            above_range_below = Fraction(met * 100, total) > Fraction(str(tier["min_percent"])) - 1
            if above_range_below and not reaches(met, total, tier["min_percent"]):
                exact = tier_for(met, total, edition["tiers"])
                found.append(
                    {
                        "met": met,
                        "total": total,
                        "above": tier,
                        "exact": exact,
                        "rounded": tier_by_id(edition, rounded_tier(edition, met)),
                    }
                )
    return found


def tier_by_id(edition: dict, tier_id: str | None) -> dict | None:
    return next((tier for tier in edition["tiers"] if tier["id"] == tier_id), None)


def tier_label(edition: dict, tier: dict | None) -> str:
    return md(tier["name"] if tier else edition.get("not_certified_label", "Not certified"))


def between_ranges_text(edition: dict) -> str:
    """How the guide reads a share that falls between two published ranges, computed from the tier data."""
    cases = between_ranges(edition)
    items = md(edition.get("item_label_plural", edition["item_label"] + "s"))
    total = edition_total(edition)
    if not cases:
        return (
            f"With {total} {items} no share falls between two ranges: each count met gives a whole "
            "percentage or lands clearly inside one range."
        )
    lines = [
        f"With {total} {items}, {len(cases)} {'share falls' if len(cases) == 1 else 'shares fall'} "
        "between two published ranges. The guide compares the exact share with each tier's lowest "
        "percentage and does not round; the self-check marks such a result as borderline and names the "
        "tier a rounded reading would give:",
        "",
    ]
    decimals = edition["display"]["overall_decimals"]
    for case in cases:
        shown = rounded_percent(case["met"], case["total"], decimals)
        whole = rounded_percent(case["met"], case["total"], 0)
        same = case["rounded"] is case["exact"]
        lines.append(
            f"- **{case['met']} of {case['total']}** is {shown}%: below {md(case['above']['name'])}'s "
            f"{case['above']['min_percent']}%, so this guide says **{tier_label(edition, case['exact'])}**. "
            f"Rounded, it reads {whole}%, which {'also ' if same else ''}gives "
            f"{tier_label(edition, case['rounded'])}."
        )
    return "\n".join(lines) + "\n"


def tiers_page(content: dict) -> str:
    parts = []
    for edition in content["editions"].values():
        parts += [f"## {md(edition['title'])}", ""]
        parts += [md(note) + "\n" for note in edition.get("notes", [])]
        parts += [tier_table(content, edition["id"]), ""]
        parts += [criterion_facts.regional_benchmarks(content, edition), ""]
        parts += ["### Shares between two ranges", "", between_ranges_text(edition), ""]
    return "\n".join(parts)


def crosswalk_table(index: SiteIndex, page_src: str) -> str:
    editions = list(index.content["editions"].values())
    first, others = editions[0], editions[1:]
    header = [first["short_title"]] + [other["short_title"] for other in others]
    rows = ["| " + " | ".join(md(title) for title in header) + " |", "|" + "---|" * len(header)]
    for group in first["groups"]:
        for criterion in group["criteria"]:
            cells = [f"[{criterion['id']}]({index.link(page_src, criterion['id'])}) {md(criterion.get('title') or '')}"]
            for other in others:
                matched = [cid for cid in index.counterparts(criterion["id"]) if index.edition_of(cid) is other]
                cells.append(", ".join(f"[{cid}]({index.link(page_src, cid)})" for cid in matched) or "none")
            rows.append("| " + " | ".join(cells) + " |")
    parts = ["\n".join(rows), ""]
    for other in others:
        unmatched = [c["id"] for g in other["groups"] for c in g["criteria"] if not index.counterparts(c["id"])]
        if unmatched:
            listed = ", ".join(f"[{cid}]({index.link(page_src, cid)})" for cid in unmatched)
            parts += [
                f"**{md(other['item_label_plural'] if other.get('item_label_plural') else other['item_label']).capitalize()} "
                f"of the {md(other['short_title'])} with no clear match:** {listed}",
                "",
            ]
    return "\n".join(parts)


def sources_list(content: dict) -> str:
    lines = []
    for source in content["sources"].values():
        meta = ", ".join(part for part in (source.get("author"), source.get("date")) if part)
        title = f"**{md(source['title'])}**"
        target = href(source["url"]) if source.get("url") else None
        if target:
            # Raw HTML: a URL inside a Markdown link target would need its own escaping rules.
            title = f'<a href="{target}">{title}</a>'
        lines.append(f"- {title}{' (' + md(meta) + ')' if meta else ''}: {md(source.get('description', ''))}")
    return "\n".join(lines) + "\n"
