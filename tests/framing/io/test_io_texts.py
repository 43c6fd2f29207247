"""One-article files: plain text and Markdown with front matter, HTML pages."""

import pytest
from io_helpers import write

from framing.io import (
    LoadError,
    load_story,
    load_story_bytes,
)

PAGE = """<!doctype html>
<html><head><title>Ceasefire talks resume | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="og:url" content="https://example.org/world/ceasefire">
<meta name="date" content="2020-02-21">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Ceasefire talks resume</h1>
<p>The commander said on Friday that he was ready for a ceasefire if foreign forces left
the country, according to a statement released in the capital.</p>
<p>Talks between the two military delegations resumed in Geneva under the supervision of
the United Nations, a spokesman said. The caf&eacute; near the venue stayed closed.</p>
<p>Diplomats said the talks were technical but vital, and that progress had been slow
since the first round earlier this month.</p>
</article>
<footer>Copyright 2020 Example News. All rights reserved.</footer>
</body></html>
"""


# --- text files and front matter --------------------------------------------------------


def test_front_matter_gives_metadata_and_body_is_kept_exactly():
    body = "\nHeadline here\n\nFirst paragraph.\r\nSecond line.\n"
    data = (
        "---\n"
        "outlet: Example Times\n"
        "title: 'Quoted: with a colon'\n"
        "date: 22 February 2020\n"
        "url: https://example.org/a?b=c\n"
        "outlet_note: from the masthead\n"
        "# a comment line\n"
        "extra: ignored\n"
        "---\n" + body
    )
    story = load_story_bytes("piece.md", data.encode())
    article = story.articles[0]
    assert article.id == "piece"
    assert article.outlet == "Example Times"
    assert article.title == "Quoted: with a colon"
    assert article.date == "2020-02-22"
    assert article.url == "https://example.org/a?b=c"
    assert article.outlet_note == "from the masthead"
    assert article.raw_text == body
    assert article.text == "Headline here\n\nFirst paragraph.\nSecond line."
    assert article.source == "piece.md"
    assert story.title == "Quoted: with a colon"
    assert story.skipped == ()


def test_front_matter_error_names_the_line():
    with pytest.raises(LoadError) as caught:
        load_story_bytes("a.txt", b"---\noutlet: X\n\njust words\n---\nBody.")
    assert (caught.value.file, caught.value.line) == ("a.txt", 4)


def test_unclosed_front_matter_is_text():
    article = load_story_bytes("a.txt", b"---\nNot metadata, a rule.\n").articles[0]
    assert article.raw_text == "---\nNot metadata, a rule.\n"
    assert article.outlet == "unknown"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Short headline\n\nBody sentence.", "Short headline"),
        ("# Markdown headline\n\nBody.", "Markdown headline"),
        ("Is the truce over?\n\nBody.", "Is the truce over?"),
        ("A first sentence that ends.\n\nBody.", "story"),
        ("x" * 201 + "\n\nBody.", "story"),
        ("a hard-wrapped first line\nof the same paragraph.", "story"),
        ("0 $\n\nHeadline after a widget\n\nBody.", "Headline after a widget"),
    ],
)
def test_title_from_first_line_or_file_stem(text, title):
    assert load_story_bytes("story.txt", text.encode()).articles[0].title == title


@pytest.mark.parametrize(
    ("front", "date", "skipped"),
    [
        ("", "2020-02-22", []),  # the leading dateline is the only date
        ("date: 2020-03-01\n", "2020-03-01", []),  # the metadata wins
        ("date: 2020-03\n", "2020-03", []),
        ("date: someday\n", "", ["a.txt: date 'someday' is not understood (use YYYY-MM-DD); "
                                 "left empty"]),
    ],
)  # fmt: skip
def test_article_date(front, date, skipped):
    data = f"---\n{front}---\n date 2020-02-22 Text of the article.".encode()
    story = load_story_bytes("a.txt", data)
    assert story.articles[0].date == date
    assert [str(p) for p in story.skipped] == skipped


def test_removals_are_recorded_against_the_raw_text():
    raw = "Headline\n\nvideo\n\nBody text.\n\nOther news"
    article = load_story_bytes("a.txt", raw.encode()).articles[0]
    assert article.text == "Headline\n\nBody text."
    assert [(r.text, r.reason) for r in article.removals] == [
        ("video", "media placeholder"),
        ("Other news", "navigation link"),
    ]
    assert all(raw[r.start : r.end] == r.text for r in article.removals)


# --- HTML -------------------------------------------------------------------------------


def test_html_main_text_and_metadata_by_trafilatura(tmp_path):
    story = load_story(write(tmp_path / "page.html", PAGE))
    article = story.articles[0]
    assert article.id == "page"
    assert article.outlet == "Example News"
    assert article.outlet_note == "from the page's site name"
    assert article.title == "Ceasefire talks resume"
    assert article.date == "2020-02-21"
    assert article.url == "https://example.org/world/ceasefire"
    assert "resumed in Geneva under the supervision of the United Nations" in article.text
    assert "The café near the venue stayed closed." in article.text
    assert "\n\nDiplomats said" in article.text  # paragraphs stay apart
    for boilerplate in ("Sport", "Copyright"):
        assert boilerplate not in article.text
