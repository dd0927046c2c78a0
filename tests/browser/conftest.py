"""Browser test fixtures: the built site served locally, and the guard against requests to other hosts.

The browser itself (Debian's Chromium) and pytest-playwright's per-test ``context`` are set up in
tests/conftest.py, for the adversarial suite too.

- ``site_url``: the ``built_site`` fixture served over http://127.0.0.1:<free port>/ for the session.
- ``offsite_requests``: records every request a page makes that is not to the local site; the test
  fails at teardown if there was any (the guide must work with no network at all).
"""

from __future__ import annotations

import pytest
from helpers import served
from offsite import LOCAL_HOST, OffsiteGuard


@pytest.fixture(scope="session")
def site_url(built_site):
    """Base URL (ending in "/") of the built site, served from a thread for the whole session."""
    with served(built_site, LOCAL_HOST) as url:
        yield url


@pytest.fixture
def offsite_requests(context):
    """Watches the test's browser context (``.watch()`` adds more); fails the test if any request left."""
    guard = OffsiteGuard()
    guard.watch(context)
    yield guard
    guard.check()
