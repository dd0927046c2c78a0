"""What the sources say around a criterion: time windows, audited responses in the sample report,
dependencies between criteria, and the applicants' benchmarks by region and population band.

Renderers return Markdown (with escaped HTML where a list item carries a marker); every YAML value
goes through the escaping function of the context it lands in (macros/text.py).
"""

from __future__ import annotations

from .links import SiteIndex
from .text import h, md

AUDIT_TITLE = "Why auditors changed this answer in the sample report"


# --- time windows -------------------------------------------------------------------------------


def months_text(months: int) -> str:
    years = f" ({months // 12} years)" if months % 12 == 0 and months >= 24 else ""
    return f"{months} months{years}"


def window_label(window: dict) -> str:
    """The window in plain words, computed from its fields (the source's wording is shown beside it)."""
    anchor = window["anchor"]
    if anchor == "past":
        text = f"the {months_text(window['months'])} before the application"
        if window.get("or_current_administration"):
            text += ", or the current administration"
        return text
    if anchor == "next":
        start = window.get("from_months")
        span = f"{start} to {window['months']} months" if start else f"{months_text(window['months'])}"
        return f"the next {span} after the application (what the evidence lists, not its date)"
    return "the most recent one when you apply, with no fixed length"


def window_marker(window: dict) -> str:
    """An inline HTML marker for a requirement or document that carries a window."""
    return f' <small class="wwc-window">(time window: {h(window_label(window))})</small>'


def statement_window_line(criterion: dict) -> list[str]:
    window = criterion.get("window")
    if not window:
        return []
    line = (
        f'<p class="wwc-window-line"><small>Time window: {h(window_label(window))} '
        f"(“{h(window['wording'])}”).</small></p>"
    )
    return [line, ""]


def add_window_markers(listed: str, items: list[dict]) -> str:
    """Append each windowed item's marker to its <li> opening in an html_list."""
    for item in items:
        if item.get("window"):
            opening = f'<li id="{h(item["id"])}">{h(item["text"])}'
            listed = listed.replace(opening, opening + window_marker(item["window"]), 1)
    return listed


# --- audited responses --------------------------------------------------------------------------


def state_label(edition: dict, state_id: str) -> str:
    state = next((s for s in edition["answer_states"] if s["id"] == state_id), None)
    return state["label"] if state else state_id


def audited_lines(content: dict, edition: dict, criterion: dict) -> list[str]:
    """Each audited response as the report gives it, in a note under the criterion."""
    audited = criterion.get("audited_responses", [])
    if not audited:
        return []
    body = []
    for response in audited:
        source = content["sources"][response["source"]]["title"]
        change = f"{md(state_label(edition, response['from']))} → {md(state_label(edition, response['to']))}"
        body += [f"    **{change}.** “{md(response['reason'])}” ({md(source)})", ""]
        if response.get("note"):
            body += [f"    *{md(response['note'])}*", ""]
    return [f'!!! warning "{AUDIT_TITLE}"', "", *body, ""]


# --- dependencies -------------------------------------------------------------------------------


def dependents_of(content: dict, criterion_id: str) -> list[tuple[dict, dict]]:
    """(criterion, dependency) for every criterion that names ``criterion_id`` in its depends_on."""
    found = []
    for edition in content["editions"].values():
        for group in edition["groups"]:
            for criterion in group["criteria"]:
                for dependency in criterion.get("depends_on", []):
                    if dependency["criterion"] == criterion_id:
                        found.append((criterion, dependency))
    return found


def dependency_lines(index: SiteIndex, criterion: dict, page_src: str) -> list[str]:
    lines = []
    for dependency in criterion.get("depends_on", []):
        target = dependency["criterion"]
        lines.append(f"- **Builds on [{target}]({index.link(page_src, target)}):** {md(dependency['reason'])}")
    for other, dependency in dependents_of(index.content, criterion["id"]):
        lines.append(
            f"- **[{other['id']}]({index.link(page_src, other['id'])}) builds on this criterion:** "
            f"{md(dependency['reason'])}"
        )
    if not lines:
        return []
    return [
        '<div class="wwc-dependencies" markdown="1">',
        "",
        "**Related criteria (work on the earlier one first)**",
        "",
        *lines,
        "",
        "</div>",
        "",
    ]


# --- benchmarks ---------------------------------------------------------------------------------


def group_benchmark_lines(content: dict, group: dict) -> list[str]:
    """The group's averages for all applicants and for the report's one population band."""
    benchmark = group.get("benchmark")
    if not benchmark:
        return []
    source = md(content["sources"][benchmark["source"]]["title"])
    text = (
        f"All applicant cities have achieved on average **{benchmark['all_applicants_percent']}%** of the "
        f"{md(group['name'])} criteria ({source})."
    )
    if "one_band_percent" in benchmark:
        text += (
            f" Cities of one population band (the report's “cities of your size”; the report does not say "
            f"which band) have achieved on average **{benchmark['one_band_percent']}%**."
        )
    return [f'!!! info "Benchmark"\n    {text}', ""]


def regional_benchmarks(content: dict, edition: dict) -> str:
    """Applicants and average score per region, the population bands, and what the source does not give."""
    benchmarks = edition.get("benchmarks")
    if not benchmarks:
        return ""
    source = md(content["sources"][benchmarks["source"]]["title"])
    parts = [
        "### Applicants by region and population band",
        "",
        f"From the {source}. The figures describe the applicants when the report was written.",
        "",
    ]
    regions = benchmarks.get("regions", [])
    if regions:
        rows = ["| Region | Applicants | Average score |", "|---|---|---|"]
        for region in regions:
            number = f" (Region {region['number']})" if region.get("number") else ""
            rows.append(f"| {md(region['name'])}{number} | {region['applicants']} | {region['average_percent']}% |")
        parts += ['<div class="wwc-regions" markdown="1">', "", *rows, "", "</div>", ""]
    bands = benchmarks.get("population_bands", [])
    if bands:
        labels = ", ".join(md(band["label"]) for band in bands)
        parts += [f"The report sorts applicants into {len(bands)} population bands: {labels}.", ""]
    if benchmarks.get("not_given"):
        parts += ["**What the report does not give:**", ""]
        parts += [f"- {md(note)}" for note in benchmarks["not_given"]]
        parts.append("")
    return "\n".join(parts)
