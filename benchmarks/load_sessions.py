"""Many users on one server: N browser sessions open the sample story at once, each hides a
different outlet, then all switch pages together; every session must keep its own filter
and see no error. Reports sessions, errors and the server's memory (RSS) before, at its
peak and after the sessions closed. Not a test (tests/e2e/test_many_sessions.py runs a
light version of it).

    .venv/bin/python benchmarks/load_sessions.py [--sessions 20] [--pages 3] [--ttl 5]

One `streamlit run app.py` on 127.0.0.1 (a free port), one Debian chromium with one
Playwright context per session. Streamlit keeps a closed session for
server.disconnectedSessionTTL seconds (120 by default) in case its tab reconnects; --ttl
sets it (through STREAMLIT_SERVER_DISCONNECTED_SESSION_TTL) so that "after" can be measured
without waiting two minutes. Loopback only; every loop is bounded.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from playwright.async_api import async_playwright, expect

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "e2e")]

from streamlit_browser import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    IDLE,
    start_streamlit,
    stop_streamlit,
)

SAMPLE = "libya-ceasefire-2020"
OUTLETS = (
    "Outlet A (translated, video page)",
    "Outlet B (translated)",
    "Outlet C (dated 2020-02-22)",
    "Outlet D (relays Sputnik)",
    "Outlet E (reader-funded)",
)
# Pages a session visits after hiding its outlet, in turn from its own starting point.
PAGES = (
    "Labels", "Loaded terms", "Side by side", "Sentiment", "Readability",
    "Distinctive words", "Lexicon", "Methods", "Overview",
)  # fmt: skip
TIMEOUT_MS = 300_000  # 20 sessions on 2 shared cores: the first analysis and plotly are slow


@dataclass
class Session:
    index: int
    hidden: str
    pages: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def rss_kib(pid: int) -> dict[str, int]:
    """The process's resident memory now (VmRSS) and at its highest so far (VmHWM), KiB."""
    values = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = int(rest.split()[0])
    return values


async def _shown_outlets(page) -> set[str]:
    """The outlets in the sidebar filter, from the chips' "Remove ..." buttons."""
    box = page.locator('[data-testid="stSidebar"] [data-testid="stMultiSelect"]')
    names = await box.get_by_role("button").evaluate_all(
        "buttons => buttons.map(b => b.getAttribute('aria-label') || '')"
    )
    return {n.removeprefix("Remove ") for n in names if n.startswith("Remove ")}


async def _check_state(page, session: Session, where: str) -> None:
    expected = set(OUTLETS) - {session.hidden}
    shown = await _shown_outlets(page)
    if shown != expected:
        session.errors.append(f"{where}: filter shows {sorted(shown)}, expected {sorted(expected)}")
    if await page.locator('[data-testid="stException"]').count():
        session.errors.append(f"{where}: the page shows an exception")


async def run_session(browser, url: str, session: Session, start: asyncio.Barrier) -> None:
    """Open the sample story, hide this session's outlet, then visit its pages."""
    context = await browser.new_context(viewport={"width": 1280, "height": 800})
    context.set_default_timeout(TIMEOUT_MS)  # page loads and clicks queue behind the others
    try:
        page = await context.new_page()
        page.on("pageerror", lambda error: session.errors.append(f"page error: {error}"))
        await start.wait()  # every session loads at the same moment
        await page.goto(f"{url}/?story={SAMPLE}")
        await expect(page.get_by_role("heading", name="Overview", exact=True)).to_be_visible(
            timeout=TIMEOUT_MS
        )
        await page.locator(IDLE).wait_for(timeout=TIMEOUT_MS)
        sidebar = page.locator('[data-testid="stSidebar"]')
        await sidebar.get_by_role("button", name=f"Remove {session.hidden}", exact=True).click()
        cards = page.locator(".slant .card", has_text=session.hidden)
        await expect(cards).to_have_count(0, timeout=TIMEOUT_MS)
        await page.locator(IDLE).wait_for(timeout=TIMEOUT_MS)
        await _check_state(page, session, "overview")
        for name in session.pages:
            # Removing a chip focuses the filter, which can scroll the sidebar; the page
            # links then sit under its transparent sticky header, which takes the click.
            # A user scrolls back up to the links first, and so does this session.
            await page.locator('[data-testid="stSidebarContent"]').evaluate("e => e.scrollTo(0, 0)")
            await sidebar.get_by_role("link", name=name, exact=True).click()
            heading = page.get_by_role("heading", name=name, exact=True)
            await expect(heading).to_be_visible(timeout=TIMEOUT_MS)
            await page.locator(IDLE).wait_for(timeout=TIMEOUT_MS)
            await _check_state(page, session, name)
    except Exception as error:  # a timeout or a missing element is this session's error
        session.errors.append(f"{type(error).__name__}: {str(error).splitlines()[0]}")
    finally:
        await context.close()


async def _sample_peak(pid: int, peak: list[int], stop: asyncio.Event) -> None:
    while not stop.is_set():
        peak[0] = max(peak[0], rss_kib(pid)["VmRSS"])
        try:
            await asyncio.wait_for(stop.wait(), timeout=0.25)
        except TimeoutError:
            pass


async def run_sessions(url: str, sessions: int, pages: int) -> list[Session]:
    """``sessions`` sessions at once against the server at ``url``; each visits ``pages``
    pages after the Overview."""
    plan = [
        Session(i, OUTLETS[i % len(OUTLETS)], [PAGES[(i + k) % len(PAGES)] for k in range(pages)])
        for i in range(sessions)
    ]
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            start = asyncio.Barrier(sessions)
            await asyncio.gather(*(run_session(browser, url, s, start) for s in plan))
        finally:
            await browser.close()
    return plan


async def _round(url: str, pid: int, args: argparse.Namespace) -> dict:
    """One round of sessions: RSS before it, at its peak and once its sessions expired."""
    before = rss_kib(pid)["VmRSS"]
    peak = [before]
    stop = asyncio.Event()
    sampler = asyncio.create_task(_sample_peak(pid, peak, stop))
    started = time.monotonic()
    plan = await run_sessions(url, args.sessions, args.pages)
    seconds = time.monotonic() - started
    stop.set()
    await sampler
    await asyncio.sleep(args.ttl + args.pause)  # closed sessions expire, then settle
    now = rss_kib(pid)
    errors = [f"session {s.index}: {e}" for s in plan for e in s.errors]
    peak_kib = max(peak[0], now["VmHWM"])  # the kernel's high-water mark catches spikes
    return {"errors": errors, "seconds": seconds, "before": before, "peak": peak_kib,
            "after": now["VmRSS"]}  # fmt: skip


async def _measure(url: str, pid: int, args: argparse.Namespace) -> list[dict]:
    await run_sessions(url, 1, 1)  # warm-up: the analysis is cached from here on
    await asyncio.sleep(args.ttl + args.pause)
    return [await _round(url, pid, args) for _ in range(args.rounds)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--pages", type=int, default=3, help="pages each session switches to")
    parser.add_argument("--rounds", type=int, default=2, help="rounds of sessions, one by one")
    parser.add_argument("--ttl", type=int, default=5, help="server.disconnectedSessionTTL, s")
    parser.add_argument("--pause", type=float, default=10, help="s to wait after the TTL")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "SLANT_STORIES_DIR": str(Path(tmp) / "stories"),
            "STREAMLIT_SERVER_DISCONNECTED_SESSION_TTL": str(args.ttl),
        }
        proc, url = start_streamlit(Path(tmp) / "streamlit.log", env)
        try:
            idle = rss_kib(proc.pid)["VmRSS"]
            rounds = asyncio.run(_measure(url, proc.pid, args))
        finally:
            stop_streamlit(proc)
    mib = 1024
    print(f"Server RSS idle (no session yet): {idle / mib:.0f} MiB")
    print(
        "| round | sessions | pages each | errors | seconds | RSS before | RSS peak so far "
        f"| RSS {args.ttl + args.pause:.0f} s after closing |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for number, r in enumerate(rounds, 1):
        print(
            f"| {number} | {args.sessions} | {1 + args.pages} | {len(r['errors'])} "
            f"| {r['seconds']:.0f} | {r['before'] / mib:.0f} MiB | {r['peak'] / mib:.0f} MiB "
            f"| {r['after'] / mib:.0f} MiB |"
        )
    errors = [e for r in rounds for e in r["errors"]]
    for error in errors:
        print(f"- {error}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
