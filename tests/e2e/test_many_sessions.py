"""Many users at once on one server (a light run of benchmarks/load_sessions.py): five
browser sessions open the sample story together, each hides a different outlet, then all
switch pages; no session sees an error and each keeps its own filter."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest

from benchmarks.load_sessions import OUTLETS, run_sessions

pytestmark = pytest.mark.e2e


def test_five_sessions_at_once_each_keep_their_own_outlet_filter(app_url):
    # The async driver gets a thread of its own: the sync Playwright of the other e2e
    # tests may already own this thread's event loop.
    with ThreadPoolExecutor(max_workers=1) as pool:
        plan = pool.submit(asyncio.run, run_sessions(app_url, len(OUTLETS), 2)).result()
    assert {s.hidden for s in plan} == set(OUTLETS)
    assert [s.errors for s in plan] == [[] for _ in plan]
    assert all(len(s.pages) == 2 for s in plan)
