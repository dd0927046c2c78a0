"""Fixtures of the adversarial suite: a copy of the content to break, and Chromium for payloads."""

from __future__ import annotations

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # The same browser as tests/browser/conftest.py (that conftest does not reach this folder).
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}



def pytest_configure(config):
    # Registered here so the suite needs no change to pytest.ini (deselect with -m "not slow").
    config.addinivalue_line("markers", "slow: builds a variant site and/or drives Chromium (a few seconds)")
