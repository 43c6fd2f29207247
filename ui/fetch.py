"""Fetching one web page for "Add articles": public http(s) addresses only, with a timeout.

Not part of framing/: the library never touches the network; only this explicit user
action does.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

import trafilatura
from trafilatura.settings import use_config

TIMEOUT_SECONDS = 10


class FetchError(Exception):
    """A URL that was refused or could not be fetched; str() is a one-line reason."""


def find_url_problem(url: str) -> str | None:
    """Why ``url`` may not be fetched, or None. Refuses schemes other than http(s) and
    hosts that resolve to a private, loopback, link-local, reserved or multicast address
    (so the dashboard cannot be used to probe the machine's own network)."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https"):
        return f"only http and https addresses can be fetched, not {parts.scheme or 'this'!r}"
    if not parts.hostname:
        return "the address has no host name"
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        infos = socket.getaddrinfo(parts.hostname, port, proto=socket.IPPROTO_TCP)
    except (OSError, ValueError) as error:
        return f"cannot resolve {parts.hostname} (is this machine offline?): {error}"
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if not address.is_global or address.is_multicast:
            return f"{parts.hostname} resolves to a non-public address ({address})"
    return None


def fetch_html(url: str) -> str:
    """The page at ``url`` as HTML; raises FetchError with a one-line reason."""
    problem = find_url_problem(url)
    if problem:
        raise FetchError(problem)
    config = use_config()
    config.set("DEFAULT", "DOWNLOAD_TIMEOUT", str(TIMEOUT_SECONDS))
    html = trafilatura.fetch_url(url.strip(), config=config)
    if not html:
        raise FetchError(f"nothing could be downloaded from {url.strip()}")
    return html
