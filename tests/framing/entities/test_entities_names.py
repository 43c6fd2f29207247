"""Names found in one article (framing.entities.tokens, names): what is a name, what is not."""

import pytest
from entities_helpers import make_article

from framing.entities import (
    EntityMention,
    find_entity_mentions,
    find_story_mentions,
)
from framing.entities.merging import _word_tok
from framing.entities.tokens import _is_acronym_word, _tokens
from framing.reading import read_text
from framing.text import split_sentences

# What must not become an entity, or part of one: (text, words no entity name may hold).
GOLDEN_NOT_NAMES = [
    ("Benno Varga Scolds Ostland\n\nThe minister spoke in Ostland.", {"benno", "scolds"}),
    ("Ruiz Signals Openness To Deal\n\nAna Ruiz said a deal was possible.", {"signals"}),
    ("Harbor Gazette Editor Lena Ortiz spoke. Ortiz left.", {"editor"}),
    ("Nevada Republican Carl Dunmore spoke. Every Republican voted. Dunmore left.", {"nevada"}),
    ("Ana Ruiz met Tom Berg. The Ruiz-Berg summit ended.", {"ruiz-berg"}),
    # the "s" of a possessive, whatever its apostrophe
    (
        "Officials said Mexico’s border, Texas' border and the U.S.’ border stayed open. "
        "Ana Ruiz spoke.",
        {"s", "border"},
    ),
    # a pronoun's contraction
    ("On my first day, I'm going to act, Ana Ruiz said. I've decided.", {"i'm", "i've"}),
    # a common noun capitalised after a name the story writes alone
    ("Tom Berg Memos just out, Ruiz wrote. Tom Berg wrote the memos.", {"memos"}),
]


@pytest.mark.parametrize(("text", "words"), GOLDEN_NOT_NAMES)
def test_not_names_golden(text, words):
    names = {w for m in find_entity_mentions(make_article(text)) for w in m.text.lower().split()}
    assert not names & words


# With each article's parse, an entity needs a mention the named-entity recogniser tags
# as a name, or one that reads as a person's full name: (text, words no entity may hold,
# names that stay).
GOLDEN_NOT_NAMES_PARSED = [
    (
        'Ruiz wrote: "NO COLLUSION and NO OBSTRUCTION. Will the Witch Hunt continue?"',
        {"collusion", "obstruction", "witch"},
        set(),
    ),
    ("Rep. Tom Berg, R-Va., and Ana Ruiz, D-Calif., agreed.", {"r-va", "d-calif"},
     {"Tom Berg", "Ana Ruiz"}),
    ("Protesters carried Signs reading No. Ana Ruiz spoke.", {"signs"}, {"Ana Ruiz"}),
    # the recogniser misses an invented name; a full name stays anyway
    ("Ana Ruiz, who is a longtime critic of the mayor, spoke.", set(), {"Ana Ruiz"}),
]  # fmt: skip


@pytest.mark.parametrize(("text", "words", "kept"), GOLDEN_NOT_NAMES_PARSED)
def test_not_names_with_the_parse_golden(text, words, kept):
    mentions = find_story_mentions([make_article(text)], docs=[read_text(text).doc])
    assert not {w for m in mentions for w in m.text.lower().split()} & words
    assert kept <= {m.text for m in mentions}


# Kept whole: (text, the names expected, in order).
GOLDEN_WHOLE = [
    # A hyphenated name whose parts are not names of their own stays one name.
    ("Marie Dupont-Aignan spoke. Dupont-Aignan left.", ["Marie Dupont-Aignan", "Dupont-Aignan"]),
    # A first name ending like a nationality is still a first name.
    ("Brian Keith Olsen spoke. Olsen left.", ["Brian Keith Olsen", "Olsen"]),
    # An organisation keeps its nationality word: "American" heads no person's name.
    (
        "The American Civil Liberties Union sued. American officials said nothing.",
        ["American Civil Liberties Union", "American"],
    ),
    # An abbreviated organisation head stays with its organisation.
    (
        "The Justice Dept. said Ana Ruiz lied. A Dept of Labor aide agreed.",
        ["Justice Dept", "Ana Ruiz", "Dept of Labor"],
    ),
    # A title at the start of a line is still a title, the line no headline.
    ("Senator Ada Krell said the vote would come. Krell left.", ["Ada Krell", "Krell"]),
]


@pytest.mark.parametrize(("text", "names"), GOLDEN_WHOLE)
def test_names_kept_whole_golden(text, names):
    assert [m.text for m in find_entity_mentions(make_article(text))] == names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("The talks failed. On the other hand, Haftar left Moscow.", ["Haftar", "Moscow"]),
        ("In Tripoli the GNA met. Meanwhile Haftar waited.", ["Tripoli", "GNA", "Haftar"]),
        ("On February 18th, Haftar met Shoigu on Monday.", ["Haftar", "Shoigu"]),
        ("Subscribe to receive the news. Haftar spoke.", ["Haftar"]),
        ("Click to see full-size image. Consider helping us!", []),
        ("Retired Libyan Major General Khalifa Haftar spoke.", ["Khalifa Haftar"]),
        ("Haftar’s forces and Haftar's allies moved.", ["Haftar", "Haftar"]),
        (
            "Muammar al-Gaddafi and Ursula von der Leyen met.",
            ["Muammar al-Gaddafi", "Ursula von der Leyen"],
        ),
    ],
)
def test_entity_mentions_skip_sentence_openers_and_dates(text, names):
    article = make_article(text)
    mentions = find_entity_mentions(article)
    assert [m.text for m in mentions] == names
    assert all(article.text[m.start : m.end] == m.text for m in mentions)
    assert all(isinstance(m, EntityMention) for m in mentions)


def test_entity_mentions_kinds():
    text = "Field Marshal Khalifa Haftar leads the Libyan National Army (LNA). The LNA attacked."
    mentions = find_entity_mentions(make_article(text))
    kinds = {(m.text, m.kind) for m in mentions}
    assert ("Khalifa Haftar", "title+name") in kinds
    assert ("LNA", "acronym") in kinds
    lna = {m.entity for m in mentions if m.text in ("LNA", "Libyan National Army")}
    assert lna == {"libyan-national-army"}


TOKEN_TEXT = 'Maj. Gen. Khalifa Haftar\'s U.N.-backed rival, al-Serraj (GNA), said: "No talks."'


# (text, start, end, low, gap, possessive, initial, cap, acronym, spaced)
GOLDEN_TOKENS = [
    ("Maj.", 0, 4, "maj", "", False, True, True, False, False),
    ("Gen.", 5, 9, "gen", " ", False, False, True, False, True),
    ("Khalifa", 10, 17, "khalifa", " ", False, False, True, False, True),
    ("Haftar", 18, 24, "haftar", " ", True, False, True, False, True),
    ("U.N.", 27, 31, "un", " ", False, False, True, True, True),
    ("backed", 32, 38, "backed", "-", False, False, False, False, False),
    ("rival", 39, 44, "rival", " ", False, False, False, False, True),
    ("al-Serraj", 46, 55, "al-serraj", ", ", False, False, True, False, False),
    ("GNA", 57, 60, "gna", " (", False, True, True, True, False),
    ("said", 63, 67, "said", "), ", False, False, False, False, False),
    ("No", 70, 72, "no", ': "', False, True, True, False, False),
    ("talks", 73, 78, "talks", " ", False, False, False, False, True),
]


def test_tokens_golden():
    (sentence,) = split_sentences(TOKEN_TEXT)
    tokens = _tokens(TOKEN_TEXT, sentence)
    got = [
        (t.text, t.start, t.end, t.low, t.gap, t.possessive, t.initial, t.cap, t.acronym, t.spaced)
        for t in tokens
    ]
    assert got == GOLDEN_TOKENS


@pytest.mark.parametrize(
    ("word", "acronym"),
    [
        ("UN", True),
        ("U.S.", True),
        ("UNSMIL", True),
        ("A.B.C.D.E.F.G", True),  # periods allow more than six letters
        ("ABCDEFG", False),
        ("Un", False),
        ("uN", False),
        ("A", False),
        ("1990s", False),
        ("ⓐⓑ", False),  # no letters (symbols)
    ],
)
def test_is_acronym_word(word, acronym):
    assert _is_acronym_word(word) is acronym
    assert _word_tok(word).acronym is acronym
