"""Every file Slant reads and writes. With lexicon.py, the only part of framing that touches
the file system; nothing here touches the network.

A story is a folder (article files, an optional ``story.json`` manifest), a bulk file
(CSV, JSON Lines, Parquet; one article per row) or a single text/Markdown/HTML file.
Every parser works on bytes, so uploads (``load_story_bytes``) and files on disk
(``load_story``) follow exactly the same rules.

The rooms, each a module of this package (callers inside framing may import from them;
everyone else imports the names below from ``framing.io``):

- ``formats``: the one table of the formats read (suffix -> reader) and written
- ``records``: bulk files row by row, whole or streamed (``iter_article_records``)
- ``texts``: one-article files (front matter, HTML); ``decoding``: bytes to text
- ``articles``: metadata, cleaning and unique ids of the articles a file held
- ``stories``: story folders: load, list, save (atomically)
- ``atomic``: writes a crash cannot leave half done
- ``parts``: part files of a long streamed run (framing.batch), resumable
- ``evaldata``: reading the files of the public evaluation data sets (framing.evaluate)
- ``cache``: the dashboard's disk cache
- ``outlets``: the domain -> outlet table, and the folder of a story not saved yet
- ``limits`` and ``errors``: how much may be loaded, and LoadError
"""

import importlib

from framing.io.articles import METADATA_KEYS, UNKNOWN_OUTLET, build_articles, describe_load
from framing.io.atomic import write_text_atomic
from framing.io.cache import (
    CACHE_DIR_ENV,
    CACHE_MAX_MB,
    CACHE_MAX_MB_ENV,
    READINGS_DIR,
    cache_dir,
    code_fingerprint,
    digest_story_folder,
    has_cached_tables,
    load_cached_reading,
    load_cached_story,
    load_cached_tables,
    save_cached_reading,
    save_cached_story,
    save_cached_tables,
)
from framing.io.corpus import load_corpus, load_corpus_bytes, load_outlet_groups
from framing.io.errors import LoadError
from framing.io.formats import (
    BULK_SUFFIXES,
    FORMATS,
    SUPPORTED_SUFFIXES,
    TABLE_FORMATS,
    TABLE_SUFFIXES,
    TEXT_SUFFIXES,
    Format,
    TableFormat,
    describe_formats,
    describe_table_formats,
    format_formats_markdown,
    iter_article_records,
    write_table,
)
from framing.io.limits import (
    MAX_ARTICLE_CHARS,
    MAX_ARTICLE_CHARS_ENV,
    MAX_ARTICLES,
    MAX_ARTICLES_ENV,
    max_article_chars,
    max_articles,
)
from framing.io.outlets import load_outlet_domains, make_draft_folder
from framing.io.parts import (
    load_file_fingerprint,
    load_part_manifest,
    load_part_summaries,
    load_part_table,
    remove_parts,
    save_part,
    save_part_manifest,
    write_table_from_parts,
)
from framing.io.records import ARTICLE_RECORD_FIELDS, iter_csv_records, iter_jsonl_records
from framing.io.stories import (
    MANIFEST,
    add_articles,
    list_story_folders,
    load_story,
    load_story_bytes,
    save_story,
)

__all__ = [
    "ARTICLE_RECORD_FIELDS",
    "BULK_SUFFIXES",
    "CACHE_DIR_ENV",
    "CACHE_MAX_MB",
    "CACHE_MAX_MB_ENV",
    "FORMATS",
    "MANIFEST",
    "MAX_ARTICLES",
    "MAX_ARTICLES_ENV",
    "MAX_ARTICLE_CHARS",
    "MAX_ARTICLE_CHARS_ENV",
    "METADATA_KEYS",
    "SUPPORTED_SUFFIXES",
    "TABLE_FORMATS",
    "TABLE_SUFFIXES",
    "TEXT_SUFFIXES",
    "UNKNOWN_OUTLET",
    "Format",
    "LoadError",
    "TableFormat",
    "add_articles",
    "build_articles",
    "READINGS_DIR",
    "cache_dir",
    "has_cached_tables",
    "load_cached_reading",
    "save_cached_reading",
    "code_fingerprint",
    "describe_formats",
    "describe_load",
    "describe_table_formats",
    "digest_story_folder",
    "format_formats_markdown",
    "iter_article_records",
    "iter_csv_records",
    "iter_jsonl_records",
    "list_story_folders",
    "load_cached_story",
    "load_cached_tables",
    "load_file_fingerprint",
    "load_outlet_domains",
    "make_draft_folder",
    "load_part_manifest",
    "load_part_summaries",
    "load_part_table",
    "load_corpus",
    "load_corpus_bytes",
    "load_outlet_groups",
    "load_story",
    "load_story_bytes",
    "max_article_chars",
    "max_articles",
    "remove_parts",
    "save_cached_story",
    "save_cached_tables",
    "save_part",
    "save_part_manifest",
    "save_story",
    "write_table",
    "write_table_from_parts",
    "write_text_atomic",
]

# The readers of the evaluation data sets moved into their data set's module of
# framing.evaluate (one file a data set); the names stay importable from here.
_MOVED = {
    "EVAL_DATASETS": ("framing.evaluate.registry", "EVAL_DATASETS"),
    "find_eval_datasets": ("framing.evaluate.registry", "find_datasets"),
    "load_babe": ("framing.evaluate.babe", "load_babe"),
    "PTC_LABELS": ("framing.evaluate.ptc", "PTC_LABELS"),
    "load_ptc": ("framing.evaluate.ptc", "load_ptc"),
    "NEWSMTSC_POLARITY": ("framing.evaluate.newsmtsc", "NEWSMTSC_POLARITY"),
    "load_newsmtsc": ("framing.evaluate.newsmtsc", "load_newsmtsc"),
    "NEWSWCL50_OUTLETS": ("framing.evaluate.newswcl50", "NEWSWCL50_OUTLETS"),
    "load_newswcl50": ("framing.evaluate.newswcl50", "load_newswcl50"),
}


def __getattr__(name: str) -> object:
    if name not in _MOVED:
        raise AttributeError(f"module 'framing.io' has no attribute {name!r}")
    module, attribute = _MOVED[name]
    return getattr(importlib.import_module(module), attribute)
