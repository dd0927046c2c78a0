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


def test_criteria_csv_rows(downloads, content):
    text = (downloads / "criteria.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
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
        assert row["requirements"] == "\n".join(item["text"] for item in criterion.get("requirements", [])), cid
        assert row["documentation"] == "\n".join(item["text"] for item in criterion.get("documentation", [])), cid
        must_meet = criterion.get("must_meet")
        assert row["must_meet"] == (str(must_meet["count"]) if must_meet else ""), cid


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
