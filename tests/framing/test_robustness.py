"""Bad input never crashes Slant: every file either loads (and analyses, with every offset
inside its text) or raises one clear LoadError / LexiconError naming the file.

Property-based (hypothesis) over ingestion with every supported extension and over
analysis with the shipped lexicons, plus explicit hard cases (a 5 MB line, 100,000 nested
<div>, NUL bytes, wrong encodings...). Example counts come from a settings profile:
SLANT_HYPOTHESIS_PROFILE=ci (default, ~1,000 generated cases in all) or =thorough (10x);
`pytest --hypothesis-show-statistics` reports how many ran.
"""

from __future__ import annotations

import csv
import io
import json
import os

import pandas as pd
import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from hypothesis.control import currently_in_test_context

from framing.analysis import analyze_story
from framing.io import (
    MAX_ARTICLE_CHARS_ENV,
    MAX_ARTICLES_ENV,
    SUPPORTED_SUFFIXES,
    LoadError,
    load_story,
    load_story_bytes,
)
from framing.lexicon import LexiconError, load_lexicons, parse_lexicon
from framing.text import split_sentences

settings.register_profile(
    "ci",
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile("thorough", settings.get_profile("ci"), max_examples=1500)
PROFILE = settings.get_profile(os.environ.get("SLANT_HYPOTHESIS_PROFILE", "ci"))

SHIPPED = load_lexicons(["loaded_language", "libya"])
# Tables whose offsets point into Article.text, and the column that must equal the span.
SPAN_TABLES = {"terms": "text", "mentions": "text", "sentences": "text", "labels": "label"}

# --- what a check of one input means --------------------------------------------------


def _check_offsets(analysis) -> None:
    texts = {a.id: a.text for a in analysis.story.articles}
    raws = {a.id: a.raw_text for a in analysis.story.articles}
    for table, column in SPAN_TABLES.items():
        for row in getattr(analysis, table).itertuples(index=False):
            text = texts[row.article_id]
            assert 0 <= row.start <= row.end <= len(text), (table, row)
            assert text[row.start : row.end] == getattr(row, column), (table, row)
    for row in analysis.cleaning.itertuples(index=False):  # offsets into the raw text
        raw = raws[row.article_id]
        assert 0 <= row.start <= row.end <= len(raw), ("cleaning", row)
        assert raw[row.start : row.end] == row.text
    for article in analysis.story.articles:
        for removal in article.removals:
            assert 0 <= removal.start <= removal.end <= len(article.raw_text)


def _count(outcome: str) -> None:
    """Outcomes show in ``--hypothesis-show-statistics`` (explicit cases are not counted)."""
    if currently_in_test_context():
        event(outcome)


def check_input(name: str, data: bytes) -> str:
    """Load and analyse one file; "loaded" or "error". Anything but LoadError fails."""
    suffix = name.rsplit(".", 1)[-1]
    try:
        story = load_story_bytes(name, data)
    except LoadError as error:
        message = str(error)
        assert message.startswith(name) and "\n" not in message and len(message) < 600
        _count(f"{suffix}: LoadError")
        return "error"
    _count(f"{suffix}: loaded and analysed")
    assert story.articles
    for problem in story.skipped:
        assert "\n" not in str(problem) and problem.file == name
    _check_offsets(analyze_story(story, SHIPPED))
    return "loaded"


# --- strategies -------------------------------------------------------------------------

ODD_CHARS = (
    "\u200b\u200c\u200d\u2060\ufeff"  # zero-width characters and a stray BOM
    "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"  # bidi marks
    "\u2028\u2029\r\t\f\v"  # odd line breaks
    "\"'“”„«»‘’‹›「」"  # every kind of quote mark
    ".!?…;:,—–-()[]{}<>&#%*/\\|~^`@$"  # punctuation
)
# A few of these make a file look binary (a LoadError): one goes into some texts.
CONTROL_CHARS = "\x00\x01\x07\x1b\x7f\x85"
WORDS = [
    "Haftar", "Hifter", "Field Marshal", "warlord", "rebel leader", "so-called", "GNA",
    "Government of National Accord", "Tripoli", "Turkey", "Erdogan", "slammed", "claimed",
    "Maj. Gen.", "U.N.", "Feb. 18", "Mr.", "said", "he said", "according to", "the",
    "ceasefire", "terrorist", "militia", "Al-Wefaq", "Serraj", "Sarraj",
    "خليفة حفتر", "طرابلس", "Хафтар", "Триполи", "😀", "🇱🇾", "👍🏽", "e\u0301", "ﬁ", "İ", "ß",
    "<b>", "</p>", "&amp;", "---", "title: x", "#", "**", "\n", "\n\n", "\r\n", " ", "  ",
]  # fmt: skip


@st.composite
def _hostile_texts(draw) -> str:
    """News words, names in several scripts, quote marks, zero-width and bidi characters
    in any order; sometimes one control character; sometimes any Unicode at all."""
    if not draw(st.integers(0, 4)):
        return draw(st.text(max_size=400))
    piece = st.one_of(st.sampled_from(WORDS), st.text(alphabet=ODD_CHARS, max_size=4))
    pieces = draw(st.lists(piece, max_size=80))
    if not draw(st.integers(0, 7)):
        pieces.insert(draw(st.integers(0, len(pieces))), draw(st.sampled_from(CONTROL_CHARS)))
    return " ".join(pieces)


hostile_text = _hostile_texts()
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32", "cp1252", "latin-1",
             "koi8-r", "shift_jis", "cp1256"]  # fmt: skip
# Half the files are UTF-8, so that most of them get as far as the analysis.
encodings = st.just("utf-8") | st.sampled_from(ENCODINGS)


def _encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, errors="replace")


cell = st.one_of(hostile_text, st.none(), st.integers(), st.floats(allow_nan=True))
COLUMNS = ["text", "outlet", "title", "date", "url", "id", "language", "extra", "Text ", ""]


@st.composite
def csv_files(draw) -> bytes:
    """A header of some known and unknown columns (mostly with "text"); rows with too few
    or too many cells."""
    header = draw(st.lists(st.sampled_from(COLUMNS[1:]), max_size=5))
    if draw(st.integers(0, 3)):
        header.insert(draw(st.integers(0, len(header))), "text")
    header = header or ["outlet"]
    delimiter = draw(st.sampled_from([",", ";", "\t", "|"]))
    rows = draw(st.lists(st.lists(hostile_text, max_size=len(header) + 2), max_size=6))
    buffer = io.StringIO()
    quoting = draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]))
    out = csv.writer(buffer, delimiter=delimiter, quoting=quoting, escapechar="\\")
    out.writerow(header)
    out.writerows(rows)
    text = buffer.getvalue()
    if not draw(st.integers(0, 3)):  # a cut-off last line, or a quote left open
        cut = draw(st.integers(text.find("\n") + 1, len(text)))
        text = text[:cut] + draw(st.sampled_from(['"', "\n", "\r"]))
    return _encode(text, draw(encodings))


json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | hostile_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner),
    max_leaves=6,
)


@st.composite
def jsonl_files(draw) -> bytes:
    """Lines that are objects with some known fields, other JSON values, or broken JSON."""
    lines = []
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(["object", "object", "value", "broken"]))
        if kind == "object":
            keys = draw(st.lists(st.sampled_from(COLUMNS[1:]), max_size=4))
            record = {k: draw(json_value) for k in keys}
            if draw(st.integers(0, 3)):  # mostly a text, sometimes of another type
                record["text"] = draw(hostile_text | json_value)
            lines.append(json.dumps(record, ensure_ascii=draw(st.booleans())))
        elif kind == "value":
            lines.append(json.dumps(draw(json_value)))
        else:
            lines.append(draw(st.sampled_from(['{"text": "cut', "{", "]", "nul\x00", ""])))
    return _encode("\n".join(lines), draw(st.sampled_from(["utf-8", "utf-16", "cp1252"])))


@st.composite
def parquet_files(draw) -> bytes:
    columns = draw(st.lists(st.sampled_from(COLUMNS[:-1]), min_size=1, max_size=5, unique=True))
    n = draw(st.integers(0, 4))
    values = st.one_of(hostile_text, st.none()) | st.integers(-(2**40), 2**40).map(str)
    frame = pd.DataFrame({c: draw(st.lists(values, min_size=n, max_size=n)) for c in columns})
    if draw(st.booleans()) and n:
        numbers = st.integers(-(2**63), 2**63 - 1) | st.floats()
        frame[columns[0]] = draw(st.lists(numbers, min_size=n, max_size=n))
    buffer = io.BytesIO()
    frame.to_parquet(buffer, index=False)
    data = buffer.getvalue()
    if draw(st.booleans()):  # a truncated or corrupted file
        cut = draw(st.integers(0, len(data)))
        data = data[:cut] + draw(st.binary(max_size=8))
    return data


TAGS = [
    "div", "p", "article", "main", "span", "script", "style", "iframe", "body", "html", "head",
    "title", "nav", "footer", "table", "td", "h1", "svg", "template", "noscript",
]  # fmt: skip


@st.composite
def html_pages(draw) -> bytes:
    """Random (often unbalanced) markup around hostile text, with or without a body, and
    often an article whose paragraphs are long enough for trafilatura to keep."""
    parts = []
    if draw(st.booleans()):
        words = st.lists(st.sampled_from(WORDS), min_size=30, max_size=60).map(" ".join)
        paragraphs = draw(st.lists(words, min_size=2, max_size=5))
        parts.append("<html><body><article>")
        parts += [f"<p>{paragraph}.</p>" for paragraph in paragraphs]
    for _ in range(draw(st.integers(0, 25))):
        tag = draw(st.sampled_from(TAGS))
        kind = draw(st.sampled_from(["open", "close", "text", "attr", "comment"]))
        if kind == "open":
            parts.append(f"<{tag}>")
        elif kind == "close":
            parts.append(f"</{tag}>")
        elif kind == "attr":
            parts.append(f'<{tag} class="{draw(hostile_text)[:20]}" onload="x()">')
        elif kind == "comment":
            parts.append(f"<!-- {draw(hostile_text)[:30]} ")
        else:
            parts.append(draw(hostile_text))
    return _encode("".join(parts), draw(st.sampled_from(["utf-8", "cp1252", "utf-16"])))


# --- properties -------------------------------------------------------------------------


@PROFILE
@given(
    name=st.sampled_from(SUPPORTED_SUFFIXES).map("upload{}".format), data=st.binary(max_size=3000)
)
@example(name="upload.parquet", data=b"PAR1\x00\x00\x00\x00PAR1")
@example(name="upload.csv", data=b"\xff\xfe\x00")
def test_random_bytes_with_every_extension(name, data):
    check_input(name, data)


@PROFILE
@given(
    suffix=st.sampled_from([".txt", ".md", ".html", ".htm"]),
    text=hostile_text,
    encoding=encodings,
    front_matter=st.booleans(),
)
def test_hostile_text_in_text_files(suffix, text, encoding, front_matter):
    if front_matter:
        text = f"---\noutlet: {text[:30]}\ntitle: {text[30:60]}\ndate: {text[:10]}\n---\n{text}"
    check_input(f"article{suffix}", _encode(text, encoding))


@PROFILE
@given(data=csv_files())
def test_csv_with_missing_extra_and_broken_cells(data):
    check_input("rows.csv", data)


@PROFILE
@given(data=jsonl_files(), suffix=st.sampled_from([".jsonl", ".ndjson"]))
def test_json_lines_with_broken_lines(data, suffix):
    check_input(f"rows{suffix}", data)


@settings(PROFILE, max_examples=max(1, PROFILE.max_examples // 3))
@given(data=parquet_files())
def test_parquet_with_odd_columns_and_damage(data):
    check_input("rows.parquet", data)


@PROFILE
@given(data=html_pages(), suffix=st.sampled_from([".html", ".htm"]))
def test_html_markup_without_structure(data, suffix):
    check_input(f"page{suffix}", data)


LEXICON_HEADER = "kind,text,forms,category,actor,camp,valence,note"
lexicon_cell = st.one_of(
    st.sampled_from(["term", "label", "actor", "haftar", "name_calling", "-2", "+1", "9", ""]),
    hostile_text.map(lambda t: t[:20]),
)


@PROFILE
@given(
    header=st.one_of(st.just(LEXICON_HEADER), hostile_text.map(lambda t: t[:60])),
    rows=st.lists(st.lists(lexicon_cell, max_size=10), max_size=8),
)
def test_lexicon_text_is_parsed_or_rejected_with_its_name(header, rows):
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    try:
        lexicon = parse_lexicon(header + "\n" + buffer.getvalue(), "edited.csv")
    except LexiconError as error:
        assert str(error).startswith("edited.csv") and "\n" not in str(error)
        return
    story = load_story_bytes("a.txt", " ".join(e.term for e in lexicon.entries).encode() or b"x")
    _check_offsets(analyze_story(story, lexicon))


# --- explicit hard cases ----------------------------------------------------------------

ONE_LINE_5MB = b"word " * (1024 * 1024)
NESTED_DIVS = b"<html><body>" + b"<div>" * 100_000 + b"deep text" + b"</div>" * 100_000
HARD_CASES = {
    "empty": b"",
    "whitespace only": b" \t\r\n \n\n\t",
    "punctuation only": b"!?.,;:-()[]{}... --- *** ###",
    "quotes only": '"""\'\'\' “”„«»‘’ """'.encode(),
    "unbalanced quotes": 'He said "we will win. “They lost” and «never\n\n”closing first'.encode(),
    "mixed scripts": (
        "Haftar خليفة حفتر قال \u200f«لا»\u200e Хафтар заявил 😀🇱🇾 \u202egnp.exe\u202c "
        "zero\u200bwidth\u200djoin\ufeff."
    ).encode(),
    "NUL bytes": b"The warlord\x00 Haftar\x00\x00 said\x00.",
    "UTF-16 without BOM": "Haftar said the talks failed.".encode("utf-16-le"),
    "cp1252": "The café’s owner said “Haftar” – twice.".encode("cp1252"),
    "Shift-JIS": "ハフタル氏は停戦を拒否した。".encode("shift_jis"),
    "invalid UTF-8": b"Haftar \xc3\x28 said \xa0\xa1 \xf0\x28\x8c\x28 no.",
    "CSV missing text column": b"outlet,title\nA,B\n",
    "CSV extra and missing cells": b"text,outlet\nThe warlord spoke.,A,extra,more\nOnly text\n",
    "CSV unclosed quote": b'text,outlet\n"The warlord spoke,A\n',
    "JSONL broken line": b'{"text": "Haftar spoke.", "outlet": "A"}\n{"text": broken\n[1,2]\n',
    "HTML without body": b"<html><head><title>Only a title</title></head></html>",
    "HTML head only with script": b"<head><script>window.__pwned=1</script></head>",
    "100,000 nested div": NESTED_DIVS,
}


@pytest.mark.parametrize("case", list(HARD_CASES))
@pytest.mark.parametrize("suffix", SUPPORTED_SUFFIXES)
def test_hard_cases_load_or_fail_clearly(case, suffix):
    check_input(f"{case.replace(' ', '_')}{suffix}", HARD_CASES[case])


@pytest.mark.parametrize("suffix", SUPPORTED_SUFFIXES)
def test_a_5mb_line_is_refused_naming_the_limit_and_how_to_raise_it(suffix):
    assert check_input(f"huge{suffix}", ONE_LINE_5MB) == "error"
    if suffix in (".txt", ".md"):
        with pytest.raises(LoadError, match=f"5,242,880 characters.*{MAX_ARTICLE_CHARS_ENV}"):
            load_story_bytes(f"huge{suffix}", ONE_LINE_5MB)


def test_a_5mb_line_is_analysed_when_the_limit_is_raised(monkeypatch):
    monkeypatch.setenv(MAX_ARTICLE_CHARS_ENV, str(len(ONE_LINE_5MB)))
    assert check_input("huge.txt", ONE_LINE_5MB) == "loaded"


def test_too_many_articles_keeps_the_first_and_says_how_to_load_more(monkeypatch):
    monkeypatch.setenv(MAX_ARTICLES_ENV, "3")
    rows = "".join(json.dumps({"text": f"Article number {i}."}) + "\n" for i in range(1, 8))
    story = load_story_bytes("many.jsonl", rows.encode())
    assert [a.id for a in story.articles] == ["1", "2", "3"]
    (problem,) = story.skipped
    assert "first 3 articles" in problem.message and "other 4 skipped" in problem.message
    assert MAX_ARTICLES_ENV in problem.message and problem.file == "many.jsonl"


# --- long paragraphs (text.py looks back a bounded window at each period) ----------------


@pytest.mark.parametrize(
    ("text", "last_sentences"),
    [
        # 96,000 characters on one line: once quadratic (minutes), now as fast as short text.
        ("Maj. Gen. Khalifa Haftar spoke. " * 3000, ["Maj. Gen. Khalifa Haftar spoke."] * 2),
        ("A. " * 20_000 + "Haftar spoke.", ["A. " * 19_999 + "A. Haftar spoke."]),
        # Past the window, an initialism still continues the sentence.
        ("x" * 100 + " U.S. President Trump spoke. Then he left.",
         ["x" * 100 + " U.S. President Trump spoke.", "Then he left."]),
        ("y" * 100 + " talks in Geneva. Gen. Haftar left.",
         ["y" * 100 + " talks in Geneva.", "Gen. Haftar left."]),
    ],
)  # fmt: skip
def test_long_paragraphs_split_like_short_ones(text, last_sentences):
    assert [s.text for s in split_sentences(text)][-len(last_sentences) :] == last_sentences


# --- limits -----------------------------------------------------------------------------


def test_an_overlong_row_is_skipped_naming_the_limit_and_the_others_load(monkeypatch):
    monkeypatch.setenv(MAX_ARTICLE_CHARS_ENV, "40")
    data = b"text,outlet\nA short article.,A\n" + b"word " * 20 + b",B\nAnother one.,C\n"
    story = load_story_bytes("rows.csv", data)
    assert [a.outlet for a in story.articles] == ["A", "C"]
    (problem,) = story.skipped
    assert str(problem) == (
        "rows.csv:3: the article is 100 characters long, over the limit of 40; "
        f"set {MAX_ARTICLE_CHARS_ENV} to a larger number to load it"
    )


def test_too_many_articles_in_a_folder_names_the_folder(monkeypatch, tmp_path):
    monkeypatch.setenv(MAX_ARTICLES_ENV, "2")
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.txt").write_text(f"Article {name}.", encoding="utf-8")
    story = load_story(tmp_path)
    assert [a.id for a in story.articles] == ["a", "b"]
    assert [(p.file, "other 1 skipped" in p.message) for p in story.skipped] == [
        (str(tmp_path), True)
    ]


def test_an_html_page_may_be_ten_times_the_article_limit(monkeypatch):
    monkeypatch.setenv(MAX_ARTICLE_CHARS_ENV, "100")
    page = "<p>" + "x" * 997 + "</p>"
    expected = r"^page\.html: the page is 1,004 characters long, over the limit of 1,000; set "
    with pytest.raises(LoadError, match=expected):
        load_story_bytes("page.html", page.encode())
    with pytest.raises(LoadError, match="no main text"):  # 1,000 characters: read as HTML
        load_story_bytes("page.html", page[:-4].encode())


@pytest.mark.parametrize("value", ["abc", "0", "-5", "1.5"])
def test_a_limit_that_is_not_a_positive_number_is_an_error(monkeypatch, value):
    monkeypatch.setenv(MAX_ARTICLES_ENV, value)
    with pytest.raises(LoadError, match=f"^{MAX_ARTICLES_ENV}: must be a whole number"):
        load_story_bytes("a.txt", b"Text.")


def test_metadata_and_messages_are_cut_to_a_sane_length():
    long_outlet = "Outlet " * 1_000
    story = load_story_bytes(
        "rows.jsonl", json.dumps({"text": "Hi.", "outlet": long_outlet}).encode()
    )
    assert len(story.articles[0].outlet) == 1_000 and story.articles[0].outlet.endswith("…")
    with pytest.raises(LoadError) as raised:
        load_story_bytes("wide.csv", b"x" * 1_000_000 + b"\nrow\n")
    assert len(raised.value.message) == 300 and str(raised.value).startswith("wide.csv: has no")


def test_parquet_columns_that_differ_only_in_case_or_blanks_are_one_column():
    buffer = io.BytesIO()
    pd.DataFrame({"Text": ["first"], "text ": ["Second text."]}).to_parquet(buffer)
    story = load_story_bytes("rows.parquet", buffer.getvalue())
    assert [a.raw_text for a in story.articles] == ["Second text."]
