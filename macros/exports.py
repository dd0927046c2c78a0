"""The downloads written at build time: criteria.json, criteria.csv and the JSON Schemas."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

from .links import SiteIndex
from .text import csv_cell
from .validation import schema_files

DOWNLOADS_DIR = "downloads"
JSON_NAME = "criteria.json"
CSV_NAME = "criteria.csv"

# One row per criterion. Every field a criterion or its group has in criteria.json has a column here
# (CRITERION_FIELDS, ITEM_FIELDS and GROUP_FIELDS say which), so a spreadsheet loses nothing. A cell with
# several values holds one per line; an item's options (ways to qualify) follow it on lines that start
# with OPTION_PREFIX. Edition-wide settings (tiers, answer states) and the sources are not per criterion:
# they are in criteria.json only. Structured values a tool computes with (time windows, audited
# responses, dependencies) are JSON in their cell, one per line for the items' windows (an empty line
# for an item without one), so each line reads back with a JSON parser.
CSV_COLUMNS = [
    "edition",
    "group",
    "group_name",
    "group_definition",
    "group_definition_source",
    "group_benchmark_percent",
    "group_benchmark_one_band_percent",
    "group_benchmark_source",
    "group_notes",
    "id",
    "title",
    "title_is_guide_own",
    "statement",
    "window",
    "must_meet",
    "must_meet_source",
    "requirements",
    "requirement_ids",
    "requirement_sources",
    "requirement_windows",
    "documentation",
    "documentation_ids",
    "documentation_sources",
    "documentation_windows",
    "practice",
    "matches",
    "depends_on",
    "audited_responses",
    "notes",
    "case_studies",
]
OPTION_PREFIX = "  - "
CRITERION_FIELDS = {
    "id": ["id"],
    "title": ["title"],
    "title_is_guide_own": ["title_is_guide_own"],
    "statement": ["statement"],
    "window": ["window"],
    "must_meet": ["must_meet", "must_meet_source"],
    "depends_on": ["depends_on"],
    "audited_responses": ["audited_responses"],
    "requirements": ["requirements", "requirement_ids", "requirement_sources"],
    "documentation": ["documentation", "documentation_ids", "documentation_sources"],
    "practice": ["practice"],
    "matches": ["matches"],
    "notes": ["notes"],
}
ITEM_COLUMNS = {
    "requirements": {
        "text": "requirements",
        "options": "requirements",
        "id": "requirement_ids",
        "source": "requirement_sources",
        "window": "requirement_windows",
    },
    "documentation": {
        "text": "documentation",
        "options": "documentation",
        "id": "documentation_ids",
        "source": "documentation_sources",
        "window": "documentation_windows",
    },
}
GROUP_FIELDS = {
    "id": ["group"],
    "name": ["group_name"],
    "definition": ["group_definition"],
    "definition_source": ["group_definition_source"],
    "benchmark": ["group_benchmark_percent", "group_benchmark_one_band_percent", "group_benchmark_source"],
    "notes": ["group_notes"],
}


def criteria_json(content: dict) -> str:
    data = {
        "sources": list(content["sources"].values()),
        "editions": list(content["editions"].values()),
        "resources": content.get("resources", {"program_today": [], "resources": []}),
    }
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def lines(values) -> str:
    return "\n".join(values)


def items_text(items: list[dict]) -> str:
    """Each item's text on a line, its options on the lines after it."""
    return lines(
        line
        for item in items
        for line in [item["text"], *(OPTION_PREFIX + option for option in item.get("options", []))]
    )


def json_cell(value) -> str:
    """A structured value as compact JSON, or an empty cell."""
    return "" if value in (None, [], {}) else json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def item_windows(items: list[dict]) -> str:
    """One line per item: its window as JSON, or an empty line; empty when no item has one."""
    if not any(item.get("window") for item in items):
        return ""
    return lines(json_cell(item.get("window")) for item in items)


def flag(value) -> str:
    return "" if value is None else str(bool(value)).lower()


def group_cells(group: dict) -> dict:
    benchmark = group.get("benchmark") or {}
    return {
        "group": group["id"],
        "group_name": group["name"],
        "group_definition": group.get("definition", ""),
        "group_definition_source": group.get("definition_source", ""),
        "group_benchmark_percent": benchmark.get("all_applicants_percent", ""),
        "group_benchmark_one_band_percent": benchmark.get("one_band_percent", ""),
        "group_benchmark_source": benchmark.get("source", ""),
        "group_notes": lines(group.get("notes", [])),
    }


def criterion_cells(index: SiteIndex, criterion: dict) -> dict:
    must_meet = criterion.get("must_meet") or {}
    requirements = criterion.get("requirements", [])
    documents = criterion.get("documentation", [])
    return {
        "id": criterion["id"],
        "title": criterion.get("title", ""),
        "title_is_guide_own": flag(criterion.get("title_is_guide_own")),
        "statement": criterion["statement"],
        "window": json_cell(criterion.get("window")),
        "must_meet": must_meet.get("count", ""),
        "must_meet_source": must_meet.get("source", ""),
        "requirements": items_text(requirements),
        "requirement_ids": lines(item["id"] for item in requirements),
        "requirement_sources": lines(item.get("source", "") for item in requirements),
        "requirement_windows": item_windows(requirements),
        "documentation": items_text(documents),
        "documentation_ids": lines(item["id"] for item in documents),
        "documentation_sources": lines(item.get("source", "") for item in documents),
        "documentation_windows": item_windows(documents),
        "practice": criterion.get("practice", ""),
        "matches": " ".join(index.counterparts(criterion["id"])),
        "depends_on": json_cell(criterion.get("depends_on")),
        "audited_responses": json_cell(criterion.get("audited_responses")),
        "notes": lines(criterion.get("notes", [])),
        "case_studies": " ".join(study["id"] for study in index.case_studies_for(criterion["id"])),
    }


def criteria_rows(content: dict):
    index = SiteIndex(content)
    for edition in content["editions"].values():
        for group in edition["groups"]:
            for criterion in group["criteria"]:
                yield {"edition": edition["id"], **group_cells(group), **criterion_cells(index, criterion)}


def criteria_csv(content: dict) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    # Every cell is neutralised: the file is opened in spreadsheets, where "=..." would be a formula.
    writer.writerows({column: csv_cell(value) for column, value in row.items()} for row in criteria_rows(content))
    return buffer.getvalue()


def write_downloads(content: dict, site_dir: Path) -> list[Path]:
    target = Path(site_dir) / DOWNLOADS_DIR
    target.mkdir(parents=True, exist_ok=True)
    written = [target / JSON_NAME, target / CSV_NAME]
    written[0].write_text(criteria_json(content), encoding="utf-8")
    written[1].write_text(criteria_csv(content), encoding="utf-8")
    for schema in schema_files():
        shutil.copyfile(schema, target / schema.name)
        written.append(target / schema.name)
    return written


def download_names() -> list[str]:
    return [JSON_NAME, CSV_NAME, *(schema.name for schema in schema_files())]
