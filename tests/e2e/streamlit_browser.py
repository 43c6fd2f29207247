"""Driving the app in a real browser: start/stop `streamlit run app.py`, launch Debian's
chromium through Playwright, wait for the script and for plotly. Shared by tests/e2e and
benchmarks/browser_timing.py and scripts/update_screenshot.py.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
]  # fmt: skip
IDLE = (
    '[data-testid="stApp"][data-test-script-state="notRunning"]'
    '[data-test-connection-state="CONNECTED"]'
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_streamlit(
    log_path: Path, env: dict[str, str], port: int | None = None
) -> tuple[subprocess.Popen, str]:
    """Start the app (on ``port``, else a free one) and wait until it answers its health
    check; returns (process, url)."""
    port = port or free_port()
    cmd = [
        sys.executable, "-m", "streamlit", "run", str(ROOT / "app.py"),
        "--server.headless", "true", "--server.port", str(port),
        "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none", "--server.runOnSave", "false",
    ]  # fmt: skip
    log = open(log_path, "w")  # noqa: SIM115 - closed by stop_streamlit via the process
    # No shell: proc.pid is streamlit itself, so stopping it stops exactly that process.
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited rc={proc.returncode}:\n{log_path.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as reply:
                if reply.status == 200 and reply.read().strip() == b"ok":
                    return proc, url
        except OSError:
            pass
        if time.monotonic() > deadline:
            stop_streamlit(proc)
            raise RuntimeError(f"streamlit not healthy after 60 s:\n{log_path.read_text()}")
        time.sleep(0.1)


def stop_streamlit(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()  # SIGTERM to this pid only
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


def launch_chromium(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def wait_idle(page, timeout: int = 60_000) -> None:
    """The script finished and the websocket is connected."""
    page.locator(IDLE).wait_for(timeout=timeout)


def wait_charts(page, count: int, timeout: int = 60_000) -> None:
    """``count`` plotly charts drawn (plotly draws ~1-2 s after the script finished)."""
    page.wait_for_function(
        "n => document.querySelectorAll('.js-plotly-plot .main-svg').length >= n "
        "&& document.querySelectorAll('[data-testid=\"stPlotlyChart\"]').length === n "
        "&& [...document.querySelectorAll('[data-testid=\"stPlotlyChart\"]')]"
        "   .every(c => c.querySelector('.js-plotly-plot .main-svg'))",
        arg=count,
        timeout=timeout,
    )


def wait_tables(page, count: int, timeout: int = 60_000) -> None:
    """``count`` tables (st.dataframe) on the page, each drawn on its canvas."""
    page.wait_for_function(
        "n => [...document.querySelectorAll('[data-testid=\"stDataFrame\"]')]"
        "   .filter(t => t.querySelector('canvas')).length === n",
        arg=count,
        timeout=timeout,
    )


def full_page_screenshot(page, path: Path) -> None:
    """Streamlit scrolls inside stMain: grow the viewport to the content, then shoot."""
    path.parent.mkdir(parents=True, exist_ok=True)
    viewport = page.viewport_size
    height = page.evaluate(
        """() => Math.max(document.documentElement.scrollHeight,
        ...[...document.querySelectorAll('[data-testid="stMain"],[data-testid="stSidebarContent"]')]
           .map(e => e.scrollHeight))"""
    )
    page.set_viewport_size({"width": viewport["width"], "height": max(viewport["height"], height)})
    page.wait_for_timeout(800)  # let plotly re-layout to the new size
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size(viewport)


TABLE_ROW = 35  # pixels per row of a Streamlit table (and of its header)


def select_table_cell(page, row: int, column: int) -> None:
    """Select a cell of the page's first table (st.data_editor): a click on the row's
    first cell, then arrows to the right."""
    grid = page.locator('[data-testid="stDataFrame"]').first
    grid.locator("canvas").first.wait_for()
    page.wait_for_timeout(1000)  # the grid lays out its rows after the canvas appears
    box = grid.bounding_box()
    page.mouse.click(box["x"] + 30, box["y"] + TABLE_ROW * (row + 1) + TABLE_ROW / 2)
    for _ in range(column):
        page.keyboard.press("ArrowRight")


def type_in_table_cell(page, row: int, column: int, text: str) -> None:
    """Open a cell's editor (Enter on the selected cell), type, commit. The table is drawn
    again after every change; a click that lands while it is being replaced is tried
    again."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    editor = page.locator("textarea.gdg-input")
    for _ in range(3):
        select_table_cell(page, row, column)
        page.keyboard.press("Enter")
        try:
            editor.wait_for(timeout=5_000)
            break
        except PlaywrightTimeout:
            page.keyboard.press("Escape")
            wait_idle(page)
    editor.fill(text)
    page.keyboard.press("Enter")
