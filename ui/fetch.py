"""Fetching one web page for "Add articles": public http(s) addresses only, with a timeout
and a size cap.

Not part of framing/: the library never touches the network; only this explicit user
action does. Which addresses may be fetched is decided by ``check_fetch_url``, before the
first request and again before every redirect, so that a public page cannot redirect the
dashboard to the machine itself or its local network. The request then goes to an address
that check resolved and approved: the host name is not looked up a second time, so a name
that answers with a public address first and a private one next (DNS rebinding) cannot
send it elsewhere. HTTPS still checks the certificate against the host name.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
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
DEFAULT_PORTS = {"http": 80, "https": 443}
USER_AGENT = "Slant (news framing)"


class FetchError(Exception):
    """A URL that was refused or could not be fetched; str() is a one-line reason."""


@dataclass(frozen=True)
class CheckedURL:
    """A URL that may be fetched, and the public addresses its host resolved to."""

    url: str  # without surrounding blanks
    scheme: str  # "http" or "https"
    host: str  # the name (or IP literal) the certificate and the Host header are for
    port: int
    addresses: tuple[str, ...]  # in the resolver's order, every one of them public


def check_fetch_url(url: str) -> CheckedURL:
    """``url`` (without surrounding blanks) and the addresses to connect to, when it may be
    fetched: http or https, a host, no user name or password, and every address the host
    resolves to is public. Raises
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
    port = port or DEFAULT_PORTS[scheme]
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError) as error:
        reason = getattr(error, "strerror", None) or error
        raise FetchError(f"the host {host} cannot be resolved ({reason})") from None
    addresses = []
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if not is_public_address(address):
            raise FetchError(
                f"{host} resolves to a non-public address ({address}); private, local and "
                "reserved addresses are not fetched",
            )
        addresses.append(str(address))
    return CheckedURL(url, scheme, host, port, tuple(dict.fromkeys(addresses)))


def is_public_address(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    inner: list[ipaddress.IPv4Address] = []
    if isinstance(address, ipaddress.IPv6Address):
        inner = [a for a in (address.ipv4_mapped, address.sixtofour) if a is not None]
        if any(address in network for network in _NAT64):
            inner.append(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
    return all(a.is_global and not a.is_multicast for a in (address, *inner))


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


def _request(
    checked: CheckedURL, timeout: float
) -> tuple[urllib3.HTTPConnectionPool, urllib3.BaseHTTPResponse]:
    """GET ``checked.url`` from the first of its checked addresses that answers; the pool
    is the caller's to close."""
    parts = urlsplit(checked.url)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    headers = {"Host": parts.netloc, "User-Agent": USER_AGENT}
    failure: urllib3.exceptions.HTTPError | None = None
    for address in checked.addresses:
        if checked.scheme == "https":
            pool: urllib3.HTTPConnectionPool = urllib3.HTTPSConnectionPool(
                address,
                checked.port,
                timeout=timeout,
                retries=False,
                server_hostname=checked.host,  # SNI, and the name the certificate must carry
                assert_hostname=checked.host,
            )
        else:
            pool = urllib3.HTTPConnectionPool(address, checked.port, timeout=timeout, retries=False)
        try:
            response = pool.urlopen(
                "GET", target, headers=headers, redirect=False, preload_content=False
            )
        except (urllib3.exceptions.NewConnectionError, urllib3.exceptions.ConnectTimeoutError) as e:
            pool.close()
            failure = e  # this address is unreachable: the next one may answer
            continue
        except urllib3.exceptions.HTTPError as error:
            pool.close()
            raise FetchError(f"nothing could be downloaded from {checked.url} ({error})") from None
        return pool, response
    raise FetchError(f"nothing could be downloaded from {checked.url} ({failure})")


def fetch_html(url: str) -> str:
    """The page at ``url`` as HTML; raises FetchError with a one-line reason."""
    deadline = time.monotonic() + TIMEOUT_SECONDS
    for _ in range(MAX_REDIRECTS + 1):
        checked = check_fetch_url(url)
        pool, response = _request(checked, max(0.1, deadline - time.monotonic()))
        try:
            location = response.headers.get("Location")
            if response.status in REDIRECTS and location:
                url = urljoin(checked.url, location)
                continue
            if response.status != 200:
                raise FetchError(f"{checked.url} answered HTTP {response.status}")
            return decode_file(_read_capped(response, deadline))
        except urllib3.exceptions.HTTPError as error:
            raise FetchError(f"the download from {checked.url} failed ({error})") from None
        finally:
            response.close()
            pool.close()
    raise FetchError(f"more than {MAX_REDIRECTS} redirects")
