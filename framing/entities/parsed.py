"""Labels from each article's parse: predicate nominals ("Haftar is a warlord"), what a
naming verb calls a name ("described Ruiz as a 'liar'"), the role a name acts as ("came
to Washington as the emissary"), appositive noun phrases ("Mr. Berg, a vocal critic of
the mayor,"), plurals that stand for two people ("the two leaders") and the one person
in focus, for a description nothing else resolves ("the billionaire").

Names stand for their entities here, and so do the pronouns and role descriptions that
refer to them (:func:`framing.entities.find_references`): "He was described as a hero"
labels whoever "he" is.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from framing.entities.merging import _word_tok
from framing.entities.references import find_references
from framing.entities.story import _Story
from framing.entities.tokens import _is_listed_role, _is_role
from framing.entities.words import MAX_APPOSITIVE_WORDS, REPORTING_VERBS
from framing.models import Attribution, Mention
from framing.wordlists import NAMING_VERBS

_Raw = tuple[int, str, int, int, str]  # article, entity, start, end, source

# Verbs that make their object a description of their subject: "is", "became", "remains".
COPULAS = frozenset({"be", "become", "remain"})
# What of a label noun's left side belongs to the label: "a [truly fine] gentleman".
LABEL_MODIFIERS = frozenset({"amod", "compound", "nmod", "nummod", "advmod", "poss"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
OBJECT_DEPS = frozenset({"dobj", "obj"})
# Plural heads that stand for people: "the two leaders", "both men".
PEOPLE_PLURALS = frozenset({"men", "women", "people"})
# How many sentences before a description the person in focus may be named in.
FOCUS_SENTENCES = 1


class ParsedStory:
    """A story's parses with, per article, the entity each token stands for (names,
    pronouns, role descriptions; ``speech``: each article's attributions, so that a
    quoted "he" is not the speaker) and which entities are people."""

    def __init__(
        self, story: _Story, docs: Sequence[Doc], speech: Sequence[Sequence[Attribution]]
    ) -> None:
        self.docs = docs
        spans: dict[int, list[Mention]] = defaultdict(list)
        for occ, entity in zip(story.occurrences, story.entity_of, strict=True):
            spans[occ.article].append(Mention("", entity, occ.start, occ.end, "", False))
        self.entity_at: list[dict[int, str]] = []
        self.named: list[set[int]] = []  # tokens of names, not of pronouns or descriptions
        types: dict[str, Counter[bool]] = defaultdict(Counter)
        for ai, doc in enumerate(docs):
            at: dict[int, str] = {}
            named: set[int] = set()
            references = find_references(doc, spans[ai], speech[ai])
            for mention in (*spans[ai], *references):
                span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
                for token in span or ():
                    at[token.i] = mention.actor
                    if mention.how == "name":
                        named.add(token.i)
                        types[mention.actor][token.ent_type_ == "PERSON"] += bool(token.ent_type_)
            self.entity_at.append(at)
            self.named.append(named)
        self.sentence_starts = [[sent.start for sent in doc.sents] for doc in docs]
        # People: entities the recogniser tags as a person at least as often as otherwise.
        self.people = {
            e for e, votes in types.items() if votes[True] and votes[True] >= votes[False]
        }

    def labels(self) -> list[_Raw]:
        """Every label the parse gives (see the module's docstring), with its source:
        "predicate", "named", "role", "appositive" or "plural"."""
        found: list[_Raw] = []
        for ai, doc in enumerate(self.docs):
            at = self.entity_at[ai]
            for token in doc:
                for entity, source in self._label_of(token, at):
                    first, last = _phrase(token)
                    if last.i - first.i < MAX_APPOSITIVE_WORDS:
                        end = last.idx + len(last.text)
                        found.append((ai, entity, first.idx, end, source))
                found.extend((ai, e, *span, "plural") for e, span in self._plural(ai, token))
        return found

    def _label_of(self, noun: Token, at: dict[int, str]) -> list[tuple[str, str]]:
        """(entity, source) for which ``noun`` heads a label."""
        if noun.pos_ not in ("NOUN", "PROPN"):
            return []
        head = noun.head
        if noun.i in at:
            # a name is no label of another, unless a naming verb calls someone by it
            # ('referred to Kim as "Rocket Man"')
            if head.lower_ != "as" or head.head.lemma_ not in NAMING_VERBS:
                return []
        role = _is_role(_word_tok(noun.text)) and not noun.lower_.endswith("s")
        if noun.dep_ == "appos" and noun.pos_ == "NOUN" and head.i in at:
            return [(at[head.i], "appositive")] if role and _beside(noun, head, at) else []
        if noun.dep_ == "attr" and head.lemma_ in COPULAS and role:
            if any(c.dep_ == "neg" for c in head.children):
                return []  # "is not a dictator"
            subject = _subject(head)
            return [(at[subject.i], "predicate")] if subject is not None and subject.i in at else []
        if noun.dep_ != "pobj" or head.lower_ != "as" or head.dep_ != "prep":
            return []
        verb = head.head
        if any(c.dep_ == "neg" for c in verb.children):
            return []  # "does not name Trump as a defendant"
        if sum(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children) > 1:
            return []  # "describing Japan as an ally and Mr. Abe as a friend": unpaired
        if verb.pos_ == "VERB" and verb.lemma_ in NAMING_VERBS:
            named = _named_object(verb)
            if named is None or named.i not in at or at[named.i] == at.get(noun.i):
                return []
            return [(at[named.i], "named")]
        if not role:
            return []
        if verb.pos_ == "NOUN" and verb.dep_ in OBJECT_DEPS:
            verb = verb.head  # "awaiting confirmation as secretary of state"
        subject = _subject(verb) if verb.pos_ in ("VERB", "AUX") else None
        return [(at[subject.i], "role")] if subject is not None and subject.i in at else []

    def _plural(self, ai: int, token: Token) -> list[tuple[str, tuple[int, int]]]:
        """'the two leaders', 'The two', 'both men': the two people named last before it,
        when its sentence and the one before name exactly two."""
        if token.lower_ != "two" and token.tag_ != "NNS":
            return []
        lows = {c.lower_ for c in token.children}
        if token.lower_ == "two" and token.dep_ != "nummod":
            ok = "the" in lows  # "The two embraced"
        elif (
            token.pos_ == "NOUN"
            and token.tag_ == "NNS"
            and (token.lower_ in PEOPLE_PLURALS or _is_role(_word_tok(token.lemma_)))
        ):
            first = token.left_edge.lower_
            ok = first == "both" or first == "the" and "two" in lows
        else:
            return []
        if not ok:
            return []
        people = self._people_before(ai, token.left_edge)
        if len(people) != 2:
            return []
        return [(e, (token.left_edge.idx, token.idx + len(token.text))) for e in people]

    def _people_before(self, ai: int, token: Token, sentences: int = 1) -> list[str]:
        """The distinct people named before ``token`` in its sentence and the
        ``sentences`` before it, by name (a pronoun is no evidence of focus: '"He doesn't
        know," the adviser said'), and not as a possessive modifier ("George
        Washington's estate" puts the estate in focus, not the man)."""
        doc = self.docs[ai]
        starts = self.sentence_starts[ai]
        si = bisect.bisect_right(starts, token.i) - 1
        start = starts[max(0, si - sentences)]
        at, named = self.entity_at[ai], self.named[ai]
        found: list[str] = []
        for k in range(start, token.i):
            entity = at.get(k)
            if entity not in self.people or entity in found or k not in named:
                continue
            root = doc[k]
            while root.head.i != root.i and at.get(root.head.i) == entity:
                root = root.head
            if root.dep_ != "poss":
                found.append(entity)
        return found

    def entity_at_offset(self, ai: int, offset: int) -> str | None:
        """The entity the word at ``offset`` of article ``ai`` names or stands for."""
        span = self.docs[ai].char_span(offset, offset + 1, alignment_mode="expand")
        return self.entity_at[ai].get(span[0].i) if span is not None and len(span) else None

    def in_focus(self, ai: int, start: int, end: int) -> str | None:
        """Whom a definite description at [start, end) that nothing else resolves ("the
        billionaire") stands for: the one person named (or referred to) in the sentence
        before it and in its own sentence before it, when there is exactly one, and only
        when the description's head is a role noun of the closed lists (a noun heading
        its phrase: not "the private interactions")."""
        doc = self.docs[ai]
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        head = span[-1]
        if head.pos_ != "NOUN" or head.dep_ in ("compound", "amod") or head.tag_ != "NN":
            return None  # "the private interactions": no description of a person
        if not _is_listed_role(head.lower_) or span[0].i == 0 or doc[span[0].i - 1].lower_ != "the":
            return None
        verb = head.head
        if head.dep_ in SUBJECT_DEPS and verb.lower_ in REPORTING_VERBS:
            if any(c.dep_ == "ccomp" for c in verb.children):
                return None  # '"He doesn't know," the adviser said': a source nobody names
        people = self._people_before(ai, doc[span[0].i - 1], FOCUS_SENTENCES)
        return people[0] if len(people) == 1 else None


def _beside(noun: Token, name: Token, at: dict[int, str]) -> bool:
    """Is the appositive written right after its name and a comma ("Mr. Berg, a vocal
    critic of the mayor,"), the name no place? The parse also calls list members
    ("Mr. Trump, his associates and their contacts") and words after a place ("the
    District of Columbia, an appointee of ...") appositives."""
    first = _phrase(noun)[0]
    doc = noun.doc
    if first.i < 2 or doc[first.i - 1].text != "," or name.ent_type_ in ("GPE", "LOC", "FAC"):
        return False
    if any(c.dep_ in ("conj", "cc") for c in noun.children):
        return False
    return at.get(doc[first.i - 2].i) == at[name.i]


def _subject(verb: Token) -> Token | None:
    """The verb's subject; a relative pronoun stands for the noun its clause is about."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is not None and subject.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
        return verb.head  # "Abe, who is ...": the name the clause is about
    return subject


def _named_object(verb: Token) -> Token | None:
    """What a naming verb names: its object ("described Ruiz as"), the object of its
    "to" ("referred to Kim as"), or the noun of its relative clause ("Abe, whom he
    described as")."""
    named = next((c for c in verb.children if c.dep_ in OBJECT_DEPS), None)
    if named is None:
        preps = (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to")
        named = next((g for p in preps for g in p.children if g.dep_ == "pobj"), None)
    if named is not None and named.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
        return verb.head
    return named


def _phrase(noun: Token) -> tuple[Token, Token]:
    """First and last token of a label headed by ``noun``: its modifiers on the left and
    an "of" complement on the right ("longtime critic of the mayor")."""
    left = [c for c in noun.lefts if c.dep_ in LABEL_MODIFIERS]
    first = min((c.left_edge for c in left), key=lambda t: t.i, default=noun)
    last = noun
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ == "of":
            last = child.right_edge
    return first, last
