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
CSV_COLUMNS = ["edition", "group", "group_name", "id", "title", "statement", "must_meet", "requirements",
               "documentation", "practice", "matches", "case_studies"]


def criteria_json(content: dict) -> str:
    data = {"sources": list(content["sources"].values()), "editions": list(content["editions"].values())}
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def criteria_rows(content: dict):
    index = SiteIndex(content)
    for edition in content["editions"].values():
        for group in edition["groups"]:
            for criterion in group["criteria"]:
                must_meet = criterion.get("must_meet")
                yield {
                    "edition": edition["id"],
                    "group": group["id"],
                    "group_name": group["name"],
                    "id": criterion["id"],
                    "title": criterion.get("title", ""),
                    "statement": criterion["statement"],
                    "must_meet": must_meet["count"] if must_meet else "",
                    "requirements": "\n".join(item["text"] for item in criterion.get("requirements", [])),
                    "documentation": "\n".join(item["text"] for item in criterion.get("documentation", [])),
                    "practice": criterion.get("practice", ""),
                    "matches": " ".join(index.counterparts(criterion["id"])),
                    "case_studies": " ".join(study["id"] for study in index.case_studies_for(criterion["id"])),
                }


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
