import pytest

from framing.models import Actor, Article, Lexicon, LexiconEntry
from framing.reading import read_text
from framing.terms import find_actor_mentions, find_lexicon_matches, find_term_hits
from framing.voices import find_attributions, resolve_speakers


def _term(text, category="name_calling", valence=-2, forms=(), actor=None):
    return LexiconEntry(
        term=text,
        forms=(text, *forms),
        category="label" if actor else category,
        valence=valence,
        note="test entry",
        lexicon="test",
        actor=actor,
    )


LEXICON = Lexicon(
    entries=(
        _term("so-called", "distancing", -2),
        _term("warlord", valence=-2),
        _term("slammed", "loaded_verb", -1, forms=("slam", "slams")),
        _term("under the pretext of", "distancing", -1),
        _term("rebel leader", valence=-1, actor="haftar"),
        _term("libyan army commander", valence=1, actor="haftar"),
        _term("invaders", valence=-2),
        _term("field marshal", valence=1, actor="haftar"),
        _term("warlord", valence=-2, actor="haftar"),  # a story label beats the generic entry
    ),
    actors=(
        Actor("haftar", "Khalifa Haftar", ("Haftar", "Hafter", "Hifter"), "east"),
        Actor("lna", "Libyan National Army", ("LNA", "Libyan army", "Haftar forces"), "east"),
        Actor(
            "gna", "Government of National Accord", ("GNA", "Government of National Accord"), "west"
        ),  # fmt: skip
    ),
    camps=("east", "west"),
)


def _article(text):
    return Article(id="a1", outlet="O", title="t", date="", url="", text=text, raw_text=text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (matched text, term, target)
        ("the so-called Government of National Accord (GNA)",
         [("so-called", "so-called", "gna")]),
        ("Libyan Field Marshal and rebel leader Khalifa Haftar said",
         [("Field Marshal", "field marshal", "haftar"),
          ("rebel leader", "rebel leader", "haftar")]),
        ("The Libyan army commander, Khalifa Haftar, confirmed",
         [("Libyan army commander", "libyan army commander", "haftar")]),
        ("Haftar forces bombed the port under the pretext of targeting a depot.",
         [("under the pretext of", "under the pretext of", "lna")]),
        ("The GNA slammed Haftar. Hifter slams the GNA.",
         [("slammed", "slammed", "gna"), ("slams", "slammed", "haftar")]),
        ("WARLORD Hafter", [("WARLORD", "warlord", "haftar")]),
        ("Field Marshal Khalifa Haftar spoke.", [("Field Marshal", "field marshal", "haftar")]),
        # a label is not credited when it titles another name, or the actor is absent
        ("Field Marshal Abdel Fattah al-Sisi met Haftar.", []),
        ("The rebel leader spoke.", []),
        ("A warlord appeared. Haftar left.", [("warlord", "warlord", "haftar")]),
        # a modifier of a common noun describes that noun, not the nearby actor
        ("Haftar met the so-called reformers.", [("so-called", "so-called", None)]),
        ("Haftar met so-called GNA envoys.", [("so-called", "so-called", "gna")]),
        # negatives: inside a longer word, or a different word
        ("the warlords and warlordism", []),
        ("rebel leadership and so-calledness", []),
        ("He slammer the door", []),
    ],
)  # fmt: skip
def test_term_hits_and_targets(text, expected):
    hits = find_term_hits(_article(text), LEXICON)
    assert [(h.text, h.term, h.target) for h in hits] == expected
    for h in hits:
        assert text[h.start : h.end] == h.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Haftar’s forces and the LNA met Hifter.", [("Haftar", "haftar"), ("LNA", "lna"),
                                                       ("Hifter", "haftar")]),
        ("Haftar forces attacked", [("Haftar forces", "lna")]),  # longest alias wins
        ("The Libyan army commander spoke", []),  # alias inside a story label is the label
        ("the lna and Lna are not the acronym", []),  # acronyms match their exact case
        ("Haftarism", []),
    ],
)  # fmt: skip
def test_actor_mentions(text, expected):
    mentions = find_actor_mentions(_article(text), LEXICON)
    assert [(m.text, m.actor) for m in mentions] == expected


def test_hit_in_reported_speech_has_speaker():
    text = (
        'Haftar added in a statement, "The army will defend the country from the '
        'Turkish-Ottoman invaders."\nThe GNA said the invaders came.\nThe invaders came.'
    )
    article = _article(text)
    matches = find_lexicon_matches(text, LEXICON)
    speech = find_attributions(read_text(text))
    mentions = find_actor_mentions(article, LEXICON, speech, matches)
    speech = resolve_speakers(speech, mentions, text)
    hits = find_term_hits(article, LEXICON, speech, mentions, matches)
    assert [(h.text, h.in_quote, h.speaker) for h in hits] == [
        ("invaders", True, "haftar"),  # direct speech
        ("invaders", True, "gna"),  # indirect speech: the GNA's voice, not the outlet's
        ("invaders", False, None),
    ]


def test_empty_lexicon_and_text():
    assert find_term_hits(_article(""), LEXICON) == []
    assert find_term_hits(_article("Haftar slammed"), Lexicon()) == []
