"""Browser test fixtures: the built site served locally, and the guard against requests to other hosts.

The browser itself (Debian's Chromium, one per pytest-xdist worker) is set up in tests/conftest.py.
Each test gets pytest-playwright's fresh ``context`` and ``page``; a test file that shares a context
between its tests says why (``offsite.watched_context``).

- ``site_url``: the ``built_site`` fixture served over http://127.0.0.1:<free port>/ for the session.
- ``offsite_requests``: records every request that is not to the local site, from the test's
  ``context`` and from any context the test adds with ``.watch()``; the test fails at teardown if
  there was any (the guide must work with no network at all).
"""

from __future__ import annotations

import pytest

from helpers import served
from offsite import LOCAL_HOST, OffsiteGuard

# The self-check's shared-tab fixtures, visible to every test file here without an import of its own.
from sc_multi_helpers import offsite_watch, sc_page, shared_tab  # noqa: F401, E402
from sc_views import show_every_view


@pytest.fixture(scope="session")
def site_url(built_site):
    """Base URL (ending in "/") of the built site, served from a thread for the whole session."""
    with served(built_site, LOCAL_HOST) as url:
        yield url


@pytest.fixture
def offsite_requests():
    """The test's guard: fails the test at teardown if a watched context requested another host."""
    guard = OffsiteGuard()
    yield guard
    guard.check()


@pytest.fixture
def context(context, offsite_requests, request):
    """pytest-playwright's per-test context, watched by the test's ``offsite_requests`` guard; with
    every self-check view shown at once for a test marked ``every_view`` (see show_every_view)."""
    if request.node.get_closest_marker("every_view"):
        show_every_view(context)
    return offsite_requests.watch(context)
