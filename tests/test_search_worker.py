"""The browser tests' inert search worker (tests/search_worker.py) stands in for Material's real one.

If Material renamed its worker, the stand-in would stop matching and every browser test would quietly
build the search index again; this says so instead.
"""

from __future__ import annotations

import json
import re

from helpers import html_pages, soup
from search_worker import SEARCH_WORKER_URL


def test_every_pages_search_worker_is_the_one_the_tests_leave_out(built_site):
    workers = {json.loads(soup(page).find(id="__config").string)["search"] for page in html_pages(built_site)}
    assert workers and all(re.search(SEARCH_WORKER_URL, worker) for worker in workers), workers
