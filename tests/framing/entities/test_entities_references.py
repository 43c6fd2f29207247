"""Pronouns and role descriptions resolved to the actors an article names
(framing.entities.references.find_references)."""

import re

import pytest

from framing.entities import find_references
from framing.models import Mention
from framing.reading import read_text

# The people of the invented sentences below, by the names that mention them.
NAMES = {
    "Ana Ruiz": "ruiz", "Ruiz": "ruiz", "Tom Berg": "berg", "Berg": "berg",
    "Asa Pellham": "asa", "Seth Pellham": "seth", "Dora Quist": "quist", "Quist": "quist",
    "Ida Varga": "varga", "Varga": "varga", "Ostland": "ostland",
}  # fmt: skip
NAME_RE = re.compile("|".join(sorted(map(re.escape, NAMES), key=len, reverse=True)))


def _mentions(text):
    return [
        Mention("a1", NAMES[m.group()], m.start(), m.end(), m.group(), False)
        for m in NAME_RE.finditer(text)
    ]


# (text, [(reference text, actor, how)]): invented people, so only the text can tell.
GOLDEN_REFERENCES = [
    # the subject of the clause that holds the pronoun
    ("Ruiz said he would resign.", [("he", "ruiz", "pronoun")]),
    # the subject before the object; a courtesy title tells the gender
    (
        "Ms. Ana Ruiz met Mr. Tom Berg. He said she was right.",
        [("He", "berg", "pronoun"), ("she", "ruiz", "pronoun")],
    ),
    # once "he" stands for someone, "she" in the same passage does not
    ("Ana Ruiz met Tom Berg. He said she was right.", [("He", "ruiz", "pronoun"),
                                                      ("she", "berg", "pronoun")]),
    # a name that is an argument of the pronoun's own verb is not what it stands for
    ("Ida Varga left early. Tom Berg praised him.", [("him", "varga", "pronoun")]),
    # a pronoun in a phrase before the subject it stands for
    ("In a letter to his staff, Mayor Dora Quist resigned.", [("his", "quist", "pronoun")]),
    # relative pronouns stand for the name their clause is about
    ("Ana Ruiz, who leads the party, spoke.", [("who", "ruiz", "pronoun")]),
    # a role stands for the person this article titles so ...
    (
        "Gov. Asa Pellham signed the bill. His son, Seth Pellham, praised it. "
        "The governor said the law would stand.",
        [("His", "asa", "pronoun"), ("The governor", "asa", "title")],
    ),
    # ... the one titled so most often, not the most recent
    (
        "President Ana Ruiz met President Tom Berg. President Ruiz spoke first. "
        "Later the president left.",
        [("the president", "ruiz", "title")],
    ),
    # negatives: nobody titled so in this article; a pronoun that stands for no person
    # named in its window; "they" and "it"; a quoted "he" is not the speaker
    ("Ana Ruiz spoke. The governor left.", []),
    ("Ana Ruiz spoke. It rained. The roads closed. Stores shut. He left.", []),
    ("Ostland protested. They said it was unfair.", []),
    ('"He is a liar," Ruiz said.', []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), GOLDEN_REFERENCES)
def test_find_references_golden(text, expected):
    mentions = _mentions(text)
    references = find_references(read_text(text).doc, mentions)
    assert [(m.text, m.actor, m.how) for m in references] == expected
    assert all(text[m.start : m.end] == m.text and m.article_id == "a1" for m in references)


def test_references_inside_speech_are_in_quote():
    from framing.voices import find_attributions

    text = 'Tom Berg spoke. Ana Ruiz said: "He is wrong."'
    reading = read_text(text)
    (he,) = find_references(reading.doc, _mentions(text), find_attributions(reading))
    assert (he.text, he.actor, he.in_quote) == ("He", "berg", True)


def test_no_mentions_no_references():
    assert find_references(read_text("He said the governor left.").doc, []) == []
