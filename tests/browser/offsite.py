"""The guard that fails a browser test if a page requested anything from another host.

The guide must work with no network at all, so every browser context a test uses is watched: the
``offsite_requests`` fixture (tests/browser/conftest.py) watches pytest-playwright's per-test context
and any context a test opens itself; ``watched_context`` watches a context that several tests share.
"""

from __future__ import annotations

import contextlib
from urllib.parse import urlsplit

LOCAL_HOST = "127.0.0.1"
# Schemes that never leave the browser: the site opened from disk, exports (blob:), inline data.
LOCAL_SCHEMES = {"file", "blob", "data", "about"}


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in LOCAL_SCHEMES or (parts.scheme in {"http", "https", "ws"} and parts.hostname == LOCAL_HOST)


class OffsiteGuard(list):
    """URLs of requests that would leave the machine, from every browser context it watches."""

    def watch(self, context):
        context.on("request", lambda request: None if is_local(request.url) else self.append(request.url))
        return context

    def check(self) -> None:
        """Fails with the URLs if any request left; the guard is empty again afterwards."""
        left = list(self)
        self.clear()
        assert not left, f"requests to other hosts: {left}"


@contextlib.contextmanager
def watched_context(browser, guard: OffsiteGuard | None = None, **options):
    """A browser context shared by several tests; fails at exit if anything in it requested another host
    (``guard``: to check it sooner too, e.g. after each test that uses the context).

    A fresh context per test is the default. The self-check's tests share one tab per module and reset
    it before each test (sc_multi_helpers.shared_tab), because that page has far more browser tests than
    any other; a module that shares a context says why at its top.
    """
    guard = OffsiteGuard() if guard is None else guard
    context = guard.watch(browser.new_context(**options))
    try:
        yield context
    finally:
        context.close()
    guard.check()
