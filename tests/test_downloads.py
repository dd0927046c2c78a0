"""The downloads written at build time match the YAML, and the downloads page links to each."""

from __future__ import annotations

import csv
import io
import json

import pytest

from helpers import page, resolve, soup
from macros.content import load_content

SCHEMA_DIR = "macros/schemas"


@pytest.fixture(scope="module")
def content(root):
    return load_content(root)


@pytest.fixture(scope="module")
def downloads(built_site):
    folder = built_site / "downloads"
    assert folder.is_dir(), "the site has no downloads/ folder"
    return folder


def all_criteria(content):
    for edition in content["editions"].values():
        for group in edition["groups"]:
            for criterion in group["criteria"]:
                yield edition, group, criterion


def plain(value):
    """The value as JSON would give it back."""
    return json.loads(json.dumps(value, ensure_ascii=False))


def test_criteria_json_equals_the_yaml(downloads, content):
    data = json.loads((downloads / "criteria.json").read_text(encoding="utf-8"))
    assert data["editions"] == plain(list(content["editions"].values()))
    assert data["sources"] == plain(list(content["sources"].values()))
    assert [edition["id"] for edition in data["editions"]] == ["assessment-45", "launch-50"]
    assert sum(len(group["criteria"]) for edition in data["editions"] for group in edition["groups"]) == 95


def csv_rows(downloads) -> list[dict]:
    text = (downloads / "criteria.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def split_lines(cell: str) -> list[str]:
    return cell.split("\n") if cell else []


def items_from_cells(text: str, ids: str, sources: str, windows: str = "") -> list[dict]:
    """Rebuild requirement or documentation items from their three CSV cells (the format README describes)."""
    items = []
    for line in split_lines(text):
        if line.startswith("  - "):
            items[-1].setdefault("options", []).append(line[len("  - ") :])
        else:
            items.append({"text": line})
    id_lines, source_lines = split_lines(ids), split_lines(sources) or [""] * len(items)
    assert len(id_lines) == len(items) == len(source_lines), (text, ids, sources)
    window_lines = split_lines(windows) or [""] * len(items)
    assert len(window_lines) == len(items), (text, windows)
    for item, item_id, source, window in zip(items, id_lines, source_lines, window_lines):
        item["id"] = item_id
        if source:
            item["source"] = source
        if window:
            item["window"] = json.loads(window)
    return items


def criterion_from_row(row: dict) -> dict:
    """A criterion as criteria.json holds it, rebuilt from its CSV row alone."""
    rebuilt = {"id": row["id"], "statement": row["statement"]}
    for key in ("title", "practice"):
        if row[key]:
            rebuilt[key] = row[key]
    if row["title_is_guide_own"]:
        rebuilt["title_is_guide_own"] = row["title_is_guide_own"] == "true"
    if row["must_meet"]:
        rebuilt["must_meet"] = {"count": int(row["must_meet"]), "source": row["must_meet_source"]}
    for kind, ids, sources, windows in (
        ("requirements", "requirement_ids", "requirement_sources", "requirement_windows"),
        ("documentation", "documentation_ids", "documentation_sources", "documentation_windows"),
    ):
        if row[kind]:
            rebuilt[kind] = items_from_cells(row[kind], row[ids], row[sources], row[windows])
    for key in ("window", "depends_on", "audited_responses"):
        if row[key]:
            rebuilt[key] = json.loads(row[key])
    if row["notes"]:
        rebuilt["notes"] = split_lines(row["notes"])
    return rebuilt


def group_from_row(row: dict) -> dict:
    rebuilt = {"id": row["group"], "name": row["group_name"], "definition": row["group_definition"]}
    if row["group_definition_source"]:
        rebuilt["definition_source"] = row["group_definition_source"]
    if row["group_benchmark_percent"]:
        rebuilt["benchmark"] = {
            "all_applicants_percent": int(row["group_benchmark_percent"]),
            "source": row["group_benchmark_source"],
        }
        if row["group_benchmark_one_band_percent"]:
            rebuilt["benchmark"]["one_band_percent"] = int(row["group_benchmark_one_band_percent"])
    if row["group_notes"]:
        rebuilt["notes"] = split_lines(row["group_notes"])
    return rebuilt


def test_criteria_csv_rows(downloads, content):
    rows = csv_rows(downloads)
    expected = list(all_criteria(content))
    assert len(expected) == 95
    assert len(rows) == len(expected)
    by_id = {row["id"]: row for row in rows}
    assert len(by_id) == len(rows), "duplicate ids in criteria.csv"
    for edition, group, criterion in expected:
        cid = criterion["id"]
        assert cid in by_id, f"criteria.csv has no row for {cid}"
        row = by_id[cid]
        assert row["edition"] == edition["id"], cid
        assert row["group"] == group["id"], cid
        assert row["statement"] == criterion["statement"], cid
        must_meet = criterion.get("must_meet")
        assert row["must_meet"] == (str(must_meet["count"]) if must_meet else ""), cid


def test_every_criteria_json_field_survives_in_the_csv(downloads):
    """Each criterion and its group, rebuilt from the CSV alone, equal their entries in criteria.json."""
    data = json.loads((downloads / "criteria.json").read_text(encoding="utf-8"))
    rows = {row["id"]: row for row in csv_rows(downloads)}
    for edition in data["editions"]:
        for group in edition["groups"]:
            for criterion in group["criteria"]:
                row = rows[criterion["id"]]
                matches = criterion.get("matches")
                rebuilt = criterion_from_row(row)
                if matches:  # the CSV lists matches both ways; the JSON only the ones written on this side
                    assert set(matches) <= set(row["matches"].split()), criterion["id"]
                    rebuilt["matches"] = matches
                assert rebuilt == criterion, criterion["id"]
                assert group_from_row(row) == {k: v for k, v in group.items() if k != "criteria"}, group["id"]


def test_rdc4_options_are_in_the_csv(downloads, content):
    row = next(row for row in csv_rows(downloads) if row["id"] == "RDC4")
    rdc4 = next(c for _, _, c in all_criteria(content) if c["id"] == "RDC4")
    options = [option for item in rdc4["requirements"] for option in item.get("options", [])]
    assert len(options) == 4
    for option in options:
        assert f"\n  - {option}" in row["requirements"], option


def test_schemas_are_copied_byte_identical(downloads, root):
    schemas = sorted((root / SCHEMA_DIR).glob("*.schema.json"))
    assert len(schemas) >= 5
    for schema in schemas:
        copy = downloads / schema.name
        assert copy.is_file(), f"downloads/{schema.name} is missing"
        assert copy.read_bytes() == schema.read_bytes(), f"downloads/{schema.name} differs from {SCHEMA_DIR}"


def test_downloads_page_links_to_each(built_site, downloads, root):
    target = page(built_site, "downloads/")
    assert target.is_file()
    linked = set()
    for a in soup(target).find("article").find_all("a", href=True):
        file, _, _ = resolve(built_site, target, a["href"])
        if file is not None and file.is_file():
            linked.add(file)
    names = ["criteria.json", "criteria.csv", *(s.name for s in sorted((root / SCHEMA_DIR).glob("*.schema.json")))]
    missing = [name for name in names if downloads / name not in linked]
    assert not missing, f"the downloads page does not link to: {missing}"
