"""Malformed content: every case stops ``python -m macros.check`` with exit status 1, names the file,
the line and the field, and ends in no traceback. The build runs the same checks (a few real
builds in test_adv_builds.py confirm it).

Cases are generated from a few edits applied to a copy of the real content: each edit replaces the
first occurrence of ``old`` by ``new`` in ``file``; the expected line is the line of ``old`` plus
``delta``, or the line of ``at`` when given.
"""

from __future__ import annotations

import io
import shutil
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest

from helpers import copy_project
from macros import check, yamlfile

DG = "criteria/assessment-45/data-governance.yml"
EDITION = "criteria/assessment-45/edition.yml"
SOURCES = "criteria/sources.yml"
SEATTLE = "casestudies/seattle.yml"
DG_NAME = "name: Data Governance\n"
DG_TITLE = "    title: Comprehensive Data Inventory\n"
# The line DG_TITLE is on in the repository's file (a duplicate key's message names it).
DG_TITLE_LINE = (Path(__file__).resolve().parents[2] / DG).read_text(encoding="utf-8").split(DG_TITLE)[0].count(
    "\n"
) + 1
FIRST_SOURCE_TITLE = "    title: What Works Cities Certification report (a city's sample report)\n"


@dataclass
class Case:
    id: str
    file: str
    old: str | None  # None: append ``new`` at the end of the file
    new: str | bytes
    field: str
    message: str
    delta: int = 0
    at: str | None = None
    reported: str | None = None  # the file the problem names, when not ``file``
    whole: bool = False  # ``new`` replaces the whole file


def bomb(levels: int = 9) -> str:
    lines = ["lol0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"lol{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 10)}]" for n in range(1, levels)]
    return "\n".join(lines) + "\n"


def nested_block(depth: int) -> str:
    lines = ["name:"] + [f"{'  ' * (level + 1)}k{level}:" for level in range(depth)]
    return "\n".join(lines) + f"\n{'  ' * (depth + 1)}x\n"


def url_case(case_id: str, url: str) -> Case:
    return Case(
        f"url-{case_id}",
        SOURCES,
        FIRST_SOURCE_TITLE,
        FIRST_SOURCE_TITLE + f"    url: {url}\n",
        "sources[0].url",
        "must be an http:// or https:// address",
        delta=1,
    )


CASES = [
    # numbers
    Case(
        "nan",
        DG,
        "all_applicants_percent: 19",
        "all_applicants_percent: .nan",
        "benchmark.all_applicants_percent",
        "is not a finite number",
    ),
    Case(
        "inf",
        DG,
        "all_applicants_percent: 19",
        "all_applicants_percent: .inf",
        "benchmark.all_applicants_percent",
        "is not a finite number",
    ),
    Case(
        "minus-inf",
        DG,
        "all_applicants_percent: 19",
        "all_applicants_percent: -.Inf",
        "benchmark.all_applicants_percent",
        "is not a finite number",
    ),
    Case(
        "overflow-float",
        DG,
        "all_applicants_percent: 19",
        "all_applicants_percent: 1.0e+999",
        "benchmark.all_applicants_percent",
        "is not a finite number",
    ),
    Case("nan-count", DG, "count: 3", "count: .NaN", "criteria[0].must_meet.count", "is not a finite number"),
    Case("huge-int", DG, "count: 3", "count: 1" + "0" * 5000, "criteria[0].must_meet.count", "is not a valid int"),
    Case("nan-tier", EDITION, "min_percent: 51", "min_percent: .nan", "tiers[0].min_percent", "is not a finite number"),
    # tags
    Case(
        "binary",
        DG,
        DG_TITLE,
        "    title: !!binary Q29tcHJlaGVuc2l2ZQ==\n",
        "criteria[0].title",
        "YAML tag '!!binary' is not allowed",
    ),
    Case(
        "python-object",
        DG,
        DG_NAME,
        "name: !!python/object/apply:os.system ['true']\n",
        "name",
        "YAML tag '!!python/object/apply:os.system' is not allowed",
    ),
    Case(
        "python-name",
        DG,
        DG_NAME,
        "name: !!python/name:os.system\n",
        "name",
        "YAML tag '!!python/name:os.system' is not allowed",
    ),
    Case("custom-tag", DG, DG_NAME, "name: !include other.yml\n", "name", "YAML tag '!include' is not allowed"),
    Case("set", DG, "benchmark:\n", "benchmark: !!set\n", "benchmark", "YAML tag '!!set' is not allowed"),
    Case("omap", DG, "criteria:\n", "criteria: !!omap\n", "criteria", "YAML tag '!!omap' is not allowed"),
    # keys
    Case(
        "int-key",
        DG,
        DG_TITLE,
        DG_TITLE + "    1: one\n",
        "criteria[0]",
        "a mapping key must be text, not 1 (int)",
        delta=1,
    ),
    Case(
        "bool-key",
        DG,
        DG_TITLE,
        DG_TITLE + "    yes: x\n",
        "criteria[0]",
        "a mapping key must be text, not True (bool)",
        delta=1,
    ),
    Case(
        "null-key",
        DG,
        DG_TITLE,
        DG_TITLE + "    ~: x\n",
        "criteria[0]",
        "a mapping key must be text, not None",
        delta=1,
    ),
    Case(
        "mixed-keys",
        DG,
        DG_NAME,
        DG_NAME + "extra:\n  a: 1\n  2.5: 2\n",
        "extra",
        "a mapping key must be text, not 2.5 (float)",
        delta=3,
    ),
    Case(
        "list-key",
        DG,
        DG_TITLE,
        DG_TITLE + "    ? [a, b]\n    : x\n",
        "criteria[0]",
        "a mapping key must be text, not list",
        delta=1,
    ),
    Case(
        "mapping-key",
        DG,
        DG_TITLE,
        DG_TITLE + "    ? {a: 1}\n    : x\n",
        "criteria[0]",
        "a mapping key must be text, not dict",
        delta=1,
    ),
    Case(
        "duplicate-key",
        DG,
        DG_TITLE,
        DG_TITLE + "    title: Again\n",
        "criteria[0].title",
        f"duplicate key 'title' (first defined on line {DG_TITLE_LINE})",
        delta=1,
    ),
    Case(
        "bad-merge",
        DG,
        DG_TITLE,
        DG_TITLE + "    <<: 5\n",
        "criteria[0].<<",
        "a merge key (<<) needs a mapping",
        delta=1,
    ),
    # aliases and nesting
    Case("alias-bomb", DG, DG_NAME, DG_NAME + bomb(), "lol4", "more than 100000 values in one file", delta=5),
    Case("self-alias", DG, DG_NAME, "name: &n [*n]\n", "name[0]", "alias *n refers to no anchor &n defined before it"),
    Case("unknown-alias", DG, DG_NAME, "name: *nowhere\n", "name", "alias *nowhere refers to no anchor"),
    Case(
        "deep-flow", DG, DG_NAME, "name: " + "[" * 500 + "]" * 500 + "\n", "name[0]", "nested more than 24 levels deep"
    ),
    Case("deep-block", DG, DG_NAME, nested_block(40), "name.k0", "nested more than 24 levels deep", delta=24),
    # bytes, size, syntax, documents
    Case("control-char", DG, DG_NAME, "name: Data\x07Governance\n", "", "character #x0007 at column 11 is not allowed"),
    Case("bad-utf8", DG, DG_NAME, b"name: Data\xffGovernance\n", "", "byte 0xff at column 11 is not valid UTF-8"),
    Case("latin1", SEATTLE, "city: Seattle\n", b"city: S\xe9attle\n", "", "byte 0xe9 at column 8 is not valid UTF-8"),
    Case(
        "too-large",
        DG,
        None,
        "# " + "x" * 1_000_000 + "\n",
        "",
        "more than the limit of 1000000 bytes",
        at="# Data Governance",
    ),
    Case("syntax", DG, DG_NAME, "name: Data: Governance\n", "", "YAML syntax error"),
    Case("two-documents", DG, None, "---\nid: again\n", "", "holds one YAML document", at="\n---\n"),
    # text that is blank, or markup where a name goes
    Case(
        "blank-statement",
        DG,
        "    statement: >-\n",
        "    statement: '   '\n    statment_was: >-\n",
        "criteria[0].statement",
        "must contain text",
    ),
    Case("blank-name", DG, DG_NAME, 'name: "\\t "\n', "name", "must be non-blank text without < or >"),
    Case(
        "blank-requirement",
        DG,
        "        text: In the past 12 months, the inventory has been updated.",
        "        text: ' '",
        "criteria[0].requirements[1].text",
        "must contain text",
    ),
    Case("empty-lesson", SEATTLE, "lessons:\n", "lessons:\n  - ''\n", "lessons[0]", "must contain text", delta=1),
    Case("markup-in-name", DG, DG_NAME, "name: Data <b>Governance</b>\n", "name", "without < or >"),
    Case(
        "markup-in-city",
        SEATTLE,
        "city: Seattle\n",
        "city: Seattle</title><script>alert(1)</script>\n",
        "city",
        "without < or >",
    ),
    Case(
        "markup-in-tier-name",
        EDITION,
        "    name: Silver\n",
        "    name: <img src=x onerror=alert(1)>\n",
        "tiers[0].name",
        "without < or >",
    ),
    Case(
        "reference-not-an-id",
        DG,
        "definition_source: sample-certification-report",
        "definition_source: <b>x</b>",
        "definition_source",
        "must be an id",
    ),
    # URLs
    url_case("javascript", "javascript:alert(1)"),
    url_case("mixed-case-scheme", "JaVaScRiPt:alert(1)"),
    url_case("leading-space", "' javascript:alert(1)'"),
    url_case("data", "'data:text/html,<script>alert(1)</script>'"),
    url_case("vbscript", "vbscript:msgbox(1)"),
    url_case("protocol-relative", "//evil.example/x"),
    url_case("backslashes", "'\\\\evil.example\\x'"),
    url_case("quote-breakout", "'https://example.org/\" onmouseover=\"alert(1)'"),
    # tiers
    Case(
        "tiers-out-of-order",
        EDITION,
        "min_percent: 51",
        "min_percent: 70",
        "tiers",
        "tiers must be listed lowest first",
        at="tiers:",
    ),
    Case(
        "tiers-overlap",
        EDITION,
        "min_percent: 67",
        "min_percent: 51",
        "tiers",
        "tiers must be listed lowest first",
        at="tiers:",
    ),
    Case(
        "tier-unreachable",
        EDITION,
        "min_percent: 67",
        "min_percent: 51.1",
        "tiers[0].min_percent",
        "tier 'silver' can never be reached with 45 criteria",
        at="min_percent: 51",
    ),
    Case("tier-zero", EDITION, "min_percent: 51", "min_percent: 0", "tiers[0].min_percent", "exclusiveMinimum"),
    Case("tier-above-100", EDITION, "min_percent: 85", "min_percent: 101", "tiers[2].min_percent", "maximum"),
    # a file that is not the expected shape at all
    Case("empty-file", SEATTLE, None, "", "", "expected a mapping, found nothing", whole=True, at=""),
    Case(
        "list-instead-of-mapping",
        SEATTLE,
        None,
        "- city: Seattle\n",
        "",
        "expected a mapping, found a list",
        whole=True,
        at="-",
    ),
    Case(
        "text-instead-of-mapping",
        DG,
        None,
        "Data Governance\n",
        "",
        "expected a mapping, found a string",
        whole=True,
        at="Data",
    ),
    Case(
        "only-an-id",
        SEATTLE,
        None,
        "id: seattle\n",
        "",
        "missing required fields 'city', 'state'",
        whole=True,
        at="id:",
    ),
    Case(
        "criterion-is-text",
        DG,
        "  - id: DG1\n",
        "  - just text\n  - id: DG1\n",
        "criteria[0]",
        "expected a mapping, found a string",
    ),
    # page shells and nav
    Case(
        "shell-wrong-macro",
        "docs/criteria/open-data.md",
        "{{ group_page() }}",
        "{{ case_study_page() }}",
        "",
        "a page shell must contain only the line '{{ group_page() }}'",
    ),
    Case(
        "shell-extra-content",
        "docs/case-studies/seattle.md",
        None,
        "\nMore words.\n",
        "",
        "a page shell must contain only the line '{{ case_study_page() }}'",
        at="{{",
    ),
    Case(
        "shell-empty",
        "docs/criteria/open-data.md",
        "{{ group_page() }}",
        "",
        "",
        "a page shell must contain only the line",
    ),
    Case(
        "nav-missing-page",
        "mkdocs.yml",
        "      - case-studies/jackson.md\n",
        "",
        "nav",
        "docs/case-studies/jackson.md is not in the nav: add the line '- case-studies/jackson.md'",
        at="\nnav:\n",
    ),
    Case(
        "nav-missing-file",
        "mkdocs.yml",
        "      - case-studies/jackson.md\n",
        "      - case-studies/jackson.md\n      - case-studies/nowhere.md\n",
        "nav",
        "docs/case-studies/nowhere.md does not exist",
        delta=1,
    ),
    Case(
        "page-without-yaml",
        "docs/case-studies/nowhere.md",
        None,
        "{{ case_study_page() }}\n",
        "",
        "this page has no YAML file behind it",
        at="{{",
    ),
]


@pytest.fixture(scope="module")
def tree(root, tmp_path_factory):
    return copy_project(root, tmp_path_factory.mktemp("malformed"))


def line_of(text: str, needle: str) -> int:
    assert needle in text, needle
    return text[: text.index(needle)].count("\n") + 1 + (1 if needle.startswith("\n") else 0)


def apply(tree, case: Case) -> int:
    """Write the edited file; returns the line the problem must be reported on."""
    path = tree / case.file
    original = path.read_text(encoding="utf-8") if path.exists() else ""
    new = case.new if isinstance(case.new, str) else case.new.decode("latin-1")
    if case.whole:
        edited = new
    else:
        edited = original + new if case.old is None else original.replace(case.old, new, 1)
    if case.old is not None:
        assert case.old in original, f"{case.old!r} not in {case.file}"
    if isinstance(case.new, bytes):
        path.write_bytes(
            edited.encode("latin-1")
            if not original
            else original.replace(case.old, "\0", 1).encode("utf-8").replace(b"\0", case.new)
        )
    else:
        path.write_text(edited, encoding="utf-8")
    if case.at is not None:
        return line_of(edited, case.at)
    return line_of(original, case.old) + case.delta if case.old is not None else original.count("\n") + 1


def run_check(tree) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        status = check.main([str(tree)])  # an exception here is a traceback: the test fails
    return status, out.getvalue() + err.getvalue()


@pytest.fixture
def edited(tree, root):
    """Apply a case to the shared copy and put the file back afterwards."""
    touched = []

    def edit(case: Case) -> int:
        touched.append(case.file)
        return apply(tree, case)

    yield edit
    for relative in touched:
        source = root / relative
        if source.exists():
            shutil.copyfile(source, tree / relative)
        else:
            (tree / relative).unlink()


def test_there_are_at_least_forty_cases():
    assert len(CASES) >= 40 and len({case.id for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_malformed_input_is_reported_with_file_line_and_field(tree, edited, case):
    line = edited(case)
    status, output = run_check(tree)
    reported = case.reported or case.file
    assert status == 1, output
    assert "Traceback" not in output
    where = f"{reported}:{line}:"
    matching = [row.strip() for row in output.splitlines() if row.strip().startswith(where)]
    assert matching, f"no problem reported at {where}\n{output}"
    assert any(case.message in row for row in matching), output
    if case.field:
        assert any(f" at {case.field}" in row for row in matching if case.message in row), output


LOADER_CASE_IDS = {
    "nan",
    "huge-int",
    "binary",
    "python-object",
    "custom-tag",
    "set",
    "int-key",
    "list-key",
    "duplicate-key",
    "bad-merge",
    "alias-bomb",
    "self-alias",
    "unknown-alias",
    "deep-flow",
    "deep-block",
    "control-char",
    "bad-utf8",
    "too-large",
    "syntax",
    "two-documents",
}
YAML_CASES = [case for case in CASES if case.id in LOADER_CASE_IDS]


@pytest.mark.parametrize("case", YAML_CASES, ids=[case.id for case in YAML_CASES])
def test_the_pure_python_loader_reports_the_same(tree, edited, case):
    """libyaml's loader is the default; the fallback must find the same problem on the same line."""
    line = edited(case)
    problems = []
    for loader in (yamlfile.FAST_LOADER, yamlfile.PYTHON_LOADER):
        try:
            yamlfile.load_yaml(tree / case.file, case.file, loader)
            problems.append([])
        except yamlfile.ContentError as error:
            problems.append([str(problem) for problem in error.problems])
    # The two parsers word syntax errors differently; location and every other message must agree.
    comparable = [[row.split(" YAML syntax error")[0] for row in found] for found in problems]
    assert comparable[0] == comparable[1], problems
    assert any(row.startswith(f"{case.file}:{line}:") and case.message in row for row in problems[0]), problems[0]
