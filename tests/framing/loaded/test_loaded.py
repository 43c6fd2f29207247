"""Loaded language in context: neutral senses, the general rules, and the lexicon's
precedence over both (golden tables of invented sentences)."""

import pytest

from framing.analysis import is_loaded
from framing.lexicon import load_lexicons, parse_lexicon
from framing.models import Article
from framing.reading import read_text
from framing.terms import find_term_hits

GENERIC = load_lexicons(["loaded_language"])


def _hits(text, lexicon=GENERIC):
    reading = read_text(text)
    article = Article("a", "X", "", "", "", text, text)
    return find_term_hits(
        article, lexicon, sentences=reading.sentences, doc=reading.doc, quotes=reading.quotes
    )


def _loaded(text, lexicon=GENERIC):
    return [(h.text, h.rule) for h in _hits(text, lexicon) if is_loaded(h)]


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("Asylum claims rose sharply last year.", "claims"),
        ("The sanctions regime was tightened in May.", "regime"),
        ("The terrorist attacks of Sept. 11 changed the city.", "terrorist"),
        ("Illegal crossings fell at the southern border.", "Illegal"),
        ("She cited a fear of persecution at home.", "persecution"),
        ("He denied allegations of genocide.", "genocide"),
    ],
)
def test_neutral_senses_are_listed_but_not_counted(sentence, word):
    (hit,) = [h for h in _hits(sentence) if h.text == word]
    assert hit.rule == "neutral_sense" and not is_loaded(hit) and hit.note


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("The Assad regime shelled the town.", "regime"),  # a name compounded: the label
        ("He repeated his claims about the vote.", "claims"),  # a noun without a compound
        ("Terrorists attacked the convoy.", "Terrorists"),
        ("They called them illegal immigrants.", "illegal"),  # people, not an act
        ("Critics denounced the persecution of journalists.", "persecution"),
    ],
)
def test_loaded_senses_stay_loaded(sentence, word):
    assert (word, "lexicon") in _loaded(sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("He defended the pathetic nuclear deal.", [("pathetic", "evaluative_adjective")]),
        ('"He is an idiot," she said.', [("idiot", "evaluative_noun")]),
        ("The mayor called the plan stupid.", [("stupid", "evaluative_adjective")]),
        ("It was an extremely shoddy episode.", [("extremely shoddy", "intensified")]),
        (
            'The so-called "experts" disagreed.',
            [("so-called", "lexicon"), ("experts", "scare_quotes")],
        ),
        ("The council approved the budget on Tuesday.", []),
        ("Three people were killed and two injured.", []),  # states, not judgements
        ("It was a good and important day.", []),  # the ordinary way of saying it
        ('She said "yes" and left.', []),  # a quoted answer is not a scare quote
    ],
)
def test_rules(sentence, expected):
    assert _loaded(sentence) == expected


@pytest.mark.xfail(reason="idioms are phrases no word-level rule sees", strict=True)
def test_idioms_are_missed():
    assert _loaded("He whipped himself into a fury over the deal.")


@pytest.mark.xfail(reason="words neither resource lists: vaunted, disgraceful", strict=True)
def test_words_the_resources_lack_are_missed():
    assert _loaded("He defended the vaunted deal, a disgraceful one.")


def test_the_story_lexicon_wins_over_the_rules():
    own = parse_lexicon(
        "kind,text,forms,category,actor,camp,valence,note\n"
        "term,vaunted,,neutral,,,0,the programme's official name in this story\n"
        "term,stupid,,name_calling,,,-2,our own reading of it\n",
        "mine.csv",
    )
    lexicon = load_lexicons(["loaded_language"])
    merged = type(lexicon)(entries=own.entries + lexicon.entries)
    hits = _hits("He defended the vaunted deal and called it stupid.", merged)
    assert [(h.text, h.rule, h.category, h.lexicon) for h in hits if is_loaded(h)] == [
        ("stupid", "lexicon", "name_calling", "mine")
    ]
