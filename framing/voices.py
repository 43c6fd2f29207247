"""Who said what: attributions (content, cue, source) from the parsed reading.

Direct speech is a quotation linked to a reporting verb ("…," Mr. Steele said; said Rep.
Zoe Lofgren: "…"; Haftar was quoted as saying "…"), or continuing the quotation before it
(the next quotation of the same paragraph, a quotation that runs over several
paragraphs). Indirect speech is the clause a reporting verb governs ("X told the AP that
…", "X accused Y of …", "according to X, …"). The source is the verb's subject (or the
object of "according to", the agent of a passive, the subject of the clause that "saying"
hangs from), named by the shortest words that name it; it becomes a speaker when it is,
or points back to, an entity of the story (resolve_speakers). A place or nationality that
only modifies the source ("Los Angeles lawyer Nora Phillips", "Iranian officials") is
never the speaker.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from framing.models import Attribution, Mention, QuoteSpan
from framing.reading import Reading
from framing.text import count_words, find_paragraphs

# Reporting verbs by what they take as the content (the attitude or message they
# attribute to their subject): general classes of English verbs of communication,
# cognition, evidence, intention and stance, not a list fitted to a data set.
# Verbs of saying: a clause, a to-clause or a quotation ("said that …", "urged them to …").
SPEECH_VERBS = frozenset(
    """say tell add state announce declare confirm explain warn insist claim argue urge ask
    question reply write tweet post comment continue conclude emphasize emphasise stress note
    observe remark recall suggest acknowledge admit concede confess respond answer retort
    counter deny accuse allege charge contend maintain assert affirm predict promise vow
    pledge threaten report reveal disclose testify complain grouse grumble gripe boast brag
    joke quip caution mention reiterate repeat describe call demand propose recommend
    estimate indicate proclaim lament scoff sneer shout yell whisper mutter exclaim tout
    dismiss blast slam criticize criticise praise thank apologize apologise rail fume agree
    disagree object protest plead implore beg muse interject concur opine advise inform
    assure clarify elaborate recount read signal hint wonder speculate acknowledge
    order instruct direct encourage invite remind notify announce""".split()
)
# Verbs of belief, knowledge and perception: an attribution only with a clause of what is
# believed ("Analysts believe the truce will hold"): a view the text gives to its holder.
BELIEF_VERBS = frozenset(
    """think believe hope expect fear worry feel doubt suspect reckon assume know realize
    realise understand imagine guess figure learn discover notice recognize recognise
    forget hear sense agree decide conclude""".split()
)
# Verbs of intention and desire: with a to-clause ("plans to run", "refused to answer").
INTENTION_VERBS = frozenset(
    """want plan intend hope seek aim wish prefer refuse decline promise pledge vow threaten
    agree offer propose decide expect demand ask urge""".split()
)
# Verbs whose direct object is the message, the thing shown or the thing wanted, or what
# the subject stands for or against ("announced his candidacy", "polls show Clinton
# ahead", "endorsed Sanders", "denied the report").
OBJECT_VERBS = frozenset(
    """announce deny confirm repeat reiterate acknowledge admit reveal disclose report describe
    mention cite propose suggest recommend demand promise pledge predict claim allege state
    express voice declare show indicate want prefer reject support back endorse oppose
    praise criticize criticise condemn denounce defend welcome applaud hail slam blast attack
    dismiss blame accuse thank mock ridicule question dispute call characterize characterise
    portray label dub brand tout urge ask forecast""".split()
)
# Prepositions whose object is what a reporting verb is about ("talked about the wall",
# "called for talks", "warned against a deal", "accused Iran of …", "commented on it").
CONTENT_PREPOSITIONS = frozenset("about for against of on".split())
# Verbs whose object is the one spoken to, never the message ("told reporters").
RECIPIENT_VERBS = frozenset(
    "tell ask urge inform assure remind notify warn advise order instruct direct encourage "
    "invite thank beg implore".split()
)
# Reporting verbs made of a verb and a particle ("pointed out", "shot back").
PARTICLE_CUES = frozenset(
    {("point", "out"), ("go", "on"), ("shoot", "back"), ("fire", "back"), ("hit", "back"),
     ("chime", "in"), ("weigh", "in"), ("spell", "out"), ("speak", "out"), ("lash", "out"),
     ("sum", "up"), ("put", "it")}
)  # fmt: skip
# "one of those advisers", "some of the delegates": the words after "of" name the source.
PARTITIVES = frozenset("one some many most several each all few both none any two three".split())
CONTENT_DEPS = frozenset({"ccomp", "parataxis"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Words of the source's noun phrase that can name it, left of its head.
NAMING_DEPS = frozenset({"compound", "amod", "det", "poss", "nummod", "nmod", "quantmod"})
MAX_SOURCE_WORDS = 6
HYPHENS = frozenset({"-", "–"})
# Entity types that say when, never who.
TIME_ENTITIES = frozenset({"DATE", "TIME"})
# A sentence right after a quotation attributes it when its reporting verb comes this close
# to its start ("Todd asked the real estate mogul.").
REPORTING_CLAUSE_CHARS = 60
# A quotation covering less than this share of the clause a verb reports is a fragment of
# indirect speech, not a quotation of its own.
FRAGMENT_SHARE = 0.5
GOVERNS, PART, NEAR, ADJACENT = "governs", "part", "near", "adjacent"
# A reported clause is the quotation itself when at most this many of its words lie
# outside the quotation marks ("that").
OUTSIDE_WORDS = 1
# A quotation this short with no reporting verb is a title or a scare quote, not speech.
MIN_SPEECH_WORDS = 4
PERSON_PRONOUNS = frozenset("he she him her his hers i me we us they them".split())


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


def _is_speech_verb(token: Token) -> bool:
    lemma = token.lemma_.lower()
    return lemma in SPEECH_VERBS or any(
        c.dep_ == "prt" and (lemma, c.lower_) in PARTICLE_CUES for c in token.children
    )


def _is_reporting_verb(token: Token) -> bool:
    """A verb of one of the reporting classes (it reports only with the content its class
    takes, _content_of; a verb of saying may also report a quotation beside it)."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    lemma = token.lemma_.lower()
    return (
        lemma in BELIEF_VERBS
        or lemma in INTENTION_VERBS
        or lemma in OBJECT_VERBS
        or _is_speech_verb(token)
    )


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


# Nouns of saying, thinking and wanting: with their holder ("his remark", "criticism from
# Democrats", "Republicans raised questions") and what they are about, they attribute
# it ("her remark that …", "his support for the bill", "Clinton's plan to raise taxes").
MESSAGE_NOUNS = frozenset(
    """statement remark comment claim assertion allegation accusation charge argument
    suggestion proposal promise pledge vow threat warning call demand request appeal plea
    question complaint criticism attack praise support endorsement backing opposition
    objection denial admission announcement message response reply answer view
    opinion belief hope fear concern worry doubt plan intention decision desire wish
    insistence prediction estimate assessment account explanation description tweet
    post letter memo report testimony""".split()
)
# Nouns that name a point of view: "in his view, …", "in her words, …".
VIEW_NOUNS = frozenset("view opinion words estimation judgment judgement eyes mind".split())
# Verbs that only carry a message noun: "raised questions", "issued a warning".
LIGHT_VERBS = frozenset(
    "raise make issue express voice offer give deliver level lodge file send post have".split()
)
NOUN_CONTENT_PREPOSITIONS = frozenset("about for of on against to over".split())
BY_FROM = frozenset({"by", "from"})  # "criticism from Democrats", "a call by the mayor"


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


def _attribution(
    content: tuple[int, int], direct: bool, cue: Span | Token | None, source: Token | None
) -> Attribution:
    cue_text, cue_start, cue_end = "", -1, -1
    if cue is not None:
        first = cue[0] if isinstance(cue, Span) else cue
        cue_text, cue_start = cue.text, first.idx
        cue_end = cue_start + len(cue_text)
    source_text, source_start, source_end = "", -1, -1
    if source is not None:
        words = _source_words(source)
        source_text, source_start, source_end = words.text, words.start_char, words.end_char
    return Attribution(
        start=content[0],
        end=content[1],
        direct=direct,
        cue=cue_text,
        cue_start=cue_start,
        cue_end=cue_end,
        source_text=source_text,
        source_start=source_start,
        source_end=source_end,
    )


class _Cue:
    """A reporting verb (or "according to") of the text, its source and content."""

    __slots__ = ("token", "cue", "source", "content", "sentence")

    def __init__(self, token: Token, cue: Span | Token, source: Token | None, content):
        self.token = token
        self.cue = cue
        self.source = source
        self.content = content
        self.sentence = token.sent.start


# At most this many words name a speaker before a colon ('Kerry: "…"') or after a dash
# that follows a quotation ('"…" — President Obama').
MAX_TAG_WORDS = 8
DASHES = frozenset({"-", "–", "—", "--"})


def _tag_head(words: Span) -> Token | None:
    """The head of a short phrase without a verb that can name a speaker, or None."""
    if not 0 < len(words) <= MAX_TAG_WORDS or any(t.pos_ in ("VERB", "AUX") for t in words):
        return None
    heads = [t for t in words if not (words.start <= t.head.i < words.end) or t.head.i == t.i]
    head = heads[-1] if heads else None
    if head is None or head.pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    return head


def _speaker_tag(
    token: Token,
    quotes: Sequence[QuoteSpan],
    starts: Sequence[int],
    quoted: Callable[[Token], bool],
) -> Token | None:
    """The source named by a colon before a quotation ('Rep. Trey Gowdy: "…"', 'Her
    advice: "…"', 'Trump issued the following statement:', 'Stated Stone:') or by a dash
    after one ('"…" — Albert Einstein', a paragraph '- President Obama, tweeting'), when
    ``token`` is that colon or dash; else None."""
    colon = token.text.endswith(":")  # the tokenizer may join it to a bracket: "(R-S.C.):"
    if quoted(token) or token.text not in DASHES and not colon:
        return None
    doc, sent = token.doc, token.sent
    if colon:
        nxt = token.i + 1
        while nxt < len(doc) and doc[nxt].is_space:
            nxt += 1
        if nxt >= len(doc) or doc[nxt].idx not in starts:
            return None
        before = doc[sent.start : token.i]
        head = _tag_head(before)
        if head is not None or not len(before):
            return head
        verbs = [t for t in before if t.pos_ == "VERB" and not quoted(t)]
        root = next((t for t in verbs if t.head.i == t.i or t.dep_ == "ROOT"), None)
        if root is None:
            return None
        source = _source_token(root, quoted)
        if source is None:  # "Stated Stone:"
            source = next((t for t in doc[root.i + 1 : token.i] if t.pos_ == "PROPN"), None)
        return source
    prev = token.i - 1
    while prev >= 0 and doc[prev].is_space:
        prev -= 1
    if prev < 0 or not quoted(doc[prev]):
        return None
    end = next((t.i for t in doc[token.i + 1 : sent.end] if t.text == ","), sent.end)
    while end > token.i + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return _tag_head(doc[token.i + 1 : end])


def _find_cues(doc: Doc, quotes: Sequence[QuoteSpan]) -> list[_Cue]:
    starts = [q.start for q in quotes]

    def quoted(token: Token) -> bool:
        i = bisect.bisect_right(starts, token.idx) - 1
        return i >= 0 and token.idx < quotes[i].end

    def nowhere(token: Token) -> bool:
        return False

    cues = []
    for token in doc:
        tag = _speaker_tag(token, quotes, starts, quoted)
        if tag is not None:
            cues.append(_Cue(token, token, tag, None))
            continue
        if token.pos_ == "VERB" and not quoted(token) and not _is_reporting_verb(token):
            told = next((c for c in token.children if c.dep_ in CONTENT_DEPS and quoted(c)), None)
            if told is not None:
                # '"Go back to Univision," Trump barked': any verb whose clause is a
                # quotation reports it, in the manner it names.
                source = _source_token(token, quoted)
                cues.append(_Cue(token, token, source, _subtree_span(told)))
                continue
        if _is_reporting_verb(token):
            speech = _is_speech_verb(token)
            if not speech and token.dep_ in ("amod", "pcomp"):
                continue  # "accused Iran of supporting rebels": what was said, not a stance
            content = _content_of(token, quoted)
            if content is not None or speech:
                # A verb inside a quotation reports nested speech: its words name the source.
                source = _source_token(token, nowhere if quoted(token) else quoted)
                cues.append(_Cue(token, token, source, content))
            continue
        message = _message_noun(token, quoted)
        if message is not None:
            holder, content = message
            cues.append(_Cue(token, token, holder, content))
            continue
        found = _according_to(token, quoted)
        if found is not None:
            source, content = found
            to = next(c for c in token.children if c.lower_ == "to")
            cues.append(_Cue(token, doc[token.i : to.i + 1], source, content))
    return cues


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _quote_words(text: str, quote: QuoteSpan) -> int:
    return count_words(text[quote.start : quote.end])


def _cue_for_quote(
    quote: QuoteSpan, cues: Sequence[_Cue], reading: Reading
) -> tuple[_Cue | None, str]:
    """The cue that reports ``quote``, and how: GOVERNS (its content is the quotation),
    PART (the quotation is a fragment of the clause it reports: 'said voters find it "very
    hard to look past"'), NEAR (a reporting clause beside it in its sentence, with no
    content) or ADJACENT (a sentence before it ending with a colon, or a sentence after it
    in its paragraph that opens with a reporting clause)."""
    text = reading.text
    span = (quote.start, quote.end)
    outside = [c for c in cues if not (quote.start <= c.token.idx < quote.end)]

    def around(cue: _Cue) -> int:
        """Words of the cue's content outside the quotation."""
        start, end = cue.content
        before = count_words(text[start : max(start, quote.start)])
        return before + count_words(text[min(end, quote.end) : end])

    # Of the verbs whose content overlaps the quotation, the one whose content is most
    # nearly the quotation reports it ('When asked why, Sembler responded: "…"').
    governing = [c for c in outside if c.content is not None and _overlaps(c.content, span)]
    if governing:
        cue = min(governing, key=around)
        return cue, GOVERNS if around(cue) <= OUTSIDE_WORDS else PART
    # A reporting verb with nothing to report in the quotation's own sentence(s):
    # "…," he said.  /  He said: "…"
    first = reading.sentence_index(quote.start)
    last = reading.sentence_index(max(quote.start, quote.end - 1))
    if first is None:
        return None, NEAR
    last = first if last is None else last
    lo, hi = reading.sentences[first].start, reading.sentences[last].end
    near = [
        c
        for c in outside
        if lo <= c.token.idx < hi
        and c.source is not None
        and (c.content is None or _reports_after(c, quote))
    ]
    if near:
        # A reporting verb beside the quotation wins over a colon or dash that names one
        # ('His verdict: "…," Haftar said'); of several, the nearest.
        near.sort(
            key=lambda c: (
                c.token.is_punct,
                min(abs(c.token.idx - quote.end), abs(quote.start - c.token.idx)),
            )
        )
        return near[0], NEAR
    if first > 0:
        before = reading.sentences[first - 1]
        if text[before.start : before.end].rstrip().endswith(":"):
            cands = [c for c in outside if before.start <= c.token.idx < before.end]
            if cands:
                return cands[-1], ADJACENT
    if last + 1 < len(reading.sentences):
        following = reading.sentences[last + 1]
        if not text[quote.end : following.start].strip(" \t"):
            # '"Did you know?" Todd asked.': a sentence that opens with its reporting
            # clause, the verb among its first words, reports nothing else.
            head_end = following.start + REPORTING_CLAUSE_CHARS
            cands = [
                c
                for c in outside
                if following.start <= c.token.idx < min(following.end, head_end)
                and c.content is None
                and c.source is not None
            ]
            if cands:
                return cands[0], ADJACENT
    return None, NEAR


def _reports_after(cue: _Cue, quote: QuoteSpan) -> bool:
    """'"…," a voice over says as a photo is shown': a verb of saying whose clause follows
    the quotation with nothing between them but its subject reports the quotation, whatever
    else the parse hangs on it."""
    token, source = cue.token, cue.source
    if not _is_speech_verb(token) or token.idx < quote.end or source is None:
        return False
    between = [t for t in token.doc if quote.end <= t.idx < token.idx]
    subject = range(source.left_edge.i, source.right_edge.i + 1)
    return all(t.is_punct or t.is_space or t.i in subject for t in between)


def _speech_before(quote: QuoteSpan, cues: Sequence[_Cue], para_start: int) -> Attribution | None:
    """The attribution of the nearest reporting clause before ``quote`` in its paragraph
    ("Coan argues that his client was never violent. "The government is alleging …""): a
    quotation that follows someone's reported words continues them."""
    before = [
        c
        for c in cues
        if c.source is not None
        and para_start <= c.token.idx < quote.start
        and (c.content is None or c.content[1] <= quote.start)
    ]
    if not before:
        return None
    cue = max(before, key=lambda c: c.token.idx)
    return _attribution((quote.start, quote.end), True, cue.cue, cue.source)


def _direct_speech(reading: Reading, cues: Sequence[_Cue]) -> tuple[list[Attribution], set[int]]:
    """Attributions of the quotations, and the ids of the cues whose content they are."""
    text = reading.text
    para_starts = [a for a, _ in find_paragraphs(text)]
    quotes = reading.quotes
    paras = [bisect.bisect_right(para_starts, q.start) - 1 for q in quotes]
    own: list[Attribution | None] = []
    adjacent: list[Attribution | None] = []
    reported: set[int] = set()
    parts = set()  # quotations inside a reported clause: that clause is the attribution
    for i, quote in enumerate(quotes):
        cue, how = _cue_for_quote(quote, cues, reading)
        found = None
        if cue is not None and how != PART:
            found = _attribution((quote.start, quote.end), True, cue.cue, cue.source)
        own.append(found if how in (GOVERNS, NEAR) else None)
        adjacent.append(found if how == ADJACENT else None)
        if how == PART:
            parts.add(i)
        elif how == GOVERNS:
            reported.add(id(cue))

    paragraphs = find_paragraphs(text)
    # A paragraph that is one quotation and nothing else goes on with the voice of the
    # quotation before it (news prints a long quotation a paragraph at a time).
    whole = [
        paras[i] >= 0 and paragraphs[paras[i]] == (q.start, q.end) for i, q in enumerate(quotes)
    ]

    def joined(i: int, j: int) -> bool:
        """Quotations i < j = i + 1 are one speaker's: the same paragraph, a quotation
        running on into the next paragraph, or a paragraph of quotation after it."""
        if paras[j] == paras[i]:
            return True
        return paras[j] == paras[i] + 1 and (not quotes[i].closed or whole[j])

    # A short quotation with no verb of its own is a title or a scare quote: it inherits
    # nobody's voice ('Sanders said on "New Day."').
    long_enough = [_quote_words(text, q) >= MIN_SPEECH_WORDS for q in quotes]
    found = list(own)
    for i in range(1, len(quotes)):  # a quotation continues the one before it ...
        if found[i] is None and long_enough[i] and found[i - 1] is not None and joined(i - 1, i):
            found[i] = found[i - 1]
    for i in range(len(quotes) - 2, -1, -1):  # ... or is attributed by the one after it
        if found[i] is None and long_enough[i] and found[i + 1] is not None and joined(i, i + 1):
            found[i] = found[i + 1]
    for i, attribution in enumerate(adjacent):  # ... or by a reporting sentence beside it
        if found[i] is None and attribution is not None:
            found[i] = attribution
    for i, quote in enumerate(quotes):  # ... or by the clause of speech before it
        if found[i] is None and long_enough[i] and i not in parts:
            found[i] = _speech_before(quote, cues, para_starts[paras[i]] if paras[i] >= 0 else 0)
    result = []
    for i, (quote, attribution) in enumerate(zip(quotes, found, strict=True)):
        if i in parts:
            continue
        if attribution is not None:
            result.append(replace(attribution, start=quote.start, end=quote.end))
        elif _quote_words(text, quote) >= MIN_SPEECH_WORDS:
            result.append(Attribution(quote.start, quote.end, True))
    return result, reported


def find_attributions(reading: Reading) -> list[Attribution]:
    """Every attribution of one article, sorted by where its content starts.

    A quotation of at least MIN_SPEECH_WORDS words, or one a reporting verb governs, is
    direct speech (``direct=True``, content = the quotation with its marks); shorter ones
    without a verb are titles or scare quotes and no attribution. A quotation with no
    reporting verb of its own shares the source of the quotation next to it in the same
    paragraph (the one before first), or of the paragraph it runs on from or into.
    A reporting verb's clause is indirect speech unless a quotation is that clause.
    """
    cues = _find_cues(reading.doc, reading.quotes)
    result, reported = _direct_speech(reading, cues)
    quotes = [(q.start, q.end) for q in reading.quotes]
    for cue in cues:
        if cue.content is None or id(cue) in reported:
            continue
        inside = any(q[0] <= cue.content[0] and cue.content[1] <= q[1] for q in quotes)
        if inside and not any(q[0] <= cue.token.idx < q[1] for q in quotes):
            continue  # the clause is a quotation's own words, attributed above
        result.append(_attribution(cue.content, False, cue.cue, cue.source))
    return sorted(result, key=lambda a: (a.start, a.end))


def _covering(mentions: Sequence[Mention], start: int, end: int) -> Mention | None:
    """The mention inside [start, end) that ends last (a name's head is its last word)."""
    inside = [m for m in mentions if start <= m.start and m.end <= end]
    return max(inside, key=lambda m: m.end) if inside else None


def resolve_speakers(
    attributions: Sequence[Attribution], mentions: Sequence[Mention], text: str
) -> list[Attribution]:
    """Copies of ``attributions`` with ``speaker`` set to the entity their source names.

    The source's words must contain a mention that ends with them (the source's head):
    "Los Angeles lawyer Nora Phillips" is Nora Phillips, "Iranian officials" is no entity.
    A personal pronoun is the speaker of the previous attribution in the text, or else
    the last person-like entity mentioned before it.
    """
    ordered = sorted(mentions, key=lambda m: m.start)
    starts = [m.start for m in ordered]
    resolved = []
    last_speaker: str | None = None
    for attribution in sorted(attributions, key=lambda a: max(a.source_start, a.start)):
        speaker = None
        if attribution.source_start >= 0:
            a, b = attribution.source_start, attribution.source_end
            mention = _covering(ordered, a, b)
            if mention is not None and mention.end == b:
                speaker = mention.actor
            elif text[a:b].lower() in PERSON_PRONOUNS:
                speaker = last_speaker
                if speaker is None:
                    i = bisect.bisect_left(starts, a) - 1
                    speaker = ordered[i].actor if i >= 0 else None
        resolved.append(replace(attribution, speaker=speaker))
        if speaker is not None:
            last_speaker = speaker
    return sorted(resolved, key=lambda a: (a.start, a.end))


def find_speech(attributions: Sequence[Attribution], start: int, end: int) -> Attribution | None:
    """The attribution whose content contains [start, end) (the innermost), or None: the
    words are then in the outlet's own voice."""
    best = None
    for attribution in attributions:
        if attribution.start <= start and end <= attribution.end:
            if best is None or attribution.end - attribution.start < best.end - best.start:
                best = attribution
    return best


def score_voices(
    text: str, attributions: Sequence[Attribution]
) -> dict[tuple[str | None, str], tuple[int, int, int]]:
    """Reported speech by speaker: {(speaker id or None, source words): (direct quotes,
    indirect attributions, reported words)}. A speaker's share of an article's reported
    words is its words over the sum; (None, "") collects speech no source was found for.
    Words nested in another attribution's content count once, for the outer speaker."""
    voices: dict[tuple[str | None, str], tuple[int, int, int]] = {}
    covered_until = -1
    for attribution in sorted(attributions, key=lambda a: (a.start, -a.end)):
        key = (attribution.speaker, "" if attribution.speaker else attribution.source_text)
        direct, indirect, words = voices.get(key, (0, 0, 0))
        start = max(attribution.start, covered_until)
        new_words = count_words(text[start : attribution.end]) if start < attribution.end else 0
        covered_until = max(covered_until, attribution.end)
        voices[key] = (
            direct + attribution.direct,
            indirect + (not attribution.direct),
            words + new_words,
        )
    return voices
