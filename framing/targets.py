"""Whom a loaded term is aimed at: from the article's parse where it tells, else from
where the term stands among the actors' mentions."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token

from framing.models import Attribution, Mention
from framing.wordlists import CORE_FUNCTION_WORDS, NAMING_VERBS

# A term that ends at most this many characters before an actor mention modifies it
# ("so-called Government of National Accord", "rebel leader Khalifa Haftar").
PREMODIFIER_GAP = 24
# Modifiers of a following common noun ("so-called reformers", "terrorist groups") describe
# that noun's referent, which is no known actor, unless an actor name follows closely.
NOUN_MODIFIER_CATEGORIES = frozenset({"distancing", "loaded_adjective", "name_calling"})
NEXT_WORD_RE = re.compile(r"[ \t]+([a-z][\w'’-]*)")
# Verbs and hedges qualify what their subject does or says, so they aim backwards.
SUBJECT_CATEGORIES = frozenset({"loaded_verb", "hedge"})


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
# A pronoun no mention resolves: the parse found the target but cannot name it, so the
# term is aimed by position instead (the nearest actor before it).
PRONOUN = "?"
# Verbs that judge their object, praise or blame: "Ruiz slammed Berg", "lashed out at".
JUDGING_VERBS = frozenset(
    """
    slam blast lash hit rail scoff sneer mock ridicule deride denounce condemn criticize
    criticise attack assail berate lambaste bash smear vilify demonize demonise scold
    rebuke hail laud herald champion praise applaud salute
    """.split()
)
# Verbs whose object names what their subject does: "Russia launched an assault".
DOING_VERBS = frozenset(
    """
    launch wage mount stage conduct commit perpetrate orchestrate mastermind engineer
    plot unleash carry lead run pursue escalate intensify step begin start continue
    initiate undertake make
    """.split()
)


class MentionedActors:
    """An article's parse and which actor each of its tokens names: the mentions, and the
    pronouns and role descriptions that stand for them (entities.find_references)."""

    def __init__(
        self, mentions: Sequence[Mention], doc: Doc, speech: Sequence[Attribution] = ()
    ) -> None:
        # framing.entities reads lexicon matches from framing.terms, which imports this
        # module: imported here, the package is complete by the time it is needed.
        from framing.entities import find_references

        references = find_references(doc, mentions, speech)
        self.spans = sorted((m.start, m.end, m.actor) for m in (*mentions, *references))
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


def _subject_actor(verb: Token, actors: MentionedActors) -> str:
    """The actor that is the verb's subject; a verb without one shares the subject of the
    verb it depends on ("Moscow has denied meddling", "attacked and killed")."""
    while True:
        subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        if subject is None and verb.dep_ == "pcomp" and verb.head.lower_ == "of":
            # "accused Ruiz of lying", "Ruiz's aides of working": the one accused does it
            owner = verb.head.head
            subject = owner if owner.pos_ in NOUN_TAGS else None
            subject = subject or next((c for c in owner.children if c.dep_ in OBJECT_DEPS), None)
        if subject is not None or verb.dep_ not in SHARED_SUBJECT_DEPS or verb.head.i == verb.i:
            break
        verb = verb.head
    return (actors.of(subject) if subject is not None else None) or NO_ACTOR


def _parse_target(start: int, end: int, category: str, actors: MentionedActors) -> str | None:
    """The actor the parse says a term at [start, end) is aimed at; NO_ACTOR when the parse
    says it is aimed at no actor ("a sham lawsuit"); None when the parse does not tell.

    A modifier aims at the noun it modifies ("so-called Government", "ruthless Berg"), an
    appositive at its name, a predicate at its subject ("Haftar is a warlord"), an adverb
    at the doer of its verb ("illegally working"), a verb of judging at its object
    ("slammed Ruiz") or at the object of its aiming preposition ("lashed out at Ruiz"),
    other loaded verbs and hedges at their subject ("Berg stole the emails"); the words
    after a naming verb's "as" at what is named ("described the deal as insane"); a noun
    at what it names itself: a mention or a pronoun that stands for one, its possessor
    ("Haftar's militias", "his bravery"), a name compounded onto it ("the Assad
    regime"), its agent ("collusion by the campaign", "a claim filed by Ruiz") or the
    doer of the act it names ("Russia launched an assault"). A noun stands for an actor
    only through a mention."""
    span = actors.doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    target = _parse_aim(span.root, category, actors)
    return None if target == PRONOUN else target


def _parse_aim(root: Token, category: str, actors: MentionedActors) -> str | None:
    while root.pos_ == "ADJ" and root.dep_ == "conj" and root.head.i != root.i:
        root = root.head  # '"insane" and "ridiculous"': coordinated adjectives aim alike
    if (named := _named_as(root, actors)) is not None:
        return named
    if root.dep_ in MODIFIER_DEPS and root.head.pos_ in NOUN_TAGS:
        if root.tag_ == "VBN" and category in SUBJECT_CATEGORIES:
            # "stolen DNC emails": a loaded verb's participle accuses whoever did it,
            # named after "by" or not at all, never the owner of the thing it was done to
            return _agent_actor(root.head, actors)
        return _adjacent_actor(root, actors) or _noun_actor(root.head, actors)
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
        if category in SUBJECT_CATEGORIES and root.lemma_ not in JUDGING_VERBS:
            # "Berg stole Ruiz's emails": a loaded verb of doing judges its doer, not the
            # one it is done to
            return _subject_actor(root, actors)
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


def _adjacent_actor(root: Token, actors: MentionedActors) -> str | None:
    """The actor named right before a noun that modifies another: "Russian" in "a bogus
    Russian collusion claim", where the parse hangs both words on "claim"."""
    if root.pos_ not in NOUN_TAGS or root.i == 0:
        return None
    before = actors.doc[root.i - 1]
    if before.head.i != root.head.i or before.dep_ not in MODIFIER_DEPS:
        return None
    actor = actors.of(before)
    return actor if actor != PRONOUN else None


def _named_as(root: Token, actors: MentionedActors) -> str | None:
    """'described the deal as "insane"', 'referred to Ruiz as "a liar"': the words after
    the "as" of a naming verb aim at what is named, the verb's object (or the noun of its
    relative clause, "the deal he described as insane"); NO_ACTOR when that is no
    mention. None when the term is no such complement."""
    prep = root.head if root.dep_ in ("pobj", "amod", "acomp") else None
    if prep is None or prep.lower_ != "as" or prep.dep_ != "prep":
        return None
    verb = prep.head
    if verb.pos_ != "VERB" or verb.lemma_ not in NAMING_VERBS:
        return None
    named = next((c for c in verb.children if c.dep_ in OBJECT_DEPS), None)
    if named is None:
        aimed = (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "of"))
        named = next((g for p in aimed for g in p.children if g.dep_ == "pobj"), None)
    if named is None and verb.dep_ == "relcl":
        named = verb.head
    actor = actors._at(named) if named is not None else None
    return actor or NO_ACTOR


def _agent_actor(noun: Token, actors: MentionedActors) -> str:
    """The agent or party of what a noun names, also when the preposition hangs on a noun
    coordinated with it: "collusion by the Trump campaign", "interference and collusion
    by the campaign", "with Moscow", "between the campaign and Russia", "a claim filed by
    the party"; else NO_ACTOR."""
    parties = []
    for word in (noun, *noun.conjuncts):
        for child in word.children:
            if child.dep_ == "prep" and child.lower_ in NOUN_AGENT_PREPOSITIONS:
                parties.extend(g for g in child.children if g.dep_ == "pobj")
            elif child.dep_ == "acl" and child.tag_ == "VBN":
                agents = (g for g in child.children if g.dep_ == "agent")
                parties.extend(p for a in agents for p in a.children if p.dep_ == "pobj")
    for party in parties:
        for word in (party, *party.conjuncts):
            actor = actors.of(word)
            if actor and actor != PRONOUN:
                return actor
    return NO_ACTOR


def _noun_actor(noun: Token, actors: MentionedActors) -> str:
    """The actor a noun phrase names (a mention, its possessor, a compounded name), else
    its agent or party (:func:`_agent_actor`), else the doer of what it names: the subject
    of a verb of doing ("Russia launched an assault") or of a verb whose object an -ing
    noun is ("Moscow denied meddling"); else NO_ACTOR."""
    if actor := actors.of(noun):
        return actor
    if actor := _agent_actor(noun, actors):
        return actor
    verb = noun.head
    if noun.dep_ in OBJECT_DEPS and (
        verb.lemma_ in DOING_VERBS or noun.lower_.endswith("ing") or noun.tag_ == "VBG"
    ):
        return _subject_actor(verb, actors)
    return NO_ACTOR


def find_term_target(
    text: str,
    span: tuple[int, int],
    category: str,
    quote: Attribution | None,
    sentence: tuple[int, int],
    mentions: Sequence[Mention],
    actors: MentionedActors | None,
) -> str | None:
    """The actor (entity id) the term at ``span`` of ``text`` is aimed at, or None.

    Where the parse says (``actors``, the article's parse and mentions:
    :func:`_parse_target`); where it does not, or without a parse, by position
    (:func:`_target`): inside a quotation (``quote``) among the quotation's own mentions,
    then in the ``sentence`` (start, end), never at the quotation's speaker (the words
    are the speaker's, not aimed at the speaker)."""
    start, end = span
    speaker = quote.speaker if quote is not None else None
    if actors is not None:
        target = _parse_target(start, end, category, actors)
        if target is not None and (target != speaker or not target):
            return target or None
    if quote is not None:
        target = _target(text, start, end, category, (quote.start, quote.end), mentions)
        if target is not None:
            return target
    others = [m for m in mentions if m.actor != speaker] if speaker else mentions
    return _target(text, start, end, category, sentence, others)
