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

# Verbs whose subject reports speech, writing or a claim (communication verbs).
CUE_VERBS = frozenset(
    """say tell add state announce declare confirm explain warn insist claim argue urge ask
    question reply write tweet post comment continue conclude emphasize emphasise stress note
    observe remark recall suggest acknowledge admit concede confess respond answer retort
    counter deny accuse allege charge contend maintain assert affirm predict promise vow
    pledge threaten report reveal disclose testify complain grouse grumble gripe boast brag
    joke quip caution mention reiterate repeat describe call demand propose recommend
    estimate indicate proclaim lament scoff sneer shout yell whisper mutter exclaim tout
    dismiss blast slam criticize criticise praise thank apologize apologise rail fume agree
    disagree object protest plead implore beg muse interject concur opine advise inform
    assure clarify elaborate recount read acknowledge announce signal hint wonder predict
    insist stress""".split()
)
# Verbs of belief and judgement: an attribution only with a clause of what is believed
# ("Analysts believe the truce will hold"): a view the text gives to its holder.
BELIEF_VERBS = frozenset(
    "think believe hope expect fear worry feel doubt suspect predict reckon assume".split()
)
# Reporting verbs made of a verb and a particle ("pointed out", "shot back").
PARTICLE_CUES = frozenset(
    {("point", "out"), ("go", "on"), ("shoot", "back"), ("fire", "back"), ("hit", "back"),
     ("chime", "in"), ("weigh", "in"), ("spell", "out"), ("speak", "out"), ("lash", "out"),
     ("sum", "up"), ("put", "it")}
)  # fmt: skip
# Cue verbs whose complement is what was said only when it is a clause or a quotation:
# "called it a disaster" reports, "called for talks" does not.
CLAUSE_ONLY_CUES = frozenset("call describe dismiss blast slam criticize criticise praise".split())
# Accusations report what the object did: "accused Iran of supporting …".
ACCUSATION_VERBS = frozenset("accuse charge blame criticize criticise blast slam thank".split())
# "one of those advisers", "some of the delegates": the words after "of" name the source.
PARTITIVES = frozenset("one some many most several each all few both none any two three".split())
CONTENT_DEPS = frozenset({"ccomp", "parataxis"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Words of the source's noun phrase that can name it, left of its head.
NAMING_DEPS = frozenset({"compound", "amod", "det", "poss", "nummod", "nmod", "quantmod"})
MAX_SOURCE_WORDS = 6
# Entity types that say when, never who.
TIME_ENTITIES = frozenset({"DATE", "TIME"})
# A sentence right after a quotation attributes it when its reporting verb comes this close
# to its start ("Todd asked the real estate mogul.").
REPORTING_CLAUSE_CHARS = 60
# A quotation covering less than this share of the clause a verb reports is a fragment of
# indirect speech, not a quotation of its own.
FRAGMENT_SHARE = 0.5
GOVERNS, PART, NEAR = "governs", "part", "near"
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


def _is_cue(token: Token) -> bool:
    if token.pos_ not in ("VERB", "AUX"):
        return False
    lemma = token.lemma_.lower()
    if lemma in CUE_VERBS:
        return True
    if lemma in BELIEF_VERBS:
        return any(child.dep_ == "ccomp" for child in token.children)
    return any(
        child.dep_ == "prt" and (lemma, child.lower_) in PARTICLE_CUES for child in token.children
    )


def _source_token(verb: Token, quoted: Callable[[Token], bool]) -> Token | None:
    """The token heading the source of the reporting verb ``verb``; ``quoted(token)``
    says whether a token is inside a quotation (a quotation's words never name the
    source of a verb outside it: '"Four five," said Pompeo')."""
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
    inverted = _inverted_source(verb, quoted)
    if inverted is not None:
        return inverted
    head = verb.head
    if head is verb:
        return None
    if verb.dep_ in ("advcl", "xcomp", "conj") or (verb.dep_ == "pcomp" and head.dep_ == "prep"):
        # "..., saying", "and added", "was quoted as saying": the clause above speaks.
        governor = head.head if verb.dep_ == "pcomp" else head
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
        while lo > 0 and doc[lo - 1].pos_ == "PROPN" and doc[lo - 1].head.i in within:
            lo -= 1
            within = range(lo, token.i + 1)
    else:
        while (
            lo > 0
            and doc[lo - 1].dep_ in NAMING_DEPS
            and token.i - lo + 1 < MAX_SOURCE_WORDS
            and doc[lo - 1].head.i in within
        ):
            lo -= 1
            within = range(lo, token.i + 1)
    hi = token.i + 1
    # Right-hand parts of a name ("Smith Jr.") that hang from the head.
    while hi < len(doc) and doc[hi].pos_ == "PROPN" and doc[hi].head.i == token.i:
        hi += 1
    if token.lower_ in PARTITIVES:
        of = next((c for c in token.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
        if of is not None:
            hi = max(hi, of.right_edge.i + 1)
    lo = max(lo, hi - MAX_SOURCE_WORDS)
    return doc[lo:hi]


def _content_of(verb: Token) -> tuple[int, int] | None:
    """The reported content a reporting verb governs, or None."""
    lemma = verb.lemma_.lower()
    for child in verb.children:
        if child.dep_ in CONTENT_DEPS or (child.dep_ == "xcomp" and lemma not in CLAUSE_ONLY_CUES):
            return _subtree_span(child)
    if lemma in ACCUSATION_VERBS:
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "for"):
                inner = next((c for c in child.children if c.dep_ in ("pcomp", "pobj")), None)
                if inner is not None:
                    return _subtree_span(inner)
    return None


def _according_to(token: Token) -> tuple[Token, tuple[int, int] | None] | None:
    """For "according" of "according to X": X's head and the clause it qualifies."""
    if token.lower_ != "according":
        return None
    to = next((c for c in token.children if c.lower_ == "to"), None)
    if to is None:
        return None
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    if source is None:
        return None
    clause = token.head if token.head is not token else None
    content = _subtree_span(clause, skip=token) if clause is not None else None
    return source, content


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


def _find_cues(doc: Doc, quotes: Sequence[QuoteSpan]) -> list[_Cue]:
    starts = [q.start for q in quotes]

    def quoted(token: Token) -> bool:
        i = bisect.bisect_right(starts, token.idx) - 1
        return i >= 0 and token.idx < quotes[i].end

    def nowhere(token: Token) -> bool:
        return False

    cues = []
    for token in doc:
        if _is_cue(token):
            # A verb inside a quotation reports nested speech: its words name the source.
            source = _source_token(token, nowhere if quoted(token) else quoted)
            cues.append(_Cue(token, token, source, _content_of(token)))
            continue
        found = _according_to(token)
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
    hard to look past"') or NEAR (a reporting clause beside it, with no content)."""
    span = (quote.start, quote.end)
    outside = [c for c in cues if not (quote.start <= c.token.idx < quote.end)]
    for cue in outside:
        if cue.content is not None and _overlaps(cue.content, span):
            start, end = cue.content
            inside = min(end, quote.end) - max(start, quote.start)
            return cue, GOVERNS if inside >= FRAGMENT_SHARE * (end - start) else PART
    # A reporting verb with nothing to report in the quotation's own sentence(s):
    # "…," he said.  /  He said: "…"
    first = reading.sentence_index(quote.start)
    last = reading.sentence_index(max(quote.start, quote.end - 1))
    if first is None:
        return None, NEAR
    lo = reading.sentences[first].start
    hi = reading.sentences[last if last is not None else first].end
    near = [
        c for c in outside if lo <= c.token.idx < hi and c.content is None and c.source is not None
    ]
    if near:
        near.sort(key=lambda c: min(abs(c.token.idx - quote.end), abs(quote.start - c.token.idx)))
        return near[0], NEAR
    # The sentence before ends with a colon ("Haftar said:"), or the one after is only a
    # reporting clause ("He added.").
    if first > 0:
        before = reading.sentences[first - 1]
        if reading.text[before.start : before.end].rstrip().endswith(":"):
            cands = [c for c in outside if before.start <= c.token.idx < before.end]
            if cands:
                return cands[-1], NEAR
    after = (last if last is not None else first) + 1
    if after < len(reading.sentences):
        following = reading.sentences[after]
        if not reading.text[quote.end : following.start].strip():
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
                return cands[0], NEAR
    return None, NEAR


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
    reported: set[int] = set()
    parts = set()  # quotations inside a reported clause: that clause is the attribution
    for i, quote in enumerate(quotes):
        cue, how = _cue_for_quote(quote, cues, reading)
        if cue is None or how == PART:
            own.append(None)
            if how == PART:
                parts.add(i)
            continue
        own.append(_attribution((quote.start, quote.end), True, cue.cue, cue.source))
        if how == GOVERNS:
            reported.add(id(cue))

    def joined(i: int, j: int) -> bool:
        """Quotations i < j = i + 1 are one speaker's: the same paragraph, or a quotation
        running on into the next paragraph."""
        return paras[j] == paras[i] or (paras[j] == paras[i] + 1 and not quotes[i].closed)

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
