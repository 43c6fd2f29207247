"""Entity mentions and the entity table (framing.entities.mentions), and the story scan."""

from dataclasses import replace

import pytest
from entities_helpers import make_article

from framing.entities import (
    ENTITY_COLUMNS,
    build_entity_table,
    find_discovered_actors,
    find_labels,
    scan_story,
)
from framing.entities.story import _merge_entities
from framing.reading import read_text
from framing.terms import find_lexicon_matches


def test_a_scan_serves_every_entity_call(sample_story, sample_lexicon):
    articles = sample_story.articles
    scan = scan_story(articles)
    assert find_discovered_actors(articles, scan=scan) == find_discovered_actors(articles)
    no_actors = replace(sample_lexicon, actors=())
    for lexicon in (None, no_actors, sample_lexicon):
        assert find_labels(articles, lexicon, scan) == find_labels(articles, lexicon)


def test_a_lexicon_without_actors_gives_the_plain_entities(sample_story, sample_lexicon):
    # The shortcut find_labels takes: no actors, so no alias matches and no actor ids.
    scan = scan_story(sample_story.articles)
    no_actors = replace(sample_lexicon, actors=())
    matches = [find_lexicon_matches(a.text, no_actors) for a in sample_story.articles]
    assert _merge_entities(scan, no_actors, matches) == scan._plain_entities
    with_actors = [find_lexicon_matches(a.text, sample_lexicon) for a in sample_story.articles]
    assert _merge_entities(scan, sample_lexicon, with_actors) != scan._plain_entities


def test_a_scan_of_other_articles_is_refused(sample_story):
    scan = scan_story(sample_story.articles[:2])
    with pytest.raises(ValueError, match="other articles"):
        find_labels(sample_story.articles, scan=scan)
    with pytest.raises(ValueError, match="other articles"):
        find_discovered_actors(sample_story.articles[1:3], scan=scan)


def test_entity_table_one_row_per_entity_and_article():
    texts = [
        "Senator Ada Krell visited Paris on Monday. Krell met officials of the Red Cross there.",
        "Ada Krell left Paris. Officials thanked Krell.",
    ]
    articles = [make_article(t, f"a{i}", f"O{i}") for i, t in enumerate(texts)]
    table = build_entity_table(articles, [read_text(t).doc for t in texts])
    assert list(table.columns) == ENTITY_COLUMNS
    rows = {(r.entity, r.article_id): r for r in table.itertuples()}
    assert set(rows) == {
        ("ada-krell", "a0"), ("ada-krell", "a1"), ("paris", "a0"), ("paris", "a1"),
        ("red-cross", "a0"),
    }  # fmt: skip
    krell = rows[("ada-krell", "a0")]
    assert (krell.name, krell.type, krell.aliases, krell.outlet, krell.mentions) == (
        "Ada Krell", "person", "Ada Krell; Krell", "O0", 2,
    )  # fmt: skip
    assert rows[("paris", "a1")].type == "place"
    assert rows[("red-cross", "a0")].type == "organisation"
    assert list(table.entity[:2]) == ["ada-krell", "ada-krell"]  # most mentioned first


def test_entity_table_type_unknown_without_tags_and_empty_story():
    article = make_article("Ada Krell spoke. Krell left.")
    blank = read_text("Nothing to see here.").doc  # a parse that tags no entity
    table = build_entity_table([article], [blank])
    assert set(table.type) == {"unknown"}
    empty = build_entity_table([make_article("no names at all here.")], [blank])
    assert empty.empty and list(empty.columns) == ENTITY_COLUMNS
