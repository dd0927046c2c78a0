"""Every string field the JSON Schemas define, found by walking a schema alongside the data.

A field is named by the schema it lives in and its path with list positions and free mapping
keys generalised, e.g. ``group:criteria[].requirements[].text``. A new field in a schema is
picked up by these walkers without any change here.
"""

from __future__ import annotations

import re
from pathlib import Path

from macros.validation import schema, schema_files


# Which schema validates which YAML file (the same assignment macros/content.py makes).
def schema_name_for(relative: str) -> str:
    if relative == "criteria/sources.yml":
        return "sources"
    if relative == "criteria/editions.yml":
        return "editions"
    if relative == "criteria/resources.yml":
        return "resources"
    if relative.startswith("criteria/") and relative.endswith("/edition.yml"):
        return "edition"
    if relative.startswith("criteria/"):
        return "group"
    if relative.startswith("casestudies/"):
        return "casestudy"
    raise ValueError(relative)


def content_files(root: Path) -> list[str]:
    files = [p.relative_to(root).as_posix() for p in sorted((root / "criteria").rglob("*.yml"))]
    return files + [p.relative_to(root).as_posix() for p in sorted((root / "casestudies").glob("*.yml"))]


def resolve(node: dict, top: dict) -> dict:
    while "$ref" in node:
        ref = node["$ref"]
        assert ref.startswith("#/"), f"only local $refs are followed: {ref}"
        target = top
        for part in ref[2:].split("/"):
            target = target[part]
        node = target
    return node


def schema_string_fields(name: str) -> dict[str, dict]:
    """Field name -> its schema, for every string the schema ``name`` defines."""
    top = schema(name)
    found = {}

    def walk(node, path, seen):
        node = resolve(node, top)
        if id(node) in seen:
            return
        seen = seen | {id(node)}
        if node.get("type") == "string":
            found[f"{name}:{path}"] = node
        for key, child in node.get("properties", {}).items():
            walk(child, f"{path}.{key}" if path else key, seen)
        if isinstance(node.get("items"), dict):
            walk(node["items"], f"{path}[]", seen)
        if isinstance(node.get("additionalProperties"), dict):
            walk(node["additionalProperties"], f"{path}.*", seen)

    walk(top, "", frozenset())
    return found


def all_string_fields() -> dict[str, dict]:
    fields = {}
    for path in schema_files():
        name = path.name[: -len(".schema.json")]
        if name != "self-check-export":  # the self-check's export format, not content
            fields.update(schema_string_fields(name))
    return fields


def accepts(field_schema: dict, value: str) -> bool:
    if "enum" in field_schema and value not in field_schema["enum"]:
        return False  # a fixed list of words (e.g. a window's anchor) takes no payload
    pattern = field_schema.get("pattern")
    return pattern is None or re.search(pattern, value) is not None


def fill_strings(data, name: str, choose, add_missing: bool = True):
    """Replace every string value the schema types as a string by ``choose(field, schema, old)``.

    ``choose`` returns the new value, or None to keep the old one. With ``add_missing``, optional
    string (and list-of-string) properties absent from an object are added too, so a field no
    file uses yet is still exercised. Returns the data (changed in place).
    """
    top = schema(name)

    def walk(value, node, path):
        node = resolve(node, top)
        if node.get("type") == "string" and isinstance(value, str):
            new = choose(f"{name}:{path}", node, value)
            return value if new is None else new
        if isinstance(value, dict):
            properties = node.get("properties", {})
            for key in list(value):
                child = properties.get(key, node.get("additionalProperties"))
                if isinstance(child, dict):
                    part = key if key in properties else "*"
                    value[key] = walk(value[key], child, f"{path}.{part}" if path else part)
            if add_missing:
                for key, child in properties.items():
                    if key in value:
                        continue
                    child = resolve(child, top)
                    field = f"{path}.{key}" if path else key
                    if child.get("type") == "string":
                        new = choose(f"{name}:{field}", child, None)
                        if new is not None:
                            value[key] = new
                    elif child.get("type") == "array" and resolve(child.get("items", {}), top).get("type") == "string":
                        new = choose(f"{name}:{field}[]", resolve(child["items"], top), None)
                        if new is not None:
                            value[key] = [new]
            return value
        if isinstance(value, list) and isinstance(node.get("items"), dict):
            return [walk(item, node["items"], f"{path}[]") for item in value]
        return value

    return walk(data, top, "")
