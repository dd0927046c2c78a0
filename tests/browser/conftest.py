"""Browser test fixtures: Debian's Chromium driven by Playwright, the built site served locally.

- ``browser_type_launch_args``: pytest-playwright launches /usr/bin/chromium (``playwright install``
  cannot download browsers here; CI installs Debian's chromium with apt-get).
- ``site_url``: the ``built_site`` fixture served over http://127.0.0.1:<free port>/ for the session.
- ``offsite_requests``: records every request a page makes that is not to the local site; the test
  fails at teardown if there was any (the guide must work with no network at all).
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from helpers import CHROMIUM, CHROMIUM_ARGS, served

LOCAL_HOST = "127.0.0.1"
# Schemes that never leave the browser: the site opened from disk, exports (blob:), inline data.
LOCAL_SCHEMES = {"file", "blob", "data", "about"}


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def site_url(built_site):
    """Base URL (ending in "/") of the built site, served from a thread for the whole session."""
    with served(built_site, LOCAL_HOST) as url:
        yield url


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in LOCAL_SCHEMES or (parts.scheme in {"http", "https", "ws"} and parts.hostname == LOCAL_HOST)


class OffsiteGuard(list):
    """URLs of requests that would leave the machine, from every browser context it watches."""

    def watch(self, context):
        context.on("request", lambda request: None if is_local(request.url) else self.append(request.url))
        return context


@pytest.fixture
def offsite_requests(context):
    """Watches the test's browser context (``.watch()`` adds more); fails the test if any request left."""
    guard = OffsiteGuard()
    guard.watch(context)
    yield guard
    assert not guard, f"requests to other hosts: {list(guard)}"
