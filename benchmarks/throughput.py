"""Throughput of Slant's engine against the pipeline a user would write in a notebook.

Both read the same JSON Lines corpus (the PTC news texts, each copied ``--copies`` times with
a per-copy last sentence so that no cache keyed by a text can help) and write one row of
scores per article to Parquet, each in a fresh child process, one after the other:

- notebook: pandas ``apply`` of VADER on each whole text, textstat's seven indices, and one
  regex of the generic lexicon's term forms (textstat kept offline as Slant does);
- slant: ``python -m framing analyze corpus.jsonl --out scores.parquet --jobs N``, which also
  cleans the texts, splits sentences, finds quotes, attributes terms and voices.

    .venv/bin/python benchmarks/throughput.py [--ptc DIR] [--copies 5] [--jobs 1 0]

Prints a Markdown table: articles/s, words/s, peak memory and the ratio to the notebook.
Not a test: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

from _measure import PTC_DEFAULT, ROOT, Run, measure, write_corpus

TEXTSTAT_INDICES = (
    "flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index",
    "dale_chall_readability_score", "coleman_liau_index", "automated_readability_index",
)  # fmt: skip


def run_notebook_pipeline(corpus: Path, out: Path) -> None:
    """What a notebook would do with pandas, vaderSentiment, textstat and re."""
    sys.path.insert(0, str(ROOT))
    import pandas as pd
    import textstat
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    import framing.readability  # noqa: F401 (keeps textstat's syllable dictionary offline)
    from framing.lexicon import load_lexicons

    forms = {f.lower() for e in load_lexicons(["loaded_language"]).entries for f in e.forms}
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    loaded = re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)
    analyzer = SentimentIntensityAnalyzer()

    df = pd.read_json(corpus, lines=True)
    df["words"] = df["text"].str.split().str.len()
    df["compound"] = df["text"].apply(lambda text: analyzer.polarity_scores(text)["compound"])
    for name in TEXTSTAT_INDICES:
        df[name] = df["text"].apply(getattr(textstat, name))
    df["loaded_hits"] = df["text"].apply(lambda text: len(loaded.findall(text)))
    df.drop(columns="text").to_parquet(out, index=False)


def _row(name: str, run: Run, articles: int, words: int, base: Run) -> str:
    return (
        f"| {name} | {articles / run.seconds:,.1f} | {words / run.seconds:,.0f} | "
        f"{run.seconds:,.1f} | {1000 * run.cpu_seconds / articles:,.1f} | "
        f"{run.peak_tree_mib:,.0f} | {run.peak_process_mib:,.0f} | "
        f"**{base.seconds / run.seconds:.1f}x** | {base.cpu_seconds / run.cpu_seconds:.1f}x |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ptc", type=Path, default=PTC_DEFAULT, help="folder of PTC .txt files")
    parser.add_argument("--copies", type=int, default=5, help="copies of each text")
    parser.add_argument(
        "--jobs", type=int, nargs="+", default=[1, 0], help="Slant --jobs values (0: all cores)"
    )
    parser.add_argument("--notebook", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.notebook:
        run_notebook_pipeline(*args.notebook)
        return
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus.jsonl"
        articles, words = write_corpus(args.ptc, args.copies, corpus)
        out = Path(folder) / "scores.parquet"
        script = str(Path(__file__).resolve())
        base = measure([sys.executable, script, "--notebook", str(corpus), str(out)])
        notebook = "notebook: pandas apply (VADER, textstat, regex)"
        rows = [_row(notebook, base, articles, words, base)]
        for jobs in args.jobs:
            command = [sys.executable, "-m", "framing", "analyze", str(corpus), "--out", str(out)]
            run = measure([*command, "--jobs", str(jobs)])
            label = "all cores" if jobs == 0 else f"{jobs}"
            rows.append(_row(f"slant: analyze --jobs {label}", run, articles, words, base))
    print(f"{articles:,} articles ({args.copies} copies of {articles // args.copies} PTC texts), "
          f"{words:,} words\n")  # fmt: skip
    print("| pipeline | articles/s | words/s | seconds | CPU ms/article | peak MiB, all "
          "processes (PSS) | peak MiB, largest process (RSS) | speed vs notebook "
          "| CPU per article, notebook ÷ this |")  # fmt: skip
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
