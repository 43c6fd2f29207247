"""Same-event grouping of a corpus into stories, and outlet profiles across them.

- ``features``: the cheap reading grouping works on (words, numbers, names; no parse);
- ``grouping``: average-linkage clustering day by day, similarity fading with the days apart;
- ``corpus``: a corpus in memory (``group_articles``) or a bulk file streamed
  (``group_file``) into the article and story tables of docs/tables.md.
"""

from framing.stories.corpus import (
    ARTICLE_STORY_COLUMNS,
    STORY_COLUMNS,
    StoryGrouping,
    find_chunk_terms,
    group_articles,
    group_file,
    name_story,
)
from framing.stories.features import ArticleTerms, find_article_terms, find_names
from framing.stories.grouping import GroupingSettings, StoryGrouper, Vector

__all__ = [
    "ARTICLE_STORY_COLUMNS",
    "STORY_COLUMNS",
    "ArticleTerms",
    "GroupingSettings",
    "StoryGrouper",
    "StoryGrouping",
    "Vector",
    "find_article_terms",
    "find_chunk_terms",
    "find_names",
    "group_articles",
    "group_file",
    "name_story",
]
