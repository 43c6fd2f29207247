"""Whom a loaded term is aimed at (framing.targets): from the parse, else by position."""

import pytest

from framing.models import Actor, Article, Lexicon, LexiconEntry
from framing.reading import read_text
from framing.terms import find_actor_mentions, find_lexicon_matches, find_term_hits
from framing.voices import find_attributions, resolve_speakers


def _term(text, category="name_calling", valence=-2):
    return LexiconEntry(text, (text,), category, valence, "test entry", "test")


def _article(text):
    return Article(id="a1", outlet="O", title="t", date="", url="", text=text, raw_text=text)


PARSE_LEXICON = Lexicon(
    entries=(
        _term("liar"),
        _term("regime"),
        _term("mercenaries"),
        _term("ruthless", "loaded_adjective", -2),
        _term("sham", "loaded_adjective", -2),
        _term("lashing out", "loaded_verb", -1),
        _term("slammed", "loaded_verb", -1),
        _term("reportedly", "hedge", 0),
        _term("bravery", "loaded_noun", 2),
        _term("all-out", "intensifier", 0),
        _term("bogus", "loaded_adjective", -2),
        _term("collusion", "loaded_verb", -2),
        _term("claim", "loaded_verb", -1),
        _term("insane", "loaded_adjective", -2),
        _term("illegally", "loaded_adjective", -2),
        _term("meddling", "loaded_verb", -2),
        _term("stolen", "loaded_verb", -2),
        _term("stole", "loaded_verb", -2),
    ),
    actors=(
        Actor("ruiz", "Ana Ruiz", ("Ana Ruiz", "Ruiz")),
        Actor("berg", "Tom Berg", ("Tom Berg", "Berg")),
        Actor("varga", "Ida Varga", ("Ida Varga", "Varga")),
        Actor("france", "France", ("France", "French")),
    ),
)

# (text, [(matched text, target)]): invented people, so only the syntax can aim the term.
GOLDEN_PARSE_TARGETS = [
    # a verb's aiming preposition, not the nearest name before it
    ("Berg posted a tweet lashing out at Ana Ruiz on Sunday.", [("lashing out", "ruiz")]),
    # the subject of a predicate, not the speaker
    ("Tom Berg said Ruiz is a liar.", [("liar", "ruiz")]),
    # a name compounded onto the noun a word modifies
    ("Varga said the ruthless Berg regime must end.", [("ruthless", "berg"), ("regime", "berg")]),
    # a verb's object
    ("Ruiz slammed Berg over the deal.", [("slammed", "berg")]),
    # a hedge qualifies what its subject did
    ("Berg reportedly ordered the strike, Ruiz said.", [("reportedly", "berg")]),
    # a modifier of a common noun aims at no actor: not the name after it, not the speaker
    ("A sham lawsuit was filed against Ruiz.", [("sham", None)]),
    ('"They are ruthless mercenaries," Varga said.', [("ruthless", None), ("mercenaries", None)]),
    # a pronoun stands for the person it refers to ("his bravery")
    ("Berg is rich, and he is a liar.", [("liar", "berg")]),
    ("Tom Berg spoke on Monday. Critics mocked his bravery.", [("bravery", "berg")]),
    # a quoted "he" is not the speaker: the term goes to the other name
    ('"He is a liar," Ruiz said of Berg.', [("liar", "berg")]),
    # the doer of an action noun: the subject of a verb of doing
    ("Berg launched an all-out assault on the city.", [("all-out", "berg")]),
    # the agent of a noun ("filed by"), the nationality right before a compounded noun
    (
        "Ruiz denied a bogus French collusion claim filed by Berg.",
        [("bogus", "berg"), ("collusion", "france"), ("claim", "berg")],
    ),
    # a naming verb's "as": what is named, a mention or no actor
    ("Varga described Berg as insane.", [("insane", "berg")]),
    ("Varga described the deal as insane.", [("insane", None)]),
    # "accused X of doing": X does it
    ("Ruiz accused Berg of illegally meddling.", [("illegally", "berg"), ("meddling", "berg")]),
    # a loaded verb's participle accuses whoever did it, not the owner of the thing
    ("Berg published stolen Ruiz emails.", [("stolen", None)]),
    # a loaded verb of doing judges its doer; a verb of judging, its object
    ("Berg stole Ruiz's emails.", [("stole", "berg")]),
]


@pytest.mark.parametrize(("text", "expected"), GOLDEN_PARSE_TARGETS)
def test_targets_from_the_parse(text, expected):
    article = _article(text)
    reading = read_text(text)
    matches = find_lexicon_matches(text, PARSE_LEXICON)
    speech = find_attributions(reading)
    mentions = find_actor_mentions(article, PARSE_LEXICON, speech, matches)
    speech = resolve_speakers(speech, mentions, text)
    hits = find_term_hits(
        article, PARSE_LEXICON, speech, mentions, matches, list(reading.sentences), reading.doc
    )
    assert [(h.text, h.target) for h in hits] == expected


def test_without_a_parse_terms_aim_by_position():
    text = "Berg posted a tweet lashing out at Ana Ruiz on Sunday."
    hits = find_term_hits(_article(text), PARSE_LEXICON)
    assert [(h.text, h.target) for h in hits] == [("lashing out", "berg")]  # a verb: backwards
