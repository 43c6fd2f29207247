"""PolNeAR: reading its brat files, matching attributions, Slant against the baseline."""

import pytest
from evaluate_helpers import write

from framing.evaluate import (
    GoldAttribution,
    Predicted,
    find_baseline_attributions,
    load_polnear,
    score_polnear,
)
from framing.evaluate.polnear import _count, _Counts, _same_source, find_slant_attributions
from framing.io import LoadError
from framing.reading import read_text

TEXT = (
    '"We will win this state by a mile," Senator Jane Doe said on Tuesday.\n\n'
    "Her rival, Governor Tom Roe, told reporters that the polls were wrong about him.\n"
)


def _span(phrase: str, text: str = TEXT) -> tuple[tuple[int, int], ...]:
    start = text.index(phrase)
    return ((start, start + len(phrase)),)


def _ann(text: str = TEXT) -> str:
    quote, doe, said = '"We will win this state by a mile,"', "Senator Jane Doe", "said"
    clause, roe, told = "the polls were wrong about him", "Governor Tom Roe", "told"
    lines, n = [], 0
    for content, source, cue in ((quote, doe, said), (clause, roe, told)):
        ids = []
        for kind, phrase in (("Content", content), ("Source", source), ("Cue", cue)):
            n += 1
            ((start, end),) = _span(phrase, text)
            lines.append(f"T{n}\t{kind} {start} {end}\t{phrase}")
            ids.append(f"{kind}:T{n}")
        lines.append(f"E{n}\tAttribution:T{n} " + " ".join(ids))
    return "\n".join(lines) + "\n"


GOLD = [
    GoldAttribution(_span('"We will win this state by a mile,"'), _span("Senator Jane Doe")),
    GoldAttribution(_span("the polls were wrong about him"), _span("Governor Tom Roe")),
]


def _tree(tmp_path, ann=None):
    write(tmp_path / "dev" / "text" / "a1.txt", TEXT)
    write(tmp_path / "dev" / "attributions" / "a1_ann1.ann", ann if ann is not None else _ann())
    write(tmp_path / "dev" / "text" / "unannotated.txt", "No annotations for this one.")
    return tmp_path


def test_load_polnear_reads_content_source_and_cue(tmp_path):
    ((text, gold),) = load_polnear(_tree(tmp_path))
    assert text == TEXT
    assert [" ".join(TEXT[a:b] for a, b in g.content) for g in gold] == [
        '"We will win this state by a mile,"',
        "the polls were wrong about him",
    ]
    assert [TEXT[g.source[0][0] : g.source[0][1]] for g in gold] == [
        "Senator Jane Doe",
        "Governor Tom Roe",
    ]
    assert [TEXT[g.cue[0][0] : g.cue[0][1]] for g in gold] == ["said", "told"]


def test_a_content_in_pieces_is_one_attribution(tmp_path):
    first, second = _span("We will win"), _span("by a mile")
    ann = (
        f"T1\tContent {first[0][0]} {first[0][1]};{second[0][0]} {second[0][1]}\tWe will win by\n"
        "E1\tAttribution:T1 Content:T1\n"
        "T2\tSource 0 3\tnot tied to any event\n"
    )
    ((_, gold),) = load_polnear(_tree(tmp_path, ann))
    assert gold == [GoldAttribution(first + second)]


def test_no_annotated_article_is_a_load_error_naming_the_folder(tmp_path):
    write(tmp_path / "dev" / "text" / "a1.txt", TEXT)
    with pytest.raises(LoadError, match="dev"):
        load_polnear(tmp_path)


def test_baseline_credits_a_quotation_to_the_last_name_before_it():
    text = 'Mayor Ann Lee spoke. "The bridge will open in May, on time," the mayor said.'
    (predicted,) = find_baseline_attributions(text)
    assert predicted.direct and predicted.source == "Mayor Ann Lee"
    assert text[predicted.content[0][0] : predicted.content[0][1]].startswith('"The bridge')


@pytest.mark.parametrize(
    ("predicted", "matched", "source_right", "direct_found"),
    [
        # the quote, credited to "Doe": found, source right, a direct quote found
        ([Predicted(_span('"We will win this state by a mile,"'), True, "Doe")], 1, 1, 1),
        # the right words credited to the wrong person
        ([Predicted(_span('"We will win this state by a mile,"'), True, "Roe")], 1, 0, 1),
        # "him" is no content word of the gold source: pronouns must match themselves
        ([Predicted(_span("the polls were wrong about him"), False, "he")], 1, 0, 0),
        # too little of the gold content to find it
        ([Predicted(_span("Her rival, Governor Tom Roe, told"), False, "Roe")], 0, 0, 0),
        # one prediction finds one gold attribution only
        ([Predicted(_span("the polls were wrong about him"), False, "Roe")] * 2, 1, 1, 0),
    ],
)
def test_matching_and_sources(predicted, matched, source_right, direct_found):
    counts = _Counts()
    _count(counts, TEXT, GOLD, predicted)
    assert (counts.gold, counts.direct_gold) == (2, 1)
    assert (counts.matched, counts.source_right, counts.direct_found) == (
        matched,
        source_right,
        direct_found,
    )


def test_score_polnear_on_a_tiny_article():
    rows = {r.metric: r for r in score_polnear([(TEXT, GOLD)])}
    assert rows["direct quotes found"].slant == 1 and rows["direct quotes found"].n == 1
    assert rows["direct quotes: source right (of found)"].slant == 1
    # the baseline finds only the quotation; Slant also the reported speech
    assert rows["all: recall"].baseline == 0.5
    assert rows["all: recall"].slant == 1
    assert rows["all: F1 with source right"].slant == 1


def test_a_repeated_quotation_is_matched_where_it_stands():
    # A headline repeats the quotation word for word: the prediction at the quotation
    # finds the gold attribution of the quotation, not the headline's.
    text = 'Mayor: "We will open the bridge in May."\n"We will open the bridge in May," Lee said.'
    headline = _span('"We will open the bridge in May."', text)
    second = text.rindex('"We will open')
    body = ((second, second + len('"We will open the bridge in May,"')),)
    gold = [
        GoldAttribution(headline, _span("Mayor", text)),
        GoldAttribution(body, _span("Lee", text)),
    ]
    counts = _Counts()
    _count(counts, text, gold, [Predicted(body, True, "Lee")])
    assert (counts.matched, counts.source_right) == (1, 1)


@pytest.mark.parametrize(
    ("predicted", "gold", "right"),
    [
        ("Roe", "Governor Roe's", True),  # a possessive is its owner
        ("his", "his", True),  # a possessive pronoun names the source
        ("Roe", "his", False),
    ],
)
def test_possessive_sources(predicted, gold, right):
    assert _same_source(predicted, gold) is right


def test_only_the_outermost_attribution_is_scored():
    text = '"I think we lost the state by a mile," Jane Doe said.'
    (predicted,) = find_slant_attributions(read_text(text))
    assert text[predicted.content[0][0] : predicted.content[0][1]].startswith('"I think')
