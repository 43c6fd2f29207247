"""Attribution from the parse: golden tables of invented sentences (issue 13's failures)."""

import pytest

from framing.models import Actor, Article, Attribution, Lexicon
from framing.reading import read_text
from framing.terms import find_actor_mentions
from framing.voices import find_attributions, find_speech, resolve_speakers, score_voices

LEXICON = Lexicon(
    actors=(
        Actor("steele", "Mark Steele", ("Steele", "Mr. Steele")),
        Actor("lofgren", "Zoe Lofgren", ("Zoe Lofgren", "Lofgren")),
        Actor("phillips", "Nora Phillips", ("Nora Phillips", "Phillips")),
        Actor("los-angeles", "Los Angeles", ("Los Angeles",)),
        Actor("iran", "Iran", ("Iran", "Iranian")),
        Actor("pompeo", "Mike Pompeo", ("Pompeo",)),
        Actor("ap", "The Associated Press", ("AP",)),
        Actor("haftar", "Khalifa Haftar", ("Haftar",)),
    )
)


def _read(text):
    reading = read_text(text)
    article = Article("a", "O", "t", "", "", text, text)
    speech = find_attributions(reading)
    mentions = find_actor_mentions(article, LEXICON, speech)
    return resolve_speakers(speech, mentions, text)


def _rows(text):
    return [(text[a.start : a.end], a.direct, a.cue, a.source_text, a.speaker) for a in _read(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Abbreviated titles neither stop the attribution nor become the speaker.
        ('"We will appeal the ruling," Mr. Steele said.',
         [('"We will appeal the ruling,"', True, "said", "Mr. Steele", "steele")]),
        ('"The bill is dead," said Rep. Zoe Lofgren, a Democrat.',
         [('"The bill is dead,"', True, "said", "Rep. Zoe Lofgren", "lofgren")]),
        # A place modifying the source is not the speaker.
        ("Los Angeles lawyer Nora Phillips told the AP that the rules were unfair.",
         [("the rules were unfair", False, "told", "Nora Phillips", "phillips")]),
        # A role with a name in apposition: the name speaks.
        ("Her lawyer, Nora Phillips, told the court that the rules were unfair.",
         [("the rules were unfair", False, "told", "Nora Phillips", "phillips")]),
        # A participle's object is spoken of, not speaking; a day is never a speaker.
        ('Haftar cut into Pompeo, calling him "a stiff who never listens to anyone."',
         [('"a stiff who never listens to anyone."', True, "calling", "Haftar", "haftar")]),
        ('"We are leaving now," Phillips tweeted Sunday.',
         [('"We are leaving now,"', True, "tweeted", "Phillips", "phillips")]),
        # Of two subjects on one verb, the nearer speaks.
        ('His verdict: "The talks have failed again," Haftar said.',
         [('"The talks have failed again,"', True, "said", "Haftar", "haftar")]),
        # A relative pronoun stands for the noun its clause hangs on.
        ("Phillips, who spoke to reporters, added that the rules were unfair.",
         [("the rules were unfair", False, "added", "Phillips", "phillips")]),
        ("Haftar, who said the talks had failed, left Moscow.",
         [("the talks had failed", False, "said", "Haftar", "haftar")]),
        # A nationality modifying the source is not the speaker; a country can speak.
        ("Iranian officials said the ambassador had lied.",
         [("the ambassador had lied", False, "said", "Iranian officials", None)]),
        ("Iran said the sanctions were illegal.",
         [("the sanctions were illegal", False, "said", "Iran", "iran")]),
        # Indirect speech is the speaker's voice: accusations, "according to".
        # (the content is the object and what it is accused of, as PolNeAR marks it)
        ("Pompeo accused Iran of supporting ruthless Houthi rebels.",
         [("Iran of supporting ruthless Houthi rebels", False, "accused", "Pompeo", "pompeo")]),
        ("According to the ministry, twenty people died in the blast.",
         [("twenty people died in the blast", False, "According to", "the ministry", None)]),
        ("Haftar was quoted as saying that the talks had failed.",
         [("the talks had failed", False, "saying", "Haftar", "haftar")]),
        ("The mayor wrote on Facebook that the curfew would end.",
         [("the curfew would end", False, "wrote", "The mayor", None)]),
        # A pronoun speaks for the last speaker.
        ('Haftar said: "We are ready for a ceasefire."\nHe also said: "Never again."',
         [('"We are ready for a ceasefire."', True, "said", "Haftar", "haftar"),
          ('"Never again."', True, "said", "He", "haftar")]),
        # A subordinate clause's subject is not a source ("although he insisted").
        ('"The deal is off," Phillips said, although he insisted otherwise.',
         [('"The deal is off,"', True, "said", "Phillips", "phillips")]),
        # A quotation over two paragraphs, attributed at the end of the second.
        ('"We have waited for years and we will wait no more.\n'
         '"The ceasefire is over," Haftar told reporters.',
         [('"We have waited for years and we will wait no more.', True, "told", "Haftar",
           "haftar"),
          ('"The ceasefire is over,"', True, "told", "Haftar", "haftar")]),
        # A belief with what is believed is attributed to its holder (not the outlet's view).
        ("Analysts believe the truce will hold.",
         [("the truce will hold", False, "believe", "Analysts", None)]),
        # Intentions, evidence and stances take the content their class takes.
        ("Phillips plans to run for governor.",
         [("to run for governor", False, "plans", "Phillips", "phillips")]),
        ("The poll shows Haftar ahead in the east.",
         [("Haftar ahead in the east", False, "shows", "The poll", None)]),
        ("Phillips endorsed Pompeo on Tuesday.",
         [("Pompeo", False, "endorsed", "Phillips", "phillips")]),
        ("Haftar called for a ceasefire.",
         [("a ceasefire", False, "called", "Haftar", "haftar")]),
        ("Haftar called the plan a disaster.",
         [("the plan a disaster", False, "called", "Haftar", "haftar")]),
        # Nouns of saying with their holder: a possessive, or "in her view".
        ("Phillips's claim that the vote was rigged was false.",
         [("the vote was rigged", False, "claim", "Phillips", "phillips")]),
        ("In her view, the deal is dead.",
         [("the deal is dead", False, "view", "her", None)]),
        ("Twenty people died in the blast, according to the ministry.",
         [("Twenty people died in the blast", False, "according to", "the ministry", None)]),
        # The writer's aside after a comma is not part of what was said.
        ("Haftar said the talks had failed, pointing to the shelling of Tripoli.",
         [("the talks had failed", False, "said", "Haftar", "haftar")]),
        # Any verb whose clause is a quotation reports it; a colon or a dash names a speaker.
        ('"Go back to your seats," Haftar barked.',
         [('"Go back to your seats,"', True, "barked", "Haftar", "haftar")]),
        ('Rep. Zoe Lofgren: "We will not back down from this fight."',
         [('"We will not back down from this fight."', True, ":", "Rep. Zoe Lofgren",
           "lofgren")]),
        ('"Peace is the only way forward for us." - Mr. Steele',
         [('"Peace is the only way forward for us."', True, "-", "Mr. Steele", "steele")]),
        # A name split at its hyphen is one name.
        ('"We lost the vote," said Nora Holtz-Phillips, a lawyer.',
         [('"We lost the vote,"', True, "said", "Nora Holtz-Phillips", "phillips")]),
        # Typewriter quotation marks; a paragraph of quotation goes on with the speaker.
        ("''We will appeal the ruling,'' Mr. Steele said.",
         [("''We will appeal the ruling,''", True, "said", "Mr. Steele", "steele")]),
        ('"We won the vote," Haftar said.\n"And we will win the next one too."',
         [('"We won the vote,"', True, "said", "Haftar", "haftar"),
          ('"And we will win the next one too."', True, "said", "Haftar", "haftar")]),
        # Negatives: a scare quote and a title are no speech; a belief without a clause.
        ('The so-called "peace plan" was shelved.', []),
        ("Analysts believe in the truce.", []),
        # ... a call that names nobody, a verb of going on, need and finding things.
        ("Haftar called Pompeo twice.", []),
        ("Prices continued to rise.", []),
        ("Haftar needs to win the east.", []),
        ("Police found a body in the river.", []),
    ],
)  # fmt: skip
def test_attributions(text, expected):
    assert _rows(text) == expected


@pytest.mark.xfail(reason="a source named only in the next paragraph is not looked for")
def test_quote_attributed_in_the_next_paragraph():
    text = '"We are ready."\nThat was how Haftar put it on Friday.'
    assert [a.speaker for a in _read(text)] == ["haftar"]


def test_find_speech_prefers_the_innermost_content():
    outer = Attribution(0, 50, False, source_text="Smith")
    inner = Attribution(10, 20, True, source_text="Jones")
    assert find_speech([outer, inner], 12, 15) is inner
    assert find_speech([outer, inner], 30, 35) is outer
    assert find_speech([outer, inner], 45, 60) is None


def test_score_voices_counts_words_by_speaker_once():
    text = '"One two three," Haftar said. "Four five," said Pompeo. Pompeo said talks failed.'
    voices = score_voices(text, _read(text))
    assert voices == {("haftar", ""): (1, 0, 3), ("pompeo", ""): (1, 1, 4)}
