"""Hostile files and paths: links, special files, paths out of the repository, text amplified by aliases.

Each case is refused with a sentence naming the file (no traceback), reads nothing outside the
repository and writes nothing there, and never reads more than the file size limit.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from helpers import copy_project, run_mkdocs_build
from macros.content import MAX_TOTAL_TEXT_CHARS, load_content
from macros.errors import ContentError
from macros.glue import content_fingerprint
from macros.safefiles import LINK_REFUSED
from macros.yamlfile import MAX_TEXT_CHARS

SECRET = "wwc-secret-outside-the-repository"


@pytest.fixture
def tree(root, tmp_path):
    """criteria/ and casestudies/ copied into tmp_path/repo, with a folder outside it beside."""
    repo = tmp_path / "repo"
    for folder in ("criteria", "casestudies"):
        shutil.copytree(root / folder, repo / folder)
    (tmp_path / "outside").mkdir()
    return repo


def problems(repo) -> list[str]:
    with pytest.raises(ContentError) as raised:
        load_content(repo)
    return [str(problem) for problem in raised.value.problems]


def test_a_link_to_a_text_file_outside_is_refused_and_not_read(tree):
    secret = tree.parent / "outside" / "notes.yml"
    secret.write_text(f"{SECRET}: 1\n", encoding="utf-8")
    (tree / "casestudies" / "leak.yml").symlink_to(secret)
    found = problems(tree)
    assert found == [f"casestudies/leak.yml: {LINK_REFUSED}"]
    assert SECRET not in "\n".join(found)


def test_a_link_to_a_valid_case_study_outside_is_not_published(tree):
    outside = tree.parent / "outside" / "elsewhere.yml"
    outside.write_text(
        (tree / "casestudies" / "seattle.yml").read_text(encoding="utf-8").replace("id: seattle", "id: elsewhere"),
        encoding="utf-8",
    )
    (tree / "casestudies" / "elsewhere.yml").symlink_to(outside)
    assert problems(tree) == [f"casestudies/elsewhere.yml: {LINK_REFUSED}"]


def test_a_link_to_dev_zero_is_refused_without_reading_it(tree):
    (tree / "casestudies" / "zero.yml").symlink_to("/dev/zero")
    assert problems(tree) == [f"casestudies/zero.yml: {LINK_REFUSED}"]


def test_a_fifo_is_refused_without_waiting_for_a_writer(tree):
    os.mkfifo(tree / "casestudies" / "pipe.yml")
    assert problems(tree) == [
        ("casestudies/pipe.yml: is not a regular file (a folder, fifo, device or socket cannot be content)")
    ]


def test_link_loops_and_dangling_links_are_refused(tree):
    folder = tree / "casestudies"
    (folder / "a.yml").symlink_to(folder / "b.yml")
    (folder / "b.yml").symlink_to(folder / "a.yml")
    (folder / "gone.yml").symlink_to(tree.parent / "outside" / "missing.yml")
    assert problems(tree) == [f"casestudies/{name}: {LINK_REFUSED}" for name in ("a.yml", "b.yml", "gone.yml")]
    # What the build checks first (has any content file changed?) must not stumble on them either.
    assert content_fingerprint(tree, tree)


def test_a_linked_group_file_or_edition_folder_is_refused(tree):
    group = tree / "criteria/assessment-45/open-data.yml"
    shutil.move(group, tree.parent / "outside" / "open-data.yml")
    group.symlink_to(tree.parent / "outside" / "open-data.yml")
    assert problems(tree) == [f"criteria/assessment-45/open-data.yml: {LINK_REFUSED}"]
    edition = tree / "criteria/launch-50"
    shutil.move(edition, tree.parent / "outside" / "launch-50")
    edition.symlink_to(tree.parent / "outside" / "launch-50")
    assert f"criteria/editions.yml:4: at editions[1]: criteria/launch-50: {LINK_REFUSED}" in problems(tree)


def test_a_linked_content_folder_is_refused(tree):
    shutil.move(tree / "casestudies", tree.parent / "outside" / "casestudies")
    (tree / "casestudies").symlink_to(tree.parent / "outside" / "casestudies")
    assert problems(tree) == [f"casestudies: {LINK_REFUSED}"]


def aliased_notes(size: int, aliases: int) -> str:
    """A case study's notes: one string of ``size`` characters and ``aliases`` aliases to it."""
    return "link_notes:\n  - &long " + "x" * size + "\n" + "  - *long\n" * aliases


def test_a_long_string_repeated_by_aliases_is_refused_naming_the_file(tree):
    """The case from the issue: 200 KB of notes and 2,000 aliases to them (a 1.6 GB site before)."""
    path = tree / "casestudies" / "amplified.yml"
    path.write_text(aliased_notes(200_000, 2_000), encoding="utf-8")
    assert path.stat().st_size < 250_000
    assert problems(tree) == [
        (
            f"casestudies/amplified.yml:6: at link_notes[4]: more than {MAX_TEXT_CHARS} "
            "characters of text in one file (after expanding aliases): an alias repeats its "
            "whole value; write shorter text or fewer aliases"
        )
    ]


def test_the_whole_content_has_a_text_budget(tree):
    """Files each under the per-file budget, together over the guide's."""
    per_file = MAX_TEXT_CHARS - 100_000
    copies = MAX_TOTAL_TEXT_CHARS // per_file + 1
    for number in range(copies):
        (tree / "casestudies" / f"big-{number}.yml").write_text(aliased_notes(per_file // 4, 3), encoding="utf-8")
    found = problems(tree)
    over = [problem for problem in found if "the limit for the whole guide" in problem]
    assert len(over) == 1 and over[0].startswith("casestudies/big-"), found


def snapshot(folder) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.is_symlink()
    }


def run_scaffold(repo) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "macros.scaffold", str(repo)],
        cwd=repo,
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.slow
def test_a_hostile_editions_list_writes_nothing_outside_the_repository(root, tmp_path):
    """Scaffold and build with editions that point out of the repository: the parent folder is untouched."""
    repo = copy_project(root, tmp_path / "project")
    victims = []
    for name in ("victim", "absolute"):
        victim = tmp_path / "outside" / name
        shutil.copytree(root / "criteria/launch-50", victim)
        (victim / "unlisted-group.yml").write_text(
            (victim / "commit.yml").read_text(encoding="utf-8").replace("id: commit", "id: unlisted-group"),
            encoding="utf-8",
        )
        victims.append(victim)
    editions = repo / "criteria/editions.yml"
    editions.write_text(
        editions.read_text(encoding="utf-8") + f"  - ../../outside/victim\n  - {victims[1]}\n", encoding="utf-8"
    )
    before = {key: value for key, value in snapshot(tmp_path).items() if not key.startswith("project/")}
    scaffolded = run_scaffold(repo)
    site = tmp_path / "project" / "site"
    built = run_mkdocs_build(repo / "mkdocs.yml", site)
    after = {key: value for key, value in snapshot(tmp_path).items() if not key.startswith("project/")}
    assert after == before, "a file outside the repository was written"
    assert "Traceback" not in scaffolded.stdout + scaffolded.stderr, scaffolded.stderr
    output = built.stdout + built.stderr
    assert built.returncode != 0 and "Traceback" not in output, output
    assert "criteria/editions.yml:5: at editions[2]: '../../outside/victim' must be an id of lower-case" in output


@pytest.mark.slow
@pytest.mark.parametrize("link", ["/dev/zero", "loop", "dangling"])
def test_the_scaffold_and_the_build_refuse_a_linked_case_study(root, tmp_path, link):
    repo = copy_project(root, tmp_path / "project")
    path = repo / "casestudies" / "linked.yml"
    if link == "loop":
        path.symlink_to(path)
    elif link == "dangling":
        path.symlink_to(tmp_path / "missing.yml")
    else:
        path.symlink_to(link)
    scaffolded = run_scaffold(repo)
    assert "Traceback" not in scaffolded.stderr, scaffolded.stderr
    assert "content has problems" in scaffolded.stderr
    built = run_mkdocs_build(repo / "mkdocs.yml", tmp_path / "site")
    output = built.stdout + built.stderr
    assert built.returncode != 0 and "Traceback" not in output, output
    assert f"casestudies/linked.yml: {LINK_REFUSED}" in output


def test_a_page_shell_is_read_bounded_and_never_through_a_link(root, tmp_path):
    from macros.pages import SHELL_MAX_BYTES, check_page_shells

    repo = copy_project(root, tmp_path / "project")
    content = load_content(repo)
    shell = repo / "docs/case-studies/seattle.md"
    shell.unlink()
    shell.symlink_to("/dev/zero")
    big = repo / "docs/case-studies/jackson.md"
    big.write_text("{{ case_study_page() }}\n" + " " * SHELL_MAX_BYTES, encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        check_page_shells(content, repo / "docs")
    found = [str(problem) for problem in raised.value.problems]
    assert f"docs/case-studies/seattle.md: {LINK_REFUSED}" in found
    assert (
        f"docs/case-studies/jackson.md:1: the file is more than the limit of {SHELL_MAX_BYTES} bytes "
        "for one content file" in found
    )


@pytest.mark.parametrize(
    "relative",
    ["../outside/victim", "criteria/../../outside", "/etc/passwd", "criteria/./x.yml", "criteria\\..\\x.yml", ""],
)
def test_a_path_that_could_leave_the_repository_is_refused_before_any_read(tree, relative):
    from macros.safefiles import safe_path

    with pytest.raises(ContentError) as raised:
        safe_path(tree, relative)
    assert "is not a plain path inside the repository" in str(raised.value)
