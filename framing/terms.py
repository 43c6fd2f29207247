"""Loaded-term and actor-alias matching: one Aho-Corasick pass per article."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

import ahocorasick
from spacy.tokens import Doc

from framing.loaded import find_neutral_sense, find_rule_hits
from framing.models import (
    Article,
    Attribution,
    Lexicon,
    LexiconEntry,
    Mention,
    QuoteSpan,
    Sentence,
    TermHit,
)
from framing.targets import MentionedActors, find_term_target
from framing.text import split_sentences
from framing.voices import find_speech

# A lexicon row of this category says its words are not loaded in this story: it is no
# hit, and no rule may flag its words.
NEUTRAL_CATEGORY = "neutral"
# A capitalised word right after a label makes the label a title of that name.
NEXT_NAME_RE = re.compile(r"[ \t]+([A-Z][\w'’-]*)")


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


def _rule_hits(
    article: Article, doc: Doc, quotes: Sequence[QuoteSpan], matches: ArticleMatches
) -> list[tuple[int, int, LexiconEntry, str]]:
    """The general rules' hits that no lexicon match (term, label, neutral row or actor
    alias) overlaps: the story's lexicons win over the rules."""
    taken = sorted([(s, e) for s, e, _ in matches.terms] + [(s, e) for s, e, _ in matches.mentions])
    found = []
    for hit in find_rule_hits(doc, article.text, quotes):
        if any(s < hit.end and hit.start < e for s, e in taken) and hit.core > hit.start:
            # The lexicon has the intensifier ("utterly"): the adjective is a hit alone.
            core = article.text[hit.core : hit.end].lower()
            hit = replace(hit, start=hit.core, term=core, category="loaded_adjective")
        if any(s < hit.end and hit.start < e for s, e in taken):
            continue
        entry = LexiconEntry(hit.term, (hit.term,), hit.category, hit.valence, hit.note, "rules")
        found.append((hit.start, hit.end, entry, hit.rule))
    return found


def _lexicon_hits(
    matches: ArticleMatches, doc: Doc | None
) -> list[tuple[int, int, LexiconEntry, str]]:
    """The lexicon's term matches with their rule: "lexicon", or "neutral_sense" (the note
    says why) where the parse shows a neutral sense; neutral rows make no hit."""
    found = []
    for start, end, entry in matches.terms:
        if entry.category == NEUTRAL_CATEGORY:
            continue
        if doc is not None and not entry.actor:
            span = doc.char_span(start, end, alignment_mode="expand")
            reason = find_neutral_sense(span, entry) if span is not None and len(span) else None
            if reason is not None:
                found.append((start, end, replace(entry, note=reason), "neutral_sense"))
                continue
        found.append((start, end, entry, "lexicon"))
    return found


def find_term_hits(
    article: Article,
    lexicon: Lexicon,
    speech: Sequence[Attribution] = (),
    mentions: Sequence[Mention] | None = None,
    matches: ArticleMatches | None = None,
    sentences: Sequence[Sentence] | None = None,
    doc: Doc | None = None,
    quotes: Sequence[QuoteSpan] = (),
) -> list[TermHit]:
    """Loaded terms and story labels in ``article.text``, with target, voice, speaker and
    the rule that found each (TermHit.rule).

    ``speech`` are the article's attributions with their speakers (framing.voices); a hit
    inside reported speech, direct or indirect, is in the speaker's voice, otherwise in
    the narrator's (the outlet's own) voice.
    Given ``doc`` (the article's parse, from its reading) and ``quotes`` (its quotation
    spans), lexicon matches are checked for a neutral sense in context (framing.loaded.
    senses) and the general rules add the loaded words no lexicon lists (framing.loaded.
    rules); where a lexicon match and a rule hit overlap, the lexicon wins, and a row of
    category "neutral" switches its words off.
    Story labels aim at their own actor; other terms where targets.find_term_target says:
    given ``doc`` where the parse says, else by position (the actor they premodify, else
    the nearest before them in the sentence, never the speaker of the quotation they are
    in, else the nearest after).
    """
    if matches is None:
        matches = find_lexicon_matches(article.text, lexicon)
    if mentions is None:
        mentions = find_actor_mentions(article, lexicon, speech, matches)
    if sentences is None:
        sentences = split_sentences(article.text)
    bounds = [(s.start, s.end) for s in sentences]
    mentioned = {m.actor for m in mentions}
    actors = MentionedActors(mentions, doc, speech) if doc is not None else None
    found = _lexicon_hits(matches, doc)
    if doc is not None:
        found = sorted(found + _rule_hits(article, doc, quotes, matches), key=lambda f: f[0])
    hits = []
    for start, end, entry, rule in found:
        if entry.actor and not _label_applies(article.text, end, entry.actor, mentioned, mentions):
            continue
        quote = find_speech(speech, start, end)
        sentence = next(((a, b) for a, b in bounds if a <= start < b), (start, end))
        target = entry.actor or find_term_target(
            article.text, (start, end), entry.category, quote, sentence, mentions, actors
        )
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
                rule=rule,
            )
        )
    return hits
