"""Outlets from web addresses, missing outlets kept apart, and the flags of articles that
may not be English news text (golden tables, negatives included)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from framing.io import UNKNOWN_OUTLET, LoadError, load_outlet_domains, load_story_bytes
from framing.metadata import (
    NOTE_SET_BY_HAND,
    OUTLET_DOMAINS_NAME,
    detect_language,
    edit_article,
    fill_outlet,
    find_article_flags,
    find_outlet,
    find_web_domain,
    is_outlet_missing,
    load_outlet_table,
    separate_missing_outlets,
)

ENGLISH = (
    "The ceasefire talks in Geneva resumed on Tuesday after a week of delays, officials said. "
    "Delegations from both sides met separately with the United Nations envoy, who carried "
    "proposals between the rooms. Neither side commented on the substance of the talks, "
    "but diplomats described the mood as cautious. A second round is planned for next month, "
    "when the envoy hopes the two delegations will sit at the same table for the first time "
    "since the fighting began in the spring."
)


def _article(text: str = ENGLISH, **fields: str):
    header = "".join(f"{k}: {v}\n" for k, v in fields.items())
    data = (f"---\n{header}---\n" if header else "") + text
    return load_story_bytes("a.txt", data.encode()).articles[0]


@pytest.mark.parametrize(
    ("url", "domain"),
    [
        ("https://www.nytimes.com/2020/01/01/world/x.html", "nytimes.com"),
        ("http://edition.CNN.com:8080/x", "edition.cnn.com"),
        ("nytimes.com/section", "nytimes.com"),
        ("", ""),
        ("not a url at all", ""),
    ],
)
def test_web_domain(url, domain):
    assert find_web_domain(url) == domain


TABLE = {"nytimes.com": "The New York Times", "cnn.com": "CNN", "news.sky.com": "Sky News"}


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.nytimes.com/2020/x", ("The New York Times", "nytimes.com")),
        ("https://edition.cnn.com/x", ("CNN", "cnn.com")),  # a sub-domain is its domain
        ("https://news.sky.com/story", ("Sky News", "news.sky.com")),
        ("https://sky.com/", None),  # the parent of a listed sub-domain is not that outlet
        ("https://notnytimes.com/x", None),  # a suffix of the name is not its domain
        ("https://example.org/", None),
    ],
)
def test_outlet_of_a_web_address(url, expected):
    assert find_outlet(url, TABLE) == expected


def test_shipped_table_has_one_outlet_per_domain_and_major_outlets():
    table = load_outlet_table()
    assert table["nytimes.com"] == "The New York Times"
    assert table["bbc.co.uk"] == table["bbc.com"] == "BBC"
    assert len(table) >= 100
    assert all(domain == domain.lower() and not domain.startswith("www.") for domain in table)


def test_a_users_table_adds_and_overrides(tmp_path):
    (tmp_path / OUTLET_DOMAINS_NAME).write_text(
        "domain,outlet\nexample.org,Example Gazette\nwww.cnn.com,CNN International\n"
    )
    table = load_outlet_table(tmp_path)
    assert table["example.org"] == "Example Gazette"
    assert table["cnn.com"] == "CNN International"
    assert table["nytimes.com"] == "The New York Times"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("site,name\na.com,A\n", 1, "header"),
        ("domain,outlet\na.com,A\nA.com,B\n", 3, "already listed on line 2"),
        ("domain,outlet\nhttps://a.com/x,A\n", 2, "not a domain"),
        ("domain,outlet\na.com,\n", 2, "needs a domain and an outlet"),
    ],
)
def test_a_bad_table_names_file_and_line(tmp_path, text, line, message):
    path = tmp_path / "t.csv"
    path.write_text(text)
    with pytest.raises(LoadError) as error:
        load_outlet_domains(path)
    assert error.value.line == line and message in error.value.message
    assert str(path) in str(error.value)


def test_outlet_filled_from_the_domain_only_when_the_article_names_none():
    bare = _article(url="https://www.nytimes.com/2020/x.html")
    assert bare.outlet == UNKNOWN_OUTLET
    filled = fill_outlet(bare, TABLE)
    assert filled.outlet == "The New York Times"
    assert "nytimes.com" in filled.outlet_note
    own = _article(outlet="Times Digest", url="https://www.nytimes.com/x")
    assert fill_outlet(own, TABLE) == own
    unknown_domain = _article(url="https://example.org/x")
    assert fill_outlet(unknown_domain, TABLE) == unknown_domain
    assert is_outlet_missing(unknown_domain)


def test_a_host_name_standing_in_for_the_outlet_is_replaced_or_marked_missing():
    host = replace(_article(url="https://edition.cnn.com/x"), outlet="edition.cnn.com")
    assert fill_outlet(host, TABLE).outlet == "CNN"
    other = replace(_article(url="https://example.org/x"), outlet="example.org")
    assert is_outlet_missing(fill_outlet(other, TABLE))


def test_missing_outlets_are_kept_apart():
    a, b = (replace(_article(), id=name) for name in ("one", "two"))
    named = replace(_article(), id="three", outlet="Gazette")
    outlets = [x.outlet for x in separate_missing_outlets([a, b, named])]
    assert outlets == ["unknown (one)", "unknown (two)", "Gazette"]


GERMAN = (
    "Die Waffenstillstandsgespräche in Genf wurden am Dienstag nach einer Woche der "
    "Verzögerungen wieder aufgenommen, sagten Beamte. Die Delegationen beider Seiten trafen "
    "sich getrennt mit dem Gesandten der Vereinten Nationen."
)
PAYWALL = (
    "Talks resume in Geneva\n\nThe ceasefire talks resumed on Tuesday.\n\n"
    "Subscribe to continue reading. Already a subscriber? Sign in."
)
MENU = "\n".join(
    ["Home", "World", "Politics", "Business", "Sport", "Weather", "Contact us", "Privacy",
     "Terms of use", "Newsletters"]
)  # fmt: skip


@pytest.mark.parametrize(
    ("text", "fields", "flag"),
    [
        (ENGLISH, {"outlet": "Gazette"}, None),  # a plain English news text: no flag
        (ENGLISH, {}, "outlet missing"),
        (ENGLISH, {"url": "https://example.org/a"}, "example.org is not in the outlet table"),
        (GERMAN + " " + GERMAN, {"outlet": "Zeitung"}, "not English (reads as 'de'"),
        (PAYWALL, {"outlet": "Gazette"}, "paywall stub?"),
        (MENU, {"outlet": "Gazette"}, "reads like a menu or a list of links"),
        ("Talks resume in Geneva on Tuesday.", {"outlet": "Gazette"}, "very short (6 words)"),
    ],
)
def test_flags(text, fields, flag):
    flags = find_article_flags(_article(text, **fields))
    if flag is None:
        assert flags == ()
    else:
        assert any(flag in f for f in flags), flags


def test_an_article_that_is_mostly_furniture_is_flagged():
    furniture = "\n".join(["0 $ 2,500 $ 5,000 $ 115 $"] * 30)
    article = _article(furniture + "\n\nTalks resumed in Geneva on Tuesday.", outlet="G")
    flags = find_article_flags(article)
    assert any("mostly page furniture" in f for f in flags), (flags, article.removals)


def test_a_long_article_that_mentions_subscribing_is_no_stub():
    text = ENGLISH * 3 + "\n\nSubscribe to receive the most important news."
    assert find_article_flags(_article(text, outlet="G")) == ()


def test_sample_articles_are_english_news_and_unflagged(sample_story):
    for article in sample_story.articles:
        assert detect_language(article.text)[0] == "en"
        assert find_article_flags(article) == (), article.id


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("outlet", "  The   Gazette ", {"outlet": "The Gazette", "outlet_note": NOTE_SET_BY_HAND}),
        ("outlet", "", {"outlet": UNKNOWN_OUTLET, "outlet_note": ""}),
        ("title", "Talks resume", {"title": "Talks resume"}),
        ("title", " ", {"title": "a"}),
        ("date", "19 February 2020", {"date": "2020-02-19"}),
        ("date", "", {"date": ""}),
        ("url", "https://www.cnn.com/x", {"url": "https://www.cnn.com/x", "outlet": "CNN"}),
    ],
)
def test_edit_article(field, value, expected):
    edited = edit_article(_article(), field, value, TABLE)
    assert {key: getattr(edited, key) for key in expected} == expected


@pytest.mark.parametrize(("field", "value"), [("date", "next Tuesday"), ("text", "new")])
def test_edit_article_refuses_what_it_cannot_read(field, value):
    with pytest.raises(ValueError):
        edit_article(_article(), field, value, TABLE)
