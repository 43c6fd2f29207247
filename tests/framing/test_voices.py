import pytest

from framing.models import Actor, Article, Lexicon
from framing.terms import find_actor_mentions
from framing.text import find_quotes
from framing.voices import attribute_quotes, score_voices

LEXICON = Lexicon(
    actors=(
        Actor("haftar", "Khalifa Haftar", ("Haftar", "Hifter")),
        Actor("gna", "Government of National Accord", ("GNA",)),
        Actor("russia", "Russia", ("Moscow",)),
        Actor("erdogan", "Recep Tayyip Erdogan", ("Erdogan",)),
    )
)


def _speakers(text):
    article = Article("a", "O", "t", "", "", text, text)
    quotes = find_quotes(text)
    mentions = find_actor_mentions(article, LEXICON, quotes)
    return [
        (text[q.start : q.end][:12], q.speaker) for q in attribute_quotes(text, quotes, mentions)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“A ceasefire,” Haftar said in an interview.", [("“A ceasefire", "haftar")]),
        ("“We refuse,” said Hifter.", [("“We refuse,”", "haftar")]),
        ('Haftar - who is visiting Moscow - added, "In the event of war."',
         [('"In the event', "haftar")]),
        ('On the other hand, President Erdogan said that Haftar "is a mercenary."',
         [('"is a mercen', "erdogan")]),
        ("“No peace,” the GNA said. “We suspend,” it said.",
         [("“No peace,”", "gna"), ("“We suspend,", "gna")]),
        ("Sputnik quoted a military source as saying that “he left Moscow”.",
         [("“he left Mos", "a military source")]),
        ('Haftar said: "We are ready."\nHe also said: "Never."',
         [('"We are read', "haftar"), ('"Never."', "haftar")]),
        ('He said: As we said, our patience is running out. "', [("As we said, ", None)]),
        ("Al Jazeera’s Mahmoud Abdelwahed, reporting from Tripoli, said people felt “fear”.",
         [("“fear”", "Al Jazeera’s Mahmoud Abdelwahed")]),
        ("The military source also said that “most points are agreed”.",
         [("“most points", "The military source")]),
        ("The GNA condemned it, saying it was “a catastrophe” had it hit, but added more.",
         [("“a catastrop", "gna")]),
        # negative: a quote with no attribution and no earlier speaker stays unattributed
        ("The “real catastrophe” was avoided.", [("“real catastr", None)]),
    ],
)  # fmt: skip
def test_attribute_quotes(text, expected):
    assert _speakers(text) == [(q[:12], s) for q, s in expected]


def test_score_voices_counts_words_by_speaker():
    text = "“One two three,” Haftar said. “Four five,” the GNA said. “Six,” he said."
    article = Article("a", "O", "t", "", "", text, text)
    quotes = find_quotes(text)
    quotes = attribute_quotes(text, quotes, find_actor_mentions(article, LEXICON, quotes))
    assert score_voices(text, quotes) == {"haftar": (1, 3), "gna": (2, 3)}
