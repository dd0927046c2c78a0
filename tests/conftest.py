"""Shared fixtures: the repository root, one strict build of the site per test run, the browser.

Under pytest-xdist every worker is its own process with its own session, so a plain session fixture
would build the site once per worker. ``built_site`` instead builds into a folder shared by the whole
run (the parent of the workers' base temp folders), under a file lock: the first worker builds, the
others wait and reuse it. This is the pattern pytest-xdist documents for session-wide resources.
"""

from __future__ import annotations

import os
import shutil
import sys
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from helpers import CHROMIUM, CHROMIUM_ARGS, build_in_process, run_mkdocs_build, shared_build

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's end-of-life notice on every build
# Playwright's assertions wait up to 5 s by default; the machines that run the suite are shared with
# other work, and a test asserts what the page shows, not how fast.
expect.set_options(timeout=15_000)

from offline_zip import FOLDER_IN_ZIP, build_offline_zip  # noqa: E402


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright launches Debian's Chromium (helpers.CHROMIUM: ``playwright install`` cannot
    download browsers here; ``scripts/dev.sh test`` installs Debian's package)."""
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


def strict_build(folder: Path) -> tuple[bool, str]:
    ok, log = build_in_process(ROOT / "mkdocs.yml", folder)
    return ok, f"strict build of the site failed:\n{log}"


@pytest.fixture(scope="session")
def built_site(request, tmp_path_factory) -> Path:
    """The site built strictly, in-process, into a temporary folder (once per test run)."""
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
    lines = [
        value
        for reports in terminalreporter.stats.values()
        for report in reports
        for key, value in getattr(report, "user_properties", ())
        if key == "summary"
    ]
    for line in dict.fromkeys(lines):
        terminalreporter.write_line(line)
