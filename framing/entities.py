"""Entity mentions, alias merging and label (descriptor) discovery, from the text alone.

"What does each outlet call each actor?" A label is a descriptor an article attaches to
an entity: a title or premodifier before the name ("rebel leader Khalifa Haftar"), an
appositive ("Ghassan Salama, the UN special envoy,"), a modifier after a possessive
("Haftar's eastern-based Libyan National Army"), a definite description that stands for a
known entity ("the retired Major General"), or a story-lexicon label form. No lexicon or
model is needed; a story lexicon, when given, fixes actor ids and supplies valences.

The rules are surface rules over capitalisation and small closed lists of general English
words (function words, titles, role nouns, organisation heads). They read news prose, not
every text: a capitalised word that the story also writes in lower case is treated as a
common word at a sentence start or in a title-case headline.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import pandas as pd
from spacy.tokens import Doc

from framing.models import Actor, Article, Attribution, Label, Lexicon, Sentence
from framing.terms import ArticleMatches, find_lexicon_matches
from framing.text import (
    TITLE_ABBREVIATIONS,
    WORD_RE,
    find_words,
    slugify,
    split_sentences,
    tokenize,
)
from framing.voices import find_speech
from framing.wordlists import (
    COURTESY_TITLES,
    DAYS,
    DETERMINERS,
    FUNCTION_WORDS,
    MONTH_WORDS,
    POSSESSIVE_DETERMINERS,
    POSSESSIVE_SUFFIXES,
)

# --- closed word lists (general English, never story-specific; shared ones: wordlists) ---

APPOSITIVE_DETERMINERS = DETERMINERS | POSSESSIVE_DETERMINERS
MONTHS_AND_DAYS = MONTH_WORDS | DAYS
# Words that usually act as verbs when they stand right before a name ("met Haftar").
VERBS_BEFORE_NAMES = frozenset(
    """
    met meets meet called calls call accused accuses blamed blames praised praises urged
    urges warned warns thanked thanks welcomed welcomes invited invites named names
    appointed appoints replaced replaces succeeded succeeds fired fires joined joins
    visited visits backed backs supported supports attacked attacks killed kills ousted
    ousts defeated defeats elected elects nominated nominates criticized criticised
    criticizes criticises condemned condemns described describes hosted hosts received
    receives phoned calling meeting including led leads let lets made makes see saw seen
    give gives gave given tell send sends sent show shows showed help helps helped offer
    offers offered pay pays paid beat beats thank ask urge meet join replace name elect
    """.split()
)
REPORTING_VERBS = frozenset(
    """
    said says told added stressed noted explained wrote tweeted argued insisted warned
    announced claimed confirmed denied accused urged called asked replied responded
    declared vowed pledged threatened spoke
    """.split()
)
# Titles and ranks written before a name. Multi-word titles ("Field Marshal", "Prime
# Minister") need only their last word here: the label runs to the last title word.
TITLE_WORDS = frozenset(
    """
    mr mrs ms miss mx messrs dr prof professor sir dame lord lady hon
    president presidents premier chancellor minister secretary commissioner governor gov
    mayor senator sen representative rep congressman congresswoman assemblyman
    speaker chairman chairwoman chairperson chair director ambassador amb envoy emissary
    consul judge justice attorney counsel prosecutor sheriff
    king queen prince princess emperor empress sultan emir sheikh shaikh crown
    ayatollah imam mufti pope cardinal archbishop bishop reverend rev father rabbi pastor
    general gen marshal major maj colonel col lieutenant lt captain capt commander cmdr
    admiral adm brigadier brig sergeant sgt corporal cpl private pvt commodore
    commander-in-chief secretary-general
    chief leader head spokesman spokeswoman spokesperson mediator negotiator
    """.split()
)
# Relatives: a person introduced as one ("his son, Seth Hutchinson") is not the default
# bearer of the family name.
KIN_NOUNS = frozenset(
    """
    wife husband spouse son daughter brother sister mother father parent child
    widow widower nephew niece cousin uncle aunt grandson granddaughter grandfather
    grandmother stepson stepdaughter stepfather stepmother son-in-law daughter-in-law
    brother-in-law sister-in-law father-in-law mother-in-law
    """.split()
)
FIRST_SPOUSE = (["first", "lady"], ["first", "gentleman"])
# Lower-case role nouns a descriptor ends in ("rebel leader", "UN special envoy").
ROLE_NOUNS = (
    TITLE_WORDS
    | KIN_NOUNS
    | frozenset(
        """
    dictator strongman warlord tyrant despot autocrat ruler monarch regent
    official officer diplomat delegate spokesman adviser advisor aide assistant deputy
    nominee candidate contender frontrunner challenger incumbent successor predecessor
    lawmaker legislator politician statesman official founder cofounder owner boss
    executive ceo chief head manager administrator coordinator inspector investigator
    analyst expert scholar scientist economist historian researcher author writer
    journalist reporter correspondent editor columnist commentator anchor host
    activist militant rebel insurgent terrorist jihadist extremist fighter gunman mercenary
    cleric preacher priest
    businessman businesswoman tycoon magnate mogul billionaire millionaire entrepreneur
    ally rival opponent critic supporter counterpart partner friend foe enemy
    agent spy operative strategist lobbyist donor whistleblower dissident defector
    prisoner detainee suspect defendant plaintiff victim witness
    veteran hero icon figure star celebrity actor actress singer player coach
    wife husband son daughter brother sister mother father uncle aunt widow heir
    resident citizen student teacher doctor physician lawyer
    president vice-president
    """.split()
    )
)
# Lower-case words that end like role nouns (-er, -or, -ist) but name no role.
NOT_ROLE_NOUNS = frozenset(
    """
    after other another under over never ever however whether either neither rather
    together later earlier further former latter order border number matter letter water
    power paper center centre corner summer winter quarter chapter register
    minor senior junior prior interior exterior superior inferior error floor door
    factor sector color colour honor honour labor labour favor favour behavior behaviour
    motor mirror meteor tractor vector horror terror corridor
    list mist
    """.split()
)
ROLE_SUFFIXES = ("er", "or", "ist", "man", "woman", "ee")
# Heads of organisation names: "Government of National Accord", "Ministry of Defense".
ORG_HEADS = frozenset(
    """
    government ministry council department committee commission office bureau agency army
    forces force party union league court university institute bank republic kingdom
    federation organization organisation association mission assembly parliament congress
    senate house board authority corporation company group front movement alliance
    coalition center centre school college academy foundation fund service services
    command guard navy police church network agency news times post
    """.split()
)
# Words after "TITLE of" that complete the title ("Secretary of State", "Minister of
# Foreign Affairs") rather than name the person.
PORTFOLIO_WORDS = frozenset(
    """
    state defense defence foreign affairs interior justice finance health education
    commerce energy agriculture labor labour transport transportation treasury homeland
    security home war economy trade staff information culture tourism environment
    """.split()
)
# Lower-case words inside a name ("Muammar al Gaddafi", "Ursula von der Leyen"); the
# hyphenated prefixes ("al-Serraj", "as-Sisi") admit a few more.
NAME_PARTICLES = frozenset(
    "al el bin ibn abu ben bint de da di du del della dos das van von der den ter le la".split()
)
PREFIX_PARTICLES = NAME_PARTICLES | frozenset("ad ash as at az an ar ul d l o".split())
# Lower-case words that premodify a capitalised title ("former President", "then-Senator").
TITLE_PREMODIFIERS = frozenset(
    """
    former retired late then acting interim deputy outgoing incoming ousted exiled deposed
    embattled disgraced self-proclaimed self-styled so-called longtime long-time veteran
    de facto would-be newly elected top senior junior chief first
    """.split()
)
# Endings of lower-case adjectives ("revolutionary", "authoritarian", "reclusive").
ADJECTIVE_SUFFIXES = (
    "al",
    "ic",
    "ive",
    "ous",
    "ful",
    "less",
    "ary",
    "ian",
    "ent",
    "ant",
    "ible",
    "able",
)
PREPOSITIONS = frozenset("of for to in at from with on by over under about against".split())
DEMONYM_SUFFIXES = ("an", "ian", "ish", "ese", "i", "ch")
MAX_DESCRIPTOR_WORDS = 6
MAX_APPOSITIVE_WORDS = 12

PARTICLE_PREFIX_RE = re.compile(rf"^(?:{'|'.join(sorted(PREFIX_PARTICLES))})[-'’](?=[A-Z])")
INITIALISM_RE = re.compile(r"(?:[A-Za-z]\.){2,}")
# A token after one of these opens a clause: a colon, an opening quote, bracket or dash.
INITIAL_GAP_CHARS = frozenset(':"“‘«(—[')


@dataclass(frozen=True)
class EntityMention:
    """A name in an article and the entity it was merged into.

    ``start``/``end`` cover the name only (titles and a possessive 's are left out);
    ``kind`` is "name", "title+name" (a title or rank came before it), "acronym",
    "expansion" (the words an acronym in brackets stands for) or "lexicon" (found only by
    a story-lexicon alias).
    """

    article_id: str
    start: int
    end: int
    text: str
    entity: str
    kind: str


# --- tokens -----------------------------------------------------------------------------


class _Tok(NamedTuple):
    start: int
    end: int
    text: str
    low: str  # lower-cased, periods removed
    gap: str  # text between the previous token and this one ("" for the first)
    possessive: bool  # followed by 's (which is not part of the token)
    initial: bool  # opens the sentence, a quotation or a clause after a colon
    cap: bool  # capitalised, or a particle prefix before a capital ('al-Serraj')
    acronym: bool  # 'UN', 'U.S.', 'UNSMIL'
    spaced: bool  # only blanks separate it from the previous token (same line, no punctuation)

    @property
    def hyphen_modifier(self) -> bool:
        """'UN-backed', 'eastern-based': a hyphenated modifier, not a name ('Jong-un')."""
        parts = self.text.split("-")
        tail = parts[-1]
        return len(parts) > 1 and tail.islower() and len(tail) >= 3


def _tok(start: int, end: int, text: str, gap: str, possessive: bool, initial: bool) -> _Tok:
    # Every token is asked whether it is capitalised, most whether they are acronyms:
    # computing both up front costs less than computing them on first use.
    return _Tok(
        start,
        end,
        text,
        text.lower().replace(".", ""),
        gap,
        possessive,
        initial,
        text[:1].isupper() or PARTICLE_PREFIX_RE.match(text) is not None,
        _is_acronym_word(text),
        gap != "" and gap.strip(" \t") == "",
    )


def _is_acronym_word(text: str) -> bool:
    """Two or more letters, all capitals, at most six unless written with periods."""
    letters = 0
    for c in text:
        if c.isalpha():
            if not c.isupper():
                return False
            letters += 1
    return letters >= 2 and (letters <= 6 or "." in text)


def _tokens(text: str, sentence: Sentence) -> list[_Tok]:
    """Word tokens of one sentence with abbreviation periods, initialisms and possessives."""
    spans: list[tuple[int, int]] = []
    skip_to = -1
    # The words of find_words(sentence.text), found in place (the pattern looks neither
    # behind nor ahead of a word), at offsets into ``text``.
    for word in WORD_RE.finditer(text, sentence.start, sentence.end):
        start, end = word.span()
        if start < skip_to:
            continue
        # An initialism is a letter and a period, at least twice: test the period first.
        initialism = text[start + 1 : start + 2] == "." and INITIALISM_RE.match(text, start)
        if initialism and initialism.end() <= sentence.end:
            start, end = initialism.span()
            skip_to = end
        elif text[end : end + 1] == "." and (
            text[start:end].lower() in TITLE_ABBREVIATIONS
            or (end - start == 1 and text[start].isupper())
        ):
            end += 1
        spans.append((start, end))
    tokens: list[_Tok] = []
    prev_end = None
    for start, end in spans:
        word = text[start:end]
        possessive = len(word) > 2 and word.endswith(POSSESSIVE_SUFFIXES)
        if possessive:
            end -= 2
            word = word[:-2]
        gap = "" if prev_end is None else text[prev_end:start]
        initial = prev_end is None or not INITIAL_GAP_CHARS.isdisjoint(gap)
        tokens.append(_tok(start, end, word, gap, possessive, initial))
        prev_end = end + (2 if possessive else 0)
    return tokens


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


def _one_substitution_away(words: Iterable[str]) -> frozenset[str]:
    """Every string that differs from one of ``words`` in exactly one letter."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    return frozenset(
        word[:i] + c + word[i + 1 :] for word in words for i in range(len(word)) for c in letters
    )


# A misspelt title ("Genersl Haftar") must not become a first name. Only long titles and
# only substituted letters: "Marshall" is a surname, not a misspelt "Marshal".
TITLE_TYPOS = _one_substitution_away(t for t in TITLE_WORDS if len(t) >= 7)


def _is_title(tok: _Tok) -> bool:
    return tok.cap and (tok.low in TITLE_WORDS or tok.low in TITLE_TYPOS)


def _is_role(tok: _Tok) -> bool:
    """A title, or a singular role noun ending a descriptor ('leader', 'mediator')."""
    low = tok.low
    if low in ROLE_NOUNS or _is_title(tok) or low.rsplit("-", 1)[-1] in ROLE_NOUNS:
        return True  # "then-President", "co-founder" too
    if tok.cap or low in NOT_ROLE_NOUNS or low in FUNCTION_WORDS or "-" in low:
        return False
    return len(low) >= 6 and low.endswith(ROLE_SUFFIXES)


def _is_stop(tok: _Tok) -> bool:
    return (
        tok.low in FUNCTION_WORDS
        or tok.low in MONTHS_AND_DAYS
        or tok.low in VERBS_BEFORE_NAMES
        or not tok.text[:1].isalpha()
    )


# --- per-article scan ---------------------------------------------------------------------


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
        if _is_title(tokens[i]) and j - i == 1:
            runs.append(_Run(i, j, j))  # a bare title ("the President")
        elif j - i > 1 or tokens[i].acronym or _single_name(tokens, i, vocab, headline):
            runs.append(_split_title(tokens, i, j, vocab))
        i = j
    return runs


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


def _bare_references(tokens: Sequence[_Tok], runs: Sequence[_Run]) -> list[tuple[int, int]]:
    """'the retired Major General indicated': 'the', a descriptor ending in a role word,
    then a verb or a boundary rather than a name. Token ranges of the descriptor."""
    in_name = {k for run in runs for k in range(run.name_lo, run.hi)}
    result = []
    for p, tok in enumerate(tokens[:-1]):
        if tok.low != "the" or not tokens[p + 1].spaced:
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


# --- alias merging ------------------------------------------------------------------------


@functools.lru_cache(maxsize=8192)
def _fold(text: str) -> str:
    """Lower-case letters and digits only, accents dropped: 'Al-Sarraj' -> 'alsarraj',
    'Salamé' -> 'salame'."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed.lower() if c.isalnum())


@functools.lru_cache(maxsize=8192)
def _surname_key(word: str) -> str:
    """'al-Serraj' -> 'serraj': the family-name part, particle prefix removed."""
    return _fold(PARTICLE_PREFIX_RE.sub("", word) if word[:1].islower() else _strip_al(word))


def _strip_al(word: str) -> str:
    match = re.match(r"^(?:Al|El)[-'’](?=[A-Z])", word)
    return word[match.end() :] if match else word


def _skeleton(key: str) -> str:
    """Consonant skeleton with doubled letters collapsed: 'haftar', 'hifter' -> 'hftr'."""
    consonants = [c for c in key if c not in "aeiouy"]
    return "".join(c for i, c in enumerate(consonants) if i == 0 or c != consonants[i - 1])


def _edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


@functools.lru_cache(maxsize=65536)
def _spelling_variants(a: str, b: str) -> bool:
    """Two surname keys that are spellings of one name (Haftar/Hifter, Salama/Salame)."""
    if a == b:
        return True
    if len(a) < 5 or len(b) < 5 or a[0] != b[0] or a.startswith(b) or b.startswith(a):
        return False  # 'Libya' and 'Libyan' are a country and its adjective
    if abs(len(a) - len(b)) > max(2, 0.2 * max(len(a), len(b))):
        return False  # the edit distance is at least the difference in length
    distance = _edit_distance(a, b)
    if distance <= 0.2 * max(len(a), len(b)):
        return True
    skeleton = _skeleton(a)
    return len(skeleton) >= 3 and skeleton == _skeleton(b) and distance <= 2


# Names this long may differ in three letters (20 % of the length) and still be one name.
LONG_NAME = 15


def _deletions(key: str, depth: int) -> set[str]:
    """``key`` with up to ``depth`` letters deleted."""
    found, frontier = {key}, {key}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        found |= frontier
    return found


def _variant_pairs(keys: Iterable[str]) -> list[tuple[str, str]]:
    """Pairs of distinct surname keys that are spelling variants. Two strings within edit
    distance 2 share a string made by deleting at most two letters from each, so only keys
    sharing such a deletion are compared (long names, which may differ more, against all)."""
    keys = sorted(k for k in set(keys) if len(k) >= 5)
    groups: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        for variant in _deletions(key, 2):
            groups[variant].append(key)
    candidates = {(a, b) for group in groups.values() for a, b in itertools.combinations(group, 2)}
    candidates |= {
        tuple(sorted((a, b))) for a in keys if len(a) >= LONG_NAME for b in keys if a != b
    }
    return sorted(pair for pair in candidates if _spelling_variants(*pair))


def _name_pairs(names: Sequence[_Name]) -> list[tuple[_Name, _Name]]:
    """Pairs of names whose surnames are equal or spelling variants of each other."""
    by_surname: dict[str, list[_Name]] = defaultdict(list)
    for name in names:
        by_surname[name.surname].append(name)
    pairs = [pair for group in by_surname.values() for pair in itertools.combinations(group, 2)]
    for key_a, key_b in _variant_pairs(by_surname):
        pairs.extend((a, b) for a in by_surname[key_a] for b in by_surname[key_b])
    return pairs


def _given_compatible(a: Sequence[str], b: Sequence[str]) -> bool:
    """Can two given-name lists belong to one person? Missing, equal, initial or a close
    spelling counts; 'Raul' and 'Fidel' do not."""
    if not a or not b:
        return True
    x, y = a[0], b[0]
    if x == y or set(a) <= set(b) or set(b) <= set(a):
        return True
    if len(x) == 1 or len(y) == 1:
        return x[0] == y[0]
    return min(len(x), len(y)) >= 4 and _edit_distance(x, y) <= 1


@dataclass
class _Name:
    """One distinct name string of the story (all its mentions share a cluster)."""

    key: str
    words: tuple[str, ...]
    count: int = 0
    actor: str | None = None
    acronym: bool = False
    person: bool = False

    @property
    def surname(self) -> str:
        return _surname_key(self.words[-1])

    @property
    def given(self) -> tuple[str, ...]:
        return tuple(_fold(w) for w in self.words[:-1] if w.lower() not in NAME_PARTICLES)


class _Clusters:
    """Union-find over name keys that never joins two lexicon actors or two people whose
    given names conflict."""

    def __init__(self, names: dict[str, _Name]) -> None:
        self.names = names
        self.parent = {k: k for k in names}
        self.members = {k: [k] for k in names}

    def find(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def actor(self, root: str) -> str | None:
        return next((self.names[m].actor for m in self.members[root] if self.names[m].actor), None)

    def can_join(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        actor_a, actor_b = self.actor(ra), self.actor(rb)
        if actor_a and actor_b and actor_a != actor_b:
            return False
        people_a = [self.names[m] for m in self.members[ra] if self.names[m].person]
        people_b = [self.names[m] for m in self.members[rb] if self.names[m].person]
        return all(_given_compatible(x.given, y.given) for x in people_a for y in people_b)

    def join(self, a: str, b: str) -> bool:
        if not self.can_join(a, b):
            return False
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra
            self.members[ra].extend(self.members.pop(rb))
        return True


def _name_words(text: str) -> tuple[str, ...]:
    return tuple(text[a:b] for a, b in find_words(text))


def _is_person_like(words: Sequence[str], lower_seen: frozenset[str]) -> bool:
    lows = [w.lower() for w in words]
    return (
        2 <= len(words) <= 5
        and not any(w in ORG_HEADS or w in FUNCTION_WORDS for w in lows)
        and lows[-1] not in lower_seen
        and not all(w.isupper() for w in words)
    )


def _merge_names(
    names: dict[str, _Name], expansions: Iterable[tuple[str, str]], lower_seen: frozenset[str]
) -> _Clusters:
    """Cluster the story's name strings: lexicon actors, full names sharing a surname,
    spelling variants, acronyms and their expansions. Lone surnames are left to
    :func:`_resolve_singles` when several people share them."""
    clusters = _Clusters(names)
    by_actor: dict[str, list[str]] = defaultdict(list)
    for key, name in names.items():
        if name.actor:
            by_actor[name.actor].append(key)
    for keys in by_actor.values():
        for other in keys[1:]:
            clusters.join(keys[0], other)
    index = _PeopleIndex(names)
    for a, b in _name_pairs([n for n in names.values() if n.person]):
        clusters.join(a.key, b.key)
    singles = [n for n in names.values() if len(n.words) == 1 and not n.acronym]
    for single in singles:
        if clusters.find(single.key) != single.key or single.words[0].lower() in lower_seen:
            continue
        roots = _single_candidates(clusters, single, index)
        if len(roots) == 1:
            clusters.join(roots[0], single.key)
    for a, b in _name_pairs(singles):
        if not _single_candidates(clusters, a, index) and not _single_candidates(
            clusters, b, index
        ):
            clusters.join(a.key, b.key)
    for acronym_key, expansion_key in expansions:
        if acronym_key in names and expansion_key in names:
            clusters.join(expansion_key, acronym_key)
    multi = [n for n in names.values() if len(n.words) >= 2]
    for name in multi:
        # "Libyan Government of National Accord" is the "Government of National Accord".
        rest = _fold(" ".join(name.words[1:]))
        if len(name.words) > 2 and rest in names and name.words[0].endswith(DEMONYM_SUFFIXES):
            clusters.join(rest, name.key)
    acronyms = {name.key for name in names.values() if name.acronym}
    prefixes = frozenset(key[:i] for key in acronyms for i in range(len(key) + 1))
    spellers: dict[str, list[_Name]] = defaultdict(list)  # acronym key -> names spelling it
    for m in multi:
        toks = [_word_tok(w) for w in m.words]
        for letters in _spelled(toks, prefixes) & acronyms:
            if toks[0].low[:1] == letters[:1]:
                spellers[letters].append(m)
    for name in names.values():
        if not name.acronym or clusters.actor(clusters.find(name.key)):
            continue
        fits = {clusters.find(m.key) for m in spellers.get(name.key, ())}
        if len(fits) == 1:
            clusters.join(fits.pop(), name.key)
    return clusters


def _word_tok(word: str) -> _Tok:
    return _tok(0, len(word), word, " ", False, False)


class _PeopleIndex:
    """The story's person names indexed so a lone name is compared with few candidates: by
    surname deletion neighbourhood (see _variant_pairs) and by first word."""

    def __init__(self, names: dict[str, _Name]) -> None:
        self.by_surname: dict[str, list[_Name]] = defaultdict(list)
        self.by_first: dict[str, list[_Name]] = defaultdict(list)
        self.by_deletion: dict[str, set[str]] = defaultdict(set)
        for name in names.values():
            if name.person:
                self.by_surname[name.surname].append(name)
                self.by_first[_fold(name.words[0])].append(name)
        self.long = [k for k in self.by_surname if len(k) >= LONG_NAME]
        for key in self.by_surname:
            for variant in _deletions(key, 2):
                self.by_deletion[variant].add(key)

    def surname_matches(self, key: str) -> list[_Name]:
        """Person names whose surname is ``key`` or a spelling variant of it."""
        near = {k for variant in _deletions(key, 2) for k in self.by_deletion.get(variant, ())}
        near.update(self.long)
        return [
            name for k in sorted(near) if _spelling_variants(k, key) for name in self.by_surname[k]
        ]


def _single_candidates(clusters: _Clusters, single: _Name, index: _PeopleIndex) -> list[str]:
    """Clusters a lone name may stand for: people whose surname is (a spelling of) it,
    else people whose name starts with it ('Kim' for 'Kim Jong Un')."""
    key = single.surname
    by_surname, by_first = set(), set()
    for name in index.surname_matches(key):
        if name.key != single.key:
            by_surname.add(clusters.find(name.key))
    if not single.words[0].endswith(("an", "ish", "ese")):  # not 'Turkish' for 'Turkish Recep'
        for name in index.by_first.get(key, ()):
            if name.key != single.key and not _spelling_variants(name.surname, key):
                by_first.add(clusters.find(name.key))
    by_surname.discard(clusters.find(single.key))
    by_first.discard(clusters.find(single.key))
    return sorted(by_surname or by_first)


# --- story assembly -----------------------------------------------------------------------


@dataclass(frozen=True)
class _Occurrence:
    article: int
    sent: int  # sentence index in the article
    start: int
    end: int
    key: str
    kind: str
    run: tuple[int, int] | None  # (sentence, run index) for rule-found names


@dataclass
class _Story:
    scans: Sequence[_Scan]
    occurrences: list[_Occurrence]
    entity_of: list[str]  # entity id per occurrence
    entity_names: dict[str, str]
    lexicon_matches: list[ArticleMatches]


def _run_name(scan: _Scan, si: int, run: _Run, label_words: frozenset[str]) -> tuple[int, int]:
    """Token range of the name in ``run``, leading descriptor words such as a nationality
    ('Turkish Recep Tayyip Erdogan') dropped when the story uses them in labels."""
    toks = scan.tokens[si]
    lo = run.name_lo
    lows = [t.low for t in toks[lo : run.hi]]
    if not any(w in ORG_HEADS for w in lows):
        while lo < run.hi - 1 and toks[lo].low in label_words:
            remaining = run.hi - lo - 1
            if remaining >= 2 or toks[lo].low.endswith(DEMONYM_SUFFIXES):
                lo += 1
            else:
                break
    return lo, run.hi


class _NameTable(dict[str, _Name]):
    """The story's distinct name strings by folded key."""

    def __init__(self, lower_seen: frozenset[str]) -> None:
        super().__init__()
        self.lower_seen = lower_seen

    def add(self, words: Sequence[str], actor: str | None = None) -> str:
        key = _fold(" ".join(words))
        name = self.get(key)
        if name is None:
            name = _Name(key, tuple(words))
            name.acronym = len(words) == 1 and _word_tok(words[0]).acronym
            name.person = _is_person_like(words, self.lower_seen)
            self[key] = name
        if len(words) > len(name.words):
            name.words = tuple(words)
        name.actor = name.actor or actor
        return key


def _label_words(scans: Sequence[_Scan]) -> frozenset[str]:
    """Capitalised non-title words the story writes in title parts ('Turkish', 'Libyan')."""
    return frozenset(
        t.low
        for scan in scans
        for si, runs in enumerate(scan.runs)
        for run in runs
        for t in scan.tokens[si][run.lo : run.name_lo]
        if t.cap and not _is_title(t)
    )


def _occurrences(
    scans: Sequence[_Scan],
    label_words: frozenset[str],
    matches: Sequence[ArticleMatches],
    names: _NameTable,
) -> tuple[list[_Occurrence], list[tuple[str, str]]]:
    """Every name occurrence of the story (rule-found, acronym expansions, lexicon aliases
    the rules missed), and the (acronym, expansion) key pairs seen in brackets."""
    occurrences: list[_Occurrence] = []
    expansion_pairs: list[tuple[str, str]] = []
    for ai, (scan, match) in enumerate(zip(scans, matches, strict=True)):
        text = scan.article.text
        covered: list[tuple[int, int]] = []
        alias_starts = [m[0] for m in match.mentions]
        for si, runs in enumerate(scan.runs):
            toks = scan.tokens[si]
            for ri, run in enumerate(runs):
                if run.name_lo == run.hi:
                    continue
                lo, hi = _run_name(scan, si, run, label_words)
                start, end = toks[lo].start, toks[hi - 1].end
                actor = _overlapping_actor(match.mentions, alias_starts, start, end)
                key = names.add([t.text for t in toks[lo:hi]], actor)
                names[key].count += 1
                if run.name_lo > run.lo:
                    kind = "title+name"
                else:
                    kind = "acronym" if names[key].acronym else "name"
                occurrences.append(_Occurrence(ai, si, start, end, key, kind, (si, ri)))
                covered.append((start, end))
        for start, end, acronym in scan.expansions:
            key = names.add(_name_words(text[start:end]))
            names[key].count += 1
            expansion_pairs.append((_fold(acronym), key))
            if not any(a <= start and end <= b for a, b in covered):
                sent = _sentence_at(scan, start)
                occurrences.append(_Occurrence(ai, sent, start, end, key, "expansion", None))
        for start, end, actor in match.mentions:
            if not any(a < end and start < b for a, b in covered):
                key = names.add(_name_words(text[start:end]), actor)
                sent = _sentence_at(scan, start)
                occurrences.append(_Occurrence(ai, sent, start, end, key, "lexicon", None))
    return occurrences, expansion_pairs


_Entities = tuple[list[_Occurrence], list[str], dict[str, str]]  # see _Story
_NO_MATCHES = ArticleMatches((), ())


@dataclass(frozen=True, eq=False)
class StoryScan:
    """A story's articles read once for entity discovery (sentences, name runs, label
    candidates, how the story writes each word). It needs no lexicon, so one scan serves
    every entity function called on the same articles; build it with :func:`scan_story`."""

    articles: tuple[Article, ...]
    scans: tuple[_Scan, ...]
    vocab: _Vocabulary
    label_words: frozenset[str]

    @functools.cached_property
    def _plain_entities(self) -> _Entities:
        """The entities of a lexicon that names no actor: it has no aliases to match and no
        actor ids to give, so they are the same for every such lexicon."""
        return _merge_entities(self, Lexicon(), [_NO_MATCHES] * len(self.articles))


def scan_story(
    articles: Sequence[Article], sentences: Sequence[Sequence[Sentence]] | None = None
) -> StoryScan:
    """Read ``articles`` (one story) for :func:`find_labels` and
    :func:`find_discovered_actors`; pass the scan to both to read the text only once.
    ``sentences``: each article's sentences, when its reading has them."""
    if sentences is None:
        sentences = [split_sentences(a.text) for a in articles]
    tokens = [
        [_tokens(a.text, s) for s in sents] for a, sents in zip(articles, sentences, strict=True)
    ]
    vocab = _vocabulary([sentence for article in tokens for sentence in article])
    tokens = [[_split_compounds(sentence, vocab) for sentence in article] for article in tokens]
    scans = tuple(_scan(*parts, vocab) for parts in zip(articles, sentences, tokens, strict=True))
    return StoryScan(tuple(articles), scans, vocab, _label_words(scans))


def _assemble(
    articles: Sequence[Article], lexicon: Lexicon | None, scan: StoryScan | None = None
) -> _Story:
    """Scan every article (unless ``scan`` already did), merge the story's names into
    entities."""
    if scan is None:
        scan = scan_story(articles)
    elif scan.articles != tuple(articles):
        raise ValueError("the scan was made from other articles")
    lexicon = lexicon or Lexicon()
    matches = [find_lexicon_matches(a.text, lexicon) for a in articles]
    if lexicon.actors:
        entities = _merge_entities(scan, lexicon, matches)
    else:
        entities = scan._plain_entities
    return _Story(scan.scans, *entities, matches)


def _merge_entities(
    scan: StoryScan, lexicon: Lexicon, matches: Sequence[ArticleMatches]
) -> _Entities:
    """The story's name occurrences, the entity of each, and entity id -> display name."""
    names = _NameTable(scan.vocab.lower)
    for actor in lexicon.actors:
        for alias in (actor.name, *actor.aliases):
            if _fold(alias):
                names.add(_name_words(alias), actor.id)
    occurrences, expansion_pairs = _occurrences(scan.scans, scan.label_words, matches, names)
    clusters = _merge_names(names, expansion_pairs, scan.vocab.lower)
    entity_ids = _entity_ids(clusters, lexicon)
    kin = frozenset(clusters.find(key) for key in _relatives(scan.scans, occurrences))
    entity_of = _resolve_singles(clusters, entity_ids, occurrences, kin)
    entity_names = {
        entity_ids[root]: name for root, name in _display_names(clusters, lexicon).items()
    }
    return occurrences, entity_of, entity_names


def _relatives(scans: Sequence[_Scan], occurrences: Sequence[_Occurrence]) -> set[str]:
    """Name keys a label introduces as someone's relative ('his son, Seth Hutchinson',
    "Trump's son, Donald Trump Jr.", 'first lady Melania Trump')."""
    runs = set()
    for ai, scan in enumerate(scans):
        for found in scan.found:
            words = tokenize(scan.article.text[found.start : found.end])
            if words and (words[-1] in KIN_NOUNS or words[-2:] in FIRST_SPOUSE):
                runs.add((ai, found.run))
    return {o.key for o in occurrences if (o.article, o.run) in runs}


def _sentence_at(scan: _Scan, offset: int) -> int:
    starts = [s.start for s in scan.sentences]
    return max(0, bisect.bisect_right(starts, offset) - 1)


def _overlapping_actor(
    mentions: Sequence[tuple[int, int, str]], starts: Sequence[int], start: int, end: int
) -> str | None:
    """The lexicon actor whose alias match overlaps [start, end) most (``mentions`` sorted
    and non-overlapping, ``starts`` their start offsets). A name covering less than half
    of an alias is not that actor: "Libya" in "UN Support Mission in Libya" is the country,
    "Haftar" in "Haftar forces" the man."""
    best, best_overlap = None, 0
    k = bisect.bisect_left(starts, end) - 1
    while k >= 0 and mentions[k][1] > start:
        a, b, actor = mentions[k]
        overlap = min(b, end) - max(a, start)
        if overlap > best_overlap and 2 * overlap >= b - a:
            best, best_overlap = actor, overlap
        k -= 1
    return best


def _display_names(clusters: _Clusters, lexicon: Lexicon) -> dict[str, str]:
    """Per cluster root: the lexicon actor's name, else the longest, most frequent name
    the story uses (an acronym only when nothing spells it out)."""
    result = {}
    for root, members in clusters.members.items():
        actor = lexicon.actor(clusters.actor(root) or "")
        if actor is not None:
            result[root] = actor.name
            continue
        names = [clusters.names[m] for m in members]
        best = max(names, key=lambda n: (not n.acronym, len(n.words), n.count, n.key))
        result[root] = " ".join(best.words)
    return result


def _entity_ids(clusters: _Clusters, lexicon: Lexicon) -> dict[str, str]:
    """Lexicon actor id, else a slug of the display name ('khalifa-haftar')."""
    ids: dict[str, str] = {}
    used: set[str] = set()
    display = _display_names(clusters, lexicon)
    for root in sorted(clusters.members):
        actor = clusters.actor(root)
        base = actor or slugify(display[root], "entity")
        candidate, n = base, 2
        while candidate in used and not actor:
            candidate, n = f"{base}-{n}", n + 1
        ids[root] = candidate
        used.add(candidate)
    return ids


def _resolve_singles(
    clusters: _Clusters,
    entity_ids: dict[str, str],
    occurrences: Sequence[_Occurrence],
    kin: frozenset[str],
) -> list[str]:
    """Entity of each occurrence. A lone surname several people share ('Castro' after
    'Fidel Castro' and 'Raul Castro') goes to the one named earlier in the same sentence,
    else to the one the story names in full most often, else, among those named equally
    often, to the only one not introduced as someone's relative (``kin``: cluster roots;
    'his son, Seth Hutchinson' does not take the governor's 'Hutchinson'), else to the
    one named most recently before it in the article; otherwise it stays an entity of
    its own."""
    full = [(o, clusters.find(o.key)) for o in occurrences if len(clusters.names[o.key].words) > 1]
    full_counts = Counter(root for _, root in full)
    full_by_article: dict[int, list[tuple[_Occurrence, str]]] = defaultdict(list)
    for o, r in full:
        full_by_article[o.article].append((o, r))
    index = _PeopleIndex(clusters.names)
    candidates_of: dict[str, set[str]] = {}
    result = []
    for occ in occurrences:
        name = clusters.names[occ.key]
        root = clusters.find(occ.key)
        if len(name.words) != 1 or name.acronym or len(clusters.members[root]) > 1:
            result.append(entity_ids[root])
            continue
        if occ.key not in candidates_of:
            candidates_of[occ.key] = set(_single_candidates(clusters, name, index))
        candidates = candidates_of[occ.key]
        before = [
            (o.sent, r)
            for o, r in full_by_article[occ.article]
            if r in candidates and o.start < occ.start
        ]
        counts = sorted((full_counts[r] for r in candidates), reverse=True)
        tied = [r for r in sorted(candidates) if counts and full_counts[r] == counts[0]]
        not_kin = [r for r in tied if r not in kin]
        if before and before[-1][0] == occ.sent:
            chosen = before[-1][1]
        elif len(tied) == 1:
            chosen = tied[0]
        elif len(not_kin) == 1:
            chosen = not_kin[0]
        else:
            chosen = before[-1][1] if before else root
        result.append(entity_ids[chosen])
    return result


# --- labels -------------------------------------------------------------------------------


def _label_valence(text: str, entity: str, lexicon: Lexicon) -> int | None:
    """Valence of the longest lexicon form inside the label, the entity's own story labels
    first, then generic terms; None when no lexicon entry matches."""
    if not lexicon.entries:
        return None
    best = None
    for start, end, entry in find_lexicon_matches(text, lexicon).terms:
        if entry.actor not in (None, entity):
            continue
        rank = (entry.actor == entity, end - start)
        if best is None or rank > best[0]:
            best = (rank, entry.valence)
    return best[1] if best else None


# Head word -> entity -> the wordings (word sets) of the entity's labels with that head,
# each with how often the story uses it.
_KnownLabels = dict[str, dict[str, Counter[frozenset[str]]]]


def _resolve_bare(
    bare: _Bare, known: _KnownLabels, article_mentions: Sequence[tuple[int, str]]
) -> str | None:
    """The entity a definite description stands for: one the article mentions whose known
    labels share its head word, the closest label wording (Jaccard overlap) first, then
    the one mentioned most recently. 'the president' goes to the 'President Trump' of the
    story rather than to its 'French President Emmanuel Macron'."""
    # Only the entities the article mentions are looked up: a long story gives a common
    # head word ('president') to many.
    wordings = known.get(bare.head, {})
    mentioned = {e for _, e in article_mentions}
    scored = {
        entity: max(len(bare.words & words) / len(bare.words | words) for words in wordings[entity])
        for entity in mentioned
        if entity in wordings
    }
    if not scored:
        return None
    top = max(scored.values())
    candidates = {e for e, s in scored.items() if s == top}
    # Then the entity the story most often gives this head word ('President Trump' many
    # times over one 'President Macron'), then the one mentioned last.
    uses = Counter({e: wordings[e].total() for e in candidates})
    most = uses.most_common(2)
    if len(most) == 1 or most[0][1] > most[1][1]:
        return most[0][0]
    before = [e for start, e in article_mentions if start < bare.start and e in candidates]
    return before[-1] if before else None


def _head_word(tokens: Sequence[str]) -> str:
    """Last word before any preposition: 'head of the Supreme Council' -> 'head'."""
    head = tokens[-1]
    for word in tokens:
        if word in PREPOSITIONS:
            break
        head = word
    return head


def _story_labels(
    story: _Story, lexicon: Lexicon, speech: Sequence[Sequence[Attribution]]
) -> list[Label]:
    """Labels of every article: rule-found ones next to names, then definite descriptions
    resolved through them, then story-lexicon forms the rules missed. ``speech``: the
    attributions of each article, with speakers."""
    entity_of_run: dict[tuple[int, tuple[int, int]], str] = {}
    mentions_by_article: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for occ, entity in zip(story.occurrences, story.entity_of, strict=True):
        if occ.run is not None:
            entity_of_run[(occ.article, occ.run)] = entity
        mentions_by_article[occ.article].append((occ.start, entity))
    for article_mentions in mentions_by_article.values():
        article_mentions.sort()

    raw: list[tuple[int, str, int, int, str]] = []  # article, entity, start, end, source
    known: _KnownLabels = defaultdict(lambda: defaultdict(Counter))
    for ai, scan in enumerate(story.scans):
        text = scan.article.text
        for found in scan.found:
            entity = entity_of_run.get((ai, found.run))
            if entity is None:
                continue
            raw.append((ai, entity, found.start, found.end, found.source))
            words = [w.lower() for w in _name_words(text[found.start : found.end])]
            known[_head_word(words)][entity][frozenset(words)] += 1
    for entry in lexicon.entries:
        if entry.actor:
            for form in entry.forms:
                words = [w.lower() for w in _name_words(form)]
                if words:
                    known[_head_word(words)][entry.actor][frozenset(words)] += 1
    anchored: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for ai, _, start, end, _ in raw:
        anchored[ai].append((start, end))
    for ai, scan in enumerate(story.scans):
        for bare in scan.bare:
            if not bare.possessive and any(
                s < bare.end and bare.start < e for s, e in anchored[ai]
            ):
                continue  # "Comey, the F.B.I. director he ousted": an appositive already
            entity = _resolve_bare(bare, known, mentions_by_article[ai])
            if entity is not None:
                raw.append((ai, entity, bare.start, bare.end, "bare_reference"))
    raw.extend(_lexicon_labels(story, raw, mentions_by_article))

    labels = []
    seen = set()
    for ai, entity, start, end, source in sorted(raw, key=lambda r: (r[0], r[2], -r[3])):
        if (ai, entity, start, end) in seen:
            continue
        seen.add((ai, entity, start, end))
        scan = story.scans[ai]
        article = scan.article
        quote = find_speech(speech[ai], start, end)
        text = article.text[start:end]
        valence = _label_valence(text, entity, lexicon)
        if source == "lexicon":
            valence = _lexicon_valence(story, ai, start, end, entity)
        labels.append(
            Label(
                entity=entity,
                article_id=article.id,
                outlet=article.outlet,
                label=text,
                start=start,
                end=end,
                in_quote=quote is not None,
                valence=valence,
                speaker=quote.who if quote is not None else None,
                source=source,
            )
        )
    return labels


def _lexicon_labels(
    story: _Story,
    raw: Sequence[tuple[int, str, int, int, str]],
    mentions_by_article: dict[int, list[tuple[int, str]]],
) -> list[tuple[int, str, int, int, str]]:
    """Story-lexicon label forms the rules missed, for an actor the article mentions, unless
    the words already belong to another entity's label or name."""
    taken: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for ai, _, start, end, _ in raw:
        taken[ai].append((start, end))
    for occ in story.occurrences:
        taken[occ.article].append((occ.start, occ.end))
    extra = []
    for ai, match in enumerate(story.lexicon_matches):
        mentioned = {e for _, e in mentions_by_article[ai]}
        for start, end, entry in match.terms:
            if not entry.actor or entry.category != "label" or entry.actor not in mentioned:
                continue
            if any(s < end and start < e for s, e in taken[ai]):
                continue
            extra.append((ai, entry.actor, start, end, "lexicon"))
    return extra


def _lexicon_valence(story: _Story, ai: int, start: int, end: int, entity: str) -> int | None:
    for s, e, entry in story.lexicon_matches[ai].terms:
        if (s, e) == (start, end) and entry.actor == entity:
            return entry.valence
    return None


# --- public API ---------------------------------------------------------------------------


def find_entity_mentions(article: Article, lexicon: Lexicon | None = None) -> list[EntityMention]:
    """Names of people, organisations and places in ``article`` with the entity each one
    was merged into (aliases merged within this article only; a story lexicon's actor
    aliases fix the entity id). Sorted by position."""
    return find_story_mentions([article], lexicon)


def find_story_mentions(
    articles: Sequence[Article], lexicon: Lexicon | None = None
) -> list[EntityMention]:
    """Entity mentions of every article, aliases merged across the whole story (the same
    entity ids :func:`find_labels` gives). Sorted by article, then position."""
    story = _assemble(articles, lexicon)
    ordered = sorted(
        zip(story.occurrences, story.entity_of, strict=True),
        key=lambda pair: (pair[0].article, pair[0].start, pair[0].end),
    )
    mentions = []
    for occ, entity in ordered:
        article = story.scans[occ.article].article
        text = article.text[occ.start : occ.end]
        mentions.append(EntityMention(article.id, occ.start, occ.end, text, entity, occ.kind))
    return mentions


ENTITY_COLUMNS = ["entity", "name", "type", "aliases", "article_id", "outlet", "mentions"]
# spaCy's named-entity labels (OntoNotes) -> the entity types Slant reports.
ENTITY_TYPES = {
    "PERSON": "person",
    "ORG": "organisation",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
}


def _ner_spans(doc: Doc) -> tuple[list[int], list[tuple[int, int, str]]]:
    spans = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
    return [s[0] for s in spans], spans


def _ner_label(index: tuple[list[int], list[tuple[int, int, str]]], start: int, end: int) -> str:
    """The label of the named entity that overlaps [start, end) the most, else ""."""
    starts, spans = index
    best, best_overlap = "", 0
    for s, e, label in spans[max(0, bisect.bisect_right(starts, start) - 1) :]:
        if s >= end:
            break
        overlap = min(e, end) - max(s, start)
        if overlap > best_overlap:
            best, best_overlap = label, overlap
    return best


def _entity_type(votes: Counter[str]) -> str:
    """The type most of an entity's tagged mentions have; "unknown" when none is tagged."""
    types: Counter[str] = Counter()
    for label, n in votes.items():
        if label:
            types[ENTITY_TYPES.get(label, "other")] += n
    return max(types, key=lambda t: (types[t], t != "other", t)) if types else "unknown"


def build_entity_table(
    articles: Sequence[Article],
    docs: Sequence[Doc],
    lexicon: Lexicon | None = None,
    scan: StoryScan | None = None,
) -> pd.DataFrame:
    """One row per entity and article that names it (ENTITY_COLUMNS): the entity id, its
    display name, its type, the spellings this article uses ("; "), the article, its
    outlet and how many times it names the entity.

    The type is what spaCy's named-entity recogniser (``docs``: each article's parse, from
    its reading) calls most of the entity's mentions across the story: person,
    organisation, place, group (a nationality, religion or party) or other; "unknown"
    when it tags none of them. Rows run from the most-mentioned entity of the story down.
    """
    story = _assemble(articles, lexicon, scan)
    indexes = [_ner_spans(doc) for doc in docs]
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    per_article: dict[tuple[str, int], Counter[str]] = defaultdict(Counter)
    for occ, entity in zip(story.occurrences, story.entity_of, strict=True):
        votes[entity][_ner_label(indexes[occ.article], occ.start, occ.end)] += 1
        text = " ".join(articles[occ.article].text[occ.start : occ.end].split())
        per_article[(entity, occ.article)][text] += 1
    totals = {entity: sum(v.values()) for entity, v in votes.items()}
    rows = [
        {
            "entity": entity,
            "name": story.entity_names.get(entity, entity),
            "type": _entity_type(votes[entity]),
            "aliases": "; ".join(sorted(spellings, key=lambda t: (-spellings[t], t))),
            "article_id": articles[ai].id,
            "outlet": articles[ai].outlet,
            "mentions": spellings.total(),
        }
        for (entity, ai), spellings in sorted(
            per_article.items(), key=lambda item: (-totals[item[0][0]], item[0][0], item[0][1])
        )
    ]
    return pd.DataFrame(rows, columns=ENTITY_COLUMNS)


def find_labels(
    articles: Sequence[Article],
    lexicon: Lexicon | None = None,
    scan: StoryScan | None = None,
    speech: Sequence[Sequence[Attribution]] | None = None,
) -> tuple[list[Label], dict[str, str]]:
    """Labels every article attaches to every entity, and entity id -> display name.

    Aliases are merged across all ``articles`` (one story). ``Label.valence`` is the
    lexicon's valence toward the entity (-2 unfavourable .. +2 favourable) or None when no
    lexicon knows the label; ``Label.source`` names the rule that found it: "title",
    "appositive", "possessive", "modifier", "bare_reference" or "lexicon". ``scan``:
    :func:`scan_story` of the same ``articles``, when one is at hand. ``speech``: each
    article's attributions with speakers (voices.py); a label inside one is in the
    speaker's voice. Without it every label is in the outlet's own voice.
    """
    lexicon = lexicon or Lexicon()
    story = _assemble(articles, lexicon, scan)
    labels = _story_labels(story, lexicon, speech or [()] * len(articles))
    used = {label.entity for label in labels}
    return labels, {e: n for e, n in story.entity_names.items() if e in used}


def _label_key(label: str) -> str:
    return " ".join(label.lower().split())


def score_label_spread(label_sets: dict[str, set[str]], n_outlets: int) -> float:
    """How differently outlets name one entity, 0 (all use the same labels) .. 1.

    1 - mean pairwise Jaccard overlap of the label sets of the outlets that label the
    entity, times coverage (share of the story's ``n_outlets`` that label it at all), so
    an entity one outlet labels alone scores 0 and one every outlet names differently
    scores 1.
    """
    sets = [s for s in label_sets.values() if s]
    if len(sets) < 2 or n_outlets < 2:
        return 0.0
    overlaps = [len(a & b) / len(a | b) for a, b in itertools.combinations(sets, 2)]
    return (1 - sum(overlaps) / len(overlaps)) * len(sets) / n_outlets


TABLE_COLUMNS = [
    "entity", "entity_name", "outlet", "labels", "n_labels", "n_unknown", "mean_valence",
    "spread",
]  # fmt: skip


def build_label_table(labels: Sequence[Label], entity_names: dict[str, str]) -> pd.DataFrame:
    """One row per entity x outlet that labels it: its labels with counts
    ("Field Marshal (2); rebel leader (1)"), how many labels, how many no lexicon knows,
    their mean valence (NaN when none is known), and the entity's ``spread``
    (:func:`score_label_spread`). Sorted by spread, most differently named first."""
    outlets = sorted({label.outlet for label in labels})
    groups: dict[tuple[str, str], list[Label]] = defaultdict(list)
    for label in labels:
        groups[(label.entity, label.outlet)].append(label)
    spreads = {}
    for entity in {label.entity for label in labels}:
        sets = {o: {_label_key(lab.label) for lab in groups.get((entity, o), [])} for o in outlets}
        spreads[entity] = score_label_spread(sets, len(outlets))
    rows = []
    for (entity, outlet), group in groups.items():
        counts = Counter(_label_key(lab.label) for lab in group)
        surface = {}
        for lab in group:
            surface.setdefault(_label_key(lab.label), " ".join(lab.label.split()))
        known = [lab.valence for lab in group if lab.valence is not None]
        rows.append(
            {
                "entity": entity,
                "entity_name": entity_names.get(entity, entity),
                "outlet": outlet,
                "labels": "; ".join(f"{surface[k]} ({n})" for k, n in counts.most_common()),
                "n_labels": len(group),
                "n_unknown": len(group) - len(known),
                "mean_valence": sum(known) / len(known) if known else float("nan"),
                "spread": spreads[entity],
            }
        )
    frame = pd.DataFrame(rows, columns=TABLE_COLUMNS)
    if frame.empty:
        return frame
    totals = frame.groupby("entity")["n_labels"].transform("sum")
    frame = frame.assign(_total=totals).sort_values(
        ["spread", "_total", "entity", "outlet"], ascending=[False, False, True, True]
    )
    return frame.drop(columns="_total").reset_index(drop=True)


def find_discovered_actors(
    articles: Sequence[Article], min_mentions: int = 2, scan: StoryScan | None = None
) -> tuple[Actor, ...]:
    """Entities found in the text alone, as lexicon actors (id, display name, the spellings
    the story uses as aliases), for stories whose lexicons name no actor. Entities
    mentioned fewer than ``min_mentions`` times in the whole story are left out.
    ``scan``: :func:`scan_story` of the same ``articles``, when one is at hand."""
    story = _assemble(articles, None, scan)
    aliases: dict[str, set[str]] = defaultdict(set)
    counts: Counter[str] = Counter()
    for occ, entity in zip(story.occurrences, story.entity_of, strict=True):
        text = story.scans[occ.article].article.text[occ.start : occ.end]
        aliases[entity].add(text)
        counts[entity] += 1
    return tuple(
        Actor(entity, story.entity_names.get(entity, entity), tuple(sorted(aliases[entity])))
        for entity, n in counts.most_common()
        if n >= min_mentions
    )
