"""Check YAML documents against the JSON Schemas in macros/schemas/ and turn errors into Problems."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import jsonschema

from .errors import Problem
from .yamlfile import YamlDocument

SCHEMA_DIR = Path(__file__).parent / "schemas"

# Patterns the schemas share, with what to tell an author whose value does not match.
TEXT_PATTERN = "\\S"
NAME_PATTERN = "^[^<>]*\\S[^<>]*$"
PATTERN_MESSAGES = {
    TEXT_PATTERN: "must contain text (it is empty or only spaces)",
    NAME_PATTERN: (
        "must be non-blank text without < or > (names also go into page titles, "
        "where a template filter would turn escaped brackets back into tags)"
    ),
    "^[a-z0-9]+(-[a-z0-9]+)*$": "must be an id of lower-case letters, digits and hyphens (e.g. my-area)",
}
URL_MESSAGE = (
    "must be an http:// or https:// address or a path on this site, with no spaces, quotes, "
    "< > ` or backslashes (javascript:, data: and other schemes are refused)"
)

JSON_TYPE_NAMES = {
    dict: "a mapping",
    list: "a list",
    str: "a string",
    bool: "true or false",
    int: "an integer",
    float: "a number",
    type(None): "nothing (null)",
}


@cache
def schema(name: str) -> dict:
    return json.loads((SCHEMA_DIR / f"{name}.schema.json").read_text(encoding="utf-8"))


def schema_files() -> list[Path]:
    return sorted(SCHEMA_DIR.glob("*.schema.json"))


@cache
def validator(name: str):
    return jsonschema.validators.validator_for(schema(name))(schema(name))


def schema_problems(document: YamlDocument, schema_name: str) -> list[Problem]:
    errors = sorted(
        validator(schema_name).iter_errors(document.data), key=lambda e: (list(map(str, e.absolute_path)), e.message)
    )
    problems = []
    for error in errors:
        for leaf in _leaf_errors(error):
            path, message = _describe(leaf)
            problem = document.problem(path, message)
            # jsonschema reports each missing required field separately; the message lists them all.
            if problem not in problems:
                problems.append(problem)
    return problems


def _leaf_errors(error):
    """For oneOf/anyOf, the branch errors say more than 'is not valid under any of the given schemas'."""
    if error.context:
        best = jsonschema.exceptions.best_match(error.context)
        return [best] if best is not None else [error]
    return [error]


def _describe(error) -> tuple[list, str]:
    path = list(error.absolute_path)
    kind = error.validator
    value = error.instance
    if kind == "type":
        expected = error.validator_value
        expected = " or ".join(expected) if isinstance(expected, list) else expected
        return (
            path,
            f"expected {_type_phrase(expected)}, found {JSON_TYPE_NAMES.get(type(value), type(value).__name__)}: {_short(value)}",
        )
    if kind == "required":
        missing = [name for name in error.validator_value if name not in value]
        return path, f"missing required field{'s' if len(missing) > 1 else ''} {', '.join(repr(m) for m in missing)}"
    if kind == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        unknown = sorted(key for key in value if key not in allowed)
        return path + unknown[:1], (
            f"unknown field{'s' if len(unknown) > 1 else ''} {', '.join(repr(u) for u in unknown)}"
            f" (expected one of: {', '.join(allowed)})"
        )
    if kind == "pattern":
        return path, f"{_short(value)} {_pattern_message(error.validator_value)}"
    if kind == "enum":
        return path, f"{_short(value)} is not one of: {', '.join(map(str, error.validator_value))}"
    if kind in ("minItems", "maxItems", "minLength", "minimum", "maximum", "exclusiveMinimum", "minProperties"):
        return path, f"expected {kind} {error.validator_value}: {error.message}"
    if kind == "uniqueItems":
        return path, f"items must be unique: {_short(value)}"
    return path, error.message


def _pattern_message(pattern: str) -> str:
    if pattern in PATTERN_MESSAGES:
        return PATTERN_MESSAGES[pattern]
    if pattern.startswith("^(https?://"):
        return URL_MESSAGE
    return f"does not have the expected form (pattern {pattern})"


def _type_phrase(expected: str) -> str:
    phrases = {
        "object": "a mapping",
        "array": "a list",
        "string": "a string",
        "integer": "an integer",
        "number": "a number",
        "boolean": "true or false",
        "null": "nothing",
    }
    return " or ".join(phrases.get(part.strip(), part) for part in expected.split(" or "))


def _short(value) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
