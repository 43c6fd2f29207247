"""Neutral senses of loaded words, told apart by their context in the parse.

Each rule is general: it names a syntactic context in which a word that usually judges
names a legal status, a technical system or a kind of act instead. Only context outside
the matched words counts, so a lexicon entry written out in full ("sanctions regime")
is never second-guessed.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from framing.models import LexiconEntry

# Nouns that name an act or event rather than people: a label modifying one classifies
# the act ("the terrorist attacks of Sept. 11", "extremist violence").
EVENT_NOUNS = frozenset(
    "attack bombing plot act violence incident activity threat offence offense charge "
    "crime strike shooting massacre assault raid operation financing propaganda".split()
)
# Endings of nouns made from verbs ("crossing", "immigration", "entry" is listed below):
# an adjective of legal status modifying one states the act's legal status.
ACT_SUFFIXES = ("ing", "tion", "sion", "ment", "ance", "ence", "ure")
ACT_NOUNS = EVENT_NOUNS | frozenset("entry trade use sale work stay border".split())
# Adjectives whose plain sense is a legal status; loaded when they label people.
LEGAL_STATUS = frozenset("illegal illegally unlawful unlawfully illicit illicitly".split())
# Nouns whose "of" complement is what someone alleges, fears or investigates, not what
# the writer asserts: "allegations of genocide", "a fear of persecution".
REPORTED_CONTENT_NOUNS = frozenset(
    "allegation accusation charge claim fear risk evidence investigation probe report "
    "rumor rumour suspicion threat".split()
)
MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})
# Labels that also name a system of rules, their sense when a common noun is compounded
# onto them: "the sanctions regime", "a tax regime" (but "the Assad regime").
SYSTEM_NOUNS = frozenset({"regime"})


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _is_act_noun(token: Token) -> bool:
    lemma = _lemma(token)
    return token.pos_ == "NOUN" and (lemma in ACT_NOUNS or lemma.endswith(ACT_SUFFIXES))


def find_neutral_sense(span: Span, entry: LexiconEntry) -> str | None:
    """Why the lexicon match ``span`` (of ``entry``) is a neutral sense here, or None when
    it is not: the noun of a verb entry, or a label that also names a system of rules,
    compounded with a common noun ("asylum claims", "sanctions regime"); a label
    classifying an act ("terrorist attacks"); a legal status of an act ("illegal
    crossings"); or the content of an allegation or fear ("a fear of persecution")."""
    root = span.root
    inside = range(span.start, span.end)
    compound = next(
        (
            c
            for c in root.children
            if c.i not in inside and c.dep_ == "compound" and c.pos_ == "NOUN"
        ),
        None,
    )
    if compound is not None and root.pos_ == "NOUN":
        # "asylum claims": the noun of a verb entry, made technical by a common noun.
        verb_noun = entry.category == "loaded_verb" and entry.term.lower().startswith(_lemma(root))
        if verb_noun or _lemma(root) in SYSTEM_NOUNS:
            return f"a technical compound ('{compound.text} {root.text}')"
    head = root.head
    if root.dep_ in MODIFIER_DEPS and head.i not in inside:
        if entry.category == "name_calling" and _lemma(head) in EVENT_NOUNS:
            return f"classifies an act ('{root.text} {head.text}'), not a label for people"
        if root.lower_ in LEGAL_STATUS and _is_act_noun(head):
            return f"the legal status of an act ('{root.text} {head.text}')"
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.i not in inside:
        holder = head.head
        if holder.pos_ == "NOUN" and _lemma(holder) in REPORTED_CONTENT_NOUNS:
            return f"what is alleged or feared ('{holder.text} of {root.text}'), not asserted"
    return None
