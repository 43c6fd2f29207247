"""Twenty pairs of sentences that report the same fact in different words, in two outlets of
one NewsWCL50 dev event (events 0-2; events 3 and 4 are held out), aligned by hand before
the coverage method was tuned, and fixed here.

Each side is located by the first words of its sentence (the data set's text never goes
into the repository: the articles are read from ../shared/eval/newswcl50, and the tests
skip where it is absent). The pairs were picked by reading each event's five articles side
by side: same event, same claim, different wording (paraphrase, a quotation retold in the
reporter's words, a number against a description), never two copies of one text.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

import pytest

from framing.analysis import analyze_story
from framing.evaluate.newswcl50 import ASCII_QUOTES, NEWSWCL50_OUTLETS
from framing.models import Article, Story

# ../shared beside the project, or the folder $SLANT_SHARED_DIR names.
SHARED = Path(os.environ.get("SLANT_SHARED_DIR") or Path(__file__).resolve().parents[4] / "shared")
NEWSWCL50 = SHARED / "eval" / "newswcl50"

Side = tuple[int, str, str]  # event, outlet, the first words of the sentence
PAIRS: tuple[tuple[Side, Side], ...] = (
    # event 0: Pompeo's secret trip to North Korea; Trump meets Abe
    ((0, "RR", "CIA Director Mike Pompeo, now President"),
     (0, "L", "President Trump dispatched the C.I.A. director")),
    ((0, "LL", "Pompeo reportedly made the secret visit"),
     (0, "RR", "Pompeo made the trip for high-level talks")),
    ((0, "RR", "He denied personally speaking to Jong-un"),
     (0, "M", "Aides said Trump himself has not spoken with Kim")),
    ((0, "M", "President Donald Trump says conversations between"),
     (0, "L", "On Tuesday, Mr. Trump also said he would give his blessing")),
    ((0, "R", "Kim's offer for a summit was initially conveyed"),
     (0, "L", "The White House has used intelligence, rather than")),
    ((0, "RR", "Trump appeared eager to conclude a successful"),
     (0, "M", "With Abe at his side, Trump repeated")),
    ((0, "M", "Trump expects Abe to ask for an exemption"),
     (0, "L", "Mr. Kudlow said he expected Mr. Abe to petition")),
    # event 1: the Comey memos released to Congress
    ((1, "RR", "The 15 pages of Comey's memos"),
     (1, "L", "The redacted and declassified memos")),
    ((1, "LL", "At one point, Comey wrote that Trump said he had"),
     (1, "L", "In one previously undisclosed exchange")),
    ((1, "R", "The assurance from Comey that Trump was not being"),
     (1, "L", "Mr. Flynn was eventually fired for misleading")),
    ((1, "M", "Flynn later pleaded guilty to lying"),
     (1, "L", "Mr. Flynn has since pleaded guilty")),
    ((1, "RR", "The Republican officials noted that Comey held Trump"),
     (1, "M", "The chairmen said the memos underscore")),
    ((1, "L", "He said Mr. Trump did not specify when"),
     (1, "M", "Comey said that he did not know when Trump")),
    ((1, "LL", "Comey also recounted the moment Trump allegedly"),
     (1, "M", "They detail the president's alleged demands")),
    # event 2: Kim suspends nuclear and missile tests
    ((2, "L", "Mr. Kim made no mention in his latest remarks"),
     (2, "R", "And of critical importance, Kim gave no indication")),
    ((2, "L", "In a statement after a meeting of the Central Committee"),
     (2, "M", "As the weaponisation of nuclear weapons")),
    ((2, "M", "Just days earlier, President Trump expressed a caution"),
     (2, "LL", "He has said that he hoped to discuss denuclearizing")),
    ((2, "RR", "The announcement follows the debut of a historic"),
     (2, "L", "An arms announcement from North Korea came one day")),
    ((2, "LL", "On Thursday, President Moon said North Korea has agreed"),
     (2, "L", "On Thursday, Mr. Moon said Mr. Kim had made a similar")),
    ((2, "LL", "It also plans to close down a nuclear test site"),
     (2, "L", "It also said the North would")),
)  # fmt: skip
DEV_EVENTS = (0, 1, 2)

needs_data = pytest.mark.skipif(not NEWSWCL50.is_dir(), reason="NewsWCL50 is not here")


def read_article(event: int, outlet: str) -> str:
    return (NEWSWCL50 / f"event_{event}" / f"{event}_{outlet}.txt").read_text(encoding="utf-8")


def locate(side: Side) -> int:
    """The offset of a side's first words in its article (quotes compared as ASCII: the
    translation maps one character to one, so offsets hold)."""
    event, outlet, words = side
    text = read_article(event, outlet).translate(ASCII_QUOTES)
    assert text.count(words) == 1, side
    return text.index(words)


def test_twenty_pairs_across_outlets_of_the_dev_events():
    assert len(PAIRS) == 20
    for a, b in PAIRS:
        assert a[0] == b[0] and a[0] in DEV_EVENTS and a[1] != b[1]


@needs_data
@pytest.mark.parametrize(("a", "b"), PAIRS, ids=lambda side: f"{side[0]}_{side[1]}")
def test_each_side_is_found_once_in_its_article(a, b):
    locate(a)
    locate(b)


@functools.cache
def event_facts(event: int) -> dict[str, list[tuple[int, int, str]]]:
    """Outlet -> (start, end, fact) of each sentence in a fact, for one event analysed as
    one story (no lexicon: the generic one, as the evaluation runs it)."""
    articles = tuple(
        Article(f"{event}_{o}", o, "", "", "", read_article(event, o), read_article(event, o))
        for o in NEWSWCL50_OUTLETS
    )
    analysis = analyze_story(Story(f"event-{event}", "", "", articles))
    found: dict[str, list[tuple[int, int, str]]] = {}
    for row in analysis.fact_sentences.itertuples(index=False):
        found.setdefault(row.outlet, []).append((int(row.start), int(row.end), row.fact))
    return found


def fact_of(side: Side) -> str | None:
    at = locate(side)
    spans = event_facts(side[0])[side[1]]
    return next((fact for start, end, fact in spans if start <= at < end), None)


# Measured with the settings chosen on the deletion test: 10 of the 20 are aligned. The
# others are paraphrases that share too few words (or only names) with their partner:
# "denied personally speaking to Jong-un" / "has not spoken with Kim".
KNOWN_MISSES = frozenset({2, 3, 5, 6, 12, 13, 14, 15, 16, 17})


@needs_data
@pytest.mark.parametrize(
    "number",
    [
        pytest.param(n, marks=pytest.mark.xfail(strict=True, reason="paraphrase not aligned"))
        if n in KNOWN_MISSES
        else n
        for n in range(len(PAIRS))
    ],
)
def test_the_two_sentences_of_a_pair_are_one_fact(number):
    a, b = PAIRS[number]
    fact = fact_of(a)
    assert fact is not None and fact == fact_of(b)
