"""Fixtures of the adversarial suite: a copy of the content to break, and Chromium for payloads."""

from __future__ import annotations

import pytest
from helpers import CHROMIUM, CHROMIUM_ARGS


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # The same browser as tests/browser/conftest.py (which does not reach this folder): helpers.py.
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


def pytest_configure(config):
    # Registered here so the suite needs no change to pytest.ini (deselect with -m "not slow").
    config.addinivalue_line("markers", "slow: builds a variant site and/or drives Chromium (a few seconds)")
