"""ui/fetch.py: which addresses may be fetched (decided before any connection is made)."""

from __future__ import annotations

import pytest

from ui.fetch import FetchError, fetch_html, find_url_problem


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("file:///etc/passwd", "only http and https"),
        ("ftp://example.org/a", "only http and https"),
        ("javascript:alert(1)", "only http and https"),
        ("example.org/article", "only http and https"),
        ("http:///nohost", "no host name"),
        ("http://127.0.0.1:8501/", "non-public address (127.0.0.1)"),
        ("http://localhost/", "non-public address"),
        ("http://10.1.2.3/", "non-public address (10.1.2.3)"),
        ("http://192.168.0.1/", "non-public address"),
        ("http://169.254.169.254/latest/meta-data", "non-public address (169.254.169.254)"),
        ("http://[::1]/", "non-public address (::1)"),
        ("http://0.0.0.0/", "non-public address"),
        ("http://224.0.0.1/", "non-public address"),
    ],
)
def test_refused_urls_say_why(url, problem):
    assert problem in find_url_problem(url)


def test_a_public_ip_literal_is_allowed():
    assert find_url_problem("https://93.184.215.14/page") is None


def test_fetch_raises_the_problem_without_connecting():
    with pytest.raises(FetchError, match="non-public address"):
        fetch_html("http://127.0.0.1:9/")
