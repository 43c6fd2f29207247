"""References to actors the article names: personal pronouns ("he", "his", "she"),
relative pronouns ("who", "whose") and definite role descriptions ("the governor"), each
resolved from the article's parse to one of its named mentions, or left unresolved.

The rules are general and read only the article itself:

- A role description ("the governor", "the former director") stands for the actor this
  article titles with that role ("Gov. Asa Hutchinson", "Director Comey",
  "Asa Hutchinson, the governor,"), the one titled so most recently before it; an
  article that titles nobody so leaves it unresolved, whatever other articles say.
- A relative pronoun stands for the name its clause is about ("Ruiz, who said ...").
- A personal pronoun stands for a person named in its own sentence before it or in the
  two sentences before that, searched as a reader does: nearest sentence first, within a
  sentence the names highest in the parse (subjects) first, then left to right. A name
  that is an argument of the pronoun's own verb is skipped ("Ruiz praised him" is not
  Ruiz praising herself), and so is a person of the other gender. A person's gender is
  what the article says: a courtesy title or gendered noun ("Mr.", "Ms.", "his son,
  ...", "congresswoman") or the pronouns that can only stand for that person (the one
  person named in the window); a person whose gender the article does not tell matches
  either pronoun.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from framing.entities.merging import _word_tok
from framing.entities.tokens import _is_role
from framing.entities.words import FEMALE_WORDS, MALE_WORDS, TITLE_EXPANSIONS
from framing.models import Attribution, Mention
from framing.voices import find_speech

PRONOUN_GENDERS = {
    **dict.fromkeys(("he", "him", "his", "himself"), "m"),
    **dict.fromkeys(("she", "her", "hers", "herself"), "f"),
}
REFLEXIVES = frozenset({"himself", "herself"})
RELATIVE_PRONOUNS = frozenset({"who", "whom", "whose"})
# How many sentences before its own a personal pronoun looks for a name.
SENTENCES_BACK = 2
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Phrases before a verb whose pronouns may name the verb's subject that follows them, as a
# quotation before "Ruiz said" may not.
FRONTED_DEPS = frozenset({"prep", "advcl", "npadvmod"})
# Tokens beside a name that title it: "President Trump", "Asa Hutchinson, the governor".
TITLE_DEPS = frozenset({"compound", "amod", "nmod", "appos"})


def find_references(
    doc: Doc, mentions: Sequence[Mention], speech: Sequence[Attribution] = ()
) -> list[Mention]:
    """The pronouns and role descriptions of ``doc`` that stand for an actor ``mentions``
    (the article's named mentions, in any order) name, as mentions of that actor, sorted by
    position: ``how`` is "pronoun" or "title" ("the governor"); ``in_quote`` when inside
    reported speech (``speech``: the article's attributions). A pronoun or description
    the rules cannot resolve is left out (see the module's docstring for the rules)."""
    if not mentions:
        return []
    article_id = mentions[0].article_id
    named = _Named(doc, mentions, [a for a in speech if a.direct])
    found: list[tuple[Token, Token, str, str]] = []  # first, last token, actor, how
    for token in doc:
        if token.i in named.actor_at:
            continue
        low = token.lower_
        if low in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
            actor = named.actor_at.get(token.head.head.i)
            if actor:
                found.append((token, token, actor, "pronoun"))
        elif low in PRONOUN_GENDERS and token.tag_ in ("PRP", "PRP$"):
            if actor := named.resolve_pronoun(token):
                found.append((token, token, actor, "pronoun"))
                named.add(token, actor)
        elif (actor := named.resolve_description(token)) is not None:
            found.append((token.left_edge, token, actor, "title"))
            named.add(token, actor)
            bisect.insort(named.titled[_role_word(token)], (token.i, actor))
    result = []
    text = doc.text  # spaCy joins its tokens again on every access
    for first, last, actor, how in found:
        start, end = first.idx, last.idx + len(last.text)
        quoted = find_speech(speech, start, end) is not None
        result.append(Mention(article_id, actor, start, end, text[start:end], quoted, how))
    return result


@dataclass(frozen=True)
class _Anchor:
    """A token that names an actor, where the pronoun search looks for it."""

    actor: str
    token: Token
    depth: int  # steps from the token up to its sentence's root


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i:  # spaCy makes a new Token object on each access
        token = token.head
        depth += 1
    return depth


def _title_words(span: Span) -> list[str]:
    """Words that title a named mention: its compounds and modifiers outside the name
    ("President", "former"), an appositive noun ("the governor"), the noun the name is in
    apposition to; abbreviations written out ("Gov." -> governor)."""
    words = [t for t in span if t.i != span.root.i and t.pos_ != "PROPN"]
    for token in span:
        for child in token.children:
            if child.dep_ in TITLE_DEPS and not (span.start <= child.i < span.end):
                words.append(child)
    root = span.root
    if root.dep_ == "appos":
        words.append(root.head)
    return [_role_word(t) for t in words]


def _role_word(token: Token) -> str:
    low = token.lower_.rstrip(".")
    return TITLE_EXPANSIONS.get(low, low)


class _Named:
    """The article's named mentions indexed for resolution: the actor each token names,
    the anchors of each sentence, who is a person, each person's gender and titles."""

    def __init__(self, doc: Doc, mentions: Sequence[Mention], quotes: Sequence[Attribution]):
        self.doc = doc
        self.quotes = quotes
        self.sentence_of = [0] * len(doc)
        self.sentences: list[Span] = list(doc.sents)
        for si, sentence in enumerate(self.sentences):
            for k in range(sentence.start, sentence.end):
                self.sentence_of[k] = si
        self.actor_at: dict[int, str] = {}
        self.anchors: dict[int, list[_Anchor]] = defaultdict(list)
        self.people: set[str] = set()
        self.not_people: set[str] = set()
        untagged: set[str] = set()
        votes: dict[str, Counter[str]] = defaultdict(Counter)
        self.titled: dict[str, list[tuple[int, str]]] = defaultdict(list)  # role -> (i, actor)
        for mention in mentions:
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            for token in span:
                self.actor_at[token.i] = mention.actor
            titles = _title_words(span)
            types = {t.ent_type_ for t in span} - {""}
            if "PERSON" in types or any(_is_role(_word_tok(w)) for w in titles):
                self.people.add(mention.actor)
            elif types:
                self.not_people.add(mention.actor)
            else:
                untagged.add(mention.actor)  # "Ana Ruiz": a name the recogniser missed
            for word in titles:
                self.titled[word].append((span.start, mention.actor))
                if word in MALE_WORDS or word in FEMALE_WORDS:
                    votes[mention.actor]["m" if word in MALE_WORDS else "f"] += 1
            self.add(span.root, mention.actor)
        self.people |= untagged - self.not_people
        self.pronouns = [t for t in doc if t.lower_ in PRONOUN_GENDERS and t.i not in self.actor_at]
        for word in self.titled:
            self.titled[word].sort()
        self._add_pronoun_votes(votes)
        self.gender = {a: _majority(v) for a, v in votes.items()}

    def add(self, token: Token, actor: str) -> None:
        anchors = self.anchors[self.sentence_of[token.i]]
        anchors.append(_Anchor(actor, token, _depth(token)))

    def _candidates(self, pronoun: Token) -> list[_Anchor]:
        """Anchors a pronoun may stand for, in the order they are tried: the subjects of
        the clauses that contain it, nearest first ("Ruiz said he would go"), then its
        sentence's other names before it, then those of the sentences before."""
        si = self.sentence_of[pronoun.i]
        bound = pronoun.tag_ == "PRP" and pronoun.lower_ not in REFLEXIVES
        quote = find_speech(self.quotes, pronoun.idx, pronoun.idx + 1)

        def allowed(a: _Anchor, sj: int) -> bool:
            return (
                a.actor in self.people
                and (sj < si or a.token.i < pronoun.i)
                and not (bound and a.token.head == pronoun.head)
                and not (quote and _speaks(quote, a))
            )

        own = [a for a in self.anchors.get(si, ()) if allowed(a, si)]
        # A clause's subject may also come after a pronoun in a phrase before its verb:
        # "In a statement after a meeting of his party, Mr. Kim said ..."
        at = {a.token.i: a for a in self.anchors.get(si, ()) if allowed(a, si - 1)}
        ordered = []
        node = pronoun
        while node.head.i != node.i:
            via, node = node, node.head
            if quote is not None and not quote.start <= node.idx < quote.end:
                break  # the clauses of a quotation end at its marks
            for child in node.children:
                anchor = at.get(child.i)
                if anchor is None or child.dep_ not in SUBJECT_DEPS:
                    continue
                fronted = via.dep_ in FRONTED_DEPS and pronoun.i < child.i and pronoun.i < node.i
                if child.i < pronoun.i or fronted and not bound:
                    ordered.append(anchor)
        ordered.extend(sorted(own, key=lambda a: (a.depth, a.token.i)))
        if pronoun.lower_ in REFLEXIVES:
            return ordered  # "himself": a name of its own clause
        for sj in range(si - 1, max(-1, si - SENTENCES_BACK - 1), -1):
            anchors = [a for a in self.anchors.get(sj, ()) if allowed(a, sj)]
            ordered.extend(sorted(anchors, key=lambda a: (a.depth, a.token.i)))
        return ordered

    def _add_pronoun_votes(self, votes: dict[str, Counter[str]]) -> None:
        """A pronoun whose window names one person only tells that person's gender."""
        for token in self.pronouns:
            gender = PRONOUN_GENDERS[token.lower_]
            actors = {a.actor for a in self._candidates(token)}
            if len(actors) == 1:
                votes[actors.pop()][gender] += 1

    def resolve_pronoun(self, pronoun: Token) -> str | None:
        gender = PRONOUN_GENDERS[pronoun.lower_]
        for anchor in self._candidates(pronoun):
            if self.gender.get(anchor.actor, "") in ("", gender):
                # Once "he" stands for someone, "she" in the same passage does not.
                self.gender[anchor.actor] = gender
                return anchor.actor
        return None

    def resolve_description(self, token: Token) -> str | None:
        """The actor a definite role description ("the governor") stands for: the one
        this article titled with its head word most recently before it."""
        if token.pos_ not in ("NOUN", "PROPN") or token.dep_ in TITLE_DEPS:
            return None
        word = _role_word(token)
        if word.endswith("s") or word not in self.titled:
            return None  # nobody in this article is titled so
        children = list(token.children)
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in children):
            return None
        if any(c.dep_ in ("compound", "poss", "prep") or c.i in self.actor_at for c in children):
            return None  # "the Trump campaign", "the president's", "the leader of Japan"
        if not _is_role(_word_tok(word)):
            return None
        before = [actor for i, actor in self.titled.get(word, ()) if i < token.i]
        if not before:
            return None
        counts = Counter(before)
        # The one titled so most often, then most recently: "the president" is the
        # President Trump of the article, not its one "Russian President Putin".
        return max(reversed(before), key=lambda actor: counts[actor])


def _speaks(quote: Attribution, anchor: _Anchor) -> bool:
    """Is the anchor the source of the quotation? A speaker's "he" is somebody else."""
    return (
        quote.source_start <= anchor.token.idx < quote.source_end or anchor.actor == quote.speaker
    )


def _majority(votes: Counter[str]) -> str:
    """'m' or 'f' when the evidence agrees more one way than the other, else ''."""
    m, f = votes["m"], votes["f"]
    return "m" if m > f else "f" if f > m else ""
