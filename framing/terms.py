"""Loaded-term and actor-alias matching: one Aho-Corasick pass per article."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import ahocorasick
from spacy.tokens import Doc, Token

from framing.models import (
    Article,
    Attribution,
    Lexicon,
    LexiconEntry,
    Mention,
    Sentence,
    TermHit,
)
from framing.text import split_sentences
from framing.voices import find_speech
from framing.wordlists import CORE_FUNCTION_WORDS

# A term that ends at most this many characters before an actor mention modifies it
# ("so-called Government of National Accord", "rebel leader Khalifa Haftar").
PREMODIFIER_GAP = 24
# A capitalised word right after a label makes the label a title of that name.
NEXT_NAME_RE = re.compile(r"[ \t]+([A-Z][\w'’-]*)")
# Modifiers of a following common noun ("so-called reformers", "terrorist groups") describe
# that noun's referent, which is no known actor, unless an actor name follows closely.
NOUN_MODIFIER_CATEGORIES = frozenset({"distancing", "loaded_adjective", "name_calling"})
NEXT_WORD_RE = re.compile(r"[ \t]+([a-z][\w'’-]*)")
# Verbs and hedges qualify what their subject does or says, so they aim backwards.
SUBJECT_CATEGORIES = frozenset({"loaded_verb", "hedge"})


def _lower_same_length(text: str) -> str:
    """Lower-case ``text`` without changing its length, so offsets stay valid."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _add(automaton: ahocorasick.Automaton, key: str, payload: tuple) -> None:
    existing = automaton.get(key, ())
    automaton.add_word(key, existing + (payload,))


# Matchers by lexicon identity: hashing a frozen Lexicon walks every entry, which cost
# more than the matching itself when done per article and per sentence.
_MATCHERS: dict[int, tuple[Lexicon, ahocorasick.Automaton | None]] = {}
_MAX_MATCHERS = 32


def _matcher(lexicon: Lexicon) -> ahocorasick.Automaton | None:
    cached = _MATCHERS.get(id(lexicon))
    if cached is not None and cached[0] is lexicon:
        return cached[1]
    automaton = _build_matcher(lexicon)
    if len(_MATCHERS) >= _MAX_MATCHERS:
        _MATCHERS.pop(next(iter(_MATCHERS)))
    _MATCHERS[id(lexicon)] = (lexicon, automaton)
    return automaton


def _build_matcher(lexicon: Lexicon) -> ahocorasick.Automaton | None:
    """One automaton over lower-cased term forms and actor aliases (None if both are empty).

    Payloads are ("term", entry, form length) or ("alias", actor id, alias, exact case).
    """
    automaton = ahocorasick.Automaton()
    for entry in lexicon.entries:
        for form in entry.forms:
            if form.strip():
                _add(automaton, form.lower(), ("term", entry, len(form.lower())))
    for actor in lexicon.actors:
        for alias in {actor.name, *actor.aliases}:
            if alias.strip():
                _add(automaton, alias.lower(), ("alias", actor.id, alias, _is_acronym(alias)))
    if len(automaton) == 0:
        return None
    automaton.make_automaton()
    return automaton


def _at_word_boundary(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not after.isalnum()


def _leftmost_longest(matches: list[tuple[int, int, object]]) -> list[tuple[int, int, object]]:
    """Keep non-overlapping matches, preferring the earliest start, then the longest, then
    a story label over a generic entry (the story lexicon knows the actor)."""
    kept = []
    last_end = -1
    ranked = sorted(
        matches, key=lambda m: (m[0], -(m[1] - m[0]), getattr(m[2], "actor", None) is None)
    )
    for start, end, payload in ranked:
        if start >= last_end:
            kept.append((start, end, payload))
            last_end = end
    return kept


@dataclass(frozen=True)
class ArticleMatches:
    """Raw lexicon matches in one article: term entries and actor mentions."""

    terms: tuple[tuple[int, int, LexiconEntry], ...]
    mentions: tuple[tuple[int, int, str], ...]


def find_lexicon_matches(text: str, lexicon: Lexicon) -> ArticleMatches:
    """All whole-word matches of the lexicon's term forms and actor aliases in ``text``.

    Overlaps are resolved leftmost-longest within each kind; an actor alias inside a
    matched story label ("Libyan army" in "Libyan army commander") is part of the label,
    not a mention of that actor.
    """
    automaton = _matcher(lexicon)
    if automaton is None or not text:
        return ArticleMatches((), ())
    lowered = _lower_same_length(text)
    term_matches, alias_matches = [], []
    for last, payloads in automaton.iter(lowered):
        for payload in payloads:
            if payload[0] == "term":
                _, entry, length = payload
                start = last - length + 1
                if _at_word_boundary(text, start, last + 1):
                    term_matches.append((start, last + 1, entry))
            else:
                _, actor_id, alias, exact = payload
                start = last - len(alias) + 1
                if exact and text[start : last + 1] != alias:
                    continue
                if _at_word_boundary(text, start, last + 1):
                    alias_matches.append((start, last + 1, actor_id))
    terms = _leftmost_longest(term_matches)
    label_spans = [(s, e) for s, e, entry in terms if entry.actor]
    mentions = [
        m
        for m in _leftmost_longest(alias_matches)
        if not any(s <= m[0] and m[1] <= e and (s, e) != (m[0], m[1]) for s, e in label_spans)
    ]
    return ArticleMatches(tuple(terms), tuple(mentions))


def find_actor_mentions(
    article: Article,
    lexicon: Lexicon,
    speech: Sequence[Attribution] = (),
    matches: ArticleMatches | None = None,
) -> list[Mention]:
    """Mentions of the lexicon's actors (by alias) in ``article.text``, ``in_quote`` when
    inside reported speech (``speech``: the article's attributions); pass ``matches``
    when find_lexicon_matches already ran on this text."""
    if matches is None:
        matches = find_lexicon_matches(article.text, lexicon)
    return [
        Mention(
            article.id,
            actor,
            start,
            end,
            article.text[start:end],
            find_speech(speech, start, end) is not None,
        )
        for start, end, actor in matches.mentions
    ]


def _modifies_common_noun(text: str, end: int) -> bool:
    following = NEXT_WORD_RE.match(text, end)
    return following is not None and following.group(1) not in CORE_FUNCTION_WORDS


def _target(
    text: str,
    start: int,
    end: int,
    category: str,
    scope: tuple[int, int],
    mentions: Sequence[Mention],
) -> str | None:
    """The actor a term is aimed at, among the mentions in ``scope``: the name it
    premodifies (not for verbs and hedges), else the nearest one before it (the
    subject), else the nearest one after it."""
    s_start, s_end = scope
    inside = [m for m in mentions if s_start <= m.start and m.end <= s_end]
    after = [m for m in inside if m.start >= end]
    if after and category not in SUBJECT_CATEGORIES and after[0].start - end <= PREMODIFIER_GAP:
        return after[0].actor
    single_word = " " not in text[start:end]
    if category in NOUN_MODIFIER_CATEGORIES and single_word and _modifies_common_noun(text, end):
        return None
    before = [m for m in inside if m.end <= start]
    if before:
        return before[-1].actor
    return after[0].actor if after else None


# Dependency labels (spaCy's English scheme) by what they tell about a term's target.
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "nn"})
PREDICATE_DEPS = frozenset({"attr", "acomp", "oprd"})
OBJECT_DEPS = frozenset({"dobj", "obj", "dative"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Prepositions that aim a verb at its object: "lashing out at", "railed against".
AIMING_PREPOSITIONS = frozenset({"at", "against", "on", "upon", "toward", "towards", "of"})
VERB_TAGS = ("VERB", "AUX")
# A verb in these relations has the subject of the verb it depends on.
SHARED_SUBJECT_DEPS = frozenset({"xcomp", "conj", "advcl"})
# Prepositions that name who takes part in what a noun names: "collusion with Moscow".
NOUN_AGENT_PREPOSITIONS = frozenset({"by", "with", "between"})
NOUN_TAGS = ("NOUN", "PROPN")
# What _parse_target returns when the parse says a term is aimed at no actor.
NO_ACTOR = ""
# A pronoun no mention resolves ("his bravery"): the parse found the target but cannot
# name it, so the term is aimed by position instead (the nearest actor before it).
PRONOUN = "?"


class _Actors:
    """An article's parse and which actor each of its tokens names, from the mentions."""

    def __init__(self, mentions: Sequence[Mention], doc: Doc) -> None:
        self.spans = sorted((m.start, m.end, m.actor) for m in mentions)
        self.doc = doc

    def of(self, token: Token) -> str | None:
        """The actor the token's noun phrase names: the token itself (part of a mention;
        PRONOUN for a pronoun no mention resolves), else its possessor ("Haftar's
        militia"), a name compounded onto it ("the Assad regime", "a Kim dynasty
        dictator") or a nationality that is a mention of its own ("Russian meddling")."""
        if actor := self._at(token):
            return actor
        if token.pos_ == "PRON":
            return PRONOUN
        for child in token.children:
            # A nationality right before the noun: "Russian meddling", not the claim of
            # "a Russian collusion claim".
            nationality = child.dep_ == "amod" and child.i == token.i - 1 and self._at(child)
            if child.dep_ == "poss" or nationality:
                actor = self.of(child)
            elif child.dep_ == "compound":
                actor = self._compounded(child)
            else:
                continue
            if actor:
                return actor
        return None

    def _compounded(self, token: Token) -> str | None:
        """The actor a chain of compounded nouns names: "Kim" in "Kim dynasty"."""
        if actor := self._at(token):
            return actor
        return next(
            (a for c in token.children if c.dep_ == "compound" and (a := self._compounded(c))),
            None,
        )

    def _at(self, token: Token) -> str | None:
        for start, end, actor in self.spans:
            if start <= token.idx < end:
                return actor
            if start > token.idx:
                break
        return None


def _subject_actor(verb: Token, actors: _Actors) -> str:
    """The actor that is the verb's subject; a verb without one shares the subject of the
    verb it depends on ("Moscow has denied meddling", "attacked and killed")."""
    while True:
        subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is not None or verb.dep_ not in SHARED_SUBJECT_DEPS or verb.head is verb:
            break
        verb = verb.head
    return (actors.of(subject) if subject is not None else None) or NO_ACTOR


def _parse_target(start: int, end: int, category: str, actors: _Actors) -> str | None:
    """The actor the parse says a term at [start, end) is aimed at; NO_ACTOR when the parse
    says it is aimed at no actor ("a sham lawsuit"); None when the parse does not tell.

    A modifier aims at the noun it modifies ("so-called Government", "ruthless Berg"), an
    appositive at its name, a predicate at its subject ("Haftar is a warlord"), an adverb
    at the doer of its verb ("illegally working"), a verb at its object ("slammed Ruiz")
    or at the object of its aiming preposition ("lashed out at Ruiz"), else, for verbs
    and hedges, at its subject; a noun at what it names itself: a mention, its possessor
    ("Haftar's militias"), a name compounded onto it ("the Assad regime") or its agent
    ("collusion by the campaign"). A noun stands for an actor only through a mention."""
    span = actors.doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    target = _parse_aim(span.root, category, actors)
    return None if target == PRONOUN else target


def _parse_aim(root: Token, category: str, actors: _Actors) -> str | None:
    if root.dep_ in MODIFIER_DEPS and root.head.pos_ in NOUN_TAGS:
        return _noun_actor(root.head, actors)
    if root.dep_ == "appos":
        return actors.of(root.head) or NO_ACTOR
    for child in root.children:
        if child.dep_ == "appos" and (actor := actors.of(child)):
            return actor
    if root.dep_ in PREDICATE_DEPS:
        return _subject_actor(root.head, actors)
    if root.dep_ == "advmod" and root.head.pos_ in VERB_TAGS:  # "allegedly ordered"
        return _subject_actor(root.head, actors)
    if root.pos_ in VERB_TAGS:
        for child in root.children:
            if child.dep_ in OBJECT_DEPS and (actor := actors.of(child)):
                return actor
        for child in root.children:
            if child.dep_ in ("prep", "prt") and child.lower_ in AIMING_PREPOSITIONS:
                for grandchild in child.children:
                    if grandchild.dep_ == "pobj" and (actor := actors.of(grandchild)):
                        return actor
        return _subject_actor(root, actors) if category in SUBJECT_CATEGORIES else NO_ACTOR
    if root.pos_ in NOUN_TAGS:
        return _noun_actor(root, actors)
    return None


def _noun_actor(noun: Token, actors: _Actors) -> str:
    """The actor a noun phrase names (a mention, its possessor, a compounded name), else
    its agent or party ("collusion by the Trump campaign", "with Moscow", "between the
    campaign and Russia"), else NO_ACTOR."""
    if actor := actors.of(noun):
        return actor
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in NOUN_AGENT_PREPOSITIONS:
            for grandchild in child.children:
                if grandchild.dep_ != "pobj":
                    continue
                for party in (grandchild, *grandchild.conjuncts):
                    if actor := actors.of(party):
                        return actor
    return NO_ACTOR


def _aim(
    text: str,
    start: int,
    end: int,
    category: str,
    quote: Attribution | None,
    sentence: tuple[int, int],
    mentions: Sequence[Mention],
    actors: _Actors | None,
) -> str | None:
    """The actor a term is aimed at: where the parse says (:func:`_parse_target`); where
    it does not, or without a parse, by position (:func:`_target`): inside a quotation
    among the quotation's own mentions, then in the sentence, never at the quotation's
    speaker (the words are the speaker's, not aimed at the speaker)."""
    if actors is not None:
        target = _parse_target(start, end, category, actors)
        if target is not None:
            return target or None
    if quote is not None:
        target = _target(text, start, end, category, (quote.start, quote.end), mentions)
        if target is not None:
            return target
    speaker = quote.speaker if quote is not None else None
    others = [m for m in mentions if m.actor != speaker] if speaker else mentions
    return _target(text, start, end, category, sentence, others)


def _label_applies(
    text: str, end: int, actor: str, mentioned: set[str], mentions: Sequence[Mention]
) -> bool:
    """A story label counts for its actor only when the article mentions the actor and the
    label is not the title of another name ("Field Marshal Abdel Fattah al-Sisi")."""
    if actor not in mentioned:
        return False
    name = NEXT_NAME_RE.match(text, end)
    if name is None:
        return True
    return any(m.start == name.start(1) and m.actor == actor for m in mentions)


def find_term_hits(
    article: Article,
    lexicon: Lexicon,
    speech: Sequence[Attribution] = (),
    mentions: Sequence[Mention] | None = None,
    matches: ArticleMatches | None = None,
    sentences: Sequence[Sentence] | None = None,
    doc: Doc | None = None,
) -> list[TermHit]:
    """Loaded terms and story labels in ``article.text``, with target, voice and speaker.

    ``speech`` are the article's attributions with their speakers (voices.py); a hit
    inside reported speech, direct or indirect, is in the speaker's voice, otherwise in
    the narrator's (the outlet's own) voice.
    Story labels aim at their own actor. Other terms, given ``doc`` (the article's parse,
    from its reading), aim where the parse says (:func:`_aim`); where it does not say, or
    without a parse, at the actor they premodify, else the nearest actor before them in
    the same sentence (never the speaker of the quotation they are in), else the nearest
    after.
    """
    if matches is None:
        matches = find_lexicon_matches(article.text, lexicon)
    if mentions is None:
        mentions = find_actor_mentions(article, lexicon, speech, matches)
    if sentences is None:
        sentences = split_sentences(article.text)
    bounds = [(s.start, s.end) for s in sentences]
    mentioned = {m.actor for m in mentions}
    actors = _Actors(mentions, doc) if doc is not None else None
    hits = []
    for start, end, entry in matches.terms:
        if entry.actor and not _label_applies(article.text, end, entry.actor, mentioned, mentions):
            continue
        quote = find_speech(speech, start, end)
        sentence = next(((a, b) for a, b in bounds if a <= start < b), (start, end))
        target = entry.actor or _aim(article.text, start, end, entry.category, quote, sentence,
                                     mentions, actors)  # fmt: skip
        hits.append(
            TermHit(
                article_id=article.id,
                start=start,
                end=end,
                text=article.text[start:end],
                term=entry.term,
                category=entry.category,
                target=target,
                valence=entry.valence,
                in_quote=quote is not None,
                speaker=quote.who if quote is not None else None,
                lexicon=entry.lexicon,
                note=entry.note,
            )
        )
    return hits
