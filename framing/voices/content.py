"""What is said: the content a reporting verb governs by its class, cut before the
writer's asides, the rest of the sentence "according to X" or "in X's view" qualifies, and
what a noun of saying ("her remark that …") is about."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from framing.voices.words import (
    BELIEF_VERBS,
    BY_FROM,
    CONTENT_PREPOSITIONS,
    INTENTION_VERBS,
    LIGHT_VERBS,
    MESSAGE_NOUNS,
    NOUN_CONTENT_PREPOSITIONS,
    OBJECT_VERBS,
    RECIPIENT_VERBS,
    VIEW_NOUNS,
    _is_reporting_verb,
    _is_speech_verb,
)


def _trimmed(doc: Doc, lo: int, hi: int) -> tuple[int, int] | None:
    """Char span of tokens lo..hi-1 without leading/trailing punctuation and spaces."""
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space or doc[lo].dep_ in ("mark",)):
        lo += 1
    while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space):
        hi -= 1
    if lo >= hi:
        return None
    return doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])


def _subtree_span(token: Token, skip: Token | None = None) -> tuple[int, int] | None:
    """The char span of ``token``'s subtree, minus a leading or trailing ``skip`` subtree."""
    lo, hi = token.left_edge.i, token.right_edge.i + 1
    if skip is not None:
        if skip.left_edge.i <= lo:
            lo = max(lo, skip.right_edge.i + 1)
        elif skip.right_edge.i + 1 >= hi:
            hi = min(hi, skip.left_edge.i)
    return _trimmed(token.doc, lo, hi)


# Reported content as the parse shows it: the clause a verb governs, its to-clause, its
# object (with what the object is called or shown as), or a preposition's object.
CLAUSE_DEPS = frozenset({"ccomp"})
OBJECT_DEPS = frozenset({"dobj", "dative"})
PREDICATE_DEPS = frozenset({"oprd", "xcomp", "acomp"})
# Verbs whose object opens a small clause: "polls show Clinton ahead in Ohio".
SMALL_CLAUSE_VERBS = frozenset("show indicate find".split())
# Verbs whose object is content only with what it is called: "called him a liar" reports,
# "called Univision" does not.
NAMING_VERBS = frozenset("call dub brand label".split())
# Prepositions whose object is the content only for some verbs: "of" for accusations and
# warnings ("accused Iran of …", "warned of a war"), "on" for comment ("commented on
# the plan", "called on Congress to act"): "said of the plan" and "said on Tuesday" are not.
RESTRICTED_PREPOSITIONS = {
    "of": frozenset("accuse charge convict warn speak think approve disapprove".split()),
    "on": frozenset("comment remark elaborate call insist weigh focus".split()),
}


def _content_children(verb: Token) -> list[Token]:
    """The children of ``verb`` that make up what it reports, by its class."""
    lemma = verb.lemma_.lower()
    speech = _is_speech_verb(verb)
    clause = speech or lemma in BELIEF_VERBS or lemma in INTENTION_VERBS or lemma in OBJECT_VERBS
    to_clause = lemma in INTENTION_VERBS or lemma in RECIPIENT_VERBS or lemma in OBJECT_VERBS
    objects = lemma in OBJECT_VERBS and lemma not in RECIPIENT_VERBS
    parts = []
    for child in verb.children:
        dep = child.dep_
        if dep in CLAUSE_DEPS and clause or dep == "parataxis" and speech:
            parts.append(child)
        elif dep == "xcomp" and to_clause:
            parts.append(child)
        elif dep in OBJECT_DEPS and child.i > verb.i and objects:
            parts.append(child)
        elif dep in PREDICATE_DEPS and child.i > verb.i and parts and lemma in OBJECT_VERBS:
            parts.append(child)  # "called him a liar", "described it as …"
        elif dep == "prep" and child.i > verb.i and (clause or lemma in OBJECT_VERBS):
            word = child.lower_
            allowed = RESTRICTED_PREPOSITIONS.get(word)
            about = word in CONTENT_PREPOSITIONS and (allowed is None or lemma in allowed)
            called_as = word == "as" and bool(parts)  # "described it as a disaster"
            if (about or called_as) and any(c.dep_ in ("pobj", "pcomp") for c in child.children):
                parts.append(child)
    return parts


def _content_of(verb: Token, quoted: Callable[[Token], bool]) -> tuple[int, int] | None:
    """The reported content a reporting verb governs, or None; ``quoted(token)`` says
    whether a token is inside a quotation."""
    parts = _content_children(verb)
    if verb.lemma_.lower() in NAMING_VERBS and all(p.dep_ in OBJECT_DEPS for p in parts):
        return None
    if not parts:
        return None
    lo = min(p.left_edge.i for p in parts)
    hi = max(p.right_edge.i for p in parts) + 1
    if verb.lemma_.lower() in SMALL_CLAUSE_VERBS and any(p.dep_ == "dobj" for p in parts):
        hi = max(hi, verb.right_edge.i + 1)
    if any(p.dep_ == "prep" and p.i == lo for p in parts):
        lo += 1  # "called for talks": the preposition belongs to the cue
    return _trimmed(verb.doc, lo, _without_asides(verb.doc, lo, hi, quoted))


# Clauses a writer adds after a comma to what is reported, which are the writer's own:
# "…, pointing to Cruz's victories", "…, while trying to explain …", "…, which is spread
# by mosquitoes", "… and predicted that …" (another reporting verb of the same source).
ASIDE_MARKS = frozenset("while whereas although though as even".split())
ASIDE_PUNCT = frozenset({",", ";", "—", "–", "-", "--"})
ASIDE_PREPOSITIONS = frozenset({"despite", "amid"})


def _is_aside(token: Token) -> bool:
    if token.dep_ == "advcl":
        return token.tag_ in ("VBG", "VBN") or any(
            c.dep_ == "mark" and c.lower_ in ASIDE_MARKS for c in token.children
        )
    if token.dep_ == "relcl":
        return token.doc[token.left_edge.i].lower_ in ("which", "who", "whom", "whose")
    if token.dep_ == "appos":  # "…, a swipe at his rivals"
        return True
    if token.dep_ == "prep":  # "…, despite recent reports"
        return token.lower_ in ASIDE_PREPOSITIONS
    if token.dep_ == "conj" and token.pos_ == "VERB":
        # "… and added that …", "… and one in four said …": another attribution
        return (
            _is_speech_verb(token) or bool(_content_children(token)) and _is_reporting_verb(token)
        )
    return False


def _without_asides(doc: Doc, lo: int, hi: int, quoted: Callable[[Token], bool]) -> int:
    """``hi`` cut before the first aside that runs to the end of tokens lo..hi-1 and opens
    with a comma or dash (or, for a second reporting verb, a conjunction) outside a
    quotation."""
    last = hi - 1
    while last > lo and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    for token in doc[lo + 1 : hi]:
        if token.right_edge.i < last or not _is_aside(token):
            continue
        cut = token.left_edge.i  # the first token left out
        if doc[cut - 1].dep_ == "cc" and cut - 1 > lo:
            cut -= 1
        if doc[cut - 1].text in ASIDE_PUNCT and cut - 1 > lo:
            cut -= 1
        opens = doc[cut].text in ASIDE_PUNCT or doc[cut].dep_ == "cc"
        if cut > lo and opens and not quoted(doc[cut]):
            return cut
    return hi


def _according_to(
    token: Token, quoted: Callable[[Token], bool]
) -> tuple[Token, tuple[int, int] | None] | None:
    """For "according" of "according to X": X's head and the content, the rest of its
    sentence ("According to X, …", "…, according to X."; the parse often hangs the phrase
    on the wrong word of the sentence)."""
    if token.lower_ != "according":
        return None
    to = next((c for c in token.children if c.lower_ == "to"), None)
    if to is None:
        return None
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None:
        return None
    return source, _rest_of_sentence(token, quoted)


def _rest_of_sentence(phrase: Token, quoted: Callable[[Token], bool]) -> tuple[int, int] | None:
    """The sentence of ``phrase`` without the phrase's subtree: what "according to X" or
    "in X's view" qualifies ("According to X, …", "…, according to X."); the parse often
    hangs such a phrase on the wrong word, so the sentence is taken, not the subtree."""
    doc, sent = phrase.doc, phrase.sent
    lo, hi = phrase.left_edge.i, phrase.right_edge.i + 1
    before = _trimmed(doc, sent.start, lo)
    after = _trimmed(doc, hi, sent.end)
    if before is not None and after is not None:
        return before[0], after[1]
    side = before or after
    if side is None:
        return None
    first = next(t.i for t in doc[sent.start : sent.end] if t.idx >= side[0])
    last = next(t.i for t in reversed(doc[sent.start : sent.end]) if t.idx < side[1])
    return _trimmed(doc, first, _without_asides(doc, first, last + 1, quoted))


def _message_noun(
    noun: Token, quoted: Callable[[Token], bool]
) -> tuple[Token, tuple[int, int]] | None:
    """For a message noun with a holder and a content: (the holder, the content)."""
    if noun.pos_ != "NOUN" or quoted(noun):
        return None
    lemma = noun.lemma_.lower()
    holder = next((c for c in noun.children if c.dep_ == "poss" and not quoted(c)), None)
    if lemma in VIEW_NOUNS and noun.head.lower_ == "in" and noun.head.dep_ == "prep":
        content = _rest_of_sentence(noun.head, quoted) if holder is not None else None
        return (holder, content) if content is not None else None
    if lemma not in MESSAGE_NOUNS:
        return None
    if holder is None:
        by = [c for c in noun.children if c.dep_ in ("prep", "agent") and c.lower_ in BY_FROM]
        holder = next((c for c in by[0].children if c.dep_ == "pobj"), None) if by else None
    if holder is None and noun.dep_ == "dobj" and noun.head.lemma_.lower() in LIGHT_VERBS:
        holder = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
    if holder is None or quoted(holder):
        return None
    for child in noun.children:
        if child.dep_ in ("acl", "ccomp") and child.i > noun.i:  # "the claim that …"
            content = _trimmed(noun.doc, child.left_edge.i, child.right_edge.i + 1)
        elif child.dep_ == "prep" and child.lower_ in NOUN_CONTENT_PREPOSITIONS:
            has_object = any(c.dep_ in ("pobj", "pcomp") for c in child.children)
            content = (
                _trimmed(noun.doc, child.i + 1, child.right_edge.i + 1) if has_object else None
            )
        else:
            continue
        if content is not None:
            return holder, content
    return None
