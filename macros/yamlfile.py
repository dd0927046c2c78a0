"""Read a YAML file into plain data while remembering the line of every value.

Content arrives through pull requests, so a file is treated as untrusted input. The data is
built from the parser's event stream (not PyYAML's recursive composer), which lets every limit
be checked as the file is read, with the line it concerns:

- size: a file larger than MAX_FILE_BYTES is refused before parsing (at most that many bytes and one
  more are read: a fifo or a device is refused, see macros/safefiles.py);
- bytes: the file must be UTF-8; an undecodable byte is reported with its line and column;
- nesting: more than MAX_DEPTH levels of lists/mappings is refused (no RecursionError);
- aliases: allowed (merge keys need them) but every alias counts the values it expands to;
  more than MAX_VALUES values in a file is refused, so an alias bomb stops at once;
- text: the characters of every key and scalar count too, aliases by what they expand to; more
  than MAX_TEXT_CHARS in a file is refused (a long string repeated by aliases would fill the site);
- tags: only YAML's core types (text, integers, floats, booleans, null, dates, lists,
  mappings, the merge key ``<<``); ``!!binary``, ``!!python/...`` or ``!custom`` are refused
  with the tag named;
- numbers must be finite (``.nan`` and ``.inf`` are refused);
- mapping keys must be text, and a key may not appear twice (PyYAML silently keeps the last);
  a key given explicitly overrides one brought in by a merge key ``<<``, as YAML specifies.

libyaml's C parser is used when installed (same events, same line numbers, several times
faster); the pure-Python parser is the fallback.
"""

from __future__ import annotations

import copy
import math
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml.constructor import SafeConstructor

from .errors import ContentError, Problem, format_path
from .safefiles import read_bounded

MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 24
MAX_VALUES = 100_000
# Characters of text in one file after expanding aliases: a file's own text is below MAX_FILE_BYTES,
# so only aliases can reach it.
MAX_TEXT_CHARS = 1_000_000

PYTHON_LOADER = yaml.SafeLoader
FAST_LOADER = getattr(yaml, "CSafeLoader", None)
DEFAULT_LOADER = FAST_LOADER or PYTHON_LOADER

CORE = "tag:yaml.org,2002:"
STR, MERGE, TIMESTAMP = CORE + "str", CORE + "merge", CORE + "timestamp"
SCALAR_TAGS = {CORE + name for name in ("str", "int", "float", "bool", "null", "timestamp")}
MAPPING_TAGS = {None, "!", CORE + "map"}
SEQUENCE_TAGS = {None, "!", CORE + "seq"}
ALLOWED_TYPES = "text, numbers, true/false, null, dates, lists and mappings"


@dataclass
class YamlDocument:
    file: str
    data: object
    lines: dict[tuple, int] = field(default_factory=dict)
    text_chars: int = 0  # characters of keys and scalars, aliases expanded

    def line_of(self, path) -> int | None:
        """Line of the value at ``path``, or of its nearest ancestor that has one."""
        parts = tuple(path)
        while parts not in self.lines and parts:
            parts = parts[:-1]
        return self.lines.get(parts, 1)  # an empty file: its first line

    def problem(self, path, message: str) -> Problem:
        return Problem(self.file, self.line_of(path), format_path(path), message)


def load_yaml(path: Path, display_name: str, loader_class=None) -> YamlDocument:
    text = read_text(Path(path), display_name)
    document = YamlDocument(display_name, None)
    builder = _Builder(document)
    try:
        # The pure-Python reader checks every character when it is created: inside the try.
        builder.start(loader_class or DEFAULT_LOADER, text)
        document.data = builder.build()
        document.text_chars = builder.chars
    except _Stop:
        pass
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        what = " ".join(part for part in (error.context, error.problem) if part)
        builder.problems.append(Problem(display_name, line, "", f"YAML syntax error: {what}"))
    except yaml.reader.ReaderError as error:
        line, column = line_and_column(text, error.position)
        builder.problems.append(
            Problem(
                display_name,
                line,
                "",
                f"character #x{error.character:04x} at column "
                f"{column} is not allowed in YAML (remove it, or write it as an escape "
                "such as \\t inside double quotes)",
            )
        )
    except yaml.YAMLError as error:
        builder.problems.append(Problem(display_name, None, "", f"YAML error: {error}"))
    finally:
        builder.dispose()
    if builder.problems:
        raise ContentError(builder.problems)
    return document


def read_text(path: Path, display_name: str) -> str:
    """The file's text; too large, unreadable or non-UTF-8 files are refused with a location."""
    data = read_bounded(path, display_name, MAX_FILE_BYTES)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise ContentError(
            [
                Problem(
                    display_name,
                    line,
                    "",
                    f"byte 0x{data[error.start]:02x} at column {column} is not valid UTF-8 (save the file as UTF-8)",
                )
            ]
        ) from None


def line_and_column(text: str, position: int) -> tuple[int, int]:
    line = text.count("\n", 0, position) + 1
    return line, position - (text.rfind("\n", 0, position) + 1) + 1


def tag_name(tag: str) -> str:
    return "!!" + tag[len(CORE) :] if tag.startswith(CORE) else tag


class _Stop(Exception):
    """The file cannot be read further (a limit was hit); its problems are already recorded."""


class _Invalid:
    """Placeholder for a value or key that was refused; never reaches the returned data."""


INVALID = _Invalid()


@dataclass
class _Mapping:
    path: tuple
    anchor: str | None
    start_count: int
    start_chars: int
    explicit: dict = field(default_factory=dict)
    merged: list = field(default_factory=list)
    key: object = None
    key_line: int = 0
    has_key: bool = False

    def child_path(self) -> tuple:
        if not self.has_key:
            return self.path + ("<key>",)
        if self.key is MERGE or self.key is INVALID:
            return self.path + ("<<",) if self.key is MERGE else self.path + ("<invalid key>",)
        return self.path + (self.key,)


@dataclass
class _Sequence:
    path: tuple
    anchor: str | None
    start_count: int
    start_chars: int
    items: list = field(default_factory=list)

    def child_path(self) -> tuple:
        return self.path + (len(self.items),)


class _Builder:
    def __init__(self, document: YamlDocument):
        self.loader = None
        self.document = document
        self.problems: list[Problem] = []
        self.anchors: dict[str, tuple[object, int]] = {}
        self.count = 0
        self.chars = 0
        self.stack: list = []

    def start(self, loader_class, text: str) -> None:
        self.loader = loader_class(text)

    def dispose(self) -> None:
        if self.loader is not None:
            self.loader.dispose()

    # --- reporting ----------------------------------------------------------------------------

    def report(self, line: int, path: tuple, message: str) -> None:
        self.problems.append(Problem(self.document.file, line, format_path(path), message))

    def stop(self, line: int, path: tuple, message: str):
        self.report(line, path, message)
        raise _Stop()

    def count_values(self, amount: int, line: int, path: tuple) -> None:
        self.count += amount
        if self.count > MAX_VALUES:
            self.stop(
                line,
                path,
                f"more than {MAX_VALUES} values in one file (after expanding aliases): "
                "remove repeated aliases or split the file",
            )

    def count_chars(self, amount: int, line: int, path: tuple) -> None:
        self.chars += amount
        if self.chars > MAX_TEXT_CHARS:
            self.stop(
                line,
                path,
                f"more than {MAX_TEXT_CHARS} characters of text in one file (after expanding "
                "aliases): an alias repeats its whole value; write shorter text or fewer aliases",
            )

    # --- the event loop -----------------------------------------------------------------------

    def build(self):
        get = self.loader.get_event
        get()  # StreamStart
        if self.loader.check_event(yaml.StreamEndEvent):
            return None
        get()  # DocumentStart
        data = self.value_tree()
        get()  # DocumentEnd
        if self.loader.check_event(yaml.DocumentStartEvent):
            event = get()
            self.report(
                event.start_mark.line + 1,
                (),
                "a content file holds one YAML document; remove the second one (after '---')",
            )
        return None if data is INVALID else data

    def value_tree(self):
        """Build the document's root value from events, iteratively (any depth cannot recurse)."""
        while True:
            event = self.loader.get_event()
            line = event.start_mark.line + 1
            path = self.stack[-1].child_path() if self.stack else ()
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                self.open(event, line, path)
                continue
            if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                frame = self.stack.pop()
                value = self.close(frame)
                line = self.document.lines.get(frame.path, line)
            elif isinstance(event, yaml.AliasEvent):
                value = self.alias(event, line, path)
            else:
                value = self.scalar(event, line, path)
            if not self.stack:
                return value
            self.deliver(value, line)

    def record_line(self, path: tuple, line: int) -> None:
        if not (self.stack and isinstance(self.stack[-1], _Mapping) and not self.stack[-1].has_key):
            self.document.lines.setdefault(path, line)

    def open(self, event, line: int, path: tuple) -> None:
        is_mapping = isinstance(event, yaml.MappingStartEvent)
        if event.tag not in (MAPPING_TAGS if is_mapping else SEQUENCE_TAGS):
            self.report(line, path, f"the YAML tag '{tag_name(event.tag)}' is not allowed (only {ALLOWED_TYPES})")
        if len(self.stack) >= MAX_DEPTH:
            self.stop(line, path, f"lists and mappings nested more than {MAX_DEPTH} levels deep")
        self.count_values(1, line, path)
        self.record_line(path, line)
        frame_class = _Mapping if is_mapping else _Sequence
        self.stack.append(frame_class(path, event.anchor, self.count, self.chars))

    def close(self, frame):
        if isinstance(frame, _Sequence):
            value = frame.items
        else:
            value = {}
            for source in frame.merged:
                for key, item in source.items():
                    value.setdefault(key, item)
            for key in value:
                if key not in frame.explicit:
                    self.document.lines.setdefault(frame.path + (key,), self.document.lines.get(frame.path + ("<<",)))
            value.update(frame.explicit)
        if frame.anchor is not None:
            self.anchors[frame.anchor] = (value, self.count - frame.start_count + 1, self.chars - frame.start_chars)
        return value

    def deliver(self, value, line: int) -> None:
        parent = self.stack[-1]
        if isinstance(parent, _Sequence):
            parent.items.append(value)
        elif not parent.has_key:
            parent.key, parent.key_line, parent.has_key = self.checked_key(parent, value, line), line, True
        else:
            self.set_entry(parent, value)
            parent.has_key = False

    def checked_key(self, mapping: _Mapping, key, line: int):
        if key is MERGE or key is INVALID:
            if key is MERGE:
                self.document.lines.setdefault(mapping.path + ("<<",), line)
            return key
        if not isinstance(key, str):
            shown = type(key).__name__ if isinstance(key, (dict, list)) else f"{key!r} ({type(key).__name__})"
            self.report(line, mapping.path, f"a mapping key must be text, not {shown}: put the key in quotes")
            return INVALID
        if key in mapping.explicit:
            first = self.document.lines.get(mapping.path + (key,))
            self.report(line, mapping.path + (key,), f"duplicate key '{key}' (first defined on line {first})")
            return INVALID
        self.document.lines[mapping.path + (key,)] = line
        return key

    def set_entry(self, mapping: _Mapping, value) -> None:
        if mapping.key is INVALID or value is INVALID:
            return
        if mapping.key is MERGE:
            sources = value if isinstance(value, list) else [value]
            if not all(isinstance(source, dict) for source in sources):
                self.report(
                    mapping.key_line,
                    mapping.path + ("<<",),
                    "a merge key (<<) needs a mapping or a list of mappings, e.g. '<<: *defaults'",
                )
                return
            mapping.merged.extend(sources)
            return
        mapping.explicit[mapping.key] = value

    def alias(self, event, line: int, path: tuple):
        if event.anchor not in self.anchors:
            self.report(
                line,
                path,
                f"alias *{event.anchor} refers to no anchor &{event.anchor} defined before it "
                "(an alias cannot refer to the value that contains it)",
            )
            return INVALID
        value, size, chars = self.anchors[event.anchor]
        self.count_values(size, line, path)
        self.count_chars(chars, line, path)
        self.record_line(path, line)
        # A copy, so that code changing one occurrence cannot change another; bounded by MAX_VALUES.
        return copy.deepcopy(value)

    def scalar(self, event, line: int, path: tuple):
        self.count_values(1, line, path)
        self.count_chars(len(event.value), line, path)
        in_key = bool(self.stack) and isinstance(self.stack[-1], _Mapping) and not self.stack[-1].has_key
        tag = event.tag
        if tag is None:
            tag = self.loader.resolve(yaml.ScalarNode, event.value, event.implicit)
        elif tag == "!":
            tag = STR
        if tag == MERGE:
            return MERGE if in_key else event.value
        if tag not in SCALAR_TAGS:
            self.report(line, path, f"the YAML tag '{tag_name(tag)}' is not allowed (only {ALLOWED_TYPES})")
            return INVALID
        value = self.construct(tag, event, line, path)
        self.record_line(path, line)
        if event.anchor is not None and value is not INVALID:
            self.anchors[event.anchor] = (value, 1, len(event.value))
        return value

    def construct(self, tag: str, event, line: int, path: tuple):
        if tag == TIMESTAMP:
            # Dates have no JSON Schema type; the schemas expect the text as written.
            return event.value
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, style=event.style)
        try:
            value = SafeConstructor.yaml_constructors[tag](self.loader, node)
        except (yaml.YAMLError, ValueError) as error:
            self.report(line, path, f"{event.value!r} is not a valid {tag_name(tag)[2:]}: {error}")
            return INVALID
        if isinstance(value, float) and not math.isfinite(value):
            self.report(line, path, f"{event.value!r} is not a finite number")
            return INVALID
        return value
