"""Names in one article: runs of capitalised words split into a title and a name, and the
label candidates written next to them (titles, appositives, modifiers, descriptions).
How the whole story writes each word (its vocabulary) is the evidence for telling a name
from a capitalised common word."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from framing.entities.spelling import _skeleton, _spelling_variants
from framing.entities.tokens import _is_role, _is_stop, _is_title, _Tok, _tok
from framing.entities.words import (
    ADJECTIVE_SUFFIXES,
    APPOSITIVE_DETERMINERS,
    DEMONYM_SUFFIXES,
    MAX_APPOSITIVE_WORDS,
    MAX_DESCRIPTOR_WORDS,
    NAME_PARTICLES,
    ORG_HEADS,
    PORTFOLIO_WORDS,
    PREFIX_PARTICLES,
    REPORTING_VERBS,
    ROLE_NOUNS,
    TITLE_PREMODIFIERS,
)
from framing.models import Article, Sentence
from framing.wordlists import (
    COURTESY_TITLES,
    DETERMINERS,
    FUNCTION_WORDS,
)


def _split_compounds(tokens: list[_Tok], vocab: _Vocabulary) -> list[_Tok]:
    """Hyphenated names whose every part the story also writes alone as a name ('the
    Ruiz-Berg summit', 'Trump-Russia') split into their parts, each a name of its own;
    'Jong-un', 'France-Presse' and 'al-Sarraj' stay whole."""
    result = []
    for tok in tokens:
        parts = tok.text.split("-")
        if (
            len(parts) < 2
            or not tok.cap
            or any(
                len(p) < 2 or not p[:1].isupper() or p.lower() in PREFIX_PARTICLES for p in parts
            )
            or not all(p.lower() in vocab.capitalised for p in parts)
        ):
            result.append(tok)
            continue
        start = tok.start
        for k, part in enumerate(parts):
            last = k == len(parts) - 1
            gap = tok.gap if k == 0 else "-"
            initial = tok.initial and k == 0
            result.append(
                _tok(start, start + len(part), part, gap, tok.possessive and last, initial)
            )
            start += len(part) + 1
    return result


@dataclass(frozen=True)
class _Run:
    """A capitalised name sequence: [lo, name_lo) is its title part, [name_lo, hi) the name."""

    lo: int
    name_lo: int
    hi: int


@dataclass(frozen=True)
class _Found:
    """A label found next to a name run (entity resolved later)."""

    run: tuple[int, int]  # (sentence, run index) the label describes
    start: int
    end: int
    source: str


@dataclass(frozen=True)
class _Bare:
    """A definite description ('the retired Major General') waiting for an entity."""

    start: int
    end: int
    head: str
    words: frozenset[str]
    possessive: bool  # "the president's": stands for someone even inside another label


@dataclass
class _Scan:
    article: Article
    sentences: list[Sentence]
    tokens: list[list[_Tok]]
    runs: list[list[_Run]]
    found: list[_Found]
    bare: list[_Bare]
    expansions: list[tuple[int, int, str]]  # (start, end, acronym) from "Words (ACR)"


def _title_case(tokens: Sequence[_Tok], lower: frozenset[str]) -> bool:
    """A headline in Title Case: nearly every longer word capitalised, common words too
    ('Haftar Met With Russian Defense Minister'), not just a run of names; or a line of
    three or more words, every one capitalised ('Ana Ruiz Scolds Valmora')."""
    words = [t for t in tokens if t.text[:1].isalpha()]
    if len(words) >= 3 and all(t.cap for t in words):
        return True
    long_words = [t for t in words if len(t.text) >= 4]
    if len(long_words) < 4 or sum(t.cap for t in long_words) < 0.8 * len(long_words):
        return False
    common = [t for t in tokens[1:] if t.cap and (t.low in FUNCTION_WORDS or t.low in lower)]
    return len(common) >= 2 or any(t.low in FUNCTION_WORDS for t in common)


def _name_ok(tok: _Tok, vocab: _Vocabulary, headline: bool) -> bool:
    """Can ``tok`` be part of a capitalised name sequence?"""
    if not tok.cap or tok.hyphen_modifier:
        return False
    if tok.acronym:
        return True
    if _is_stop(tok):
        return False
    if _is_title(tok):
        return True
    if headline and not vocab.names_like(tok.low):
        return False  # a headline alone never makes a name: 'Ruiz Signals Openness'
    if (tok.initial or headline) and tok.low in vocab.lower:
        return False
    if tok.initial and tok.low.endswith("ing"):
        return False  # "Receiving French President Emmanuel Macron, Trump said"
    return not (headline and tok.low.endswith(("ed", "ing")))


def _find_runs(tokens: Sequence[_Tok], vocab: _Vocabulary) -> list[_Run]:
    """Capitalised name sequences of a sentence, each split into title part and name."""
    headline = _title_case(tokens, vocab.lower)
    ok = [_name_ok(t, vocab, headline) for t in tokens]
    runs = []
    i, n = 0, len(tokens)
    while i < n:
        if not ok[i]:
            i += 1
            continue
        j = i + 1
        while j < n and not tokens[j - 1].possessive and tokens[j].spaced:
            if ok[j]:
                j += 1
            elif (k := _after_particles(tokens, ok, j)) is not None and not (
                _is_title(tokens[j - 1]) or tokens[j - 1].acronym
            ):
                j = k + 1
            elif tokens[j].low in ("of", "for"):
                k = _of_join(tokens, ok, j)
                if k is None:
                    break
                j = k
            else:
                break
        while j - i > 1 and _common_after_name(tokens[j - 2], tokens[j - 1], vocab):
            j -= 1  # "James Comey Memos just out": the name is "James Comey"
        if _is_title(tokens[i]) and j - i == 1:
            runs.append(_Run(i, j, j))  # a bare title ("the President")
        elif j - i > 1 or tokens[i].acronym or _single_name(tokens, i, vocab, headline):
            runs.append(_split_title(tokens, i, j, vocab))
        i = j
    return runs


def _common_after_name(before: _Tok, word: _Tok, vocab: _Vocabulary) -> bool:
    """Is ``word`` a common noun capitalised after a name, not part of it? It is when the
    story writes it in lower case elsewhere and the name before it stands alone elsewhere
    ('James Comey Memos', 'Clinton Emails'); not the head of an organisation or place
    ('Justice Department', 'White House'), a title, an acronym, nor after a nationality
    ('Korean Peninsula')."""
    return (
        word.low in vocab.lower
        and word.low not in ORG_HEADS
        and not word.acronym
        and not _is_title(word)
        and before.low in vocab.alone
        and not _is_title(before)
        and not before.low.endswith(DEMONYM_SUFFIXES)
    )


def _single_name(tokens: Sequence[_Tok], i: int, vocab: _Vocabulary, headline: bool) -> bool:
    """A lone capitalised word is a name unless the story also writes it in lower case.
    Where every word is capitalised (a sentence start, a headline) it must also be
    capitalised in running text, in this or another spelling ('Hafter:' opening a
    headline, 'Haftar' elsewhere), or be the subject of a reporting verb ('Castro
    said'): 'Subscribe', 'Click to see' are not names."""
    tok = tokens[i]
    if tok.low in vocab.lower:
        return False
    if not (tok.initial or headline) or vocab.names_like(tok.low) or tok.possessive:
        return True
    return i + 1 < len(tokens) and tokens[i + 1].spaced and tokens[i + 1].low in REPORTING_VERBS


def _after_particles(tokens: Sequence[_Tok], ok: Sequence[bool], j: int) -> int | None:
    """Index of the name word after particles at ``j`` ('von der Leyen'), else None."""
    k = j
    while k < len(tokens) and tokens[k].low in NAME_PARTICLES and tokens[k].spaced:
        k += 1
    return k if k > j and k < len(tokens) and ok[k] and tokens[k].spaced else None


def _of_join(tokens: Sequence[_Tok], ok: Sequence[bool], j: int) -> int | None:
    """Where a name continues after 'of' ('Government of National Accord', 'Minister of
    Foreign Affairs'), or None when 'of' ends it ('Macron of France')."""
    left = tokens[j - 1]
    k = j + 1
    if k < len(tokens) and tokens[k].low == "the" and tokens[k].spaced:
        k += 1
    if k >= len(tokens) or not ok[k] or not tokens[k].spaced:
        return None
    if left.low in ORG_HEADS:
        return k + 1
    if _is_title(left) or left.low in PORTFOLIO_WORDS:
        return k + 1 if tokens[k].low in PORTFOLIO_WORDS else None
    return None


def _split_title(tokens: Sequence[_Tok], lo: int, hi: int, vocab: _Vocabulary) -> _Run:
    """Split a run after its title: 'Turkish President | Recep Tayyip Erdogan',
    'Minister of Foreign Affairs | Muhammad Siala'; or, before a name of two words or
    more, after a role noun that follows other words ('Harbor Gazette Editor | Lena
    Ortiz') or after a party or nationality the story also writes on its own ('Nevada
    Republican | Carl Dunmore', when it speaks of 'Republican leaders')."""
    last_title = -1
    for k in range(lo, hi):
        if _is_title(tokens[k]):
            last_title = k
        elif (
            last_title >= 0
            and tokens[k].low in PORTFOLIO_WORDS
            and all(tokens[m].low in ("of", "the") for m in range(last_title + 1, k))
            and (k > last_title + 1 or tokens[last_title].low in PORTFOLIO_WORDS)
        ):
            last_title = k
    for k in range(hi - 3, max(lo, last_title + 1) - 1, -1):
        low = tokens[k].low
        if (k > lo and low in ROLE_NOUNS) or (
            low.endswith(DEMONYM_SUFFIXES) and low in vocab.alone
        ):
            last_title = k
            break
    if last_title < 0 or any(t.low in ORG_HEADS for t in tokens[last_title + 1 : hi]):
        return _Run(lo, lo, hi)  # no title, or an office: "Justice Department"
    return _Run(lo, last_title + 1, hi)


def _adjectival(tok: _Tok) -> bool:
    """A lower-case word that reads as an adjective: 'former', 'UN-backed', 'reclusive'."""
    return (
        tok.low in TITLE_PREMODIFIERS
        or "-" in tok.low
        or tok.low.endswith(ADJECTIVE_SUFFIXES)
        or tok.low.endswith("ed")
    )


def _extend_left(tokens: Sequence[_Tok], start: int, end: int) -> int:
    """Grow a descriptor ending at ``end`` leftwards over modifiers; returns its new start.

    Before a lower-case role noun any content word may be a modifier ('army commander');
    before a capitalised word only adjectives ('former President', 'top Justice Department
    official'), so 'the decision President Trump will take' keeps just 'President' and
    'claims Wikileaks founder' just 'Wikileaks founder'. 'then-' and 'former' open a
    descriptor: nothing before them belongs to it.
    """
    while start > 0 and end - start < MAX_DESCRIPTOR_WORDS and tokens[start].spaced:
        tok = tokens[start - 1]
        if tok.possessive or _is_stop(tok) or tok.low in COURTESY_TITLES:
            break
        if tok.low.endswith("ing") and "-" not in tok.low:
            break  # "Hosting President Macron": a verb, not a modifier
        if not tok.cap and tokens[start].cap and not _adjectival(tok):
            break
        if (
            not tok.cap
            and "-" not in tok.low
            and tok.low.endswith("ed")
            and not (start >= 2 and tokens[start - 2].low in DETERMINERS and tok.spaced)
        ):
            break  # "killed Libyan revolutionary leader ...": a verb, not a modifier
        start -= 1
        if tok.low in ("former", "then", "ex") or tok.low.startswith(("then-", "ex-")):
            break
    return start


def _descriptors_before(tokens: Sequence[_Tok], run: _Run) -> list[tuple[int, int]]:
    """Title part or role-noun premodifier of a name, grown leftwards over modifiers:
    'Retired Libyan Major General', 'rebel leader'; 'Libyan Field Marshal and rebel leader
    Khalifa Haftar' gives both. Token ranges."""
    result: list[tuple[int, int]] = []
    after = _word_after(tokens, run)
    if after is not None and _is_role(after):
        return result  # 'chief White House correspondent': the name modifies a role noun
    if run.name_lo > run.lo and not all(
        t.low in COURTESY_TITLES for t in tokens[run.lo : run.name_lo]
    ):
        result = _grow_descriptor(tokens, run.lo, run.name_lo)
    # "the aggressor [Haftar]": an editor's bracket names whom the words before it describe.
    bracket = tokens[run.lo].gap.strip() == "["
    if run.lo == 0 or not (bracket or tokens[run.lo].spaced and not result):
        return result
    head = tokens[run.lo - 1]
    if head.possessive or head.cap or not _is_role(head) or head.low.endswith("s"):
        return result
    return _grow_descriptor(tokens, run.lo - 1, run.lo) + result


def _word_after(tokens: Sequence[_Tok], run: _Run) -> _Tok | None:
    """The lower-case content word right after the name, if any ('memos', 'remains')."""
    nxt = tokens[run.hi] if run.hi < len(tokens) else None
    if nxt is None or not nxt.spaced or nxt.cap or _is_stop(nxt) or tokens[run.hi - 1].possessive:
        return None
    return nxt


def _grow_descriptor(tokens: Sequence[_Tok], start: int, end: int) -> list[tuple[int, int]]:
    """The descriptor tokens[start:end] grown leftwards, and any descriptor chained before
    it: 'Libyan Field Marshal and rebel leader', 'Libyan National Army commander Marshal'."""
    start = _extend_left(tokens, start, end)
    result = [(start, end)]
    if start >= 1 and tokens[start].spaced and not tokens[start - 1].cap:
        before = tokens[start - 1]
        if _is_role(before) and not before.possessive and not before.low.endswith("s"):
            return _grow_descriptor(tokens, start - 1, start) + result
    if (
        start >= 2
        and tokens[start - 1].low == "and"
        and tokens[start - 1].spaced
        and tokens[start].spaced
        and _is_role(tokens[start - 2])
    ):
        return _grow_descriptor(tokens, start - 2, start - 1) + result
    return result


def _phrase_end(tokens: Sequence[_Tok], start: int, stop: int) -> int | None:
    """End of a descriptor phrase starting at ``start``: its role head, plus an 'of'/'for'
    complement ('head of the Supreme Council'); cut at other prepositions, function words
    and punctuation ('the F.B.I. director he ousted'). None if its head is no role noun."""
    k = start
    while k < stop and not _is_stop(tokens[k]) and (k == start or tokens[k].spaced):
        k += 1
    head = k - 1
    if head < start or not _is_role(tokens[head]) or tokens[head].low.endswith("s"):
        return None
    if tokens[head].possessive:
        return None  # "the president's": the phrase names someone else
    if tokens[head].low in COURTESY_TITLES:
        return None
    end = k
    while end < stop and tokens[end].low in ("of", "for") and tokens[end].spaced:
        m = end + 1
        while m < stop and tokens[m].spaced and (not _is_stop(tokens[m]) or tokens[m].low == "the"):
            m += 1
        if m == end + 1:
            break
        end = m
    return end


def _appositive_after(tokens: Sequence[_Tok], run: _Run) -> tuple[int, int] | None:
    """'Ghassan Salama, the UN special envoy to Libya, said' -> 'UN special envoy'."""
    k = run.hi
    if k >= len(tokens) or tokens[k - 1].possessive or tokens[k].gap.strip() != ",":
        return None
    has_det = tokens[k].low in APPOSITIVE_DETERMINERS
    start = k + 1 if has_det else k
    if start >= len(tokens) or (has_det and not tokens[start].spaced):
        return None
    stop = start
    while stop < len(tokens) and (stop == start or tokens[stop].spaced):
        stop += 1
    end = _phrase_end(tokens, start, stop)
    if end is None:
        return None
    if not has_det and stop < len(tokens) and end < stop:
        return None  # without a determiner only a whole ', UN envoy,' parenthesis counts
    return start, end


def _appositive_before(tokens: Sequence[_Tok], run: _Run) -> tuple[int, int] | None:
    """'The Libyan army commander, Khalifa Haftar, confirmed' -> 'Libyan army commander';
    'the head of the Supreme Council for the Al-Wefaq Government, Khaled al-Mashri,';
    'his son, Seth Hutchinson,' -> 'son'."""
    lo = run.lo
    if lo == 0 or tokens[lo].gap.strip() != "," or tokens[run.hi - 1].possessive:
        return None
    after = tokens[run.hi] if run.hi < len(tokens) else None
    if after is not None and after.gap.strip()[:1] not in (",", "("):
        return None
    k = lo - 1
    while k > 0 and lo - k < MAX_APPOSITIVE_WORDS and tokens[k].spaced:
        # 'the', 'his' or a possessive name: "Haftar's spokesman, Ahmed Mismari,"
        if tokens[k - 1].low in APPOSITIVE_DETERMINERS or tokens[k - 1].possessive:
            end = _phrase_end(tokens, k, lo)
            if end is not None:
                return k, end
        k -= 1
    return None


def _modifiers_before(tokens: Sequence[_Tok], run: _Run) -> tuple[int, int, str] | None:
    """'the so-called Government of National Accord' -> 'so-called' (after an article);
    "Haftar's eastern-based Libyan National Army" -> 'eastern-based' (after a possessive).
    Only adjectives count, and not when the name itself modifies a noun ('the former FBI
    director')."""
    k = run.lo
    after = _word_after(tokens, run)
    if after is not None and (_is_role(after) or not after.low.endswith(("s", "ed"))):
        return None  # 'the former FBI director': the name modifies the noun after it
    start = k
    while start > 0 and k - start < 3 and tokens[start].spaced:
        tok = tokens[start - 1]
        if tok.possessive or tok.low in ("the", "a", "an"):
            break
        if tok.cap and not tok.hyphen_modifier or _is_stop(tok) or not _adjectival(tok):
            return None
        start -= 1
    if start == k or start == 0 or not tokens[start].spaced:
        return None
    anchor = tokens[start - 1]
    return start, k, "possessive" if anchor.possessive else "modifier"


# Words that open a definite description: "the retired general", "his Japanese counterpart".
DESCRIPTION_DETERMINERS = frozenset({"the", "his", "her", "their", "our", "its"})


def _bare_references(tokens: Sequence[_Tok], runs: Sequence[_Run]) -> list[tuple[int, int]]:
    """'the retired Major General indicated': 'the', a descriptor ending in a role word,
    then a verb or a boundary rather than a name. Token ranges of the descriptor."""
    in_name = {k for run in runs for k in range(run.name_lo, run.hi)}
    result = []
    for p, tok in enumerate(tokens[:-1]):
        if tok.low not in DESCRIPTION_DETERMINERS or not tokens[p + 1].spaced:
            continue
        stop = p + 1
        while (
            stop < len(tokens)
            and stop - p <= MAX_DESCRIPTOR_WORDS
            and (stop == p + 1 or tokens[stop].spaced and not tokens[stop - 1].possessive)
            and not _is_stop(tokens[stop])
        ):
            stop += 1
        head = next(
            (h for h in range(stop - 1, p, -1) if _ends_description(tokens, h, in_name)), None
        )
        if head is not None:
            result.append((p + 1, head + 1))
    return result


def _ends_description(tokens: Sequence[_Tok], head: int, in_name: set[int]) -> bool:
    """Is tokens[head] a singular role word that no name or complement follows?"""
    tok = tokens[head]
    if not _is_role(tok) or tok.low.endswith("s") or tok.low in COURTESY_TITLES:
        return False
    if head + 1 == len(tokens) or tok.possessive:
        return True
    nxt = tokens[head + 1]
    if nxt.gap.strip()[:1] in (",", "[") and nxt.cap:
        return False  # "the army commander, Khalifa Haftar": an appositive
    if nxt.gap.strip() == "," and nxt.low in DETERMINERS and tokens[head + 2 :][:1]:
        if tokens[head + 2].cap:
            return False  # "its counterpart, the Reconnaissance General Bureau"
    if head + 1 in in_name and nxt.spaced or nxt.low in ("of", "for"):
        return False  # a title before a name, or "the leader of X"
    return True


def _acronym_expansions(text: str, tokens: Sequence[_Tok]) -> list[tuple[int, int, str]]:
    """'UN Support Mission in Libya (UNSMIL)' -> the words the bracketed acronym stands for."""
    result = []
    for k, tok in enumerate(tokens):
        if not tok.acronym or not tok.gap.endswith("(") or text[tok.end : tok.end + 1] != ")":
            continue
        letters = tok.low.replace(".", "")
        for lo in range(k - 1, max(-1, k - 12), -1):
            words = tokens[lo:k]
            if words[0].low in FUNCTION_WORDS or not words[0].cap:
                continue
            if _initials_match(letters, words):
                result.append((words[0].start, words[-1].end, tok.text))
                break
    return result


def _initials_match(letters: str, words: Sequence[_Tok]) -> bool:
    """Do ``words`` spell the acronym ``letters``? Function words may be skipped and an
    acronym word contributes all its letters ('UN Support Mission in Libya' = UNSMIL)."""
    prefixes = frozenset(letters[:i] for i in range(len(letters) + 1))
    return letters in _spelled(words, prefixes)


def _spelled(words: Sequence[_Tok], prefixes: frozenset[str]) -> frozenset[str]:
    """The strings in ``prefixes`` that ``words`` (two or more) spell as an acronym, as
    _initials_match reads them. ``prefixes`` must hold every prefix of every acronym
    looked for: spellings that leave it are dropped, so one pass tests many acronyms."""
    if len(words) < 2:
        return frozenset()
    spelled = {""} & prefixes
    for word in words:
        own = word.low.replace(".", "") if word.acronym else word.low[:1]
        options = (own, "") if word.low in FUNCTION_WORDS else (own,)
        spelled = {s + o for s in spelled for o in options if s + o in prefixes}
    return frozenset(spelled)


def _scan(
    article: Article, sentences: list[Sentence], tokens: list[list[_Tok]], vocab: _Vocabulary
) -> _Scan:
    text = article.text
    runs = [_find_runs(toks, vocab) for toks in tokens]
    found: list[_Found] = []
    bare: list[_Bare] = []
    expansions: list[tuple[int, int, str]] = []
    for si, (toks, sent_runs) in enumerate(zip(tokens, runs, strict=True)):
        for ri, run in enumerate(sent_runs):
            if run.name_lo == run.hi:
                continue
            spans = [(a, b, "title") for a, b in _descriptors_before(toks, run)]
            for span in (_appositive_after(toks, run), _appositive_before(toks, run)):
                if span is not None:
                    spans.append((*span, "appositive"))
            if not spans and run.lo == run.name_lo:
                spans = [m] if (m := _modifiers_before(toks, run)) else []
            found.extend(
                _Found((si, ri), toks[a].start, toks[b - 1].end, source) for a, b, source in spans
            )
        for a, b in _bare_references(toks, sent_runs):
            words = frozenset(t.low for t in toks[a:b])
            head = toks[b - 1]
            bare.append(_Bare(toks[a].start, head.end, head.low, words, head.possessive))
        expansions.extend(_acronym_expansions(text, toks))
    return _Scan(article, sentences, tokens, runs, found, bare, expansions)


@dataclass(frozen=True)
class _Vocabulary:
    """How the story writes words: evidence for telling names from common words."""

    lower: frozenset[str]  # written in lower case somewhere
    capitalised: frozenset[str]  # capitalised inside running text (not first, not a headline)
    alone: frozenset[str]  # of those, written with no capitalised word beside them
    skeletons: dict[str, list[str]]  # consonant skeleton -> capitalised words

    def names_like(self, word: str) -> bool:
        """Is ``word`` capitalised in running text, itself or in another spelling?"""
        if word in self.capitalised:
            return True
        return any(_spelling_variants(word, w) for w in self.skeletons.get(_skeleton(word), ()))


def _vocabulary(tokens: Sequence[Sequence[_Tok]]) -> _Vocabulary:
    lower = frozenset(tok.low for sentence in tokens for tok in sentence if tok.text.islower())
    capitalised, alone = set(), set()
    for sentence in tokens:
        if _title_case(sentence, lower):
            continue
        for i, tok in enumerate(sentence):
            if tok.cap and not tok.initial:
                capitalised.add(tok.low)
                after = sentence[i + 1] if i + 1 < len(sentence) else None
                before = sentence[i - 1]  # a capitalised sentence opener does not count
                if not (tok.spaced and before.cap and not before.initial) and not (
                    after and after.spaced and after.cap
                ):
                    alone.add(tok.low)
    skeletons: dict[str, list[str]] = defaultdict(list)
    for word in capitalised:
        skeletons[_skeleton(word)].append(word)
    return _Vocabulary(lower, frozenset(capitalised), frozenset(alone), dict(skeletons))
