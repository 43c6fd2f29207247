"""Who speaks: the token heading a reporting verb's source in the parse (its subject, a
passive's agent, the clause "saying" hangs from, a subject the parse lost or put after the
verb), and the shortest words that name it."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from framing.voices.words import _is_speech_verb

# "one of those advisers", "some of the delegates": the words after "of" name the source.
PARTITIVES = frozenset("one some many most several each all few both none any two three".split())
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Words of the source's noun phrase that can name it, left of its head.
NAMING_DEPS = frozenset({"compound", "amod", "det", "poss", "nummod", "nmod", "quantmod"})
MAX_SOURCE_WORDS = 6
HYPHENS = frozenset({"-", "–"})
# Entity types that say when, never who.
TIME_ENTITIES = frozenset({"DATE", "TIME"})


def _source_token(verb: Token, quoted: Callable[[Token], bool]) -> Token | None:
    """The token heading the source of the reporting verb ``verb``; ``quoted(token)``
    says whether a token is inside a quotation (a quotation's words never name the
    source of a verb outside it: '"Four five," said Pompeo')."""
    source = _parsed_source(verb, quoted)
    return source if source is not None else _lost_subject(verb, quoted)


def _parsed_source(verb: Token, quoted: Callable[[Token], bool]) -> Token | None:
    """The source as the parse shows it (see _source_token), or None."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and not quoted(c)]
    if subjects:
        # 'His verdict: "…," he said': of two subjects the parser hangs on the verb, the
        # nearer one is the speaker.
        subject = min(subjects, key=lambda c: abs(c.i - verb.i))
        if subject.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
            return verb.head  # "Smith, who added …", "a video that said …"
        return subject
    for child in verb.children:
        if child.dep_ == "agent":  # "it was said by X"
            return next((c for c in child.children if c.dep_ == "pobj"), None)
        if child.dep_ == "nsubjpass" and verb.lemma_ == "quote" and not quoted(child):
            return child  # "…," Smith is quoted as saying
    inverted = _inverted_source(verb, quoted)
    if inverted is not None:
        return inverted
    head = verb.head
    if head.i == verb.i:
        return None
    if verb.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
        # "a poll showing …"; "she issued a statement saying …": who made the message
        # speaks through it (PolNeAR's guidelines: choose the sentient source).
        if head.dep_ == "dobj":
            maker = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
            if maker is not None and not quoted(maker):
                return maker
        return head
    if verb.dep_ in ("advcl", "xcomp", "conj") or (verb.dep_ == "pcomp" and head.dep_ == "prep"):
        # "..., saying", "and added", "was quoted as saying": the clause above speaks.
        governor = head.head if verb.dep_ == "pcomp" else head
        if verb.dep_ == "xcomp" or verb.dep_ == "pcomp" and head.lower_ in ("of", "for"):
            # "urged Congress to reject it", "accused Iran of saying": the object is the
            # one who would speak.
            obj = next((c for c in governor.children if c.dep_ == "dobj"), None)
            if obj is not None and governor.lemma_ != "quote":
                return obj
        for child in governor.children:
            if child.dep_ in SUBJECT_DEPS:
                if governor.lemma_ == "quote" and child.dep_ == "nsubj":
                    # "Sputnik quoted a source as saying": the quoted one speaks.
                    obj = next((c for c in governor.children if c.dep_ == "dobj"), None)
                    return obj or child
                return child
        obj = next((c for c in governor.children if c.dep_ == "dobj"), None)
        if governor.lemma_ == "quote" and obj is not None:
            return obj
    if verb.dep_ == "relcl":  # "Smith, who said …"
        return head
    return None


# Entity types that can speak when the parse lost a verb's subject.
SPEAKING_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# How far before its verb a name may stand in for a subject the parse lost.
MAX_LOST_SUBJECT_TOKENS = 12


def _lost_subject(verb: Token, quoted: Callable[[Token], bool]) -> Token | None:
    """'On Dec. 2, Col. Steven Warren, a spokesman, said …', parsed with the name hung on
    the date: when a finite verb of saying has no subject, the nearest name before it in
    its sentence, with no other verb between them, is its speaker."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or not _is_speech_verb(verb):
        return None
    start = max(verb.sent.start, verb.i - MAX_LOST_SUBJECT_TOKENS)
    for token in reversed(verb.doc[start : verb.i]):
        if token.pos_ in ("VERB", "AUX") or quoted(token):
            return None
        if token.ent_type_ in SPEAKING_ENTITIES and token.ent_iob_ in ("B", "I"):
            ent = next(e for e in verb.doc.ents if e.start <= token.i < e.end)
            return ent.root
    return None


def _inverted_source(verb: Token, quoted: Callable[[Token], bool]) -> Token | None:
    """The source after its verb, as a quotation's attribution often runs ("…," added
    another New Hampshire Democrat): the first noun phrase hanging from the verb right
    after it, when a quotation comes before the verb."""
    doc = verb.doc
    if verb.i == 0 or not quoted(doc[verb.i - 1]) and not doc[verb.i - 1].is_punct:
        return None
    if verb.tag_ in ("VBG", "VBN", "TO") or verb.dep_ in ("advcl", "xcomp", "conj", "pcomp"):
        # "…, calling him a liar": a participle's object is who is spoken of; its
        # speaker is the clause above.
        return None
    for child in verb.rights:
        if quoted(child) or child.dep_ in ("punct", "ccomp", "parataxis"):
            continue
        if child.ent_type_ in TIME_ENTITIES:  # "…," Trump tweeted Sunday
            continue
        if child.pos_ in ("NOUN", "PROPN", "PRON", "NUM") and child.dep_ in (
            "dobj",
            "nsubj",
            "attr",
            "npadvmod",
            "dative",
            "oprd",
            "appos",
            "nsubjpass",
        ):
            return child
        break
    return None


def _joined(word: Token, hyphen: Token) -> bool:
    """``word`` and the word after ``hyphen`` are one word: "Holtz-Eakin"."""
    return hyphen.text in HYPHENS and not word.whitespace_ and not hyphen.whitespace_


def _source_words(token: Token) -> Span:
    """The shortest words that name the source headed by ``token`` (at most
    MAX_SOURCE_WORDS): a pronoun alone; a name with its titles ("Rep. Zoe Lofgren", not
    "Los Angeles lawyer"); else the noun with the words that pick it out ("Iranian
    officials", "a senior U.S. official"); the name in apposition to a noun ("her rival,
    Governor Tom Roe," is Tom Roe)."""
    doc = token.doc
    if token.pos_ == "PRON":
        return doc[token.i : token.i + 1]
    if token.pos_ != "PROPN":
        name = next((c for c in token.rights if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if name is not None:
            return _source_words(name)
    lo = token.i
    within = range(lo, token.i + 1)
    if token.pos_ == "PROPN":
        while lo > 0:
            if doc[lo - 1].pos_ == "PROPN" and doc[lo - 1].head.i in within:
                lo -= 1
            elif lo >= 2 and _joined(doc[lo - 2], doc[lo - 1]):
                lo -= 2  # "Douglas Holtz-Eakin": one name, split at its hyphen
            else:
                break
            within = range(lo, token.i + 1)
    else:
        while lo > 0 and token.i - lo + 1 < MAX_SOURCE_WORDS:
            if doc[lo - 1].dep_ in NAMING_DEPS and doc[lo - 1].head.i in within:
                lo -= 1
            elif lo >= 2 and _joined(doc[lo - 2], doc[lo - 1]):
                lo -= 2  # "the 46-year-old", "the front-runner"
            else:
                break
            within = range(lo, token.i + 1)
    hi = token.i + 1
    # Right-hand parts of a name ("Smith Jr.") that hang from the head.
    while hi < len(doc) and doc[hi].pos_ == "PROPN" and doc[hi].head.i == token.i:
        hi += 1
    while hi + 1 < len(doc) and _joined(doc[hi - 1], doc[hi]):
        hi += 2
    if token.lower_ in PARTITIVES:
        of = next((c for c in token.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is not None:
            hi = max(hi, of.right_edge.i + 1)
    lo = max(lo, hi - MAX_SOURCE_WORDS)
    return doc[lo:hi]
