"""Material's search worker, left out of the browser tests whose subject is not search.

Every page of the guide starts Material's search worker, which builds a lunr index of the whole site
from search_index.json: about 100 ms of CPU per page load here (a third of what loading the self-check
costs), in every test, though only the search tests read it.
A context given to ``without_search_worker`` hands Material an inert worker in its place (matched by
the worker's file name; every other Worker is real). The page, its requests (the index is still
fetched, by the page) and its search box are unchanged: the box simply never becomes ready.

Tests whose subject is search or the site's pages as users get them keep the real worker: those of
test_site_pages.py and test_offline_zip.py, and tests marked ``search`` (tests/conftest.py gives
pytest-playwright's per-test ``context`` the inert worker otherwise). The self-check, case-study, phone
layout and payload tests use it.
"""

from __future__ import annotations

import json

from playwright.sync_api import BrowserContext

# Material's bundle creates it as new Worker(<the "search" URL of the page's #__config>), a file
# .../assets/javascripts/workers/search.<hash>.min.js (tests/test_search_worker.py checks the built pages).
SEARCH_WORKER_URL = r"/workers/search\.[^/]*\.js$"
INERT_SEARCH_WORKER = r"""
(() => {
  const RealWorker = window.Worker;
  if (!RealWorker) { return; }
  const searchWorker = new RegExp(%s);
  window.Worker = function Worker(url, options) {
    if (!searchWorker.test(String(url))) { return new RealWorker(url, options); }
    const inert = new EventTarget();
    inert.postMessage = () => {};
    inert.terminate = () => {};
    return inert;
  };
  window.Worker.prototype = RealWorker.prototype;
})();
""" % json.dumps(SEARCH_WORKER_URL)


def without_search_worker(context: BrowserContext) -> BrowserContext:
    """``context``, its pages from now on started without Material's search worker; returns it."""
    context.add_init_script(INERT_SEARCH_WORKER)
    return context
