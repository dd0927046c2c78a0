"""Fixtures of the adversarial suite: a copy of the content to break, and Chromium for payloads."""

from __future__ import annotations

import shutil

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]
PROJECT_PARTS = ("criteria", "casestudies", "docs", "macros")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # The same browser as tests/browser/conftest.py (that conftest does not reach this folder).
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


def copy_project(root, target):
    """What a build needs: content, pages, the macros package, main.py and mkdocs.yml."""
    for folder in PROJECT_PARTS:
        shutil.copytree(root / folder, target / folder, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("main.py", "mkdocs.yml"):
        shutil.copy(root / name, target / name)
    return target


def pytest_configure(config):
    # Registered here so the suite needs no change to pytest.ini (deselect with -m "not slow").
    config.addinivalue_line("markers", "slow: builds a variant site and/or drives Chromium (a few seconds)")
