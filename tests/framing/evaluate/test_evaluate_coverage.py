"""The coverage deletion test on a hand-made copy of NewsWCL50's layout (invented
articles, never the data): the removal rule, the cut, and the rows of the table."""

from __future__ import annotations

from evaluate_helpers import LEXICON, write

from framing.evaluate import find_removals, load_event_texts, score_coverage
from framing.evaluate.coverage import remove_spans
from framing.text import split_sentences

EVENT = {
    "L": "Rebels seized the Karun dam at dawn after a long siege. "
    "The mayor opened a bakery. Officials counted the damage later.",
    "M": "At dawn, rebels seized the Karun dam after a siege that lasted weeks. "
    "Schools stayed closed.",
    "R": "A long siege ended when rebels seized the Karun dam at dawn. "
    "Farmers feared for their fields.",
}


def sentences_of(texts):
    return {o: split_sentences(t) for o, t in texts.items()}


def test_a_sentence_with_a_counterpart_in_every_other_outlet_is_removed():
    (removal,) = find_removals(sentences_of(EVENT), "L")
    assert EVENT["L"][removal.start : removal.end].startswith("Rebels seized the Karun dam")
    assert set(removal.counterparts) == {"M", "R"}
    start, end = removal.counterparts["R"]
    assert EVENT["R"][start:end].startswith("A long siege ended")


def test_nothing_is_removed_without_counterparts_everywhere_or_when_said_twice():
    lonely = {**EVENT, "R": "Farmers feared for their fields. The weather was mild."}
    assert find_removals(sentences_of(lonely), "L") == []
    twice = {**EVENT, "L": EVENT["L"] + " The Karun dam fell to rebels at dawn after the siege."}
    assert find_removals(sentences_of(twice), "L") == []


def test_removed_sentences_are_cut_with_their_blanks():
    text = "One. Two two. Three."
    assert remove_spans(text, [(5, 13)]) == "One. Three."
    assert remove_spans(text, [(0, 4), (14, 20)]) == "Two two. "


def test_the_event_folders_and_the_table_rows(tmp_path):
    for event in (0, 3):
        for outlet, text in EVENT.items():
            write(tmp_path / f"event_{event}" / f"{event}_{outlet}.txt", text)
        write(tmp_path / f"event_{event}" / f"{event}_L_sent.txt", "not an article\n")
    events = load_event_texts(tmp_path)
    assert sorted(events) == [0, 3] and list(events[0]) == ["L", "M", "R"]
    results = score_coverage(events, LEXICON)
    datasets = {r.dataset for r in results}
    assert datasets == {"NewsWCL50 coverage, events 0 (tuning)", "NewsWCL50 coverage, events 3"}
    by_metric = {(r.dataset, r.metric): r for r in results}
    recall = by_metric[("NewsWCL50 coverage, events 3", "left out: recall")]
    assert recall.n == 3 and 0 <= recall.slant <= 1 and 0 <= recall.baseline <= 1
