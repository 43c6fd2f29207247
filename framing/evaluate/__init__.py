"""Check Slant's scores against public human judgements, each next to a simple baseline.

``python -m framing evaluate DATA_DIR`` runs every data set of ``registry.DATASETS`` found
in DATA_DIR (docs/evaluation.md says what each number means, and the current results).
The gold data never goes into the repository: it is read from the folder given.

One module per data set, each with its reader, its scoring and its ``Dataset`` line:

- ``babe``: experts marked biased words in news sentences and labelled each sentence
  Biased or Non-biased; Slant's loaded-term hits as a biased-word detector, its
  loaded-term density as a Biased-sentence ranker. Baseline: VADER's own word list.
- ``ptc``: propaganda spans in news articles (Loaded_Language, Name_Calling,Labeling).
  Baseline: VADER words.
- ``newsmtsc``: the sentiment of a sentence toward a named person; Slant's target-aware
  score against VADER on the whole sentence (two sets: rw, mt).
- ``newswcl50``: every descriptive mention of each actor, per outlet; Slant's label
  discovery against "the two words before each name"; and Slant's entities against the
  annotated mention chains (B-cubed), beside grouping mentions by their last word.
- ``allsides``: same-event roundups; Slant's story grouping against TF-IDF clustering.
- ``polnear``: who said what (source, cue, content) in election news; Slant's
  attributions against "each quotation, credited to the last name before it".
- ``coverage``: what each outlet leaves out, by a deletion test on NewsWCL50's same-event
  articles; Slant's fact alignment against word overlap.

Shared by them: ``metrics`` (precision/recall/F1, ROC AUC, macro-F1, span overlap, B-cubed),
``detectors`` (Slant's loaded terms and the VADER baseline as span finders), ``results``
(Result, Dataset, Evaluation; the table printed and written).

Adding a data set is one new file and one line:

1. ``framing/evaluate/<name>.py`` with a ``load_<name>(path)`` that reads the data through
   ``framing.io.evaldata`` (``read_text``, ``read_table``, ``list_files``: framing touches
   files only through its io package; raise ``framing.io.LoadError`` naming the file and
   line of anything malformed), a ``score_<name>(...) -> list[Result]`` that computes each
   metric for Slant and for a baseline computed in the same run (``Result(dataset, metric,
   slant, baseline, n)``; ``higher_is_better=False`` where lower wins), and
   ``DATASET = Dataset("<name>", "<where it sits in DATA_DIR>", lambda path, lexicon:
   score_<name>(load_<name>(path), lexicon))``;
2. its line in ``DATASETS`` in ``framing/evaluate/registry.py`` (the order of the table);
3. tests in tests/framing/evaluate/test_evaluate_<name>.py (a tiny hand-made copy of the
   format, never the data), and its numbers in docs/evaluation.md.
"""

from framing.evaluate.babe import BIASED, NON_BIASED, load_babe, score_babe
from framing.evaluate.coverage import (
    find_removals,
    find_telling_words,
    find_word_overlap_pairs,
    load_event_texts,
    score_coverage,
)
from framing.evaluate.detectors import VADER_LOADED_THRESHOLD, find_loaded_spans, find_vader_spans
from framing.evaluate.metrics import (
    SENTIMENT_CLASSES,
    Span,
    classify_compound,
    score_auc,
    score_bcubed,
    score_macro_f1,
    score_precision_recall_f1,
    score_set_matches,
    score_span_overlap,
)
from framing.evaluate.newsmtsc import NEWSMTSC_POLARITY, load_newsmtsc, score_newsmtsc
from framing.evaluate.newswcl50 import (
    ASCII_QUOTES,
    BASELINE_LABEL_WORDS,
    NEWSWCL50_OUTLETS,
    WCL_DETERMINERS,
    WCL_NAME_SUFFIXES,
    WCL_TOKEN_RE,
    WCL_TOP_ACTORS,
    WCL_WORD_RE,
    GoldMention,
    LabelRecovery,
    LabelSpan,
    NewsWCL50Gold,
    find_head_word,
    find_label_concept,
    find_main_actor_labels,
    find_newswcl50_gold,
    find_words_before_names,
    load_newswcl50,
    score_entity_merging,
    score_label_recovery,
    score_newswcl50,
)
from framing.evaluate.polnear import (
    GoldAttribution,
    Predicted,
    find_baseline_attributions,
    find_slant_attributions,
    load_polnear,
    score_polnear,
)
from framing.evaluate.ptc import PTC_LABELS, PTC_TECHNIQUES, load_ptc, score_ptc
from framing.evaluate.registry import (
    DATASETS,
    EVAL_DATASETS,
    GENERIC_LEXICON,
    find_datasets,
    score_gold_data,
)
from framing.evaluate.results import (
    NUMERIC,
    RESULT_COLUMNS,
    RESULT_SUFFIXES,
    Dataset,
    Evaluation,
    Result,
    format_results,
    write_results,
)

__all__ = [
    "find_removals",
    "find_telling_words",
    "find_word_overlap_pairs",
    "load_event_texts",
    "score_coverage",
    "GoldAttribution",
    "Predicted",
    "find_baseline_attributions",
    "find_slant_attributions",
    "load_polnear",
    "score_polnear",
    "ASCII_QUOTES",
    "BASELINE_LABEL_WORDS",
    "BIASED",
    "DATASETS",
    "EVAL_DATASETS",
    "GENERIC_LEXICON",
    "NEWSMTSC_POLARITY",
    "NEWSWCL50_OUTLETS",
    "NON_BIASED",
    "NUMERIC",
    "PTC_LABELS",
    "PTC_TECHNIQUES",
    "RESULT_COLUMNS",
    "RESULT_SUFFIXES",
    "SENTIMENT_CLASSES",
    "VADER_LOADED_THRESHOLD",
    "WCL_DETERMINERS",
    "WCL_NAME_SUFFIXES",
    "WCL_TOKEN_RE",
    "WCL_TOP_ACTORS",
    "WCL_WORD_RE",
    "Dataset",
    "Evaluation",
    "GoldMention",
    "LabelRecovery",
    "LabelSpan",
    "NewsWCL50Gold",
    "Result",
    "Span",
    "classify_compound",
    "find_datasets",
    "find_label_concept",
    "find_loaded_spans",
    "find_main_actor_labels",
    "find_newswcl50_gold",
    "find_vader_spans",
    "find_words_before_names",
    "find_head_word",
    "format_results",
    "load_babe",
    "load_newsmtsc",
    "load_newswcl50",
    "load_ptc",
    "score_auc",
    "score_bcubed",
    "score_entity_merging",
    "score_babe",
    "score_gold_data",
    "score_label_recovery",
    "score_macro_f1",
    "score_newsmtsc",
    "score_newswcl50",
    "score_precision_recall_f1",
    "score_ptc",
    "score_set_matches",
    "score_span_overlap",
    "write_results",
]
