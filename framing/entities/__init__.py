"""Entity mentions, alias merging and label (descriptor) discovery, from the text and,
when given, each article's parse.

"What does each outlet call each actor?" A label is a descriptor an article attaches to
an entity: a title or premodifier before the name ("rebel leader Khalifa Haftar"), an
appositive ("Ghassan Salama, the UN special envoy,"), a modifier after a possessive
("Haftar's eastern-based Libyan National Army"), a definite description that stands for a
known entity ("the retired Major General"), what the parse shows ("Haftar is a warlord",
'described Ruiz as a "liar"', "the two leaders"), or a story-lexicon label form. No
lexicon is needed; a story lexicon, when given, fixes actor ids and supplies valences.

The name rules are surface rules over capitalisation and small closed lists of general
English words (function words, titles, role nouns, organisation heads); spaCy's
named-entity tags, when the parses are given, decide which names are entities at all.
They read news prose, not every text: a capitalised word that the story also writes in
lower case is treated as a common word at a sentence start or in a title-case headline.

The package's files follow the stages: ``tokens`` and ``words`` (what a word is),
``names`` (names and label candidates in one article), ``spelling`` and ``merging``
(names merged into entities), ``gender`` (who is "Mr." and who "she"), ``story`` (the
story read once: :func:`scan_story`), ``references`` (pronouns and role descriptions:
:func:`find_references`), ``parsed`` (labels from the parse), ``labels`` (what each
article calls each entity) and ``mentions`` (where each entity is named, and the entity
table).
"""

from framing.entities.labels import (
    TABLE_COLUMNS,
    build_label_table,
    find_labels,
    score_label_spread,
)
from framing.entities.mentions import (
    ENTITY_COLUMNS,
    ENTITY_TYPES,
    EntityMention,
    build_entity_table,
    find_discovered_actors,
    find_entity_mentions,
    find_story_mentions,
)
from framing.entities.references import find_references
from framing.entities.story import StoryScan, scan_story

__all__ = [
    "ENTITY_COLUMNS",
    "ENTITY_TYPES",
    "TABLE_COLUMNS",
    "EntityMention",
    "StoryScan",
    "build_entity_table",
    "build_label_table",
    "find_discovered_actors",
    "find_entity_mentions",
    "find_labels",
    "find_references",
    "find_story_mentions",
    "scan_story",
    "score_label_spread",
]
