"""ui/fetch.py against a web server on the loopback interface: every redirect is checked
again (a public page cannot send the dashboard to a private address or another scheme),
and a page over the size cap or the time limit is refused. The server's own address is
let through for the first request only, standing in for a public site."""

from __future__ import annotations

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from ui import fetch
from ui.fetch import FetchError, fetch_html

PAGE = b"<html><body><article><p>Haftar spoke in Benghazi on Friday.</p></article></body></html>"


class _Handler(BaseHTTPRequestHandler):
    ROUTES = {
        "/to-private": (302, {"Location": "/page"}),
        "/to-file": (302, {"Location": "file:///etc/passwd"}),
        "/to-javascript": (301, {"Location": "javascript:alert(1)"}),
        "/loop": (302, {"Location": "/loop"}),
        "/missing": (404, {}),
    }

    def do_GET(self):  # noqa: N802 - the name http.server calls
        if self.path in ("/page", "/big", "/slow"):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            if self.path == "/page":
                self.wfile.write(PAGE)
            elif self.path == "/big":
                self.wfile.write(b"<p>" + b"x" * 50_000 + b"</p>")
            else:
                for _ in range(30):  # 3 s in all, a chunk every 0.1 s
                    self.wfile.write(b"<p>slow</p>" * 10)
                    self.wfile.flush()
                    time.sleep(0.1)
            return
        status, headers = self.ROUTES[self.path]
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def first_url_is_public(monkeypatch):
    """Let the first URL asked for through the address check, as if it were public."""
    real = fetch.check_fetch_url
    asked: list[str] = []

    def check(url: str) -> fetch.CheckedURL:
        asked.append(url)
        if len(asked) > 1:
            return real(url)
        with monkeypatch.context() as patch:
            patch.setattr(fetch, "is_public_address", lambda address: True)
            return real(url)

    monkeypatch.setattr(fetch, "check_fetch_url", check)


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/to-private", "non-public address (127.0.0.1)"),
        ("/to-file", "only http and https"),
        ("/to-javascript", "only http and https"),
        ("/missing", "HTTP 404"),
    ],
)
def test_redirects_are_checked_again_and_errors_say_why(server, first_url_is_public, path, reason):
    with pytest.raises(FetchError, match=reason.replace("(", r"\(").replace(")", r"\)")):
        fetch_html(server + path)


def test_a_redirect_loop_stops(server, monkeypatch):
    monkeypatch.setattr(fetch, "is_public_address", lambda address: True)
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetch_html(server + "/loop")


def test_a_public_page_is_fetched(server, first_url_is_public):
    assert "Haftar spoke in Benghazi" in fetch_html(server + "/page")


def test_a_page_over_the_size_cap_is_refused(server, first_url_is_public, monkeypatch):
    monkeypatch.setattr(fetch, "MAX_PAGE_BYTES", 10_000)
    with pytest.raises(FetchError, match="larger than 10,000 bytes"):
        fetch_html(server + "/big")


def test_a_page_that_takes_too_long_is_refused(server, first_url_is_public, monkeypatch):
    monkeypatch.setattr(fetch, "TIMEOUT_SECONDS", 1)
    with pytest.raises(FetchError, match="longer than 1 s"):
        fetch_html(server + "/slow")


def _serving(host: str, port: int, body: bytes) -> ThreadingHTTPServer:
    class Page(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the name http.server calls
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer((host, port), Page)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def test_the_fetch_connects_to_the_address_that_was_checked(monkeypatch):
    """DNS rebinding: a name that resolves to a checked address first and to another one
    when asked again must not send the request to the second. 127.0.0.1 stands in for the
    public address that was checked, 127.0.0.2 for the private one the name turns into."""
    checked = _serving("127.0.0.1", 0, b"<html><body><article><p>The checked page.</p>"
                       b"</article></body></html>")  # fmt: skip
    port = checked.server_address[1]
    rebound = _serving("127.0.0.2", port, b"<p>The machine's own page.</p>")
    real = socket.getaddrinfo
    asked: list[str] = []

    def rebinding(host, *args, **kwargs):
        if host != "news.example":
            return real(host, *args, **kwargs)
        asked.append(host)
        address = "127.0.0.1" if len(asked) == 1 else "127.0.0.2"
        return [(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", (address, port))]

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    monkeypatch.setattr(fetch, "is_public_address", lambda address: True)
    try:
        page = fetch_html(f"http://news.example:{port}/story")
    finally:
        checked.shutdown()
        rebound.shutdown()
    assert "The checked page." in page
    assert asked == ["news.example"]  # looked up once, for the check
