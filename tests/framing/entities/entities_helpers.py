"""Helpers shared by the tests of framing.entities: articles, labels, a small lexicon."""

from collections import Counter

from framing.models import Actor, Article, Label, Lexicon, LexiconEntry


def make_article(text, article_id="a1", outlet="Outlet A"):
    return Article(article_id, outlet, "", "", "", text, text)


def labels_of(labels, names, name_part):
    """Label texts attached to the entity whose display name contains ``name_part``."""
    return [lab.label for lab in labels if name_part in names[lab.entity]]


def make_label(entity, outlet, label, valence=None, article_id=None):
    return Label(entity, article_id or outlet, outlet, label, 0, len(label), False, valence)


LEXICON = Lexicon(
    entries=(
        LexiconEntry("rebel leader", ("rebel leader",), "label", -1, "test", "t", "haftar"),
        LexiconEntry("warlord", ("warlord",), "label", -2, "test", "t", "haftar"),
        LexiconEntry("Marshal", ("Marshal",), "label", 1, "test", "t", "haftar"),
        LexiconEntry("so-called", ("so-called",), "distancing", -2, "test", "t"),
    ),
    actors=(Actor("haftar", "Khalifa Haftar", ("Haftar", "Hafter", "Hifter")),),
)


def known_labels(*labels):
    """_KnownLabels from (entity, label wording) pairs, a pair per use."""
    known = {}
    for entity, label in labels:
        words = frozenset(label.lower().split())
        head = label.lower().split()[-1]
        known.setdefault(head, {}).setdefault(entity, Counter())[words] += 1
    return known
