"""Story grouping against AllSides' events (and NewsWCL50's), beside a TF-IDF baseline.

AllSides' headline roundups put 2-3 articles (left, center, right outlets) under one news
event; the event is the gold story. Each is scored as given (every article carries its
event's date) and with the dates removed, alone and with NewsWCL50's events 0-4 (five full
articles per event from five outlets; dated by their addresses where those carry a date,
the others undated) mixed in. Metrics: B-cubed precision, recall and F1 (Bagga & Baldwin
1998: per article, the share of its predicted story that shares its gold story, and the
reverse) and the adjusted Rand index (Hubert & Arabie 1985). Baseline: TF-IDF cosine,
average linkage, one fixed threshold; as given, articles more than BASELINE_DAYS days apart
are kept apart.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import sparse
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

from framing.clean import normalize_date
from framing.evaluate.metrics import score_bcubed
from framing.evaluate.newswcl50 import load_newswcl50
from framing.evaluate.results import Dataset, Result
from framing.io.errors import LoadError
from framing.io.evaldata import read_table, read_text
from framing.models import Article, Lexicon
from framing.stories import group_articles
from framing.stories.features import parse_day

BASELINE_SIMILARITY = 0.25  # the baseline joins groups whose mean cosine reaches this
BASELINE_DAYS = 3
NEWSWCL50_EVENTS = range(5)
_URL_DATE = re.compile(r"/(20\d\d)/(\d\d)/(\d\d)/")
_WORD = re.compile(r"\w+")


def score_adjusted_rand(gold: Sequence[object], predicted: Sequence[object]) -> float:
    """The adjusted Rand index: agreement on which pairs share a cluster, 1 for identical
    clusterings, about 0 for chance (it can be negative)."""
    pairs = sum(math.comb(n, 2) for n in Counter(zip(gold, predicted, strict=True)).values())
    gold_pairs = sum(math.comb(n, 2) for n in Counter(gold).values())
    predicted_pairs = sum(math.comb(n, 2) for n in Counter(predicted).values())
    expected = gold_pairs * predicted_pairs / math.comb(len(gold), 2)
    most = (gold_pairs + predicted_pairs) / 2
    return 1.0 if most == expected else (pairs - expected) / (most - expected)


def group_by_tfidf(articles: Sequence[Article], days: int | None = BASELINE_DAYS) -> list[int]:
    """The baseline: TF-IDF cosine over lower-cased words of title and text, average
    linkage, cut at BASELINE_SIMILARITY; with ``days``, articles more than ``days`` apart
    never share a group (undated articles may join any)."""
    documents = [_WORD.findall(f"{a.title}\n{a.text}".lower()) for a in articles]
    vocabulary: dict[str, int] = {}
    frequencies: Counter[str] = Counter()
    for words in documents:
        frequencies.update(set(words))
    rows, columns, values = [], [], []
    for row, words in enumerate(documents):
        for word, count in Counter(words).items():
            rows.append(row)
            columns.append(vocabulary.setdefault(word, len(vocabulary)))
            values.append(count * (math.log((1 + len(documents)) / (1 + frequencies[word])) + 1))
    matrix = sparse.csr_matrix((values, (rows, columns)), shape=(len(documents), len(vocabulary)))
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    matrix = sparse.diags(1 / np.where(norms > 0, norms, 1)) @ matrix
    distance = np.clip(1 - (matrix @ matrix.T).toarray(), 0, 1)
    if days is not None:
        ordinals = np.array([parse_day(a.date) or -1 for a in articles])
        apart = np.abs(ordinals[:, None] - ordinals[None, :]) > days
        undated = ordinals < 0
        apart[undated, :] = apart[:, undated] = False
        distance[apart] = 1.0
    np.fill_diagonal(distance, 0)
    tree = linkage(squareform(distance, checks=False), "average")
    return list(fcluster(tree, 1 - BASELINE_SIMILARITY, "distance"))


def load_allsides(path: str | Path) -> pd.DataFrame:
    """AllSides' headline roundups (``roundups.jsonl``, one event a line): one row per
    article, columns event (the roundup's id), date (the roundup's, as given), side (left,
    center, right), outlet, title, url, text (the excerpt's paragraphs, one per line)."""
    rows = []
    for line, text in enumerate(read_text(path).splitlines(), 1):
        if not text.strip():
            continue
        try:
            record = json.loads(text)
            rows += [
                (str(record["id"]), str(record["date"]), side, news["newsSource"],
                 news["newsTitle"], news.get("newsLink") or "", "\n\n".join(news["newBody"]))
                for side, news in record["news"].items()
            ]  # fmt: skip
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise LoadError(path, f"not an AllSides roundup ({error!r})", line) from None
    columns = ["event", "date", "side", "outlet", "title", "url", "text"]
    return pd.DataFrame(rows, columns=columns)


def load_newswcl50_urls(folder: str | Path) -> dict[tuple[int, str], str]:
    """NewsWCL50's ``urls.tsv``: (event, outlet) -> the article's address (empty when the
    file is missing)."""
    path = Path(folder) / "urls.tsv"
    if not path.is_file():
        return {}
    table = read_table(path, sep="\t")
    return {
        (int(event), outlet): url
        for event, outlet, url in table[["Event ID", "Outlet", "URL"]].itertuples(index=False)
    }


def load_story_gold(allsides: str | Path, newswcl50: str | Path | None) -> pd.DataFrame:
    """The articles of AllSides (and NewsWCL50's events 0-4 when ``newswcl50`` is given)
    with their gold event: columns event, date, outlet, title, text."""
    frame = load_allsides(allsides)
    rows = frame.assign(event="allsides-" + frame["event"], date=frame["date"].map(normalize_date))
    tables = [rows[["event", "date", "outlet", "title", "text"]]]
    if newswcl50 is not None and Path(newswcl50).is_dir():
        articles, _ = load_newswcl50(newswcl50)
        urls = load_newswcl50_urls(newswcl50)
        wcl = []
        for event, outlet, text in articles[["event", "outlet", "text"]].itertuples(index=False):
            if event not in NEWSWCL50_EVENTS:
                continue
            match = _URL_DATE.search(urls.get((event, outlet), ""))
            title, _, body = text.strip().partition("\n")
            date = "-".join(match.groups()) if match else ""
            wcl.append((f"newswcl50-{event}", date, outlet, title.strip(), body.strip()))
        tables.append(pd.DataFrame(wcl, columns=["event", "date", "outlet", "title", "text"]))
    return pd.concat(tables, ignore_index=True)


def _articles(gold: pd.DataFrame) -> list[Article]:
    return [
        Article(f"a{n}", outlet, title, date, "", text, text)
        for n, (date, outlet, title, text) in enumerate(
            gold[["date", "outlet", "title", "text"]].itertuples(index=False)
        )
    ]


def score_story_grouping(gold: pd.DataFrame, name: str) -> list[tuple[str, str, float, float, int]]:
    """Rows (dataset, metric, slant, baseline, n) for ``gold`` (load_story_gold's table) as
    given and with the dates removed."""
    results = []
    articles = _articles(gold)
    events = list(gold["event"])
    for variant, dated in ((name, True), (f"{name}, dates removed", False)):
        given = articles if dated else [replace(a, date="") for a in articles]
        ours = list(group_articles(given).articles["story"])
        theirs = group_by_tfidf(given, BASELINE_DAYS if dated else None)
        for metric, a, b in zip(
            ("B-cubed precision", "B-cubed recall", "B-cubed F1"),
            score_bcubed(events, ours),
            score_bcubed(events, theirs),
            strict=True,
        ):
            results.append((variant, metric, a, b, len(events)))
        results.append(
            (variant, "adjusted Rand", score_adjusted_rand(events, ours),
             score_adjusted_rand(events, theirs), len(events))
        )  # fmt: skip
    return results


def score_allsides(path: Path, lexicon: Lexicon) -> list[Result]:
    """Story grouping on AllSides alone, and with NewsWCL50's events 0-4 when they sit
    beside it in the evaluation folder (``lexicon`` is not used: grouping reads no lexicon)."""
    newswcl50 = path.parent.parent / "newswcl50"
    rows = score_story_grouping(load_story_gold(path, None), "AllSides stories")
    if newswcl50.is_dir():
        mixed = load_story_gold(path, newswcl50)
        rows += score_story_grouping(mixed, "AllSides + NewsWCL50 0-4 stories")
    return [Result(*row) for row in rows]


DATASET = Dataset("allsides", "allsides/roundups.jsonl", score_allsides)
