"""Fetching one web page for "Add articles": public http(s) addresses only, with a timeout
and a size cap.

Not part of framing/: the library never touches the network; only this explicit user
action does. Which addresses may be fetched is decided by framing.io.check_fetch_url,
before the first request and again before every redirect, so that a public page cannot
redirect the dashboard to the machine itself or its local network.
"""

from __future__ import annotations

import time
from urllib.parse import urljoin

import urllib3
from trafilatura.utils import decode_file

from framing.io import LoadError, check_fetch_url

TIMEOUT_SECONDS = 10  # for the whole download, redirects included
MAX_PAGE_BYTES = 10_000_000
MAX_REDIRECTS = 5
REDIRECTS = (301, 302, 303, 307, 308)
_HTTP = urllib3.PoolManager(retries=False, headers={"User-Agent": "Slant (news framing)"})


class FetchError(Exception):
    """A URL that was refused or could not be fetched; str() is a one-line reason."""


def find_url_problem(url: str) -> str | None:
    """Why ``url`` may not be fetched (check_fetch_url's reason), or None."""
    try:
        check_fetch_url(url)
    except LoadError as error:
        return error.message
    return None


def _read_capped(response: urllib3.BaseHTTPResponse, deadline: float) -> bytes:
    chunks, size = [], 0
    for chunk in response.stream(2**16):
        size += len(chunk)
        if size > MAX_PAGE_BYTES:
            raise FetchError(f"the page is larger than {MAX_PAGE_BYTES:,} bytes")
        if time.monotonic() > deadline:
            raise FetchError(f"the page took longer than {TIMEOUT_SECONDS} s to download")
        chunks.append(chunk)
    return b"".join(chunks)


def fetch_html(url: str) -> str:
    """The page at ``url`` as HTML; raises FetchError with a one-line reason."""
    deadline = time.monotonic() + TIMEOUT_SECONDS
    for _ in range(MAX_REDIRECTS + 1):
        problem = find_url_problem(url)
        if problem:
            raise FetchError(problem)
        left = max(0.1, deadline - time.monotonic())
        try:
            response = _HTTP.request(
                "GET", url.strip(), redirect=False, preload_content=False, timeout=left
            )
        except urllib3.exceptions.HTTPError as error:
            raise FetchError(f"nothing could be downloaded from {url.strip()} ({error})") from None
        try:
            location = response.headers.get("Location")
            if response.status in REDIRECTS and location:
                url = urljoin(url.strip(), location)
                continue
            if response.status != 200:
                raise FetchError(f"{url.strip()} answered HTTP {response.status}")
            return decode_file(_read_capped(response, deadline))
        except urllib3.exceptions.HTTPError as error:
            raise FetchError(f"the download from {url.strip()} failed ({error})") from None
        finally:
            response.close()  # an unread body must not go back to the pool with its connection
            response.release_conn()
    raise FetchError(f"more than {MAX_REDIRECTS} redirects")
