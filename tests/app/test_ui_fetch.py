"""ui/fetch.py: which addresses may be fetched (decided before any connection is made)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from ui.fetch import FetchError, check_fetch_url, fetch_html


def test_a_public_ip_literal_is_allowed():
    assert check_fetch_url("https://93.184.215.14/page").addresses == ("93.184.215.14",)


def test_fetch_raises_the_problem_without_connecting():
    with pytest.raises(FetchError, match="non-public address"):
        fetch_html("http://127.0.0.1:9/")


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("file:///etc/passwd", "not file:"),
        ("javascript:alert(1)", "not javascript:"),
        ("data:text/html,<script>alert(1)</script>", "not data:"),
        ("ftp://example.org/a", "not ftp:"),
        ("example.org/article", "without http:// or https://"),
        ("", "no web address given"),
        ("http://", "has no host name"),
        ("http:///etc/passwd", "has no host name"),
        ("http://user:secret@93.184.215.14/", "user name or password"),
        ("http://93.184.215.14:99999/", "not a valid web address"),
        ("http://localhost:8501/", "localhost resolves to a non-public address"),
        ("http://127.0.0.1:8501/", "non-public address (127.0.0.1)"),
        ("HTTP://127.0.0.1/", "non-public address (127.0.0.1)"),
        ("  http://127.0.0.1/  ", "non-public address (127.0.0.1)"),
        ("http://127.1/", "non-public address (127.0.0.1)"),
        ("http://2130706433/", "non-public address (127.0.0.1)"),
        ("http://0x7f000001/", "non-public address (127.0.0.1)"),
        ("http://0.0.0.0/", "non-public address (0.0.0.0)"),
        ("http://10.1.2.3/", "non-public address (10.1.2.3)"),
        ("http://172.16.0.9/", "non-public address (172.16.0.9)"),
        ("http://192.168.1.1/", "non-public address (192.168.1.1)"),
        ("http://169.254.169.254/latest/meta-data/", "non-public address (169.254.169.254)"),
        ("http://100.64.0.1/", "non-public address (100.64.0.1)"),
        ("http://224.0.0.1/", "non-public address (224.0.0.1)"),
        ("http://240.0.0.1/", "non-public address (240.0.0.1)"),
        ("http://255.255.255.255/", "non-public address (255.255.255.255)"),
        ("http://[::1]:8501/", "non-public address (::1)"),
        ("http://[::]/", "non-public address (::)"),
        ("http://[fe80::1]/", "non-public address (fe80::1)"),
        ("http://[fc00::1]/", "non-public address (fc00::1)"),
        ("http://[::ffff:127.0.0.1]/", "non-public address (::ffff:7f00:1)"),
        ("http://[2002:7f00:1::]/", "non-public address (2002:7f00:1::)"),  # 6to4 of 127.0.0.1
        ("http://[64:ff9b::a00:1]/", "non-public address (64:ff9b::a00:1)"),  # NAT64 10.0.0.1
        ("http://[ff02::1]/", "non-public address (ff02::1)"),
    ],
)
def test_addresses_that_are_not_fetched_say_why(url, reason):
    with pytest.raises(FetchError) as raised:
        check_fetch_url(url)
    assert reason in str(raised.value) and "\n" not in str(raised.value)


@pytest.mark.parametrize(
    ("url", "checked"),
    [
        ("http://93.184.215.14/world/article.html", "http://93.184.215.14/world/article.html"),
        ("https://1.1.1.1/dns-query?x=1", "https://1.1.1.1/dns-query?x=1"),
        ("HTTPS://8.8.8.8:443/a", "HTTPS://8.8.8.8:443/a"),
        ("http://[2606:4700:4700::1111]/", "http://[2606:4700:4700::1111]/"),
        ("  https://9.9.9.9/  ", "https://9.9.9.9/"),
    ],
)
def test_public_addresses_may_be_fetched(url, checked):
    found = check_fetch_url(url)
    assert found.url == checked
    assert found.addresses == (found.host,)  # an IP literal is its own address
    assert found.port == (urlsplit(checked).port or {"http": 80, "https": 443}[found.scheme])
