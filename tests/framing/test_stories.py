"""Same-event grouping: golden cases (same event, other events, the same words far apart in
time, undated articles), order independence, the streamed file and its engines, the CLI."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

from framing.io import LoadError
from framing.models import Article
from framing.provenance import PROVENANCE_COLUMN, describe_provenance
from framing.stories import (
    ARTICLE_STORY_COLUMNS,
    STORY_COLUMNS,
    find_article_terms,
    find_names,
    group_articles,
    group_file,
)
from framing.stories.features import find_term_counts, parse_day
from framing.stories.grouping import GroupingSettings

ROOT = Path(__file__).resolve().parents[2]

# Three events, each told by three outlets in their own words.
EVENTS = {
    "budget": [
        (
            "Senate passes budget after all-night session",
            "The Senate passed the $1.2 trillion budget bill early Friday after an all-night "
            "session, sending it to the House. Majority leader Chuck Schumer said the vote "
            "ended months of talks over spending on roads, bridges and broadband.",
        ),
        (
            "Budget bill clears Senate",
            "Senators approved the spending bill by 69 votes to 30 on Friday morning. Chuck "
            "Schumer called the budget a once-in-a-generation investment in roads and bridges; "
            "Republicans said the trillion-dollar bill spends too much.",
        ),
        (
            "Schumer wins overnight budget vote",
            "After an overnight session, the Senate approved the $1.2 trillion budget. The bill "
            "now heads to the House, where Nancy Pelosi must hold her caucus together on "
            "broadband and bridges spending.",
        ),
    ],
    "quake": [
        (
            "Earthquake kills dozens in Haiti",
            "A magnitude 7.2 earthquake struck southwestern Haiti on Saturday, killing at least "
            "304 people and flattening churches and homes near Les Cayes, officials said. "
            "Prime Minister Ariel Henry declared a month-long state of emergency.",
        ),
        (
            "Haiti quake toll rises",
            "The death toll from the 7.2 earthquake in Haiti rose to 304 as rescuers dug through "
            "rubble in Les Cayes. Ariel Henry said hospitals were overwhelmed with the injured.",
        ),
        (
            "Powerful quake hits Haiti",
            "Rescue teams searched collapsed homes near Les Cayes after a 7.2 magnitude "
            "earthquake shook Haiti, killing 304 people. Ariel Henry asked for international help "
            "with the emergency.",
        ),
    ],
    "final": [
        (
            "Italy beat England on penalties to win Euro 2020",
            "Italy won Euro 2020 at Wembley, beating England 3-2 on penalties after a 1-1 draw. "
            "Gianluigi Donnarumma saved the decisive kick from Bukayo Saka.",
        ),
        (
            "Heartbreak for England at Wembley",
            "England lost the Euro 2020 final to Italy on penalties. Bukayo Saka missed the last "
            "spot kick and Gianluigi Donnarumma was named player of the tournament.",
        ),
        (
            "Donnarumma the hero as Italy lift the trophy",
            "Gianluigi Donnarumma saved from Bukayo Saka as Italy beat England on penalties at "
            "Wembley to win Euro 2020 after extra time ended 1-1.",
        ),
    ],
}
OUTLETS = ("Daily Left", "Centre News", "Right Herald")
DAYS = {"budget": "2021-08-10", "quake": "2021-08-14", "final": "2021-07-11"}


def _articles(days: dict[str, str] = DAYS) -> list[Article]:
    return [
        Article(f"{event}-{n}", OUTLETS[n], title, days[event], "", text, text)
        for event, items in EVENTS.items()
        for n, (title, text) in enumerate(items)
    ]


def _stories(grouping) -> dict[str, str]:
    return dict(zip(grouping.articles["article_id"], grouping.articles["story"], strict=True))


def _partition(grouping) -> set[frozenset[str]]:
    frame = grouping.articles
    return {frozenset(ids) for _, ids in frame.groupby("story")["article_id"]}


GOLD = {frozenset(f"{event}-{n}" for n in range(3)) for event in EVENTS}


# --- the cheap reading -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "The White House said Kim Jong Un met Mike Pompeo.",
            {"White House", "Kim Jong Un", "Mike Pompeo"},
        ),
        ("Talks with the Bank of England resumed.", {"Bank of England"}),
        (
            "Officials met Trump. Biden spoke later.",
            {"Trump"},
        ),  # one word opening a sentence: no name
        ("However, nothing changed.", set()),
        ("Donald Trump's lawyers and the U.S. Senate", {"Donald Trump", "U.S. Senate"}),
    ],
)
def test_names_are_runs_of_capitalised_words(text, names):
    assert set(find_names(text)) == names


def test_terms_are_stems_and_whole_numbers_without_function_words():
    counts = find_term_counts("The vaccines were vaccinated: 473,000 doses, 5 days, in 2021.")
    assert counts["vaccin"] == 2  # vaccines, vaccinated
    assert counts["#473000"] == 1 and counts["#2021"] == 1
    assert "the" not in counts and "#5" not in counts and "in" not in counts


def test_title_counts_double_and_the_key_ignores_the_id():
    article = Article("x", "Outlet", "Quake hits Haiti", "2021-08-14", "", "Haiti shook.", "")
    terms = find_article_terms(article)
    assert terms.terms["haiti"] == 3 and terms.day == parse_day("2021-08-14")
    assert find_article_terms(replace(article, id="y")).key == terms.key
    assert find_article_terms(replace(article, text="Haiti shook!")).key != terms.key


@pytest.mark.parametrize("date", ["", "2021-08", "2021", "not a date"])
def test_partial_or_missing_dates_are_undated(date):
    assert parse_day(date) is None


# --- golden groupings ------------------------------------------------------------------


def test_each_event_is_one_story_and_events_stay_apart():
    grouping = group_articles(_articles())
    assert _partition(grouping) == GOLD
    assert list(grouping.articles.columns) == ARTICLE_STORY_COLUMNS
    assert list(grouping.stories.columns) == STORY_COLUMNS
    first = grouping.stories.iloc[0]  # by first date: the final came first
    assert first["first_date"] == first["last_date"] == "2021-07-11"
    assert first["articles"] == 3 and first["outlets"] == 3
    assert first["outlet_list"] == "Centre News; Daily Left; Right Herald"
    actors, _, words = first["story_name"].partition(": ")
    assert set(actors.split(", ")) <= {"Euro", "England", "Italy", "Wembley",
                                       "Gianluigi Donnarumma", "Bukayo Saka"}  # fmt: skip
    assert len(words.split(", ")) == 3


def test_the_same_words_far_apart_in_time_are_different_stories():
    """The third budget vote is not the first: the same text a month later is a new event."""
    budget = [a for a in _articles() if a.id.startswith("budget")]
    later = [replace(a, id=a.id + "-again", date="2021-09-10") for a in budget]
    grouping = group_articles(budget + later)
    assert _partition(grouping) == {
        frozenset(a.id for a in budget),
        frozenset(a.id for a in later),
    }


def test_a_day_apart_is_still_one_event():
    articles = _articles({**DAYS, "quake": "2021-08-14"})
    articles = [replace(a, date="2021-08-15") if a.id == "quake-2" else a for a in articles]
    assert _partition(group_articles(articles)) == GOLD


def test_undated_articles_join_their_event_by_text_and_names():
    articles = [replace(a, date="") if a.id.endswith("-1") else a for a in _articles()]
    assert _partition(group_articles(articles)) == GOLD


def test_a_corpus_without_dates_is_grouped_by_text_alone():
    articles = [replace(a, date="") for a in _articles()]
    grouping = group_articles(articles)
    assert _partition(grouping) == GOLD
    assert set(grouping.stories["first_date"]) == {""}


def test_undated_articles_never_bridge_two_dated_stories():
    """An undated article about both budget votes joins one of them, not both."""
    budget = [a for a in _articles() if a.id.startswith("budget")]
    later = [replace(a, id=a.id + "-again", date="2021-09-10") for a in budget]
    bridge = replace(budget[0], id="undated", date="")
    stories = _stories(group_articles([*budget, *later, bridge]))
    assert stories[budget[0].id] != stories[later[0].id]
    assert stories["undated"] in {stories[budget[0].id], stories[later[0].id]}


def test_unrelated_articles_on_one_day_stay_apart():
    articles = [replace(a, date="2021-08-10") for a in _articles()]
    assert _partition(group_articles(articles)) == GOLD


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_grouping_does_not_depend_on_the_input_order(seed):
    articles = _articles() + [replace(a, date="") for a in _articles()[:2]]
    articles = [replace(a, id=f"{a.id}-{n}") for n, a in enumerate(articles)]
    expected = group_articles(articles)
    shuffled = articles[:]
    random.Random(seed).shuffle(shuffled)
    got = group_articles(shuffled)
    assert _stories(got) == _stories(expected)
    assert got.stories.equals(expected.stories)


def test_story_ids_are_numbered_by_first_date():
    stories = group_articles(_articles()).stories
    assert list(stories["story"]) == ["s1", "s2", "s3"]
    assert list(stories["first_date"]) == sorted(stories["first_date"])


def test_a_stricter_threshold_splits_more():
    loose = group_articles(_articles(), GroupingSettings(threshold=0.05))
    strict = group_articles(_articles(), GroupingSettings(threshold=0.9))
    assert len(strict.stories) == 9 and len(loose.stories) <= 3


# --- a bulk file, streamed -------------------------------------------------------------


def _write_corpus(path: Path, articles: list[Article]) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for a in articles:
            record = {"id": a.id, "outlet": a.outlet, "title": a.title, "date": a.date,
                      "text": a.text}  # fmt: skip
            handle.write(json.dumps(record) + "\n")
    return path


@pytest.fixture
def corpus_file(tmp_path) -> Path:
    articles = _articles() + [replace(_articles()[4], id="undated-quake", date="")]
    return _write_corpus(tmp_path / "corpus.jsonl", articles)


def test_streamed_file_groups_as_in_memory(corpus_file, tmp_path):
    streamed = group_file(corpus_file, chunk_size=4, jobs=1, progress=False)
    assert _partition(streamed) == {
        *(g for g in GOLD if "quake-0" not in g),
        frozenset({"quake-0", "quake-1", "quake-2", "undated-quake"}),
    }
    out, stories_out = tmp_path / "articles.csv", tmp_path / "stories.parquet"
    empty = group_file(corpus_file, out, stories_out, chunk_size=4, jobs=1, progress=False)
    assert empty.articles.empty
    written = pd.read_csv(out, keep_default_na=False)
    assert list(written["article_id"]) == list(streamed.articles["article_id"])  # input order
    assert list(written["story"]) == list(streamed.articles["story"])
    assert set(written[PROVENANCE_COLUMN]) == {describe_provenance(None)}
    stories = pd.read_parquet(stories_out)
    assert set(stories.pop(PROVENANCE_COLUMN)) == {describe_provenance(None)}
    pd.testing.assert_frame_equal(stories, streamed.stories)
    assert not (tmp_path / "articles.csv.parts").exists()


def test_chunk_size_and_worker_processes_do_not_change_the_result(corpus_file):
    one = group_file(corpus_file, chunk_size=100, jobs=1, progress=False)
    two = group_file(corpus_file, chunk_size=3, jobs=2, progress=False)
    pd.testing.assert_frame_equal(one.articles, two.articles)
    pd.testing.assert_frame_equal(one.stories, two.stories)


def test_resume_keeps_the_chunks_already_read(corpus_file, tmp_path, monkeypatch):
    out = tmp_path / "out.jsonl"
    first = group_file(corpus_file, out, chunk_size=4, jobs=1, progress=False)
    from framing import stories as package

    calls = []
    real = package.corpus.find_chunk_terms
    interrupt = [True]

    def counting(rows, shared=None):
        calls.append(len(rows))
        if len(calls) == 2 and interrupt:
            interrupt.clear()
            raise KeyboardInterrupt
        return real(rows, shared)

    monkeypatch.setattr(package.corpus, "find_chunk_terms", counting)
    with pytest.raises(KeyboardInterrupt):
        group_file(corpus_file, out, chunk_size=4, jobs=1, progress=False)
    assert (tmp_path / "out.jsonl.parts").is_dir()
    calls.clear()
    again = group_file(corpus_file, out, chunk_size=4, jobs=1, progress=False, resume=True)
    assert len(calls) == 2  # the first chunk was kept; the other two were read
    pd.testing.assert_frame_equal(again.stories, first.stories)


def test_resume_needs_an_output_file(corpus_file):
    with pytest.raises(LoadError, match="--resume needs --out"):
        group_file(corpus_file, resume=True, progress=False)


def test_dask_engine_gives_the_same_result(corpus_file):
    local = group_file(corpus_file, chunk_size=4, jobs=1, progress=False)
    dask = group_file(corpus_file, chunk_size=4, jobs=2, engine="dask", progress=False)
    pd.testing.assert_frame_equal(local.articles, dask.articles)
    pd.testing.assert_frame_equal(local.stories, dask.stories)


# --- the command line --------------------------------------------------------------------


def run(*args):
    return subprocess.run(
        [sys.executable, "-m", "framing", "stories", *map(str, args)],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )  # fmt: skip


def test_cli_prints_one_record_per_article(corpus_file):
    result = run(corpus_file, "--format", "json", "--jobs", "1")
    assert result.returncode == 0, result.stderr
    records = json.loads(result.stdout)
    assert len(records) == 10
    assert {"article_id", "outlet", "date", "story", "story_name"} <= set(records[0])
    csv = run(corpus_file, "--format", "csv", "--jobs", "1")
    assert csv.stdout.splitlines()[0] == ",".join(ARTICLE_STORY_COLUMNS)


def test_cli_writes_both_tables(corpus_file, tmp_path):
    out, stories = tmp_path / "a.parquet", tmp_path / "s.csv"
    result = run(corpus_file, "--out", out, "--stories-out", stories, "--jobs", "1")
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert len(pd.read_parquet(out)) == 10
    assert list(pd.read_csv(stories).columns) == [*STORY_COLUMNS, PROVENANCE_COLUMN]
    assert "10 articles made" in result.stderr


def test_cli_groups_a_story_folder_in_memory():
    result = run(ROOT / "data" / "stories" / "libya-ceasefire-2020")
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == 5


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.jsonl"], "missing.jsonl"),
        (["corpus", "--out", "x.xlsx"], "cannot write .xlsx"),
        (["corpus", "--resume"], "--resume needs --out"),
        (["folder", "--engine", "dask"], "need a bulk file"),
    ],
)
def test_cli_bad_input_is_one_line_and_exit_2(args, message, corpus_file, tmp_path):
    args = [
        str(corpus_file) if a == "corpus" else str(tmp_path) if a == "folder" else a for a in args
    ]
    result = run(*args)
    assert result.returncode == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_cli_reports_skipped_rows(tmp_path):
    path = _write_corpus(tmp_path / "c.jsonl", _articles()[:2])
    with path.open("a", encoding="utf-8") as handle:
        handle.write("{not json}\n")
    result = run(path, "--jobs", "1")
    assert result.returncode == 0
    assert "skipped:" in result.stderr and ":3:" in result.stderr
