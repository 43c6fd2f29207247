"""Spellings of one name: folded keys, surnames, consonant skeletons and the edit distance
that tells 'Haftar' and 'Hifter' for the same name."""

from __future__ import annotations

import functools
import re
import unicodedata

from framing.entities.words import PARTICLE_PREFIX_RE


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
