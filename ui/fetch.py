"""Fetching one web page for "Add articles": public http(s) addresses only, with a timeout
and a size cap.

Not part of framing/: the library never touches the network; only this explicit user
action does. Which addresses may be fetched is decided by ``check_fetch_url``, before the
first request and again before every redirect, so that a public page cannot redirect the
dashboard to the machine itself or its local network.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from urllib.parse import urljoin, urlsplit

import urllib3
from trafilatura.utils import decode_file

FETCH_SCHEMES = ("http", "https")
# IPv6 ranges that carry an IPv4 address in their last 32 bits (NAT64).
_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))
TIMEOUT_SECONDS = 10  # for the whole download, redirects included
MAX_PAGE_BYTES = 10_000_000
MAX_REDIRECTS = 5
REDIRECTS = (301, 302, 303, 307, 308)
_HTTP = urllib3.PoolManager(retries=False, headers={"User-Agent": "Slant (news framing)"})


class FetchError(Exception):
    """A URL that was refused or could not be fetched; str() is a one-line reason."""


def check_fetch_url(url: str) -> str:
    """``url`` without surrounding blanks when it may be fetched: http or https, a host,
    no user name or password, and every address the host resolves to is public. Raises
    FetchError naming the address otherwise: other schemes (file:, javascript:, data:) and
    private, loopback, link-local, shared, reserved, multicast or unspecified addresses
    (also inside IPv4-mapped, 6to4 and NAT64 IPv6 addresses), so that a fetch cannot reach
    the machine itself or its local network. IP literals and names in /etc/hosts resolve
    without a network; other names use the system resolver."""
    url = url.strip()
    if not url:
        raise FetchError("no web address given")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        raise FetchError(f"is not a valid web address ({error})") from None
    scheme = parts.scheme.lower()
    if scheme not in FETCH_SCHEMES:
        shown = f"{scheme}:" if scheme else "an address without http:// or https://"
        raise FetchError(f"only http and https addresses can be fetched, not {shown}")
    host = parts.hostname
    if not host:
        raise FetchError("has no host name")
    if parts.username is not None or parts.password is not None:
        raise FetchError("addresses with a user name or password are not fetched")
    try:
        infos = socket.getaddrinfo(host, port or 443, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError) as error:
        reason = getattr(error, "strerror", None) or error
        raise FetchError(f"the host {host} cannot be resolved ({reason})") from None
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if not _is_public(address):
            raise FetchError(
                f"{host} resolves to a non-public address ({address}); private, local and "
                "reserved addresses are not fetched",
            )
    return url


def _is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    inner: list[ipaddress.IPv4Address] = []
    if isinstance(address, ipaddress.IPv6Address):
        inner = [a for a in (address.ipv4_mapped, address.sixtofour) if a is not None]
        if any(address in network for network in _NAT64):
            inner.append(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
    return all(a.is_global and not a.is_multicast for a in (address, *inner))


def find_url_problem(url: str) -> str | None:
    """Why ``url`` may not be fetched (check_fetch_url's reason), or None."""
    try:
        check_fetch_url(url)
    except FetchError as error:
        return str(error)
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
