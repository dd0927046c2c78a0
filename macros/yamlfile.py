"""Read a YAML file into plain data while remembering the line of every value.

PyYAML silently keeps the last of two equal keys; here a duplicate key is an error, and every
value's line is kept so schema and cross-reference errors can point at it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import ContentError, Problem, format_path


@dataclass
class YamlDocument:
    file: str
    data: object
    lines: dict[tuple, int] = field(default_factory=dict)

    def line_of(self, path) -> int | None:
        """Line of the value at ``path``, or of its nearest ancestor that has one."""
        parts = tuple(path)
        while parts not in self.lines and parts:
            parts = parts[:-1]
        return self.lines.get(parts)

    def problem(self, path, message: str) -> Problem:
        return Problem(self.file, self.line_of(path), format_path(path), message)


def load_yaml(path: Path, display_name: str) -> YamlDocument:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ContentError([Problem(display_name, None, "", f"cannot read the file: {error}")]) from None
    # libyaml's parser when PyYAML has it: the pure-Python one was most of the build's extra cost.
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    try:
        node = loader.get_single_node()
        document = YamlDocument(display_name, None)
        problems: list[Problem] = []
        document.data = _build(node, (), loader, document, problems) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        what = " ".join(part for part in (error.context, error.problem) if part)
        raise ContentError([Problem(display_name, line, "", f"YAML syntax error: {what}")]) from None
    except yaml.YAMLError as error:
        raise ContentError([Problem(display_name, None, "", f"YAML error: {error}")]) from None
    finally:
        loader.dispose()
    if problems:
        raise ContentError(problems)
    return document


def _build(node, path: tuple, loader, document: YamlDocument, problems: list[Problem]):
    document.lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        loader.flatten_mapping(node)
        result = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, (str, int, float, bool)) or key is None:
                problems.append(Problem(document.file, key_node.start_mark.line + 1, format_path(path),
                                        f"a mapping key must be a plain value, not {type(key).__name__}"))
                continue
            if key in result:
                first = document.lines.get(path + (key,))
                problems.append(Problem(document.file, key_node.start_mark.line + 1, format_path(path + (key,)),
                                        f"duplicate key '{key}' (first defined on line {first})"))
                continue
            document.lines[path + (key,)] = key_node.start_mark.line + 1
            result[key] = _build(value_node, path + (key,), loader, document, problems)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, path + (index,), loader, document, problems) for index, item in enumerate(node.value)]
    value = loader.construct_object(node, deep=True)
    # Dates and other rich scalars have no JSON Schema type; the schemas expect plain text.
    if not isinstance(value, (str, int, float, bool, type(None))):
        value = node.value
    return value
