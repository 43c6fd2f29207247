"""What a story says about each person's gender, so that "Mr. Conway" is not the
Kellyanne Conway the story calls "she": courtesy titles and gendered nouns written with
a name ("Ms.", "first lady", "his wife, ..."), and, given the articles' parses, the
pronouns that stand for a full name (:func:`framing.entities.find_references`). No list
of first names: a person the story tells nothing about has no gender here."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from spacy.tokens import Doc

from framing.entities.names import _Scan
from framing.entities.references import PRONOUN_GENDERS, find_references
from framing.entities.words import FEMALE_WORDS, MALE_WORDS
from framing.models import Mention
from framing.text import tokenize
from framing.wordlists import COURTESY_TITLES

# (article, sentence, run) of a name occurrence found next to a title, its start and end,
# and the key of the cluster it belongs to
_Place = tuple[int, tuple[int, int] | None, int, int, str]


def _word_gender(words: Sequence[str]) -> str:
    """'m' or 'f' when the words hold gendered titles or nouns of one kind only."""
    male = any(w in MALE_WORDS for w in words)
    female = any(w in FEMALE_WORDS for w in words)  # "first lady" too
    return "m" if male and not female else "f" if female and not male else ""


def _title_genders(scans: Sequence[_Scan], places: Sequence[_Place]) -> list[str]:
    """The gender the title written before each name occurrence tells ("Mr.", "Queen")."""
    result = []
    for ai, run, _, _, _ in places:
        if run is None:
            result.append("")
            continue
        si, ri = run
        found = scans[ai].runs[si][ri]
        tokens = scans[ai].tokens[si]
        # A courtesy title is a function word, outside the run: "Mr. | Conway".
        lo = found.lo - 1 if found.lo and tokens[found.lo - 1].low in COURTESY_TITLES else found.lo
        result.append(_word_gender([t.low for t in tokens[lo : found.name_lo]]))
    return result


def _story_genders(
    scans: Sequence[_Scan],
    places: Sequence[_Place],
    full: Sequence[bool],
    docs: Sequence[Doc] | None,
) -> dict[str, str]:
    """Cluster key -> 'm' or 'f' where the story agrees more one way than the other: the
    titles and labels of its full names (``full``: which places are), and the pronouns
    that stand for them. A lone surname ("Mr. Conway") casts no vote for the people who
    share it, but its pronouns are kept from theirs."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    titles = _title_genders(scans, places)
    labelled: dict[tuple[int, tuple[int, int]], list[str]] = defaultdict(list)
    for ai, scan in enumerate(scans):
        for found in scan.found:
            labelled[(ai, found.run)].extend(tokenize(scan.article.text[found.start : found.end]))
    for (ai, run, _, _, key), title, is_full in zip(places, titles, full, strict=True):
        if not is_full:
            continue
        gender = title or (_word_gender(labelled[(ai, run)]) if run is not None else "")
        if gender:
            votes[key][gender] += 1
    if docs is not None:
        by_article: dict[int, list[Mention]] = defaultdict(list)
        for (ai, _, start, end, key), is_full in zip(places, full, strict=True):
            # A lone surname stands for somebody of its own while its pronouns are found.
            actor = key if is_full else f"?{key}"
            by_article[ai].append(Mention("", actor, start, end, "", False))
        for ai, mentions in by_article.items():
            for ref in find_references(docs[ai], mentions):
                gender = PRONOUN_GENDERS.get(ref.text.lower())
                if gender and not ref.actor.startswith("?"):
                    votes[ref.actor][gender] += 1
    return {key: "m" if v["m"] > v["f"] else "f" for key, v in votes.items() if v["m"] != v["f"]}
