"""Shared fixtures: the repository root, one strict build of the site per test session, the browser.

Under pytest-xdist every worker is its own process with its own session, so a plain session fixture
would build the site once per worker. ``built_site`` instead builds into a folder shared by the whole
run (the parent of the workers' base temp folders), under a file lock: the first worker builds, the
others wait and reuse it. This is the pattern pytest-xdist documents for session-wide resources.
"""

from __future__ import annotations

import shutil
import sys
import zipfile
from pathlib import Path

import pytest
from helpers import CHROMIUM, CHROMIUM_ARGS, run_mkdocs_build, shared_build
from search_worker import without_search_worker

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from offline_zip import FOLDER_IN_ZIP, build_offline_zip  # noqa: E402


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright launches Debian's Chromium (helpers.CHROMIUM: ``playwright install`` cannot
    download browsers here; ``scripts/dev.sh test`` installs Debian's package)."""
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture
def context(context, request):
    """pytest-playwright's per-test context, without Material's search worker unless the test is marked
    ``search`` (tests/search_worker.py says why)."""
    return context if request.node.get_closest_marker("search") else without_search_worker(context)


def strict_build(folder: Path) -> tuple[bool, str]:
    result = run_mkdocs_build(ROOT / "mkdocs.yml", folder)
    return result.returncode == 0, f"strict build of the site failed:\n{result.stdout}\n{result.stderr}"


@pytest.fixture(scope="session")
def built_site(request, tmp_path_factory) -> Path:
    """The site built with ``mkdocs build --strict`` into a temporary folder (once per test run)."""
    return shared_build(request, tmp_path_factory, "site", strict_build)


def unzipped_offline_copy(folder: Path) -> tuple[bool, str]:
    archive = build_offline_zip(folder / "guide.zip")
    with zipfile.ZipFile(archive) as opened:
        opened.extractall(folder / "unzipped")
    return True, ""


@pytest.fixture(scope="session")
def offline_site(request, tmp_path_factory) -> Path:
    """The offline copy (``OFFLINE=true``: .html URLs, search inlined for file://) as the zip of
    ``scripts/dev.sh zip`` holds it, unzipped: its one folder. Built once per test run."""
    return shared_build(request, tmp_path_factory, "offline-zip", unzipped_offline_copy) / "unzipped" / FOLDER_IN_ZIP


SECOND_STANDARD = ROOT / "tests" / "fixtures" / "second-standard"
GUIDE_CODE = ("macros", "overrides", "main.py", "docs/assets")


def second_standard_build(folder: Path) -> tuple[bool, str]:
    """The fixture standard's content with the guide's code (macros, glue, theme, scripts), built strictly."""
    project = folder / "project"
    shutil.copytree(SECOND_STANDARD, project)
    for name in GUIDE_CODE:
        source, target = ROOT / name, project / name
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target)
    result = run_mkdocs_build(project / "mkdocs.yml", folder / "site")
    return result.returncode == 0, f"strict build of the second standard failed:\n{result.stdout}\n{result.stderr}"


@pytest.fixture(scope="session")
def second_standard_site(request, tmp_path_factory) -> Path:
    """The fixture standard of tests/fixtures/second-standard/ built into a site (once per test run)."""
    return shared_build(request, tmp_path_factory, "second-standard", second_standard_build) / "site"


def pytest_terminal_summary(terminalreporter):
    """Lines a test asked to show (``record_property("summary", ...)``), e.g. the payload suite's size;
    user properties travel from pytest-xdist workers to the process that prints."""
    lines = [value for reports in terminalreporter.stats.values() for report in reports
             for key, value in getattr(report, "user_properties", ()) if key == "summary"]
    for line in dict.fromkeys(lines):
        terminalreporter.write_line(line)
