"""One browser context (and page) for a whole test module, watched like the ``offsite_requests`` fixture.

A fresh context and page per test cost about 0.14 s of CPU here and most tests of a module only read
pages: they share one context, and each test still navigates where it needs to. The context is
watched by the same ``OffsiteGuard`` as tests/browser/conftest.py's ``offsite_requests``: a request to
another host from any test of the module fails the module's last test at teardown.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

BROWSER_CONFTEST = Path(__file__).with_name("conftest.py")


def offsite_guard(config):
    """A new ``OffsiteGuard`` of tests/browser/conftest.py.

    Conftest modules cannot be imported by name (pytest registers each under its path and several are
    called ``conftest``): the plugin manager hands out the one loaded for this folder.
    """
    conftest = config.pluginmanager.get_plugin(str(BROWSER_CONFTEST))
    return conftest.OffsiteGuard()


@contextlib.contextmanager
def watched_context(browser, config, **options):
    """A browser context for a module; fails at exit if anything in it requested another host."""
    guard = offsite_guard(config)
    context = guard.watch(browser.new_context(**options))
    try:
        yield context
    finally:
        context.close()
    assert not guard, f"requests to other hosts: {list(guard)}"
